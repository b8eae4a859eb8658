package org.aoiforecast.info;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;
import org.aoiforecast.core.DataException;
import org.aoiforecast.core.Finite;
import org.aoiforecast.core.ProgressListener;
import org.aoiforecast.core.TimeSeries;
import org.aoiforecast.core.dataset.AgeSet;
import org.aoiforecast.core.dataset.AgedDataset;
import org.aoiforecast.core.dataset.AgedDatasetSpec;
import org.aoiforecast.core.reading.Source;
import org.aoiforecast.info.estimators.Estimator;
import org.aoiforecast.info.estimators.Parallel;
import org.aoiforecast.info.estimators.Samples;
import org.aoiforecast.info.estimators.TheilerWindow;
import org.aoiforecast.info.loss.ConditionalLossEstimator;
import org.aoiforecast.info.loss.ConditionalLosses;
import org.aoiforecast.info.loss.Loss;
import org.aoiforecast.info.loss.LossEstimate;
import org.aoiforecast.info.profile.MarkovGapCurve;
import org.aoiforecast.info.profile.ProfileCurve;
import org.aoiforecast.info.profile.ProfileReport;

/**
 * Estimates, from data alone and before any training, how the best achievable loss of a target
 * grows with the age of its features: the age-loss profile {@code H_L(Y_{t+h} | X_{t-Δ})} for
 * every age Δ of an age set, with block-bootstrap confidence intervals, and the ε-Markov gaps
 * {@code ε(Δ,ν) = I(Y; X_{t-Δ-ν} | X_{t-Δ})} that say how far the data are from the Markov chain
 * that would make the profile monotone.
 *
 * <p>What is predicted from what is an {@link AgedDatasetSpec}: its target, sources, known
 * covariates, horizon and (shared) ages; its window is the default window. The profile adds the
 * analysis settings. For each window {@code u} it makes the profile with all sources stale and,
 * unless turned off, one profile per source in which only that source is stale and the others
 * are fresh (at the smallest age of the set). All ages of a profile are estimated on the same
 * targets (the anchors that the oldest age allows), so differences between ages are not
 * differences of samples.
 *
 * <pre>{@code
 * AgedDatasetSpec spec = AgedDatasetSpec.builder()
 *     .target("GHI").sources("GHI", "Temperature", "Humidity", "Cloud")
 *     .ages(AgeSet.range(1, 48)).build();
 * ProfileReport report = AgeLossProfile.builder(spec).windows(1, 6, 24).build().estimate(series);
 * }</pre>
 *
 * <p>The estimate runs in three named steps: the plan of curves ({@code ProfilePlan}), the
 * estimates at every age in parallel, then the block bootstrap of each curve ({@code
 * BlockBootstrap}, one block-length rule) and the Markov gaps with their bounds ({@code
 * MarkovGaps}).
 *
 * <p>Defaults: quadratic loss, the automatic estimator of {@link ConditionalLosses#auto}
 * (leave-one-out k-NN regression up to {@value ConditionalLosses#NEIGHBOUR_DIMENSIONS} feature
 * dimensions, k-NN on the leading {@value ConditionalLosses#NEIGHBOUR_DIMENSIONS} principal
 * components beyond; KSG for the log loss up to that width, the linear-Gaussian bound beyond),
 * ν = 1 with KSG up to 10 joint dimensions and the Gaussian estimator beyond, 200 bootstrap
 * replicates ({@link Builder#withoutBootstrap()}: none) in blocks of {@code max(ceil(N^(1/3)),
 * 2W+1)} rows, 95 % intervals, a Theiler window W equal to the target's decorrelation time, all
 * processors, seed 0. Immutable and reusable on several series.
 */
public final class AgeLossProfile {
  private final AgedDatasetSpec spec;
  private final AgeSet ages;
  private final int[] windows;
  private final Loss loss;
  private final ConditionalLossEstimator estimator;
  private final int[] perSourceWindows;
  private final int[] markovLags;
  private final Estimator markovEstimator;
  private final BlockBootstrap bootstrap;
  private final int replicates;
  private final double confidence;
  private final TheilerWindow theiler;
  private final int threads;
  private final long seed;
  private final ProgressListener progress;

  private AgeLossProfile(Builder b) {
    this.spec = b.spec;
    this.ages = b.ages;
    this.windows = b.windows.clone();
    this.loss = b.loss;
    this.estimator = b.estimator;
    this.perSourceWindows = !b.perSource ? new int[0]
        : b.perSourceWindows == null ? b.windows.clone() : b.perSourceWindows.clone();
    this.markovLags = b.markovLags.clone();
    this.markovEstimator = b.markovEstimator;
    this.bootstrap = new BlockBootstrap(b.replicates, b.confidence, b.blockLength);
    this.replicates = b.replicates;
    this.confidence = b.confidence;
    this.theiler = b.theiler;
    this.threads = b.threads;
    this.seed = b.seed;
    this.progress = b.progress;
  }

  /**
   * @param spec what is predicted from what: target, sources, covariates, horizon, shared ages;
   *     its window is the default window
   * @return a builder with the defaults above
   * @throws IllegalArgumentException when the spec's ages are not shared by all sources
   */
  public static Builder builder(AgedDatasetSpec spec) {
    return new Builder(spec);
  }

  /** @return the description of the samples the profile is estimated on */
  public AgedDatasetSpec spec() {
    return spec;
  }

  /**
   * Runs the analysis over all rows of a series.
   *
   * @param series the data: a regular series with the target and the sources' columns
   * @return the profiles and gaps
   * @throws org.aoiforecast.core.DataException when a column is missing or the ages, windows and
   *     horizon need more rows than the series has
   */
  public ProfileReport estimate(TimeSeries series) {
    return estimate(AgedDataset.of(series, spec.withoutAgeInput().withWindow(windows[0])));
  }

  /**
   * Runs the analysis over the series and rows of an aged data set (e.g. the training part of a
   * split, so that the estimate sees what a network trained on it sees). The data set must
   * describe this profile's target, sources, covariates and horizon; the windows and ages are the
   * profile's.
   *
   * @param data a raw (not standardised) data set
   * @return the profiles and gaps
   * @throws IllegalArgumentException when the data set describes other samples
   */
  public ProfileReport estimate(AgedDataset data) {
    AgedDatasetSpec other = data.spec();
    if (!other.target().equals(spec.target()) || !other.sources().equals(spec.sources())
        || !other.covariates().equals(spec.covariates()) || other.horizon() != spec.horizon()) {
      throw new IllegalArgumentException("the data set describes other samples than the profile: " + other
          + " (profile: " + spec + ")");
    }
    long started = System.nanoTime();
    requireFiniteSpread(data);
    double[] targetColumn = targetColumn(data);
    int w = theiler.resolve(Samples.column(targetColumn));
    int[] ageArray = ages.toArray();
    ProfilePlan plan = new ProfilePlan(data.withoutAgeInput(), ages, windows, perSourceWindows, markovLags);

    // Step 2: every estimate of every curve and gap, in parallel.
    List<ProfilePlan.Curve> curves = plan.curves;
    List<ProfilePlan.Gap> gaps = plan.gaps;
    LossEstimate[][] estimates = new LossEstimate[curves.size()][ageArray.length];
    ConditionalLossEstimator[] curveEstimators = new ConditionalLossEstimator[curves.size()];
    double[][] cmi = new double[gaps.size()][ageArray.length];
    Estimator[] gapEstimators = new Estimator[gaps.size()];
    List<Runnable> jobs = new ArrayList<>();
    for (int c = 0; c < curves.size(); c++) {
      AgedDataset curve = curves.get(c).data();
      ConditionalLossEstimator est = estimator != null ? estimator
          : ConditionalLosses.auto(loss, curve.featureCount(), TheilerWindow.of(w), 1);
      curveEstimators[c] = est;
      for (int k = 0; k < ageArray.length; k++) {
        int ci = c;
        int age = k;
        jobs.add(() -> {
          AgedDataset d = curve.forAgeVector(age);
          estimates[ci][age] = est.estimate(d.featureMatrix(), d.targetValues());
        });
      }
    }
    for (int g = 0; g < gaps.size(); g++) {
      ProfilePlan.Gap gap = gaps.get(g);
      int width = spec.valueColumnCount();
      Estimator est = markovEstimator != null ? markovEstimator : MarkovGaps.defaultEstimator(
          width * gap.window() + spec.covariates().size(), width * Math.min(gap.nu(), gap.window()), w);
      gapEstimators[g] = est;
      for (int k = 0; k < ageArray.length; k++) {
        int gi = g;
        int age = k;
        jobs.add(() -> cmi[gi][age] = MarkovGaps.gap(gap.data().forAgeVector(age), gap.window(), gap.nu(), est));
      }
    }
    run(jobs);

    // Step 3: intervals by the block bootstrap, then the gaps' bounds.
    List<ProfileCurve> profileCurves = new ArrayList<>();
    for (int c = 0; c < curves.size(); c++) {
      int n = estimates[c][0].size();
      // Without replicates the interval is the estimate itself: verdicts then compare estimates.
      int[][] resamples = replicates == 0 ? null : bootstrap.resamples(n, w, seed + c);
      double[] value = new double[ageArray.length];
      double[] lower = new double[ageArray.length];
      double[] upper = new double[ageArray.length];
      for (int k = 0; k < ageArray.length; k++) {
        value[k] = estimates[c][k].value();
        double[] interval = resamples == null ? new double[] {value[k], value[k]}
            : bootstrap.interval(estimates[c][k], resamples);
        lower[k] = interval[0];
        upper[k] = interval[1];
      }
      requireFinite(value, curves.get(c), ageArray, curveEstimators[c].name());
      profileCurves.add(new ProfileCurve(curves.get(c).window(), curves.get(c).stale(), loss, ageArray, value, lower,
          upper, curveEstimators[c].name(), curveEstimators[c].kind(), n));
    }
    double range = range(targetColumn);
    List<MarkovGapCurve> gapCurves = new ArrayList<>();
    for (int g = 0; g < gaps.size(); g++) {
      ProfilePlan.Gap gap = gaps.get(g);
      double[] bound = new double[ageArray.length];
      for (int k = 0; k < ageArray.length; k++) {
        if (Double.isNaN(cmi[g][k]) || Double.isInfinite(cmi[g][k])) {
          throw new DataException(null, 0, spec.target(), "the " + gapEstimators[g].name() + " estimate of the"
              + " epsilon-Markov gap at age " + ageArray[k] + " (window " + gap.window() + ", nu " + gap.nu() + ") is "
              + cmi[g][k] + "; the columns " + spec.target() + " and " + spec.sourceNames() + " must hold values of"
              + " moderate size");
        }
        bound[k] = MarkovGaps.bound(loss, cmi[g][k], range);
      }
      gapCurves.add(new MarkovGapCurve(gap.window(), gap.nu(), ageArray, cmi[g], bound, gapEstimators[g].name(),
          gap.data().countOf(0)));
    }
    int reportedBlock = bootstrap.blockLength(curves.get(0).data().countOf(0), w);
    return new ProfileReport(spec.target(), loss, spec.horizon(), data.series().step(), spec.sourceNames(), w,
        reportedBlock, replicates, confidence, profileCurves, gapCurves, (System.nanoTime() - started) / 1e9);
  }

  /**
   * Fails, naming the column, when a column the samples read has values too large for a variance:
   * every estimator would then return Infinity or NaN, and the verdicts built on them would be
   * nonsense that looks like a result.
   */
  private void requireFiniteSpread(AgedDataset data) {
    TimeSeries series = data.series();
    Set<String> columns = new LinkedHashSet<>();
    columns.add(spec.target());
    for (Source source : spec.sources()) {
      columns.addAll(source.columns());
    }
    for (String column : columns) {
      Finite.requireFiniteSpread(series.origin(), column, series.column(column), data.segmentStart(),
          data.segmentEnd());
    }
  }

  /** A last guard: an estimate that is not finite is an error, not a point of a curve. */
  private void requireFinite(double[] value, ProfilePlan.Curve curve, int[] ageArray, String estimatorName) {
    for (int k = 0; k < value.length; k++) {
      if (!Double.isFinite(value[k])) {
        throw new DataException(null, 0, spec.target(), "the " + estimatorName + " estimate of the loss at age "
            + ageArray[k] + " (window " + curve.window() + ", stale: " + curve.stale() + ") is " + value[k]
            + "; the columns " + spec.target() + " and " + spec.sourceNames() + " must hold values of moderate size"
            + " that are not all equal");
      }
    }
  }

  /** The target column over the data set's rows (the Theiler window and range are theirs). */
  private static double[] targetColumn(AgedDataset data) {
    double[] all = data.series().column(data.spec().target());
    return java.util.Arrays.copyOfRange(all, data.segmentStart(), data.segmentEnd());
  }

  private void run(List<Runnable> jobs) {
    long total = jobs.size();
    AtomicLong done = new AtomicLong();
    progress.progress("age-loss profile", 0, total);
    Parallel.forEach(jobs.size(), threads, i -> {
      jobs.get(i).run();
      progress.progress("age-loss profile", done.incrementAndGet(), total);
    });
  }

  private static double range(double[] v) {
    double lo = Double.POSITIVE_INFINITY;
    double hi = Double.NEGATIVE_INFINITY;
    for (double a : v) {
      lo = Math.min(lo, a);
      hi = Math.max(hi, a);
    }
    return hi - lo;
  }

  /** Builds an {@link AgeLossProfile}. */
  public static final class Builder {
    private final AgedDatasetSpec spec;
    private final AgeSet ages;
    private int[] windows;
    private Loss loss = Loss.QUADRATIC;
    private ConditionalLossEstimator estimator;
    private boolean perSource = true;
    private int[] perSourceWindows;
    private int[] markovLags = {1};
    private Estimator markovEstimator;
    private int replicates = 200;
    private double confidence = 0.95;
    private int blockLength;
    private TheilerWindow theiler = TheilerWindow.auto();
    private int threads = Runtime.getRuntime().availableProcessors();
    private long seed;
    private ProgressListener progress = ProgressListener.NONE;

    private Builder(AgedDatasetSpec spec) {
      this.spec = Objects.requireNonNull(spec, "spec");
      this.ages = spec.sharedAges().orElseThrow(() -> new IllegalArgumentException("the age-loss profile needs"
          + " ages shared by all sources, in increasing order (AgedDatasetSpec.Builder.ages); this spec has "
          + spec.ageVectorCount() + " per-source age vectors. Per-source staleness is in the per-source profiles"));
      this.windows = new int[] {spec.window()};
    }

    /**
     * @param windows window lengths u, each >= 1
     * @return this builder
     */
    public Builder windows(int... windows) {
      if (windows.length == 0) {
        throw new IllegalArgumentException("give at least one window");
      }
      for (int u : windows) {
        if (u < 1) {
          throw new IllegalArgumentException("a window must hold at least 1 reading, got " + u);
        }
      }
      this.windows = windows.clone();
      return this;
    }

    /**
     * @param loss the loss (used by the automatic estimator; a given estimator brings its own)
     * @return this builder
     */
    public Builder loss(Loss loss) {
      this.loss = Objects.requireNonNull(loss, "loss");
      return this;
    }

    /**
     * @param estimator the estimator of {@code H_L(Y|X)}; null for the automatic choice
     * @return this builder
     */
    public Builder estimator(ConditionalLossEstimator estimator) {
      this.estimator = estimator;
      if (estimator != null) {
        this.loss = estimator.loss();
      }
      return this;
    }

    /**
     * Leaves out the per-source profiles (only the profile with all sources stale is estimated).
     *
     * @return this builder
     */
    public Builder withoutPerSourceProfiles() {
      this.perSource = false;
      return this;
    }

    /**
     * Limits the per-source profiles to some windows (default: every window).
     *
     * @param windows windows that get per-source profiles
     * @return this builder
     */
    public Builder perSourceWindows(int... windows) {
      this.perSourceWindows = windows.clone();
      return this;
    }

    /**
     * @param nus the ν values of the ε-Markov gaps (none to skip them)
     * @return this builder
     */
    public Builder markovLags(int... nus) {
      for (int nu : nus) {
        if (nu < 1) {
          throw new IllegalArgumentException("ν must be at least 1, got " + nu);
        }
      }
      this.markovLags = nus.clone();
      return this;
    }

    /**
     * @param estimator the CMI estimator of the gaps; null for KSG in at most 10 joint dimensions
     *     and the Gaussian estimator beyond
     * @return this builder
     */
    public Builder markovEstimator(Estimator estimator) {
      this.markovEstimator = estimator;
      return this;
    }

    /**
     * @param replicates bootstrap replicates, at least 10
     * @return this builder
     */
    public Builder bootstrap(int replicates) {
      if (replicates < 10) {
        throw new IllegalArgumentException("use at least 10 bootstrap replicates, got " + replicates);
      }
      this.replicates = replicates;
      return this;
    }

    /**
     * Skips the bootstrap: each interval is the estimate itself ({@code lower = loss = upper}), so
     * a verdict compares estimates without a significance margin, and the report states 0
     * replicates. For screening many series, where the bootstrap would dominate the cost of a
     * cheap estimator.
     *
     * @return this builder
     */
    public Builder withoutBootstrap() {
      this.replicates = 0;
      return this;
    }

    /**
     * @param level confidence level of the intervals, in (0, 1)
     * @return this builder
     */
    public Builder confidence(double level) {
      if (!(level > 0 && level < 1)) {
        throw new IllegalArgumentException("the confidence level must be in (0, 1), got " + level);
      }
      this.confidence = level;
      return this;
    }

    /**
     * @param rows block length of the bootstrap; 0 for the automatic choice
     * @return this builder
     */
    public Builder blockLength(int rows) {
      if (rows < 0) {
        throw new IllegalArgumentException("the block length must be >= 0, got " + rows);
      }
      this.blockLength = rows;
      return this;
    }

    /**
     * @param window the Theiler window of the neighbour estimators
     * @return this builder
     */
    public Builder theilerWindow(TheilerWindow window) {
      this.theiler = Objects.requireNonNull(window, "window");
      return this;
    }

    /**
     * @param threads estimates computed in parallel, at least 1
     * @return this builder
     */
    public Builder threads(int threads) {
      if (threads < 1) {
        throw new IllegalArgumentException("threads must be at least 1, got " + threads);
      }
      this.threads = threads;
      return this;
    }

    /**
     * @param seed seed of the bootstrap
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * @param listener receives (estimates done, total) as the analysis proceeds
     * @return this builder
     */
    public Builder progress(ProgressListener listener) {
      this.progress = Objects.requireNonNull(listener, "listener");
      return this;
    }

    /** @return the configured analysis */
    public AgeLossProfile build() {
      return new AgeLossProfile(this);
    }
  }
}
