package org.aoiforecast.info;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import org.aoiforecast.core.ProgressListener;
import org.aoiforecast.core.TimeSeries;
import org.aoiforecast.core.dataset.AgeSet;
import org.aoiforecast.core.dataset.AgedDataset;
import org.aoiforecast.core.dataset.KnownCovariate;
import org.aoiforecast.core.reading.Source;
import org.aoiforecast.info.estimators.GaussianEstimator;
import org.aoiforecast.info.estimators.KsgEstimator;
import org.aoiforecast.info.estimators.Parallel;
import org.aoiforecast.info.estimators.Samples;
import org.aoiforecast.info.estimators.TheilerWindow;
import org.aoiforecast.info.loss.ConditionalLossEstimator;
import org.aoiforecast.info.loss.ConditionalLosses;
import org.aoiforecast.info.loss.LossEstimate;
import org.aoiforecast.info.profile.MarkovGapCurve;
import org.aoiforecast.info.profile.ProfileCurve;
import org.aoiforecast.info.profile.ProfileReport;
import org.apache.commons.math3.random.Well19937c;

/**
 * Estimates, from data alone and before any training, how the best achievable loss of a target
 * grows with the age of its features: the age-loss profile {@code H_L(Y_{t+h} | X_{t-Δ})} for
 * every age Δ of an age set, with block-bootstrap confidence intervals, and the ε-Markov gaps
 * {@code ε(Δ,ν) = I(Y; X_{t-Δ-ν} | X_{t-Δ})} that say how far the data are from the Markov chain
 * that would make the profile monotone.
 *
 * <p>For each window {@code u} it makes the profile with all sources stale and, unless turned
 * off, one profile per source in which only that source is stale and the others are fresh (at the
 * smallest age of the set). All ages of a profile are estimated on the same targets (the anchors
 * that the oldest age allows), so differences between ages are not differences of samples.
 *
 * <pre>{@code
 * ProfileReport report = AgeLossProfile.builder()
 *     .target("GHI").sources("GHI", "Temperature", "Humidity", "Cloud")
 *     .ages(AgeSet.range(1, 48)).windows(1, 6, 24)
 *     .build()
 *     .estimate(series);
 * }</pre>
 *
 * <p>Defaults: quadratic loss, horizon 0, the automatic estimator of
 * {@link ConditionalLosses#auto} (nearest neighbours up to 8 feature dimensions, cross-validated
 * ridge beyond), ν = 1, 200 bootstrap replicates in blocks of {@code max(N^(1/3), 2W+1)} rows, 95 %
 * intervals, a Theiler window W equal to the target's decorrelation time, all processors, seed 0.
 * Immutable and reusable on several series.
 */
public final class AgeLossProfile {
  private final String target;
  private final List<Source> sources;
  private final List<KnownCovariate> covariates;
  private final AgeSet ages;
  private final int[] windows;
  private final int horizon;
  private final Loss loss;
  private final ConditionalLossEstimator estimator;
  private final boolean perSource;
  private final int[] perSourceWindows;
  private final int[] markovLags;
  private final Estimator markovEstimator;
  private final int replicates;
  private final double confidence;
  private final int blockLength;
  private final TheilerWindow theiler;
  private final int threads;
  private final long seed;
  private final ProgressListener progress;

  private AgeLossProfile(Builder b) {
    this.target = b.target;
    this.sources = List.copyOf(b.sources);
    this.covariates = List.copyOf(b.covariates);
    this.ages = b.ages;
    this.windows = b.windows.clone();
    this.horizon = b.horizon;
    this.loss = b.loss;
    this.estimator = b.estimator;
    this.perSource = b.perSource;
    this.perSourceWindows = b.perSourceWindows == null ? null : b.perSourceWindows.clone();
    this.markovLags = b.markovLags.clone();
    this.markovEstimator = b.markovEstimator;
    this.replicates = b.replicates;
    this.confidence = b.confidence;
    this.blockLength = b.blockLength;
    this.theiler = b.theiler;
    this.threads = b.threads;
    this.seed = b.seed;
    this.progress = b.progress;
  }

  /** @return a builder with the defaults above */
  public static Builder builder() {
    return new Builder();
  }

  /** One estimate to make: a curve (or gap) at one age. */
  private record Task(int curve, int ageIndex, Runnable job) {}

  /**
   * Runs the analysis.
   *
   * @param series the data: a regular series with the target and the sources' columns
   * @return the profiles and gaps
   * @throws org.aoiforecast.core.DataException when a column is missing or the ages, windows and
   *     horizon need more rows than the series has
   */
  public ProfileReport estimate(TimeSeries series) {
    long started = System.nanoTime();
    series.columnIndex(target);
    for (Source s : sources) {
      s.columns().forEach(series::columnIndex);
    }
    double[] targetColumn = series.column(target);
    int w = theiler.resolve(Samples.column(targetColumn));
    double range = range(targetColumn);
    int[] ageArray = ages.toArray();

    List<CurveSpec> curves = new ArrayList<>();
    for (int u : windows) {
      AgedDataset all = dataset(series, u).ages(ages).ageInput(false).build();
      curves.add(new CurveSpec(u, ProfileCurve.ALL, all));
      if (perSource && sources.size() > 1 && (perSourceWindows == null || contains(perSourceWindows, u))) {
        for (int s = 0; s < sources.size(); s++) {
          List<int[]> vectors = new ArrayList<>();
          for (int a : ageArray) {
            int[] v = new int[sources.size()];
            Arrays.fill(v, ages.min());
            v[s] = a;
            vectors.add(v);
          }
          AgedDataset one = dataset(series, u).ageVectors(vectors).ageInput(false).build();
          curves.add(new CurveSpec(u, sources.get(s).name(), one));
        }
      }
    }
    List<GapSpec> gaps = new ArrayList<>();
    for (int u : windows) {
      for (int nu : markovLags) {
        gaps.add(new GapSpec(u, nu, dataset(series, u + nu).ages(ages).ageInput(false).build()));
      }
    }

    LossEstimate[][] estimates = new LossEstimate[curves.size()][ageArray.length];
    double[][] cmi = new double[gaps.size()][ageArray.length];
    String[] gapEstimator = new String[gaps.size()];
    List<Runnable> jobs = new ArrayList<>();
    for (int c = 0; c < curves.size(); c++) {
      CurveSpec spec = curves.get(c);
      int dims = spec.data.featureCount();
      ConditionalLossEstimator est = estimator != null ? estimator
          : ConditionalLosses.auto(loss, dims, TheilerWindow.of(w), 1);
      spec.estimator = est;
      for (int k = 0; k < ageArray.length; k++) {
        int curve = c;
        int age = k;
        jobs.add(() -> {
          AgedDataset d = spec.data.forAgeVector(age);
          estimates[curve][age] = est.estimate(d.featureMatrix(), d.targets());
        });
      }
    }
    for (int g = 0; g < gaps.size(); g++) {
      GapSpec spec = gaps.get(g);
      int width = 0;
      for (Source s : sources) {
        width += s.width();
      }
      int dx = width * spec.window + covariates.size();
      int dz = width * Math.min(spec.nu, spec.window);
      Estimator est = markovEstimator != null ? markovEstimator
          : (1 + dx + dz <= 10 ? KsgEstimator.create(4).withTheilerWindow(TheilerWindow.of(w)).withThreads(1)
              : GaussianEstimator.create());
      gapEstimator[g] = est.name();
      for (int k = 0; k < ageArray.length; k++) {
        int gap = g;
        int age = k;
        jobs.add(() -> cmi[gap][age] = markovGap(spec, age, est));
      }
    }
    run(jobs);

    int block = blockLength;
    List<ProfileCurve> profileCurves = new ArrayList<>();
    for (int c = 0; c < curves.size(); c++) {
      CurveSpec spec = curves.get(c);
      int n = estimates[c][0].size();
      int b = block > 0 ? block : Math.max((int) Math.ceil(Math.cbrt(n)), 2 * w + 1);
      int[][] resamples = blockBootstrap(n, Math.min(b, n), replicates, new Well19937c(seed + c));
      double[] value = new double[ageArray.length];
      double[] lower = new double[ageArray.length];
      double[] upper = new double[ageArray.length];
      for (int k = 0; k < ageArray.length; k++) {
        LossEstimate e = estimates[c][k];
        value[k] = e.value();
        double[] boot = new double[replicates];
        for (int r = 0; r < replicates; r++) {
          boot[r] = e.resample(resamples[r]);
        }
        Arrays.sort(boot);
        double alpha = (1 - confidence) / 2;
        lower[k] = Math.min(value[k], quantile(boot, alpha));
        upper[k] = Math.max(value[k], quantile(boot, 1 - alpha));
      }
      profileCurves.add(new ProfileCurve(spec.window, spec.stale, loss, ageArray, value, lower, upper,
          spec.estimator.name(), spec.estimator.kind(), n));
    }
    List<MarkovGapCurve> gapCurves = new ArrayList<>();
    for (int g = 0; g < gaps.size(); g++) {
      GapSpec spec = gaps.get(g);
      double[] bound = new double[ageArray.length];
      for (int k = 0; k < ageArray.length; k++) {
        double eps = Math.max(0, cmi[g][k]);
        bound[k] = switch (loss) {
          case LOG -> eps;
          case QUADRATIC -> range * range * Math.sqrt(eps / 2);
          case ABSOLUTE -> range * Math.sqrt(eps / 2);
        };
      }
      gapCurves.add(new MarkovGapCurve(spec.window, spec.nu, ageArray, cmi[g], bound, gapEstimator[g],
          spec.data.countOf(0)));
    }
    int reportedBlock = block > 0 ? block
        : Math.max((int) Math.ceil(Math.cbrt(curves.get(0).data.countOf(0))), 2 * w + 1);
    return new ProfileReport(target, loss, horizon, series.step(), sources.stream().map(Source::name).toList(), w,
        reportedBlock, replicates, confidence, profileCurves, gapCurves, (System.nanoTime() - started) / 1e9);
  }

  private AgedDataset.Builder dataset(TimeSeries series, int window) {
    AgedDataset.Builder b = AgedDataset.builder(series).target(target).window(window).horizon(horizon)
        .covariates(covariates);
    sources.forEach(b::source);
    return b;
  }

  private static final class CurveSpec {
    final int window;
    final String stale;
    final AgedDataset data;
    ConditionalLossEstimator estimator;

    CurveSpec(int window, String stale, AgedDataset data) {
      this.window = window;
      this.stale = stale;
      this.data = data;
    }
  }

  private record GapSpec(int window, int nu, AgedDataset data) {}

  /**
   * ε(Δ,ν) at one age: the data set has window u+ν at age Δ; X is lags 0..u-1 of each source
   * column (plus the known covariates, fresh information), Z the lags of the ν-older window not
   * already in X.
   */
  private static double markovGap(GapSpec spec, int ageIndex, Estimator est) {
    AgedDataset d = spec.data.forAgeVector(ageIndex);
    int u = spec.window;
    int span = u + spec.nu;
    int from = Math.max(u, spec.nu);
    int blocks = d.sources().stream().mapToInt(Source::width).sum();
    int extra = d.covariates().size();
    int dz = span - from;
    int n = d.size();
    double[][] x = new double[n][blocks * u + extra];
    double[][] z = new double[n][blocks * dz];
    double[][] y = new double[n][1];
    double[] f = new double[d.featureCount()];
    for (int r = 0; r < n; r++) {
      d.features(r, f, 0);
      for (int b = 0; b < blocks; b++) {
        System.arraycopy(f, b * span, x[r], b * u, u);
        System.arraycopy(f, b * span + from, z[r], b * dz, dz);
      }
      System.arraycopy(f, blocks * span, x[r], blocks * u, extra);
      y[r][0] = d.target(r);
    }
    return est.conditionalMutualInformation(y, z, x);
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

  /** Moving-block bootstrap: each resample concatenates random blocks of consecutive rows. */
  static int[][] blockBootstrap(int n, int block, int replicates, Well19937c random) {
    int[][] out = new int[replicates][n];
    int starts = n - block + 1;
    for (int r = 0; r < replicates; r++) {
      int p = 0;
      while (p < n) {
        int s = random.nextInt(starts);
        for (int i = 0; i < block && p < n; i++) {
          out[r][p++] = s + i;
        }
      }
    }
    return out;
  }

  private static double quantile(double[] sorted, double q) {
    double pos = q * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
  }

  private static boolean contains(int[] values, int v) {
    for (int x : values) {
      if (x == v) {
        return true;
      }
    }
    return false;
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
    private String target;
    private final List<Source> sources = new ArrayList<>();
    private final List<KnownCovariate> covariates = new ArrayList<>();
    private AgeSet ages;
    private int[] windows = {1};
    private int horizon;
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
     * @param source a feature source (a group of columns sharing one age)
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
     * @param columns one single-column source per column
     * @return this builder
     */
    public Builder sources(String... columns) {
      for (String c : columns) {
        source(Source.ofColumn(c));
      }
      return this;
    }

    /**
     * Known covariates (calendar, clear-sky irradiance, ...) added to the features at the target
     * time with age 0, as a forecaster would get them: the profile then measures what the stale
     * sources add beyond them.
     *
     * @param covariates the covariates
     * @return this builder
     */
    public Builder covariates(List<KnownCovariate> covariates) {
      this.covariates.addAll(covariates);
      return this;
    }

    /**
     * @param ages the ages, in steps of the series
     * @return this builder
     */
    public Builder ages(AgeSet ages) {
      this.ages = Objects.requireNonNull(ages, "ages");
      return this;
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
     * @param steps steps from the query time to the target, >= 0
     * @return this builder
     */
    public Builder horizon(int steps) {
      if (steps < 0) {
        throw new IllegalArgumentException("the horizon must be >= 0, got " + steps);
      }
      this.horizon = steps;
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
     * @param on whether to add one profile per source (only that source stale)
     * @return this builder
     */
    public Builder perSource(boolean on) {
      this.perSource = on;
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
      if (target == null) {
        throw new IllegalStateException("no target: call target(...)");
      }
      if (sources.isEmpty()) {
        throw new IllegalStateException("no feature source: call sources(...) or source(...)");
      }
      if (ages == null) {
        throw new IllegalStateException("no ages: call ages(...)");
      }
      return new AgeLossProfile(this);
    }
  }
}
