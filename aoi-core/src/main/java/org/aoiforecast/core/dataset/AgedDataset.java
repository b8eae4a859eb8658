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
 * arithmetic. Row {@code r} belongs to age vector {@code k}, horizon {@code h} and anchor (query)
 * row {@code t}; the memory used is the series plus a few integers per (age vector, horizon) cell,
 * whatever the number of ages and horizons. Rows are grouped by age vector, then by horizon, then
 * ordered by anchor. The layout of one sample is the {@link FeatureEncoder}'s; the target is the
 * target column at row {@code t+h}.
 *
 * <p><b>Horizons.</b> A spec that pools several horizons ({@link
 * AgedDatasetSpec.Builder#horizons}) pairs each age vector with each horizon: a pooled row is the
 * same sample as the row of the single-horizon data set with the same anchor, only its age inputs
 * carry the lead time {@code age + h}. {@link #forHorizon}, {@link #forCell} and {@link
 * #horizonIndex} select and label them without copying.
 *
 * <p><b>Which anchors.</b> With {@link AgedDatasetSpec.Anchors#COMMON} (the default) every age
 * vector uses the anchors for which the oldest age's window still lies inside the rows, so losses
 * at different ages are measured on the same targets; with several horizons every (age vector,
 * horizon) cell has the same target rows too (the anchors of horizon {@code h} are those targets
 * minus {@code h}). Otherwise each cell uses every anchor its own ages and horizon allow.
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
  private final int[] horizons;
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
    this.horizons = spec.horizons();
    this.targetColumn = series.columnIndex(spec.target());
    int cells = ageVectors.length * horizons.length;
    this.firstAnchor = new int[cells];
    this.offsets = new long[cells + 1];
    int window = spec.window();
    boolean common = spec.anchors() == AgedDatasetSpec.Anchors.COMMON;
    for (int c = 0; c < cells; c++) {
      int oldest = common ? spec.oldestAge() : max(ageVectors[c / horizons.length]);
      int horizon = horizons[c % horizons.length];
      // common anchors: every cell has the targets the oldest age and the longest horizon allow
      int first = segmentStart + oldest + window - 1 + (common ? spec.maxHorizon() - horizon : 0);
      int count = segmentEnd - horizon - first;
      if (count < 1) {
        int rows = segmentEnd - segmentStart;
        int reach = common ? spec.maxHorizon() : horizon;
        throw new DataException(series.origin().isEmpty() ? null : series.origin(), 0, null,
            (segmentLabel == null ? "the data set" : "the " + segmentLabel + " part") + " has " + rows
            + " rows (" + series.time(segmentStart) + " .. " + series.time(Math.max(segmentStart, segmentEnd - 1))
            + ") but window " + window + " + age " + oldest + " + horizon " + reach + " need at least "
            + (oldest + window + reach) + ": use a smaller window, age or horizon, or more data");
      }
      firstAnchor[c] = first;
      offsets[c + 1] = offsets[c] + count;
    }
    if (offsets[cells] > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("the data set would have " + offsets[cells]
          + " rows, more than an int can index; use fewer ages or horizons");
    }
  }

  /**
   * A view of some (age vector, horizon) cells of a pooled data set that keeps their anchors.
   *
   * @param pool the pooled data set
   * @param spec the view's spec: the pool's restricted to the selected age vectors and horizons
   * @param cells the pool's cells, in the view's order (age vector major)
   */
  private AgedDataset(AgedDataset pool, AgedDatasetSpec spec, int[] cells) {
    this.spec = spec;
    this.series = pool.series;
    this.segmentStart = pool.segmentStart;
    this.segmentEnd = pool.segmentEnd;
    this.segmentLabel = pool.segmentLabel;
    this.standardization = pool.standardization;
    this.encoder = (standardization == null ? FeatureEncoder.raw(spec)
        : FeatureEncoder.standardized(spec, standardization)).over(series);
    this.ageVectors = spec.ageVectorsShared();
    this.horizons = spec.horizons();
    this.targetColumn = pool.targetColumn;
    this.firstAnchor = new int[cells.length];
    this.offsets = new long[cells.length + 1];
    for (int i = 0; i < cells.length; i++) {
      firstAnchor[i] = pool.firstAnchor[cells[i]];
      offsets[i + 1] = offsets[i] + pool.countOfCell(cells[i]);
    }
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
    return (int) offsets[offsets.length - 1];
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

  /** @return the number of horizons pooled (1 for a single-horizon data set) */
  public int horizonCount() {
    return horizons.length;
  }

  /**
   * @param j horizon index
   * @return that horizon, in steps
   */
  public int horizon(int j) {
    return horizons[j];
  }

  /** @return the number of (age vector, horizon) cells: age vectors times horizons */
  public int cellCount() {
    return firstAnchor.length;
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
    return (int) (offsets[(k + 1) * horizons.length] - offsets[k * horizons.length]);
  }

  /**
   * @param k age vector index
   * @return the first sample row with that age vector (rows are grouped by age vector)
   */
  public int firstRowOf(int k) {
    return (int) offsets[k * horizons.length];
  }

  /**
   * @param cell cell index {@code k * horizonCount() + j} of age vector {@code k} and horizon
   *     {@code j}
   * @return the number of samples in that cell
   */
  public int countOfCell(int cell) {
    return (int) (offsets[cell + 1] - offsets[cell]);
  }

  /**
   * @param cell cell index {@code k * horizonCount() + j}
   * @return the first sample row of that cell (rows are grouped by cell)
   */
  public int firstRowOfCell(int cell) {
    return (int) offsets[cell];
  }

  // ---------------------------------------------------------------- samples

  /**
   * @param row sample row
   * @return the index of its age vector
   */
  public int ageVectorIndex(int row) {
    return cellIndex(row) / horizons.length;
  }

  /**
   * @param row sample row
   * @return the index of its horizon (0 for a single-horizon data set)
   */
  public int horizonIndex(int row) {
    return cellIndex(row) % horizons.length;
  }

  /**
   * @param row sample row
   * @return its horizon, in steps
   */
  public int horizonOf(int row) {
    return horizons[horizonIndex(row)];
  }

  /**
   * @param row sample row
   * @return the index {@code k * horizonCount() + j} of its (age vector, horizon) cell
   */
  public int cellIndex(int row) {
    Objects.checkIndex(row, size());
    if (firstAnchor.length == 1) {
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
    int c = cellIndex(row);
    return firstAnchor[c] + (int) (row - offsets[c]);
  }

  /**
   * @param row sample row
   * @return its target row {@code t + h} in the series
   */
  public int targetRow(int row) {
    int c = cellIndex(row);
    return firstAnchor[c] + (int) (row - offsets[c]) + horizons[c % horizons.length];
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
    int c = cellIndex(row);
    int t = firstAnchor[c] + (int) (row - offsets[c]);
    return series.value(encoder.sourceColumn(source, column), t - ageVectors[c / horizons.length][source] - lag);
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
    int c = cellIndex(row);
    int h = horizons.length;
    encoder.encodeRow(firstAnchor[c] + (int) (row - offsets[c]), ageVectors[c / h], horizons[c % h], out, offset);
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
   * Materialises the data set as a table: {@code time} (query time), {@code age_vector}, {@code
   * horizon} (steps; only when several horizons are pooled), the features and the target. For inspection; models read the view directly.
   *
   * @return a new table
   */
  public Table toTable() {
    int featureCount = featureCount();
    Table table = Table.create("aged " + spec.target());
    InstantColumn time = InstantColumn.create("time", size());
    IntColumn vector = IntColumn.create("age_vector", size());
    IntColumn horizon = IntColumn.create("horizon", size());
    double[][] cols = new double[featureCount][size()];
    double[] f = new double[featureCount];
    for (int r = 0; r < size(); r++) {
      time.set(r, anchorTime(r));
      vector.set(r, ageVectorIndex(r));
      horizon.set(r, horizonOf(r));
      features(r, f, 0);
      for (int j = 0; j < featureCount; j++) {
        cols[j][r] = f[j];
      }
    }
    table.addColumns(time, vector);
    if (horizons.length > 1) {
      table.addColumns(horizon);
    }
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
    int[] cells = new int[horizons.length];
    for (int j = 0; j < cells.length; j++) {
      cells[j] = k * horizons.length + j;
    }
    // keep the pool's anchors, as if its oldest age were still there
    return new AgedDataset(this, spec.withOnlyAgeVector(k), cells);
  }

  /**
   * The samples of one horizon, as a single-horizon data set (same anchors as in this one; the age
   * inputs, if any, carry ages again rather than lead times).
   *
   * @param j horizon index
   * @return a view with every age vector and that horizon
   */
  public AgedDataset forHorizon(int j) {
    Objects.checkIndex(j, horizons.length);
    int[] cells = new int[ageVectors.length];
    for (int k = 0; k < cells.length; k++) {
      cells[k] = k * horizons.length + j;
    }
    return new AgedDataset(this, spec.withOnlyHorizon(j), cells);
  }

  /**
   * The samples of one (age vector, horizon) cell (same anchors as in this one).
   *
   * @param k age vector index
   * @param j horizon index
   * @return a view with one age vector and one horizon
   */
  public AgedDataset forCell(int k, int j) {
    Objects.checkIndex(k, ageVectors.length);
    Objects.checkIndex(j, horizons.length);
    return new AgedDataset(this, spec.withOnlyAgeVector(k).withOnlyHorizon(j), new int[] {k * horizons.length + j});
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
        + ", window " + spec.window() + (horizons.length == 1 ? ", horizon " : ", horizons ")
        + spec.horizonSet() + ", " + ageVectors.length
        + " age vector(s), rows " + segmentStart + ".." + (segmentEnd - 1)
        + (standardization != null ? ", standardised" : "") + "]";
  }
}
