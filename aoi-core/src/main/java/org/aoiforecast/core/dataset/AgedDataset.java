package org.aoiforecast.core.dataset;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.aoiforecast.core.DataException;
import org.aoiforecast.core.TimeSeries;
import org.aoiforecast.core.reading.Source;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Table;

/**
 * A supervised data set whose features are stale by known ages: pairs
 * {@code (X_{t-Δ}, Y_{t+h})} built from a regular {@link TimeSeries}, for one age, a per-source
 * age vector, or pooled over a set of age vectors with the ages as extra inputs.
 *
 * <p><b>A view, not a copy.</b> Samples are computed on demand from the base series by index
 * arithmetic. Row {@code r} belongs to age vector {@code k} and anchor (query) row {@code t}; the
 * memory used is the base series plus a few integers per age vector, whatever the number of ages.
 *
 * <p><b>Layout of one sample</b> (see {@link #featureNames()}), with {@code Δ_s} the age of source
 * {@code s} in steps and {@code u} the window:
 * <ol>
 *   <li>for each source, for each of its columns, the window {@code x[t-Δ_s], x[t-Δ_s-1], ...,
 *       x[t-Δ_s-u+1]} (freshest first; named {@code source.column}, {@code source.column[-1]}, ...,
 *       or {@code column}, {@code column[-1]}, ... for a one-column source named like its column);
 *   <li>the known covariates at the target row {@code t+h} (age 0);
 *   <li>when the age input is on, each source's age as encoded by the {@link AgeEncoding}
 *       (by default the age in steps, {@code age:source}), standardised when the data set is.
 * </ol>
 * The target is the target column at row {@code t+h}.
 *
 * <p><b>Which anchors.</b> By default every age vector uses the same anchors (common targets):
 * those for which the oldest age's window still lies inside the data set's rows, so losses at
 * different ages are measured on the same targets. Without common targets each age vector uses
 * every anchor its own ages allow.
 *
 * <p><b>No leakage.</b> A data set only touches the rows of its segment (all rows by default).
 * {@link #split} cuts the rows into chronological segments, so no window or target of one part
 * lies in another; {@link Splits#standardized()} fits the standardisation on the training part
 * only.
 */
public final class AgedDataset {
  private final TimeSeries series;
  private final int targetColumn;
  private final List<Source> sources;
  private final int[][] sourceColumns;
  private final int window;
  private final int horizon;
  private final int[][] ageVectors;
  private final List<KnownCovariate> covariates;
  private final boolean ageInput;
  private final AgeEncoding ageEncoding;
  private final boolean commonTargets;
  private final int segmentStart;
  private final int segmentEnd;
  private final int[] firstAnchor;
  private final long[] offsets;
  private final Standardization standardization; // null when raw
  private final List<String> featureNames;
  private final int featureCount;
  private final Builder builder; // the (private snapshot of the) builder, to derive splits and views

  private AgedDataset(Builder b, TimeSeries series, Standardization standardization, int segmentStart,
      int segmentEnd) {
    this.series = series;
    this.targetColumn = series.columnIndex(b.target);
    this.sources = List.copyOf(b.sources);
    this.sourceColumns = new int[sources.size()][];
    for (int s = 0; s < sources.size(); s++) {
      Source src = sources.get(s);
      sourceColumns[s] = new int[src.width()];
      for (int c = 0; c < src.width(); c++) {
        sourceColumns[s][c] = series.columnIndex(src.columns().get(c));
      }
    }
    this.window = b.window;
    this.horizon = b.horizon;
    this.ageVectors = b.ageVectors.toArray(new int[0][]);
    this.covariates = List.copyOf(b.covariates);
    this.ageInput = b.ageInput != null ? b.ageInput : ageVectors.length > 1;
    this.ageEncoding = b.ageEncoding;
    this.commonTargets = b.commonTargets;
    this.segmentStart = segmentStart;
    this.segmentEnd = segmentEnd;
    this.standardization = standardization;
    this.firstAnchor = new int[ageVectors.length];
    this.offsets = new long[ageVectors.length + 1];
    int globalOldest = 0;
    for (int[] v : ageVectors) {
      globalOldest = Math.max(globalOldest, max(v));
    }
    int lastAnchor = segmentEnd - 1 - horizon;
    for (int k = 0; k < ageVectors.length; k++) {
      int oldest = commonTargets ? globalOldest : max(ageVectors[k]);
      int first = segmentStart + oldest + window - 1;
      int count = lastAnchor - first + 1;
      if (count < 1) {
        int rows = segmentEnd - segmentStart;
        throw new DataException(series.origin().isEmpty() ? null : series.origin(), 0, null,
            (b.segmentLabel == null ? "the data set" : "the " + b.segmentLabel + " part") + " has " + rows
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
    this.featureNames = buildNames();
    this.featureCount = featureNames.size();
    this.builder = b;
  }

  /**
   * Starts a builder over a base series.
   *
   * @param series the base series
   * @return a builder
   */
  public static Builder builder(TimeSeries series) {
    return new Builder(series);
  }

  private List<String> buildNames() {
    List<String> names = new ArrayList<>();
    for (Source s : sources) {
      for (int c = 0; c < s.width(); c++) {
        for (int lag = 0; lag < window; lag++) {
          names.add(s.qualifiedName(c) + (lag == 0 ? "" : "[-" + lag + "]"));
        }
      }
    }
    for (KnownCovariate k : covariates) {
      names.add(k.name());
    }
    if (ageInput) {
      for (Source s : sources) {
        names.addAll(ageEncoding.names(s.name()));
      }
    }
    return List.copyOf(names);
  }

  private static int max(int[] v) {
    int m = 0;
    for (int a : v) {
      m = Math.max(m, a);
    }
    return m;
  }

  // ---------------------------------------------------------------- shape

  /** @return the number of samples */
  public int size() {
    return (int) offsets[ageVectors.length];
  }

  /** @return the number of features per sample */
  public int featureCount() {
    return featureCount;
  }

  /** @return the feature names, in sample order (see the class comment) */
  public List<String> featureNames() {
    return featureNames;
  }

  /** @return the base series (standardised when this data set is) */
  public TimeSeries series() {
    return series;
  }

  /** @return the target column name */
  public String target() {
    return series.names().get(targetColumn);
  }

  /** @return the feature sources, in sample order */
  public List<Source> sources() {
    return sources;
  }

  /** @return the window length {@code u} */
  public int window() {
    return window;
  }

  /** @return the horizon in steps */
  public int horizon() {
    return horizon;
  }

  /** @return the known covariates, in sample order */
  public List<KnownCovariate> covariates() {
    return covariates;
  }

  /** @return whether the ages are appended as inputs */
  public boolean hasAgeInput() {
    return ageInput;
  }

  /** @return how ages become inputs */
  public AgeEncoding ageEncoding() {
    return ageEncoding;
  }

  /** @return whether every age vector uses the same anchors */
  public boolean commonTargets() {
    return commonTargets;
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
    return anchorRow(row) + horizon;
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
  public double target(int row) {
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
    return series.value(sourceColumns[source][column], t - ageVectors[k][source] - lag);
  }

  /**
   * @param row sample row
   * @param covariate covariate index
   * @return its value at the target row
   */
  public double covariate(int row, int covariate) {
    return covariates.get(covariate).value(series, targetRow(row));
  }

  /**
   * A source's age as fed to a model: encoded by the {@link AgeEncoding} and standardised with the
   * training ages' statistics when the data set is standardised.
   *
   * @param source source index
   * @param ageSteps an age in steps (may be fractional)
   * @param out destination of {@code ageEncoding().width()} values
   * @param offset first position
   */
  public void encodeAge(int source, double ageSteps, double[] out, int offset) {
    ageEncoding.encode(ageSteps, out, offset);
    if (standardization != null) {
      int width = ageEncoding.width();
      for (int e = 0; e < width; e++) {
        out[offset + e] = standardization.scaleAge(source * width + e, out[offset + e]);
      }
    }
  }

  /**
   * Writes one sample's features.
   *
   * @param row sample row
   * @param out destination
   * @param offset position of the first feature in {@code out}
   */
  public void features(int row, double[] out, int offset) {
    int k = ageVectorIndex(row);
    int t = firstAnchor[k] + (int) (row - offsets[k]);
    int[] ages = ageVectors[k];
    int p = offset;
    for (int s = 0; s < sourceColumns.length; s++) {
      int newest = t - ages[s];
      for (int col : sourceColumns[s]) {
        for (int lag = 0; lag < window; lag++) {
          out[p++] = series.value(col, newest - lag);
        }
      }
    }
    int targetRow = t + horizon;
    for (KnownCovariate c : covariates) {
      out[p++] = c.value(series, targetRow);
    }
    if (ageInput) {
      int width = ageEncoding.width();
      for (int s = 0; s < ages.length; s++) {
        encodeAge(s, ages[s], out, p);
        p += width;
      }
    }
  }

  /**
   * @param row sample row
   * @return a new array with the sample's features
   */
  public double[] features(int row) {
    double[] out = new double[featureCount];
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

  /** @return the targets, one per sample */
  public double[] targets() {
    double[] y = new double[size()];
    for (int r = 0; r < y.length; r++) {
      y[r] = target(r);
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
    Table table = Table.create("aged " + target());
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
      table.addColumns(DoubleColumn.create(featureNames.get(j), cols[j]));
    }
    table.addColumns(DoubleColumn.create("target:" + target(), targets()));
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
    Builder b = builder.copy();
    b.ageVectors.clear();
    b.ageVectors.add(ageVectors[k].clone());
    b.ageInput = ageInput;
    if (commonTargets) {
      // keep this data set's anchors: pretend the oldest age of the pool is still there
      return new AgedDataset(b, series, standardization, segmentStart, segmentEnd).withAnchors(firstAnchor[k],
          countOf(k));
    }
    return new AgedDataset(b, series, standardization, segmentStart, segmentEnd);
  }

  private AgedDataset(AgedDataset base, int first, int count) {
    this.series = base.series;
    this.targetColumn = base.targetColumn;
    this.sources = base.sources;
    this.sourceColumns = base.sourceColumns;
    this.window = base.window;
    this.horizon = base.horizon;
    this.ageVectors = base.ageVectors;
    this.covariates = base.covariates;
    this.ageInput = base.ageInput;
    this.ageEncoding = base.ageEncoding;
    this.commonTargets = base.commonTargets;
    this.segmentStart = base.segmentStart;
    this.segmentEnd = base.segmentEnd;
    this.standardization = base.standardization;
    this.featureNames = base.featureNames;
    this.featureCount = base.featureCount;
    this.builder = base.builder;
    this.firstAnchor = new int[] {first};
    this.offsets = new long[] {0, count};
  }

  private AgedDataset withAnchors(int first, int count) {
    return new AgedDataset(this, first, count);
  }

  /**
   * The same data set with or without the age input columns.
   *
   * @param on whether to append the ages as inputs
   * @return a view
   */
  public AgedDataset withAgeInput(boolean on) {
    if (on == ageInput) {
      return this;
    }
    Builder b = builder.copy();
    b.ageInput = on;
    return rebuild(b, series, standardization, segmentStart, segmentEnd);
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
    AgedDataset train = part(builder.copy().label("training"), segmentStart, trainEnd);
    AgedDataset validation = split.validation() > 0
        ? part(builder.copy().label("validation"), trainEnd, validationEnd) : null;
    AgedDataset test = part(builder.copy().label("test"), validationEnd, segmentEnd);
    return new Splits(train, validation, test);
  }

  private AgedDataset part(Builder b, int from, int to) {
    return rebuild(b, series, standardization, from, to);
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
    return rebuild(builder.copy(), standardization.apply(series), standardization, segmentStart, segmentEnd);
  }

  AgedDataset standardizedOver(TimeSeries standardizedSeries, Standardization standardization) {
    return rebuild(builder.copy(), standardizedSeries, standardization, segmentStart, segmentEnd);
  }

  private AgedDataset rebuild(Builder b, TimeSeries base, Standardization st, int from, int to) {
    return new AgedDataset(b, base, st, from, to);
  }

  int targetColumnIndex() {
    return targetColumn;
  }

  int[] sourceColumnIndices(int source) {
    return sourceColumns[source].clone();
  }

  @Override
  public String toString() {
    return "AgedDataset[" + size() + " samples x " + featureCount + " features, target " + target() + ", window "
        + window + ", horizon " + horizon + ", " + ageVectors.length + " age vector(s), rows " + segmentStart + ".."
        + (segmentEnd - 1) + (standardization != null ? ", standardised" : "") + "]";
  }

  // ---------------------------------------------------------------- builder

  /** Builds an {@link AgedDataset}; see the class comment for the meaning of each part. */
  public static final class Builder {
    private final TimeSeries series;
    private String target;
    private final List<Source> sources = new ArrayList<>();
    private int window = 1;
    private int horizon;
    private final List<int[]> ageVectors = new ArrayList<>();
    private final List<KnownCovariate> covariates = new ArrayList<>();
    private Boolean ageInput;
    private AgeEncoding ageEncoding = AgeEncoding.linear();
    private boolean commonTargets = true;
    private int from;
    private int to = -1;
    private String segmentLabel;
    private boolean sharedAges;

    private Builder(TimeSeries series) {
      this.series = Objects.requireNonNull(series, "series");
    }

    private Builder copy() {
      Builder b = new Builder(series);
      b.target = target;
      b.sources.addAll(sources);
      b.window = window;
      b.horizon = horizon;
      for (int[] v : ageVectors) {
        b.ageVectors.add(v.clone());
      }
      b.covariates.addAll(covariates);
      b.ageInput = ageInput;
      b.ageEncoding = ageEncoding;
      b.commonTargets = commonTargets;
      b.from = from;
      b.to = to;
      b.segmentLabel = segmentLabel;
      b.sharedAges = sharedAges;
      return b;
    }

    private Builder label(String label) {
      this.segmentLabel = label;
      return this;
    }

    /**
     * @param column the target column
     * @return this builder
     */
    public Builder target(String column) {
      series.columnIndex(column);
      this.target = column;
      return this;
    }

    /**
     * Adds a feature source: a group of series columns that share one age.
     *
     * @param source the source; its columns must be series columns
     * @return this builder
     */
    public Builder source(Source source) {
      for (String c : source.columns()) {
        series.columnIndex(c);
      }
      for (Source s : sources) {
        if (s.name().equals(source.name())) {
          throw new IllegalArgumentException("source '" + source.name() + "' is added twice");
        }
      }
      sources.add(source);
      return this;
    }

    /**
     * Adds one feature source per column, each named like its column.
     *
     * @param columns series column names
     * @return this builder
     */
    public Builder sources(String... columns) {
      for (String c : columns) {
        source(Source.ofColumn(c));
      }
      return this;
    }

    /**
     * @param window readings per source window {@code u}, at least 1
     * @return this builder
     */
    public Builder window(int window) {
      if (window < 1) {
        throw new IllegalArgumentException("the window must hold at least 1 reading, got " + window);
      }
      this.window = window;
      return this;
    }

    /**
     * @param horizon steps from the query time to the target, >= 0 (0 = nowcast)
     * @return this builder
     */
    public Builder horizon(int horizon) {
      if (horizon < 0) {
        throw new IllegalArgumentException("the horizon must be >= 0 steps, got " + horizon);
      }
      this.horizon = horizon;
      return this;
    }

    /**
     * One age, shared by all sources.
     *
     * @param age steps, >= 0
     * @return this builder
     */
    public Builder age(int age) {
      return ages(AgeSet.of(age));
    }

    /**
     * Pools over an age set; in each sample all sources have the same age.
     *
     * @param ages the age set
     * @return this builder
     */
    public Builder ages(AgeSet ages) {
      ageVectors.clear();
      sharedAges = true;
      for (int a : ages) {
        ageVectors.add(new int[] {a});
      }
      return this;
    }

    /**
     * One age per source (in the order sources are added).
     *
     * @param ages steps per source, each >= 0
     * @return this builder
     */
    public Builder ageVector(int... ages) {
      return ageVectors(List.of(ages));
    }

    /**
     * Pools over several per-source age vectors.
     *
     * @param vectors each with one age (steps, >= 0) per source
     * @return this builder
     */
    public Builder ageVectors(List<int[]> vectors) {
      if (vectors.isEmpty()) {
        throw new IllegalArgumentException("the list of age vectors is empty; give at least one");
      }
      ageVectors.clear();
      sharedAges = false;
      for (int[] v : vectors) {
        for (int a : v) {
          if (a < 0) {
            throw new IllegalArgumentException("age " + a + " in " + Arrays.toString(v)
                + " is negative; ages are steps into the past, >= 0");
          }
        }
        ageVectors.add(v.clone());
      }
      return this;
    }

    /**
     * Whether the ages are appended as inputs (default: on when pooling more than one age vector).
     *
     * @param on true to append one age column per source
     * @return this builder
     */
    public Builder ageInput(boolean on) {
      this.ageInput = on;
      return this;
    }

    /**
     * How ages become inputs when the age input is on (default {@link AgeEncoding#linear()}).
     *
     * @param encoding the encoding
     * @return this builder
     */
    public Builder ageEncoding(AgeEncoding encoding) {
      this.ageEncoding = Objects.requireNonNull(encoding, "encoding");
      return this;
    }

    /**
     * @param covariate a known covariate, evaluated at the target row
     * @return this builder
     */
    public Builder covariate(KnownCovariate covariate) {
      Set<String> names = new HashSet<>();
      for (KnownCovariate k : covariates) {
        names.add(k.name());
      }
      if (!names.add(covariate.name())) {
        throw new IllegalArgumentException("covariate '" + covariate.name() + "' is added twice");
      }
      if (covariate.readsColumn()) {
        series.columnIndex(covariate.name());
      }
      covariates.add(covariate);
      return this;
    }

    /**
     * @param covariates known covariates, evaluated at the target row
     * @return this builder
     */
    public Builder covariates(List<KnownCovariate> covariates) {
      covariates.forEach(this::covariate);
      return this;
    }

    /**
     * Whether all age vectors use the same anchors (default true; see the class comment).
     *
     * @param on true for common targets
     * @return this builder
     */
    public Builder commonTargets(boolean on) {
      this.commonTargets = on;
      return this;
    }

    /**
     * Restricts the data set to rows {@code from} (inclusive) to {@code to} (exclusive) of the
     * series: no window or target outside them.
     *
     * @param from first row
     * @param to end row, exclusive
     * @return this builder
     */
    public Builder rows(int from, int to) {
      Objects.checkFromToIndex(from, to, series.size());
      this.from = from;
      this.to = to;
      return this;
    }

    /**
     * @return the data set
     * @throws IllegalStateException when the target, sources or ages are missing
     * @throws DataException when the rows cannot hold one window at the oldest age
     */
    public AgedDataset build() {
      if (target == null) {
        throw new IllegalStateException("no target column: call target(...)");
      }
      if (sources.isEmpty()) {
        throw new IllegalStateException("no feature source: call source(...) or sources(...)");
      }
      if (ageVectors.isEmpty()) {
        throw new IllegalStateException("no age: call age(...), ages(...), ageVector(...) or ageVectors(...)");
      }
      // Work on a snapshot: the caller may keep using this builder, the data set must not change.
      Builder b = copy();
      if (b.sharedAges) {
        List<int[]> expanded = new ArrayList<>();
        for (int[] v : b.ageVectors) {
          int[] full = new int[b.sources.size()];
          Arrays.fill(full, v[0]);
          expanded.add(full);
        }
        b.ageVectors.clear();
        b.ageVectors.addAll(expanded);
        b.sharedAges = false;
      }
      for (int[] v : b.ageVectors) {
        if (v.length != b.sources.size()) {
          throw new IllegalArgumentException("age vector " + Arrays.toString(v) + " has " + v.length + " ages but there are "
              + b.sources.size() + " sources; give one age per source");
        }
      }
      int end = b.to < 0 ? series.size() : b.to;
      return new AgedDataset(b, series, null, b.from, end);
    }
  }
}
