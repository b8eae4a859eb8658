package org.aoiforecast.solar.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.aoiforecast.core.TimeSeries;
import org.aoiforecast.core.dataset.AgedDataset;
import org.aoiforecast.core.dataset.AgedDatasetSpec;
import org.aoiforecast.core.reading.Alignment;
import org.aoiforecast.core.reading.AsOfAligner;
import org.aoiforecast.core.reading.MissingPolicy;
import org.aoiforecast.core.reading.ReadingSeries;
import org.aoiforecast.core.reading.Source;
import org.aoiforecast.core.reading.SourceAlignment;
import org.aoiforecast.core.schedule.EvaluatedPolicy;
import org.aoiforecast.core.schedule.PolicyEvaluator;
import org.aoiforecast.core.schedule.PenaltyTable;
import org.aoiforecast.core.schedule.ScheduleReport;
import org.aoiforecast.core.schedule.Scheduler;
import org.aoiforecast.core.schedule.TailRule;
import org.aoiforecast.core.schedule.TransmissionModel;
import org.aoiforecast.core.schedule.UpdatePolicy;
import org.aoiforecast.forecasting.AgeAwareForecaster;
import org.aoiforecast.forecasting.Strategies;
import org.aoiforecast.forecasting.evaluation.StrategyResult;
import org.aoiforecast.info.profile.ProfileCurve;
import org.aoiforecast.info.profile.ProfileReport;

/**
 * The study's closed loop: from the estimated age-loss profile (all sources stale, at the trained
 * network's window), choose how to update; then deliver the sources over the test part by
 * zero-wait, periodic and the optimal threshold policy, forecast with the trained pooled network
 * at the ages each policy produces, and set the realised test MSE beside the average loss the
 * profile predicts.
 *
 * <p>One channel carries a window of every source at once (the readings of all sources generated
 * at one step travel together), so all sources share the age the policy produces, as in the
 * profile with all sources stale. Transmission times are fixed, {@code T(u) = ceil(α·u)} steps.
 * The penalty beyond the profile's oldest age is the profile's maximum ({@link TailRule#MAX}), so
 * that no policy is rewarded for ages the profile never measured; a forecast at such an age uses
 * the network's extrapolation and is counted in {@link Outcome#beyondTraining()}.
 *
 * <p>The loop runs the policies through the library's own path: each policy is an {@code
 * AgeProcess} that delivers the channel's readings, {@link AsOfAligner} finds the age of the
 * freshest delivered reading at every query time, and the network forecasts from the window of
 * that age (one batch per range of ages over the test part, encoded as live forecasts are).
 *
 * <p>Solar errors depend on the time of day, and a policy with fixed transmission times delivers
 * at a fixed phase of the day: one run measures one phase. The realised MSE is therefore the
 * average over the phases of the first transmission (every step of a day, at most 48), which is
 * what the renewal-reward average assumes. Beside it, {@link Outcome#expected()} evaluates the
 * policy with the network's per-age test MSE as the penalty table: it checks the machinery (it
 * should be close to the realised MSE) and separates what the profile got wrong (predicted vs
 * expected: mostly the season of the test part) from the scheduling itself.
 */
public final class ClosedLoop {
  /**
   * Buffer of the freshest samples the threshold policy may choose from (the papers' B) for
   * windows of up to 6 samples; longer windows get {@link #buffer(int)}.
   */
  public static final int BUFFER = 10;
  /** Period of the periodic policy, in steps. */
  public static final int PERIOD = 4;
  /** The run's default α (see docs/decisions.md). */
  public static final double DEFAULT_ALPHA = 1.5;
  /** The α values of the report's figure. */
  public static final double[] SWEEP = {0.25, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4};
  private static final int SIMULATED_DELIVERIES = 20_000;
  /** Phases averaged at most (a day of hourly data has 24). */
  private static final int MAX_PHASES = 48;

  private final AgeAwareForecaster model;
  private final AgedDatasetSpec spec;
  private final TimeSeries series;
  private final int from;
  private final int to;
  private final int horizon;
  private final int maxTrainingAge;
  private final Source channel;
  private final PenaltyTable profile;
  private final PenaltyTable network;
  private final int phases;
  private final long seed;
  private final Errors errors = new Errors();

  private ClosedLoop(AgeAwareForecaster model, AgedDataset test, PenaltyTable profile, PenaltyTable network,
      int phases, long seed) {
    this.model = model;
    this.spec = model.layout().spec();
    this.series = test.series();
    this.from = test.segmentStart();
    this.to = test.segmentEnd();
    this.horizon = spec.horizon();
    this.maxTrainingAge = spec.maxAge(0);
    List<String> columns = new ArrayList<>();
    spec.sources().forEach(s -> columns.addAll(s.columns()));
    this.channel = Source.of("channel", columns.toArray(String[]::new));
    this.profile = profile;
    this.network = network;
    this.phases = phases;
    this.seed = seed;
  }

  /**
   * What one policy gives at one α.
   *
   * @param policy "zero-wait", "periodic" or "threshold"
   * @param description the policy in words (window, buffer position, period or threshold)
   * @param predicted the time-average loss the profile predicts for the policy (exact renewal
   *     reward), in the target's units squared
   * @param expected the same average with the pooled network's per-age test MSE as the penalty: what
   *     the realised MSE should be if the errors did not depend on the time of day
   * @param realized the test MSE of the pooled network fed by the policy, averaged over the
   *     phases of the first transmission, same units
   * @param samples test query times forecast
   * @param meanAge mean age of the inputs over those query times, in steps
   * @param beyondTraining query times whose age lay beyond the network's training ages
   */
  public record Outcome(String policy, String description, double predicted, double expected, double realized,
      int samples, double meanAge, int beyondTraining) {}

  /**
   * The three policies at one α.
   *
   * @param alpha steps of transmission per reading of the window
   * @param transmissionSteps {@code T(u) = ceil(α·u)}
   * @param zeroWait zero-wait
   * @param periodic periodic with period {@link #PERIOD}
   * @param optimal the Gittins-index threshold policy with the least predicted loss
   */
  public record Point(double alpha, int transmissionSteps, Outcome zeroWait, Outcome periodic, Outcome optimal) {
    /** @return the three outcomes, zero-wait first */
    public List<Outcome> outcomes() {
      return List.of(zeroWait, periodic, optimal);
    }
  }

  /**
   * The loop at the run's α and over a sweep of α.
   *
   * @param window the window u of the network and of the profile used
   * @param alpha the run's α
   * @param chosen the policies at the run's α
   * @param sweep the policies at every α of the sweep (the figure), in increasing α
   */
  public record Result(int window, double alpha, Point chosen, List<Point> sweep) {}

  /**
   * Runs the loop, or says why it cannot run.
   *
   * @param study the study
   * @param analysis its age-loss analysis
   * @param training its training (the pooled-with-age model is used)
   * @param alpha the run's α, positive
   * @param sweep the α values of the figure
   * @return the result, or empty with no pooled-with-age model, a log-loss analysis, no
   *     all-stale profile at the network's window or ages that are not consecutive steps
   */
  public static Optional<Result> run(Study study, ProfileReport analysis, Study.Training training, double alpha,
      double[] sweep) {
    return whyNot(study, analysis, training).isPresent() ? Optional.empty()
        : Optional.of(prepare(study, analysis, training).result(alpha, sweep));
  }

  /**
   * @param study the study
   * @param analysis its analysis
   * @param training its training
   * @return why the loop cannot run on these results, or empty when it can
   */
  public static Optional<String> whyNot(Study study, ProfileReport analysis, Study.Training training) {
    int u = study.settings().trainWindow();
    if (training.pooledModel() == null) {
      return Optional.of("no pooled-with-age network was trained (add it to --strategies)");
    }
    if (study.settings().pooledHorizons()) {
      return Optional.of("the network pools the horizons " + study.settings().horizons() + " (--horizons), while the"
          + " loop schedules updates for one horizon");
    }
    if (study.settings().hasSourceAges()) {
      return Optional.of("the network was trained on per-source ages (--source-ages), while the loop delivers every"
          + " source through one channel at one shared age");
    }
    if (analysis.loss() != org.aoiforecast.info.loss.Loss.QUADRATIC) {
      return Optional.of("the analysis used the " + analysis.loss().id() + " loss; the loop compares MSEs");
    }
    ProfileCurve curve = ReportWriter.findAll(analysis, u);
    if (curve == null) {
      return Optional.of("the analysis has no profile at the network's window u=" + u + " (add it to --windows)");
    }
    int[] ages = curve.ages();
    for (int i = 1; i < ages.length; i++) {
      if (ages[i] != ages[i - 1] + 1) {
        return Optional.of("the ages " + study.settings().ages() + " are not consecutive steps; a penalty table"
            + " needs every age from the first to the last");
      }
    }
    return Optional.empty();
  }

  private static ClosedLoop prepare(Study study, ProfileReport analysis, Study.Training training) {
    int u = study.settings().trainWindow();
    ProfileCurve curve = ReportWriter.findAll(analysis, u);
    PenaltyTable profile = PenaltyTable.of(curve.ages(), new int[] {u}, new double[][] {curve.values()})
        .withTail(TailRule.MAX);
    StrategyResult pooled = ReportWriter.find(training.report(), Strategies.POOLED_WITH_AGE);
    PenaltyTable network = PenaltyTable.of(training.report().ages(), new int[] {u},
        new double[][] {pooled.test().mse()}).withTail(TailRule.MAX);
    long stepsPerDay = Duration.ofDays(1).toMillis() / study.data().series().stepMillis();
    int phases = (int) Math.max(1, Math.min(MAX_PHASES, stepsPerDay));
    return new ClosedLoop(training.pooledModel(), study.splits().test(), profile, network, phases,
        study.settings().network().seed());
  }

  private Result result(double alpha, double[] sweep) {
    List<Point> points = new ArrayList<>();
    for (double a : sweep) {
      points.add(point(a));
    }
    return new Result(profile.windows()[0], alpha, point(alpha), points);
  }

  /**
   * The buffer for a window: {@link #BUFFER}, or the window and four samples more when the window
   * is longer than six (e.g. 12 half-hourly samples, a training window of 6 h on 30-minute data),
   * so that the buffer always holds the window and the threshold policy keeps the same freedom to
   * send an older window as with the hourly default (u = 6, B = 10).
   *
   * @param window the window length u, samples
   * @return the buffer B, samples
   */
  public static int buffer(int window) {
    return Math.max(BUFFER, window + BUFFER - 6);
  }

  private Point point(double alpha) {
    ScheduleReport schedule = Scheduler.builder(profile, TransmissionModel.proportional(alpha))
        .buffer(buffer(profile.longestWindow()))
        .period(PERIOD).deliveries(SIMULATED_DELIVERIES).seed(seed).build().schedule();
    int steps = schedule.windows().get(0).transmission().times()[0];
    return new Point(alpha, steps, outcome(schedule.zeroWait()), outcome(schedule.periodic()),
        outcome(schedule.optimal()));
  }

  /**
   * Delivers the test part by a policy, once per phase (the first transmission starting 0, 1, ...
   * steps after the start of the test part), finds the age of the freshest delivered window at
   * every query time, and averages the network's squared errors at those ages.
   */
  private Outcome outcome(EvaluatedPolicy evaluated) {
    UpdatePolicy policy = evaluated.policy();
    double sse = 0;
    double ageSum = 0;
    int n = 0;
    int beyond = 0;
    for (int phase = 0; phase < phases; phase++) {
      int[] ages = ages(policy, phase);
      for (int i = 0; i < ages.length; i++) {
        if (ages[i] > 0) {
          double e = errors.at(from + i, ages[i]);
          if (Double.isNaN(e)) {
            continue; // the window at that age starts before the test part: not a test sample
          }
          sse += e * e;
          ageSum += ages[i];
          n++;
          beyond += ages[i] > maxTrainingAge ? 1 : 0;
        }
      }
    }
    return new Outcome(policy.kind().id(), policy.toString(), evaluated.average(),
        PolicyEvaluator.exact(policy, network), n == 0 ? Double.NaN : sse / n, n, n == 0 ? Double.NaN : ageSum / n,
        beyond);
  }

  /**
   * The ages a policy produces over the test part: the channel's readings (one per step, every
   * source's values) delivered by the policy from the given phase on, aligned as of every query
   * time. Entry {@code i} is the age in steps at test row {@code from + i}, 0 where nothing has
   * arrived yet.
   */
  private int[] ages(UpdatePolicy policy, int phase) {
    int queries = to - from - horizon;
    int[] out = new int[queries];
    if (phase >= queries) {
      return out;
    }
    ReadingSeries delivered = policy.deliver(ReadingSeries.fromTimeSeries(series.slice(from + phase, to), channel),
        seed + phase);
    long[] times = new long[queries - phase];
    for (int i = 0; i < times.length; i++) {
      times[i] = series.timeMillis(from + phase + i);
    }
    Alignment aligned = AsOfAligner.builder().source(delivered).missing(MissingPolicy.DROP_ROW).build().align(times);
    SourceAlignment a = aligned.sources().get(0);
    int[] rows = aligned.queryPositions();
    for (int r = 0; r < aligned.size(); r++) {
      out[phase + rows[r]] = (int) (a.ageMillis(r) / series.stepMillis());
    }
    return out;
  }

  /**
   * The pooled network's errors on the test part at every (query row, age) a policy may produce,
   * from one batch prediction per range of ages (the data set of the test rows at those ages, a
   * view), computed as far as the ages asked for.
   */
  private final class Errors {
    private double[][] byAge = new double[0][]; // [age][row - from], NaN where the window leaves the test part

    double at(int row, int age) {
      if (age >= byAge.length) {
        extend(Math.max(age, 2 * byAge.length));
      }
      return byAge[age][row - from];
    }

    private void extend(int maxAge) {
      int first = Math.max(1, byAge.length);
      double[][] next = java.util.Arrays.copyOf(byAge, maxAge + 1);
      List<int[]> vectors = new ArrayList<>();
      for (int age = first; age <= maxAge; age++) {
        int[] v = new int[spec.sources().size()];
        java.util.Arrays.fill(v, age);
        vectors.add(v);
        next[age] = new double[to - from];
        java.util.Arrays.fill(next[age], Double.NaN);
      }
      AgedDataset data;
      try {
        data = AgedDataset.of(series, spec.withAgeVectors(vectors).withAnchors(AgedDatasetSpec.Anchors.PER_AGE_VECTOR),
            from, to);
      } catch (org.aoiforecast.core.DataException tooOld) {
        byAge = next; // the test part is shorter than these ages: no sample at any of them
        return;
      }
      double[] forecast = model.predict(data);
      double[] target = data.targetValues();
      for (int r = 0; r < data.size(); r++) {
        next[data.age(r, 0)][data.anchorRow(r) - from] = forecast[r] - target[r];
      }
      byAge = next;
    }
  }
}
