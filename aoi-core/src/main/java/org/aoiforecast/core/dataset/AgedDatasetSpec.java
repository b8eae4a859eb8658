package org.aoiforecast.core.dataset;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.aoiforecast.core.TimeSeries;
import org.aoiforecast.core.reading.Source;

/**
 * The description of an aged supervised data set, independent of any data: what is predicted
 * (the target column, {@code horizon} steps after the query time), from what (the sources, each a
 * window of {@code u} readings at its age, and the known covariates at the target time), at which
 * ages (one or more age vectors, one age in steps per source), and how the ages are fed (whether
 * they are inputs and with which {@link AgeEncoding}).
 *
 * <p>One spec describes the same samples wherever they are needed: an {@link AgedDataset} is a
 * spec applied to a series ({@link AgedDataset#of}), the age-loss profile estimates the loss of a
 * spec, a trained model stores the spec it was trained on and encodes live inputs with it
 * ({@link FeatureEncoder}). Immutable; the {@code with...} methods return modified copies.
 *
 * <pre>{@code
 * AgedDatasetSpec spec = AgedDatasetSpec.builder()
 *     .target("GHI").sources("GHI", "Temperature")
 *     .window(6).ages(AgeSet.range(1, 48))
 *     .covariates(KnownCovariates.calendar(zone))
 *     .build();
 * }</pre>
 *
 * <p><b>Horizons.</b> A spec has one horizon ({@link Builder#horizon(int)}) or pools several
 * ({@link Builder#horizons(AgeSet)}): each age vector is then paired with each horizon, and when the
 * ages are inputs they carry the lead time {@code age + horizon} of each source ({@link
 * #hasLeadTimeInput()}); {@link #horizon()} is for single-horizon specs only.
 *
 * <p>Units: ages, window and horizon are counted in steps of the series the spec is applied to.
 */
public final class AgedDatasetSpec {

  /** Which anchors (query times) the age vectors of a pooled data set use. */
  public enum Anchors {
    /**
     * Every age vector uses the anchors that the oldest age of the pool allows, so losses at
     * different ages are measured on the same targets (the default).
     */
    COMMON,
    /** Each age vector uses every anchor its own ages allow (more samples at young ages). */
    PER_AGE_VECTOR
  }

  private final String target;
  private final List<Source> sources;
  private final int window;
  private final int[] horizons;
  private final int[][] ageVectors;
  private final List<KnownCovariate> covariates;
  private final boolean ageInput;
  private final AgeEncoding ageEncoding;
  private final Anchors anchors;
  private final List<String> featureNames;

  private AgedDatasetSpec(String target, List<Source> sources, int window, int[] horizons, int[][] ageVectors,
      List<KnownCovariate> covariates, boolean ageInput, AgeEncoding ageEncoding, Anchors anchors) {
    this.target = target;
    this.sources = List.copyOf(sources);
    this.window = window;
    this.horizons = horizons;
    this.ageVectors = ageVectors;
    this.covariates = List.copyOf(covariates);
    this.ageInput = ageInput;
    this.ageEncoding = ageEncoding;
    this.anchors = anchors;
    this.featureNames = FeatureEncoder.names(this);
  }

  /** @return a builder with window 1, horizon 0, linear age encoding and common anchors */
  public static Builder builder() {
    return new Builder();
  }

  // ---------------------------------------------------------------- what the spec says

  /** @return the name of the target column */
  public String target() {
    return target;
  }

  /** @return the feature sources, in sample order */
  public List<Source> sources() {
    return sources;
  }

  /**
   * @param name a source name
   * @return its index in {@link #sources()}
   * @throws IllegalArgumentException naming the known sources when there is none of that name
   */
  public int sourceIndex(String name) {
    for (int s = 0; s < sources.size(); s++) {
      if (sources.get(s).name().equals(name)) {
        return s;
      }
    }
    throw new IllegalArgumentException("unknown source '" + name + "'; the sources are " + sourceNames());
  }

  /** @return the source names, in sample order */
  public List<String> sourceNames() {
    return sources.stream().map(Source::name).toList();
  }

  /** @return the number of value columns over all sources (each fed as one window) */
  public int valueColumnCount() {
    return sources.stream().mapToInt(Source::width).sum();
  }

  /** @return the window length {@code u}, in readings */
  public int window() {
    return window;
  }

  /**
   * The horizon of a single-horizon spec.
   *
   * @return the horizon, in steps from the query time to the target (0 = nowcast)
   * @throws IllegalStateException when the spec pools several horizons (use {@link #horizons()},
   *     {@link #horizon(int)} or {@link #withOnlyHorizon(int)})
   */
  public int horizon() {
    if (horizons.length != 1) {
      throw new IllegalStateException("the spec pools " + horizons.length + " horizons " + horizonSet()
          + "; ask for horizons() or one of them with horizon(j)");
    }
    return horizons[0];
  }

  /** @return the number of horizons pooled (1 for a single-horizon spec) */
  public int horizonCount() {
    return horizons.length;
  }

  /**
   * @param j horizon index, in increasing order of horizons
   * @return that horizon, in steps
   */
  public int horizon(int j) {
    return horizons[j];
  }

  /** @return the horizons pooled, in steps, increasing */
  public int[] horizons() {
    return horizons.clone();
  }

  /** @return the horizons pooled as a set of steps */
  public AgeSet horizonSet() {
    return AgeSet.of(horizons);
  }

  /** @return the largest horizon, in steps */
  public int maxHorizon() {
    return horizons[horizons.length - 1];
  }

  /**
   * @return whether the age inputs carry each source's lead time (age + horizon) rather than its
   *     age: the case when several horizons are pooled and the ages are inputs. A sample at ages
   *     {@code Δ} and horizon {@code h} reads the same values as one at ages {@code Δ + h} and
   *     horizon 0, so the lead time is what the network needs (see docs/decisions.md).
   */
  public boolean hasLeadTimeInput() {
    return ageInput && horizons.length > 1;
  }

  /**
   * The value fed for a source's age input in a sample.
   *
   * @param age the source's age, in steps
   * @param horizon the sample's horizon, in steps
   * @return the lead time {@code age + horizon} when {@link #hasLeadTimeInput()}, else the age
   */
  public int inputAge(int age, int horizon) {
    return hasLeadTimeInput() ? age + horizon : age;
  }

  /** @return the known covariates, in sample order, evaluated at the target time */
  public List<KnownCovariate> covariates() {
    return covariates;
  }

  /** @return the number of age vectors pooled */
  public int ageVectorCount() {
    return ageVectors.length;
  }

  /**
   * @param k age vector index
   * @return a copy of that age vector: one age in steps per source
   */
  public int[] ageVector(int k) {
    return ageVectors[k].clone();
  }

  /** @return copies of all age vectors, in pool order */
  public List<int[]> ageVectors() {
    List<int[]> out = new ArrayList<>(ageVectors.length);
    for (int[] v : ageVectors) {
      out.add(v.clone());
    }
    return out;
  }

  /** The vectors themselves, for the views of this package (never handed out). */
  int[][] ageVectorsShared() {
    return ageVectors;
  }

  /**
   * @return the age set when every age vector gives all sources the same age, in increasing order
   *     (as {@link Builder#ages(AgeSet)} makes them), so that vector {@code k} has the set's
   *     {@code k}-th age; empty otherwise
   */
  public Optional<AgeSet> sharedAges() {
    int[] shared = new int[ageVectors.length];
    for (int k = 0; k < ageVectors.length; k++) {
      int[] v = ageVectors[k];
      for (int a : v) {
        if (a != v[0]) {
          return Optional.empty();
        }
      }
      shared[k] = v[0];
      if (k > 0 && shared[k] <= shared[k - 1]) {
        return Optional.empty(); // not increasing: an age set would reorder or merge the vectors
      }
    }
    return Optional.of(AgeSet.of(shared));
  }

  /**
   * @param source source index
   * @return the youngest age of that source over the age vectors, in steps
   */
  public int minAge(int source) {
    int lo = Integer.MAX_VALUE;
    for (int[] v : ageVectors) {
      lo = Math.min(lo, v[source]);
    }
    return lo;
  }

  /**
   * @param source source index
   * @return the oldest age of that source over the age vectors, in steps
   */
  public int maxAge(int source) {
    int hi = 0;
    for (int[] v : ageVectors) {
      hi = Math.max(hi, v[source]);
    }
    return hi;
  }

  /**
   * @return the index of the source whose columns include the target (the target's own stale
   *     readings), or empty when no source carries the target
   */
  public OptionalInt targetSource() {
    for (int s = 0; s < sources.size(); s++) {
      if (sources.get(s).columns().contains(target)) {
        return OptionalInt.of(s);
      }
    }
    return OptionalInt.empty();
  }

  /**
   * The age by which results of an age vector are reported: the age of the target's own source
   * ({@link #targetSource()}), or the youngest age of the vector when no source carries the target.
   * For a vector that gives all sources the same age, that age.
   *
   * @param vector one age per source, in steps
   * @return the reporting age, in steps
   */
  public int reportingAge(int[] vector) {
    OptionalInt carrier = targetSource();
    if (carrier.isPresent()) {
      return vector[carrier.getAsInt()];
    }
    int min = Integer.MAX_VALUE;
    for (int a : vector) {
      min = Math.min(min, a);
    }
    return min;
  }

  /** @return the oldest age of any source in any age vector, in steps */
  public int oldestAge() {
    int hi = 0;
    for (int s = 0; s < sources.size(); s++) {
      hi = Math.max(hi, maxAge(s));
    }
    return hi;
  }

  /** @return whether each source's age is appended to the features as an input */
  public boolean hasAgeInput() {
    return ageInput;
  }

  /** @return how ages become inputs when {@link #hasAgeInput()} */
  public AgeEncoding ageEncoding() {
    return ageEncoding;
  }

  /** @return which anchors the age vectors use */
  public Anchors anchors() {
    return anchors;
  }

  /** @return the feature names in sample order (see {@link FeatureEncoder} for the layout) */
  public List<String> featureNames() {
    return featureNames;
  }

  /** @return the number of features per sample */
  public int featureCount() {
    return featureNames.size();
  }

  // ---------------------------------------------------------------- modified copies

  /**
   * @param j horizon index
   * @return this spec with that horizon only; the lead-time input goes with the other horizons,
   *     so the age inputs (if any) carry the ages again
   */
  public AgedDatasetSpec withOnlyHorizon(int j) {
    Objects.checkIndex(j, horizons.length);
    return withHorizons(AgeSet.of(horizons[j]));
  }

  /**
   * @param set horizons in steps (a set of one for a single horizon)
   * @return this spec pooled over those horizons (the age-input setting is kept)
   */
  public AgedDatasetSpec withHorizons(AgeSet set) {
    return new AgedDatasetSpec(target, sources, window, set.toArray(), ageVectors, covariates, ageInput,
        ageEncoding, anchors);
  }

  /** @return this spec with the ages appended as inputs */
  public AgedDatasetSpec withAgeInput() {
    return ageInput ? this : copy(window, ageVectors, true);
  }

  /** @return this spec without age inputs (the ablation "pooled-without-age", or per-age models) */
  public AgedDatasetSpec withoutAgeInput() {
    return ageInput ? copy(window, ageVectors, false) : this;
  }

  /**
   * @param u the window length, at least 1
   * @return this spec with another window
   */
  public AgedDatasetSpec withWindow(int u) {
    return copy(checkWindow(u), ageVectors, ageInput);
  }

  /**
   * @param k age vector index
   * @return this spec restricted to one age vector (the age-input setting is kept)
   */
  public AgedDatasetSpec withOnlyAgeVector(int k) {
    Objects.checkIndex(k, ageVectors.length);
    return copy(window, new int[][] {ageVectors[k]}, ageInput);
  }

  /**
   * @param vectors age vectors, each with one age (steps, >= 0) per source
   * @return this spec pooled over other age vectors (the age-input setting is kept)
   */
  public AgedDatasetSpec withAgeVectors(List<int[]> vectors) {
    return copy(window, checkVectors(vectors, sources.size()), ageInput);
  }

  /**
   * @param ages an age set, shared by all sources in each sample
   * @return this spec pooled over that age set (the age-input setting is kept)
   */
  public AgedDatasetSpec withAges(AgeSet ages) {
    return copy(window, sharedVectors(ages, sources.size()), ageInput);
  }

  /**
   * @param other which anchors the age vectors use
   * @return this spec with other anchors
   */
  public AgedDatasetSpec withAnchors(Anchors other) {
    return new AgedDatasetSpec(target, sources, window, horizons, ageVectors, covariates, ageInput, ageEncoding,
        Objects.requireNonNull(other, "anchors"));
  }

  private AgedDatasetSpec copy(int u, int[][] vectors, boolean input) {
    return new AgedDatasetSpec(target, sources, u, horizons, vectors, covariates, input, ageEncoding, anchors);
  }

  // ---------------------------------------------------------------- checks

  /**
   * Checks that a series holds every column the spec reads.
   *
   * @param series the series
   * @throws org.aoiforecast.core.DataException naming the first missing column
   */
  public void requireColumnsOf(TimeSeries series) {
    series.columnIndex(target);
    for (Source s : sources) {
      s.columns().forEach(series::columnIndex);
    }
    for (KnownCovariate c : covariates) {
      if (c.readsColumn()) {
        series.columnIndex(c.name());
      }
    }
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof AgedDatasetSpec s) || !Arrays.deepEquals(s.ageVectors, ageVectors)) {
      return false;
    }
    return s.target.equals(target) && s.sources.equals(sources) && s.window == window && Arrays.equals(s.horizons, horizons)
        && s.covariates.equals(covariates) && s.ageInput == ageInput && s.ageEncoding.equals(ageEncoding)
        && s.anchors == anchors;
  }

  @Override
  public int hashCode() {
    return Objects.hash(target, sources, window, Arrays.hashCode(horizons), Arrays.deepHashCode(ageVectors), ageInput,
        ageEncoding, anchors);
  }

  @Override
  public String toString() {
    return "AgedDatasetSpec[target " + target + ", sources " + sourceNames() + ", window " + window + ", "
        + (horizons.length == 1 ? "horizon " + horizons[0] : "horizons " + horizonSet()) + ", " + ageVectors.length
        + " age vector(s)" + sharedAges().map(a -> " " + a).orElse("")
        + ", covariates " + covariates.stream().map(KnownCovariate::name).toList()
        + (ageInput ? (hasLeadTimeInput() ? ", lead-time input " : ", age input ") + ageEncoding.describe()
        : ", no age input") + "]";
  }

  private static int checkWindow(int u) {
    if (u < 1) {
      throw new IllegalArgumentException("the window must hold at least 1 reading, got " + u);
    }
    return u;
  }

  private static int[][] sharedVectors(AgeSet ages, int sources) {
    int[][] out = new int[ages.size()][sources];
    for (int k = 0; k < out.length; k++) {
      Arrays.fill(out[k], ages.get(k));
    }
    return out;
  }

  private static int[][] checkVectors(List<int[]> vectors, int sources) {
    if (vectors.isEmpty()) {
      throw new IllegalArgumentException("the list of age vectors is empty; give at least one");
    }
    int[][] out = new int[vectors.size()][];
    for (int k = 0; k < out.length; k++) {
      int[] v = vectors.get(k);
      if (v.length != sources) {
        throw new IllegalArgumentException("age vector " + Arrays.toString(v) + " has " + v.length
            + " ages but there are " + sources + " sources; give one age per source");
      }
      for (int a : v) {
        if (a < 0) {
          throw new IllegalArgumentException("age " + a + " in " + Arrays.toString(v)
              + " is negative; ages are steps into the past, >= 0");
        }
      }
      out[k] = v.clone();
    }
    return out;
  }

  // ---------------------------------------------------------------- builder

  /** Builds an {@link AgedDatasetSpec}; see the class comment for the meaning of each part. */
  public static final class Builder {
    private String target;
    private final List<Source> sources = new ArrayList<>();
    private int window = 1;
    private AgeSet horizons = AgeSet.of(0);
    private AgeSet sharedAges;
    private List<int[]> ageVectors;
    private final List<KnownCovariate> covariates = new ArrayList<>();
    private Boolean ageInput;
    private AgeEncoding ageEncoding = AgeEncoding.linear();
    private Anchors anchors = Anchors.COMMON;

    private Builder() {}

    /**
     * @param column the target column
     * @return this builder
     */
    public Builder target(String column) {
      this.target = Objects.requireNonNull(column, "column");
      return this;
    }

    /**
     * Adds a feature source: a group of series columns that share one age.
     *
     * @param source the source
     * @return this builder
     */
    public Builder source(Source source) {
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
     * @param sources feature sources, in sample order
     * @return this builder
     */
    public Builder sources(List<Source> sources) {
      sources.forEach(this::source);
      return this;
    }

    /**
     * @param window readings per source window {@code u}, at least 1
     * @return this builder
     */
    public Builder window(int window) {
      this.window = checkWindow(window);
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
      this.horizons = AgeSet.of(horizon);
      return this;
    }

    /**
     * Pools over several horizons: each age vector is paired with each horizon, and the age inputs
     * carry the lead time (age + horizon) when the ages are inputs.
     *
     * @param horizons steps from the query time to the target, each >= 0
     * @return this builder
     */
    public Builder horizons(AgeSet horizons) {
      this.horizons = Objects.requireNonNull(horizons, "horizons");
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
      this.sharedAges = Objects.requireNonNull(ages, "ages");
      this.ageVectors = null;
      return this;
    }

    /**
     * One age per source (in the order sources are added).
     *
     * @param ages steps per source, each >= 0
     * @return this builder
     */
    public Builder ageVector(int... ages) {
      return ageVectors(List.of(ages.clone()));
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
      List<int[]> copy = new ArrayList<>();
      vectors.forEach(v -> copy.add(v.clone()));
      this.ageVectors = copy;
      this.sharedAges = null;
      return this;
    }

    /**
     * Appends each source's age as an input (the default when more than one age vector is
     * pooled).
     *
     * @return this builder
     */
    public Builder withAgeInput() {
      this.ageInput = Boolean.TRUE;
      return this;
    }

    /**
     * Leaves the ages out of the inputs (the default for a single age vector).
     *
     * @return this builder
     */
    public Builder withoutAgeInput() {
      this.ageInput = Boolean.FALSE;
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
     * @param anchors which anchors the age vectors use (default {@link Anchors#COMMON})
     * @return this builder
     */
    public Builder anchors(Anchors anchors) {
      this.anchors = Objects.requireNonNull(anchors, "anchors");
      return this;
    }

    /**
     * @return the spec
     * @throws IllegalStateException when the target, sources or ages are missing
     * @throws IllegalArgumentException when an age vector does not give one age per source
     */
    public AgedDatasetSpec build() {
      if (target == null) {
        throw new IllegalStateException("no target column: call target(...)");
      }
      if (sources.isEmpty()) {
        throw new IllegalStateException("no feature source: call source(...) or sources(...)");
      }
      if (sharedAges == null && ageVectors == null) {
        throw new IllegalStateException("no age: call age(...), ages(...), ageVector(...) or ageVectors(...)");
      }
      int[][] vectors = sharedAges != null ? sharedVectors(sharedAges, sources.size())
          : checkVectors(ageVectors, sources.size());
      boolean input = ageInput != null ? ageInput : vectors.length > 1 || horizons.size() > 1;
      return new AgedDatasetSpec(target, sources, window, horizons.toArray(), vectors, covariates, input, ageEncoding,
          anchors);
    }
  }
}
