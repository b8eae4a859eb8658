package org.aoiforecast.core.dataset;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import org.aoiforecast.core.TimeSeries;
import org.aoiforecast.core.reading.Source;

/**
 * Turns the inputs of one sample into the feature vector a model reads, in the one layout that
 * training rows and live forecasts share. With {@code Δ_s} the age of source {@code s} in steps
 * and {@code u} the window:
 * <ol>
 *   <li>for each source, for each of its columns, the window {@code x[t-Δ_s], x[t-Δ_s-1], ...,
 *       x[t-Δ_s-u+1]} (freshest first; named {@code source.column}, {@code source.column[-1]}, ...,
 *       or {@code column}, {@code column[-1]}, ... for a one-column source named like its column);
 *   <li>the known covariates at the target time {@code t+h} (age 0);
 *   <li>when the spec has the age input, each source's age as encoded by its {@link AgeEncoding}
 *       (by default the age in steps, {@code age:source}), scaled by the standardisation if any;
 *       when the spec pools several horizons, the lead time {@code Δ_s + h} instead, encoded the
 *       same way and named {@code lead:source} ({@link AgedDatasetSpec#hasLeadTimeInput()}).
 * </ol>
 *
 * <p>Two ways in. {@link #encodeRow} reads a series that is already in model units (an {@link
 * AgedDataset} standardises its series once, so rows copy values as they are); {@link
 * #encodeLive} takes raw readings as they arrive and scales them itself. Both write the same
 * positions, so a model sees live inputs exactly as it saw its training rows.
 *
 * <p>Immutable and thread-safe.
 */
public final class FeatureEncoder {
  private final AgedDatasetSpec spec;
  private final Standardization standardization; // null when raw
  private final TimeSeries series; // null when not bound to a series
  private final int[][] sourceColumns;

  private FeatureEncoder(AgedDatasetSpec spec, Standardization standardization, TimeSeries series) {
    this.spec = Objects.requireNonNull(spec, "spec");
    this.standardization = standardization;
    this.series = series;
    if (series == null) {
      this.sourceColumns = null;
    } else {
      List<Source> sources = spec.sources();
      this.sourceColumns = new int[sources.size()][];
      for (int s = 0; s < sources.size(); s++) {
        Source src = sources.get(s);
        sourceColumns[s] = new int[src.width()];
        for (int c = 0; c < src.width(); c++) {
          sourceColumns[s][c] = series.columnIndex(src.columns().get(c));
        }
      }
    }
  }

  /**
   * An encoder for raw data: values and ages are written as they are.
   *
   * @param spec the data set description
   * @return the encoder
   */
  public static FeatureEncoder raw(AgedDatasetSpec spec) {
    return new FeatureEncoder(spec, null, null);
  }

  /**
   * An encoder for a model trained on standardised data: live values and all ages are scaled
   * with the training statistics.
   *
   * @param spec the data set description
   * @param standardization statistics of the training part
   * @return the encoder
   */
  public static FeatureEncoder standardized(AgedDatasetSpec spec, Standardization standardization) {
    return new FeatureEncoder(spec, Objects.requireNonNull(standardization, "standardization"), null);
  }

  /**
   * This encoder reading rows of a series (already in model units: standardised when this
   * encoder is).
   *
   * @param series the series whose rows {@link #encodeRow} reads
   * @return a bound encoder
   * @throws org.aoiforecast.core.DataException naming a source column the series lacks
   */
  public FeatureEncoder over(TimeSeries series) {
    return new FeatureEncoder(spec, standardization, Objects.requireNonNull(series, "series"));
  }

  /** @return the data set description */
  public AgedDatasetSpec spec() {
    return spec;
  }

  /** @return the number of features written per sample */
  public int width() {
    return spec.featureCount();
  }

  /** @return the feature names, in the order written */
  public List<String> names() {
    return spec.featureNames();
  }

  /** The series column of a source's column, for the data set bound to the same series. */
  int sourceColumn(int source, int column) {
    return sourceColumns[source][column];
  }

  /** The names of a spec's features (see the class comment); computed once per spec. */
  static List<String> names(AgedDatasetSpec spec) {
    List<String> names = new ArrayList<>();
    for (Source s : spec.sources()) {
      for (int c = 0; c < s.width(); c++) {
        for (int lag = 0; lag < spec.window(); lag++) {
          names.add(s.qualifiedName(c) + (lag == 0 ? "" : "[-" + lag + "]"));
        }
      }
    }
    for (KnownCovariate k : spec.covariates()) {
      names.add(k.name());
    }
    if (spec.hasAgeInput()) {
      for (Source s : spec.sources()) {
        for (String name : spec.ageEncoding().names(s.name())) {
          // "age:src", "log_age:src", ... become "lead:src", "log_lead:src", ...
          int colon = name.indexOf(':');
          names.add(spec.hasLeadTimeInput() ? name.substring(0, colon).replace("age", "lead") + name.substring(colon)
              : name);
        }
      }
    }
    return List.copyOf(names);
  }

  /**
   * Writes the features of the sample anchored at one row of the bound series, for the spec's
   * single horizon.
   *
   * @param anchorRow the query row {@code t}; the target row is {@code t + horizon}
   * @param ages one age per source, in steps
   * @param out destination
   * @param offset position of the first feature
   * @throws IllegalStateException when this encoder is not bound to a series ({@link #over}) or
   *     the spec pools several horizons
   */
  public void encodeRow(int anchorRow, int[] ages, double[] out, int offset) {
    encodeRow(anchorRow, ages, spec.horizon(), out, offset);
  }

  /**
   * Writes the features of the sample anchored at one row of the bound series for one horizon.
   *
   * @param anchorRow the query row {@code t}; the target row is {@code t + horizon}
   * @param ages one age per source, in steps
   * @param horizon the sample's horizon, in steps
   * @param out destination
   * @param offset position of the first feature
   * @throws IllegalStateException when this encoder is not bound to a series ({@link #over})
   */
  public void encodeRow(int anchorRow, int[] ages, int horizon, double[] out, int offset) {
    if (series == null) {
      throw new IllegalStateException("this encoder reads no series: call over(series) first");
    }
    int u = spec.window();
    int p = offset;
    for (int s = 0; s < sourceColumns.length; s++) {
      int newest = anchorRow - ages[s];
      for (int col : sourceColumns[s]) {
        for (int lag = 0; lag < u; lag++) {
          out[p++] = series.value(col, newest - lag);
        }
      }
    }
    int targetRow = anchorRow + horizon;
    for (KnownCovariate c : spec.covariates()) {
      out[p++] = c.value(series, targetRow);
    }
    if (spec.hasAgeInput()) {
      int width = spec.ageEncoding().width();
      for (int s = 0; s < ages.length; s++) {
        encodeAge(s, spec.inputAge(ages[s], horizon), out, p);
        p += width;
      }
    }
  }

  /**
   * Encodes a live sample from raw readings for the spec's single horizon.
   *
   * @param targetTime the time the forecast is for (query time plus horizon), at which the known
   *     covariates are evaluated
   * @param windows per source (spec order), per column, the window of raw values, freshest first
   * @param ages per source, its age in steps (may be fractional)
   * @param columnCovariates raw values at the target time of the covariates read from data
   *     columns, by name (covariates computed from the time need none)
   * @return the features
   * @throws IllegalArgumentException naming the source, column or covariate whose input is
   *     missing or has the wrong length
   * @throws IllegalStateException when the spec pools several horizons
   */
  public double[] encodeLive(Instant targetTime, double[][][] windows, double[] ages,
      Map<String, Double> columnCovariates) {
    return encodeLive(targetTime, spec.horizon(), windows, ages, columnCovariates);
  }

  /**
   * Encodes a live sample from raw readings for one horizon.
   *
   * @param targetTime the time the forecast is for (query time plus horizon), at which the known
   *     covariates are evaluated
   * @param horizon the horizon in steps (added to each age when the spec feeds lead times)
   * @param windows per source (spec order), per column, the window of raw values, freshest first
   * @param ages per source, its age in steps (may be fractional)
   * @param columnCovariates raw values at the target time of the covariates read from data
   *     columns, by name (covariates computed from the time need none)
   * @return the features
   * @throws IllegalArgumentException naming the source, column or covariate whose input is
   *     missing or has the wrong length
   */
  public double[] encodeLive(Instant targetTime, int horizon, double[][][] windows, double[] ages,
      Map<String, Double> columnCovariates) {
    List<Source> sources = spec.sources();
    if (windows.length != sources.size() || ages.length != sources.size()) {
      throw new IllegalArgumentException("give one window and one age per source " + spec.sourceNames() + ", got "
          + windows.length + " window(s) and " + ages.length + " age(s)");
    }
    double[] out = new double[width()];
    int u = spec.window();
    int p = 0;
    for (int s = 0; s < sources.size(); s++) {
      Source src = sources.get(s);
      if (windows[s].length != src.width()) {
        throw new IllegalArgumentException("source '" + src.name() + "' has columns " + src.columns() + " but "
            + windows[s].length + " value arrays were given");
      }
      for (int c = 0; c < src.width(); c++) {
        double[] window = windows[s][c];
        String column = src.columns().get(c);
        if (window.length != u) {
          throw new IllegalArgumentException("source '" + src.name() + "', column '" + column + "': "
              + window.length + " values given, the window is " + u + " (freshest first)");
        }
        for (int lag = 0; lag < u; lag++) {
          out[p++] = standardization == null ? window[lag] : standardization.scale(column, window[lag]);
        }
      }
    }
    for (KnownCovariate c : spec.covariates()) {
      OptionalDouble computed = c.valueAt(targetTime);
      if (computed.isPresent()) {
        out[p++] = computed.getAsDouble();
        continue;
      }
      Double v = columnCovariates.get(c.name());
      if (v == null) {
        throw new IllegalArgumentException("covariate '" + c.name() + "' is a data column: give its value at "
            + targetTime);
      }
      out[p++] = standardization == null ? v : standardization.scale(c.name(), v);
    }
    if (spec.hasAgeInput()) {
      int width = spec.ageEncoding().width();
      for (int s = 0; s < ages.length; s++) {
        encodeAge(s, spec.hasLeadTimeInput() ? ages[s] + horizon : ages[s], out, p);
        p += width;
      }
    }
    return out;
  }

  /**
   * A source's age as fed to a model: encoded by the spec's {@link AgeEncoding}, then scaled with
   * the training ages' statistics when this encoder standardises.
   *
   * @param source source index
   * @param ageSteps an age in steps (may be fractional)
   * @param out destination of {@code ageEncoding().width()} values
   * @param offset first position
   */
  public void encodeAge(int source, double ageSteps, double[] out, int offset) {
    AgeEncoding encoding = spec.ageEncoding();
    encoding.encode(ageSteps, out, offset);
    if (standardization != null) {
      int width = encoding.width();
      for (int e = 0; e < width; e++) {
        out[offset + e] = standardization.scaleAge(source * width + e, out[offset + e]);
      }
    }
  }
}
