package org.aoiforecast.core.dataset;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.aoiforecast.core.DataException;
import org.aoiforecast.core.TimeSeries;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * A supervised data set whose features are stale by known ages: the pairs {@code (X_{t-Δ},
 * Y_{t+h})} that an {@link AgedDatasetSpec} describes, over the rows of a regular {@link
 * TimeSeries}, for one age, a per-source age vector, or pooled over a set of age vectors.
 *
 * <p>An aged data set is four things: the spec (what a sample is), the series (where the values
 * come from), the rows it may touch (a segment of the series), and the standardisation its series
 * went through, if any. Everything else is derived.
 *
 * <p><b>A view, not a copy.</b> Samples are computed on demand from the series by index
 * arithmetic. Row {@code r} belongs to age vector {@code k} and anchor (query) row {@code t}; the
 * memory used is the series plus a few integers per age vector, whatever the number of ages.
 * The layout of one sample is the {@link FeatureEncoder}'s; the target is the target column at
 * row {@code t+h}.
 *
 * <p><b>Which anchors.</b> With {@link AgedDatasetSpec.Anchors#COMMON} (the default) every age
 * vector uses the anchors for which the oldest age's window still lies inside the rows, so losses
 * at different ages are measured on the same targets; otherwise each age vector uses every anchor
 * its own ages allow.
 *
 * <p><b>No leakage.</b> A data set only touches the rows of its segment (all rows by default).
 * {@link #split} cuts the rows into chronological segments, so no window or target of one part
 * lies in another; {@link Splits#standardized()} fits the standardisation on the training part
 * only. {@link RollingOrigin#folds} makes several such splits (a backtest), with gaps between
 * the parts.
 *
 * <pre>{@code
 * AgedDataset data = AgedDataset.of(series, spec);
 * Splits splits = data.split(ChronologicalSplit.defaults());
 * }</pre>
 */
public final class AgedDataset {
  private final AgedDatasetSpec spec;
  private final TimeSeries series;
  private final int segmentStart;
  private final int segmentEnd;
  private final String segmentLabel; // names the part in errors, null for a whole data set
  private final Standardization standardization; // null when raw
  private final FeatureEncoder encoder;
  private final int[][] ageVectors;
  private final int targetColumn;
  private final int[] firstAnchor;
  private final long[] offsets;

  private AgedDataset(AgedDatasetSpec spec, TimeSeries series, Standardization standardization, int segmentStart,
      int segmentEnd, String segmentLabel) {
    spec.requireColumnsOf(series);
    this.spec = spec;
    this.series = series;
    this.segmentStart = segmentStart;
    this.segmentEnd = segmentEnd;
    this.segmentLabel = segmentLabel;
    this.standardization = standardization;
    this.encoder = (standardization == null ? FeatureEncoder.raw(spec)
        : FeatureEncoder.standardized(spec, standardization)).over(series);
    this.ageVectors = spec.ageVectorsShared();
    this.targetColumn = series.columnIndex(spec.target());
    this.firstAnchor = new int[ageVectors.length];
    this.offsets = new long[ageVectors.length + 1];
    int window = spec.window();
    int horizon = spec.horizon();
    int lastAnchor = segmentEnd - 1 - horizon;
    for (int k = 0; k < ageVectors.length; k++) {
      int oldest = spec.anchors() == AgedDatasetSpec.Anchors.COMMON ? spec.oldestAge() : max(ageVectors[k]);
      int first = segmentStart + oldest + window - 1;
      int count = lastAnchor - first + 1;
      if (count < 1) {
        int rows = segmentEnd - segmentStart;
        throw new DataException(series.origin().isEmpty() ? null : series.origin(), 0, null,
            (segmentLabel == null ? "the data set" : "the " + segmentLabel + " part") + " has " + rows
            + " rows (" + series.time(segmentStart) + " .. " + series.time(Math.max(segmentStart, segmentEnd - 1))
            + ") but window " + window + " + age " + oldest + " + horizon " + horizon + " need at least "
            + (oldest + window + horizon) + ": use a smaller window, age or horizon, or more data");
      }
      firstAnchor[k] = first;
      offsets[k + 1] = offsets[k] + count;
    }
    if (offsets[ageVectors.length] > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("the data set would have " + offsets[ageVectors.length]
          + " rows, more than an int can index; use fewer ages");
    }
  }

  /** A view of one age vector of a pooled data set that keeps the pool's anchors. */
  private AgedDataset(AgedDataset pool, int k) {
    this.spec = pool.spec.withOnlyAgeVector(k);
    this.series = pool.series;
    this.segmentStart = pool.segmentStart;
    this.segmentEnd = pool.segmentEnd;
    this.segmentLabel = pool.segmentLabel;
    this.standardization = pool.standardization;
    this.encoder = (standardization == null ? FeatureEncoder.raw(spec)
        : FeatureEncoder.standardized(spec, standardization)).over(series);
    this.ageVectors = spec.ageVectorsShared();
    this.targetColumn = pool.targetColumn;
    this.firstAnchor = new int[] {pool.firstAnchor[k]};
    this.offsets = new long[] {0, pool.countOf(k)};
  }

  /**
   * The data set a spec describes over all rows of a series.
   *
   * @param series the base series
   * @param spec what a sample is
   * @return the data set
   * @throws DataException when a column is missing or the rows cannot hold one window at the
   *     oldest age
   */
  public static AgedDataset of(TimeSeries series, AgedDatasetSpec spec) {
    return new AgedDataset(spec, series, null, 0, series.size(), null);
  }

  /**
   * The data set a spec describes over some rows of a series: no window or target outside them.
   *
   * @param series the base series
   * @param spec what a sample is
   * @param fromRow first row (inclusive)
   * @param toRow end row (exclusive)
   * @return the data set
   * @throws DataException when a column is missing or the rows cannot hold one window at the
   *     oldest age
   */
  public static AgedDataset of(TimeSeries series, AgedDatasetSpec spec, int fromRow, int toRow) {
    Objects.checkFromToIndex(fromRow, toRow, series.size());
    return new AgedDataset(spec, series, null, fromRow, toRow, null);
  }

  private static int max(int[] v) {
    int m = 0;
    for (int a : v) {
      m = Math.max(m, a);
    }
    return m;
  }

  // ---------------------------------------------------------------- shape

  /** @return what a sample is */
  public AgedDatasetSpec spec() {
    return spec;
  }

  /** @return the encoder that writes this data set's samples (bound to its series) */
  public FeatureEncoder encoder() {
    return encoder;
  }

  /** @return the number of samples */
  public int size() {
    return (int) offsets[ageVectors.length];
  }

  /** @return the number of features per sample */
  public int featureCount() {
    return spec.featureCount();
  }

  /** @return the feature names, in sample order */
  public List<String> featureNames() {
    return spec.featureNames();
  }

  /** @return the base series (standardised when this data set is) */
  public TimeSeries series() {
    return series;
  }

  /** @return the number of age vectors pooled */
  public int ageVectorCount() {
    return ageVectors.length;
  }

  /**
   * @param k age vector index
   * @return a copy of that age vector, one age (in steps) per source
   */
  public int[] ageVector(int k) {
    return ageVectors[k].clone();
  }

  /** @return the first row of the series this data set may touch */
  public int segmentStart() {
    return segmentStart;
  }

  /** @return the end (exclusive) of the rows this data set may touch */
  public int segmentEnd() {
    return segmentEnd;
  }

  /** @return the standardisation applied, if any */
  public Optional<Standardization> standardization() {
    return Optional.ofNullable(standardization);
  }

  /**
   * @param k age vector index
   * @return the number of samples with that age vector
   */
  public int countOf(int k) {
    return (int) (offsets[k + 1] - offsets[k]);
  }

  /**
   * @param k age vector index
   * @return the first sample row with that age vector (rows are grouped by age vector)
   */
  public int firstRowOf(int k) {
    return (int) offsets[k];
  }

  // ---------------------------------------------------------------- samples

  /**
   * @param row sample row
   * @return the index of its age vector
   */
  public int ageVectorIndex(int row) {
    Objects.checkIndex(row, size());
    if (ageVectors.length == 1) {
      return 0;
    }
    int k = Arrays.binarySearch(offsets, row);
    // exact hit: row is the first of group k (skip empty groups); otherwise insertion point - 1
    if (k >= 0) {
      while (k + 1 < offsets.length && offsets[k + 1] == row) {
        k++;
      }
      return k;
    }
    return -k - 2;
  }

  /**
   * @param row sample row
   * @return its anchor (query time) row {@code t} in the series
   */
  public int anchorRow(int row) {
    int k = ageVectorIndex(row);
    return firstAnchor[k] + (int) (row - offsets[k]);
  }

  /**
   * @param row sample row
   * @return its target row {@code t + h} in the series
   */
  public int targetRow(int row) {
    return anchorRow(row) + spec.horizon();
  }

  /**
   * @param row sample row
   * @return the query time of the sample
   */
  public Instant anchorTime(int row) {
    return series.time(anchorRow(row));
  }

  /**
   * @param row sample row
   * @param source source index
   * @return the age of that source in the sample, in steps
   */
  public int age(int row, int source) {
    return ageVectors[ageVectorIndex(row)][source];
  }

  /**
   * @param row sample row
   * @return the target value (standardised when the data set is)
   */
  public double targetValue(int row) {
    return series.value(targetColumn, targetRow(row));
  }

  /**
   * One windowed value.
   *
   * @param row sample row
   * @param source source index
   * @param column column index within the source
   * @param lag 0 for the freshest value of the window, up to {@code window - 1}
   * @return {@code x[t - Δ_source - lag]}
   */
  public double value(int row, int source, int column, int lag) {
    int k = ageVectorIndex(row);
    int t = firstAnchor[k] + (int) (row - offsets[k]);
    return series.value(encoder.sourceColumn(source, column), t - ageVectors[k][source] - lag);
  }

  /**
   * @param row sample row
   * @param covariate covariate index
   * @return its value at the target row
   */
  public double covariate(int row, int covariate) {
    return spec.covariates().get(covariate).value(series, targetRow(row));
  }

  /**
   * Writes one sample's features (see {@link FeatureEncoder} for the layout).
   *
   * @param row sample row
   * @param out destination
   * @param offset position of the first feature in {@code out}
   */
  public void features(int row, double[] out, int offset) {
    int k = ageVectorIndex(row);
    encoder.encodeRow(firstAnchor[k] + (int) (row - offsets[k]), ageVectors[k], out, offset);
  }

  /**
   * @param row sample row
   * @return a new array with the sample's features
   */
  public double[] features(int row) {
    double[] out = new double[featureCount()];
    features(row, out, 0);
    return out;
  }

  /**
   * Materialises all features, one row per sample: for estimators and linear baselines that need
   * a matrix. Costs {@code size() * featureCount()} doubles.
   *
   * @return the feature matrix, rows = samples
   */
  public double[][] featureMatrix() {
    double[][] x = new double[size()][];
    for (int r = 0; r < x.length; r++) {
      x[r] = features(r);
    }
    return x;
  }

  /** @return the target values, one per sample */
  public double[] targetValues() {
    double[] y = new double[size()];
    for (int r = 0; r < y.length; r++) {
      y[r] = targetValue(r);
    }
    return y;
  }

  /**
   * Materialises the data set as a table: {@code time} (query time), {@code age_vector}, the
   * features and the target. For inspection; models read the view directly.
   *
   * @return a new table
   */
  public Table toTable() {
    int featureCount = featureCount();
    Table table = Table.create("aged " + spec.target());
    InstantColumn time = InstantColumn.create("time", size());
    IntColumn vector = IntColumn.create("age_vector", size());
    double[][] cols = new double[featureCount][size()];
    double[] f = new double[featureCount];
    for (int r = 0; r < size(); r++) {
      time.set(r, anchorTime(r));
      vector.set(r, ageVectorIndex(r));
      features(r, f, 0);
      for (int j = 0; j < featureCount; j++) {
        cols[j][r] = f[j];
      }
    }
    table.addColumns(time, vector);
    for (int j = 0; j < featureCount; j++) {
      table.addColumns(DoubleColumn.create(featureNames().get(j), cols[j]));
    }
    table.addColumns(DoubleColumn.create("target:" + spec.target(), targetValues()));
    return table;
  }

  // ---------------------------------------------------------------- derived views

  /**
   * The samples of one age vector, as a data set of its own (same anchors as in this one).
   *
   * @param k age vector index
   * @return a view with one age vector and the same age-input setting
   */
  public AgedDataset forAgeVector(int k) {
    Objects.checkIndex(k, ageVectors.length);
    if (spec.anchors() == AgedDatasetSpec.Anchors.COMMON) {
      return new AgedDataset(this, k); // keep the pool's anchors, as if its oldest age were still there
    }
    return withSpec(spec.withOnlyAgeVector(k));
  }

  /** @return the same data set with the ages as inputs */
  public AgedDataset withAgeInput() {
    return spec.hasAgeInput() ? this : withSpec(spec.withAgeInput());
  }

  /** @return the same data set without age inputs */
  public AgedDataset withoutAgeInput() {
    return spec.hasAgeInput() ? withSpec(spec.withoutAgeInput()) : this;
  }

  /**
   * The same rows, series and standardisation described by another spec (e.g. another window or
   * age set).
   *
   * @param other the spec
   * @return a view
   */
  public AgedDataset withSpec(AgedDatasetSpec other) {
    return new AgedDataset(other, series, standardization, segmentStart, segmentEnd, segmentLabel);
  }

  /**
   * Cuts the rows into chronological train / validation / test parts (by row count of this data
   * set's segment). Each part is a data set over the same series whose windows and targets stay
   * inside its own rows: nothing crosses a boundary.
   *
   * @param split the fractions
   * @return the parts
   * @throws DataException naming the part that is too short for the window, ages and horizon
   */
  public Splits split(ChronologicalSplit split) {
    int rows = segmentEnd - segmentStart;
    int trainEnd = segmentStart + (int) Math.round(rows * split.train());
    int validationEnd = trainEnd + (int) Math.round(rows * split.validation());
    AgedDataset train = new AgedDataset(spec, series, standardization, segmentStart, trainEnd, "training");
    AgedDataset validation = split.validation() > 0
        ? new AgedDataset(spec, series, standardization, trainEnd, validationEnd, "validation") : null;
    AgedDataset test = new AgedDataset(spec, series, standardization, validationEnd, segmentEnd, "test");
    return new Splits(train, validation, test);
  }

  /**
   * The same spec, series and standardisation over other rows (a part of a split or a fold).
   *
   * @param fromRow first row (inclusive)
   * @param toRow end row (exclusive)
   * @param label the part's name in errors ("training", "fold 2 test", ...)
   * @return a view
   */
  AgedDataset part(int fromRow, int toRow, String label) {
    Objects.checkFromToIndex(fromRow, toRow, series.size());
    return new AgedDataset(spec, series, standardization, fromRow, toRow, label);
  }

  /**
   * This data set over a standardised copy of its series (one copy, shared by the views made
   * from it).
   *
   * @param standardization fitted, typically on the training part
   * @return a view
   */
  public AgedDataset standardize(Standardization standardization) {
    if (this.standardization != null) {
      throw new IllegalStateException("the data set is already standardised");
    }
    return standardizedOver(standardization.apply(series), standardization);
  }

  AgedDataset standardizedOver(TimeSeries standardizedSeries, Standardization standardization) {
    return new AgedDataset(spec, standardizedSeries, standardization, segmentStart, segmentEnd, segmentLabel);
  }

  @Override
  public String toString() {
    return "AgedDataset[" + size() + " samples x " + featureCount() + " features, target " + spec.target()
        + ", window " + spec.window() + ", horizon " + spec.horizon() + ", " + ageVectors.length
        + " age vector(s), rows " + segmentStart + ".." + (segmentEnd - 1)
        + (standardization != null ? ", standardised" : "") + "]";
  }
}
