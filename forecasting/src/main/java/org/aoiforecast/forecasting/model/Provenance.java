package org.aoiforecast.forecasting.model;

import java.time.Instant;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.aoiforecast.core.dataset.AgedDataset;

/**
 * Where a model's training data came from, saved with the model so that a file found later says
 * what it was fitted on.
 *
 * @param dataOrigin the data's origin as the reader recorded it (usually a file name; empty when
 *     the series was built in memory)
 * @param trainingStart time of the first row of the training part
 * @param trainingEnd time of the last row of the training part
 * @param trainingRows rows of the series in the training part
 * @param trainingSamples samples (rows times age vectors) in the training part
 * @param properties what the application knew about the data beyond its values, as text (e.g.
 *     the site from which a clear-sky covariate was computed, so that live forecasts can compute it
 *     the same way); sorted by key, empty when nothing was recorded
 */
public record Provenance(String dataOrigin, Instant trainingStart, Instant trainingEnd, int trainingRows,
    long trainingSamples, Map<String, String> properties) {

  /** Checks the parts and copies the properties. */
  public Provenance {
    Objects.requireNonNull(dataOrigin, "dataOrigin");
    Objects.requireNonNull(trainingStart, "trainingStart");
    Objects.requireNonNull(trainingEnd, "trainingEnd");
    TreeMap<String, String> sorted = new TreeMap<>();
    properties.forEach((k, v) -> sorted.put(Objects.requireNonNull(k, "property key"),
        Objects.requireNonNull(v, "value of property " + k)));
    properties = Collections.unmodifiableMap(sorted);
  }

  /**
   * A provenance without properties.
   *
   * @param dataOrigin the data's origin
   * @param trainingStart time of the first row of the training part
   * @param trainingEnd time of the last row of the training part
   * @param trainingRows rows of the series in the training part
   * @param trainingSamples samples in the training part
   */
  public Provenance(String dataOrigin, Instant trainingStart, Instant trainingEnd, int trainingRows,
      long trainingSamples) {
    this(dataOrigin, trainingStart, trainingEnd, trainingRows, trainingSamples, Map.of());
  }

  /**
   * @param train the (raw or standardised) training part
   * @return its provenance, without properties
   */
  public static Provenance of(AgedDataset train) {
    return new Provenance(train.series().origin(), train.series().time(train.segmentStart()),
        train.series().time(train.segmentEnd() - 1), train.segmentEnd() - train.segmentStart(), train.size());
  }

  /**
   * @param more properties to add (a key already present takes the new value)
   * @return this provenance with the properties added
   */
  public Provenance withProperties(Map<String, String> more) {
    Map<String, String> all = new TreeMap<>(properties);
    all.putAll(more);
    return new Provenance(dataOrigin, trainingStart, trainingEnd, trainingRows, trainingSamples, all);
  }
}
