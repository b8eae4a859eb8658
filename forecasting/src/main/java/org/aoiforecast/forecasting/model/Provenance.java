package org.aoiforecast.forecasting.model;

import java.time.Instant;
import java.util.Objects;
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
 */
public record Provenance(String dataOrigin, Instant trainingStart, Instant trainingEnd, int trainingRows,
    long trainingSamples) {

  /** Checks the parts. */
  public Provenance {
    Objects.requireNonNull(dataOrigin, "dataOrigin");
    Objects.requireNonNull(trainingStart, "trainingStart");
    Objects.requireNonNull(trainingEnd, "trainingEnd");
  }

  /**
   * @param train the (raw or standardised) training part
   * @return its provenance
   */
  public static Provenance of(AgedDataset train) {
    return new Provenance(train.series().origin(), train.series().time(train.segmentStart()),
        train.series().time(train.segmentEnd() - 1), train.segmentEnd() - train.segmentStart(), train.size());
  }
}
