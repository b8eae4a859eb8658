package org.aoiforecast.core.dataset;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.aoiforecast.core.Finite;
import org.aoiforecast.core.TimeSeries;
import org.aoiforecast.core.reading.Source;

/**
 * Per-column shift and scale ({@code z = (x - mean) / scale}) fitted on training rows, plus the
 * same for each source's age input.
 *
 * <p>Column statistics are the mean and population standard deviation over the training part's
 * rows; a constant column gets scale 1 (so it maps to 0 rather than dividing by zero). Age
 * statistics are the mean and standard deviation of each encoded age input (per source, per
 * {@link AgeEncoding} column) over the training samples; a constant one gets scale 1. Immutable; the arrays are copied in and out, so a model can
 * store and restore it exactly.
 */
public final class Standardization {
  private final List<String> columns;
  private final double[] mean;
  private final double[] scale;
  private final double[] ageMean;
  private final double[] ageScale;

  /**
   * Restores a standardisation from its parts (e.g. read from a saved model).
   *
   * @param columns column names
   * @param mean per-column means, parallel to {@code columns}
   * @param scale per-column positive scales
   * @param ageMean means of the encoded age inputs, source-major ({@code source * width + column})
   * @param ageScale their positive scales
   */
  public Standardization(List<String> columns, double[] mean, double[] scale, double[] ageMean, double[] ageScale) {
    if (mean.length != columns.size() || scale.length != columns.size() || ageMean.length != ageScale.length) {
      throw new IllegalArgumentException("standardisation parts have inconsistent lengths");
    }
    for (double s : scale) {
      if (!(s > 0) || Double.isInfinite(s)) {
        throw new IllegalArgumentException("scales must be positive and finite, got " + Arrays.toString(scale));
      }
    }
    for (double s : ageScale) {
      if (!(s > 0) || Double.isInfinite(s)) {
        throw new IllegalArgumentException("age scales must be positive and finite, got " + Arrays.toString(ageScale));
      }
    }
    this.columns = List.copyOf(columns);
    this.mean = mean.clone();
    this.scale = scale.clone();
    this.ageMean = ageMean.clone();
    this.ageScale = ageScale.clone();
  }

  /**
   * Fits on the rows of a (training) data set's segment and on its samples' ages.
   *
   * @param train the training data set (not standardised)
   * @return the fitted standardisation
   */
  public static Standardization fit(AgedDataset train) {
    if (train.standardization().isPresent()) {
      throw new IllegalArgumentException("fit on raw data: the data set is already standardised");
    }
    TimeSeries series = train.series();
    int from = train.segmentStart();
    int to = train.segmentEnd();
    int columns = series.names().size();
    double[] mean = new double[columns];
    double[] scale = new double[columns];
    Set<String> used = new HashSet<>();
    used.add(train.spec().target());
    for (Source source : train.spec().sources()) {
      used.addAll(source.columns());
    }
    for (int c = 0; c < columns; c++) {
      double sum = 0;
      for (int r = from; r < to; r++) {
        sum += series.value(c, r);
      }
      double m = sum / (to - from);
      double ss = 0;
      for (int r = from; r < to; r++) {
        double d = series.value(c, r) - m;
        ss += d * d;
      }
      double sd = Math.sqrt(ss / (to - from));
      if (!Double.isFinite(sd)) {
        String name = series.names().get(c);
        if (used.contains(name)) {
          // names the column, rather than letting training turn it into NaN losses
          Finite.requireFiniteSpread(series.origin(), name, series.column(name), from, to);
        }
        // a column the samples never read may hold anything: it keeps the identity transform
        m = 0;
        sd = 1;
      }
      mean[c] = m;
      scale[c] = sd > 1e-12 * Math.max(1, Math.abs(m)) ? sd : 1.0;
    }
    int sources = train.spec().sources().size();
    AgeEncoding encoding = train.spec().ageEncoding();
    int width = encoding.width();
    double[] ageMean = new double[sources * width];
    double[] ageScale = new double[sources * width];
    double n = train.size();
    double[] encoded = new double[width];
    AgedDatasetSpec spec = train.spec();
    int horizons = spec.horizonCount();
    int cells = train.ageVectorCount() * horizons;
    double[][] values = new double[cells][];
    for (int s = 0; s < sources; s++) {
      // one value per (age vector, horizon) cell: the age, or the lead time when the spec feeds it
      for (int c = 0; c < cells; c++) {
        encoding.encode(spec.inputAge(train.ageVector(c / horizons)[s], spec.horizon(c % horizons)), encoded, 0);
        values[c] = encoded.clone();
      }
      for (int e = 0; e < width; e++) {
        double sum = 0;
        for (int c = 0; c < cells; c++) {
          sum += train.countOfCell(c) * values[c][e];
        }
        double m = sum / n;
        double ss = 0;
        for (int c = 0; c < cells; c++) {
          double d = values[c][e] - m;
          ss += train.countOfCell(c) * d * d;
        }
        double sd = Math.sqrt(ss / n);
        ageMean[s * width + e] = m;
        ageScale[s * width + e] = sd > 1e-12 ? sd : 1.0;
      }
    }
    return new Standardization(series.names(), mean, scale, ageMean, ageScale);
  }

  /**
   * Standardises a series, matching columns by name. Columns the standardisation was not fitted
   * on are copied unchanged (no model reads them).
   *
   * @param series the raw series
   * @return a standardised copy
   */
  public TimeSeries apply(TimeSeries series) {
    double[] offset = new double[series.names().size()];
    double[] s = new double[offset.length];
    for (int c = 0; c < offset.length; c++) {
      int i = columns.indexOf(series.names().get(c));
      offset[c] = i < 0 ? 0 : mean[i];
      s[c] = i < 0 ? 1 : scale[i];
    }
    return series.affine(offset, s);
  }

  private int index(String column) {
    int i = columns.indexOf(column);
    if (i < 0) {
      throw new IllegalArgumentException("the standardisation was fitted without column '" + column
          + "'; it knows " + columns);
    }
    return i;
  }

  /**
   * @param column a column name
   * @param value a raw value
   * @return the standardised value
   */
  public double scale(String column, double value) {
    int i = index(column);
    return (value - mean[i]) / scale[i];
  }

  /**
   * @param column a column name
   * @param z a standardised value
   * @return the raw value, in the column's units
   */
  public double unscale(String column, double z) {
    int i = index(column);
    return z * scale[i] + mean[i];
  }

  /**
   * @param column a column name
   * @return its scale (raw units per standardised unit): multiply a standardised squared error by
   *     its square to get raw units squared
   */
  public double scaleOf(String column) {
    return scale[index(column)];
  }

  /**
   * @param column index of an encoded age input ({@code source * encoding width + column})
   * @param value its encoded value
   * @return the standardised age input
   */
  public double scaleAge(int column, double value) {
    return (value - ageMean[column]) / ageScale[column];
  }

  /** @return the column names */
  public List<String> columns() {
    return columns;
  }

  /** @return a copy of the column means */
  public double[] means() {
    return mean.clone();
  }

  /** @return a copy of the column scales */
  public double[] scales() {
    return scale.clone();
  }

  /** @return a copy of the encoded age inputs' means, source-major */
  public double[] ageMeans() {
    return ageMean.clone();
  }

  /** @return a copy of the encoded age inputs' scales, source-major */
  public double[] ageScales() {
    return ageScale.clone();
  }
}
