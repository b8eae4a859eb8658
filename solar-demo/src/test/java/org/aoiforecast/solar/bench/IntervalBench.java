package org.aoiforecast.solar.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.aoiforecast.core.dataset.AgeSet;
import org.aoiforecast.core.dataset.AgedDataset;
import org.aoiforecast.core.dataset.Splits;
import org.aoiforecast.forecasting.AgeAwareForecaster;
import org.aoiforecast.forecasting.Evaluation;
import org.aoiforecast.forecasting.OnlineRecalibration;
import org.aoiforecast.forecasting.Strategies;
import org.aoiforecast.forecasting.evaluation.AgeBand;
import org.aoiforecast.forecasting.evaluation.GaussianForecasts;
import org.aoiforecast.forecasting.evaluation.ProbabilisticMetrics;
import org.aoiforecast.forecasting.nn.NetworkConfig;
import org.aoiforecast.forecasting.nn.OutputHead;
import org.aoiforecast.forecasting.nn.TrainingListener;
import org.aoiforecast.info.loss.Loss;
import org.aoiforecast.info.profile.ProfileCurve;
import org.aoiforecast.solar.data.SolarData;
import org.aoiforecast.solar.report.ReportWriter;
import org.aoiforecast.solar.report.Study;
import org.aoiforecast.solar.report.StudySettings;

/**
 * The Gaussian pooled network ({@code --intervals}) with the study's defaults, over several seeds:
 * per age band the coverage of the central 80 % interval on the test part (all samples, and split
 * into samples whose target is exactly 0, the nights, and the others), CRPS, log loss, the mean
 * test MSE of the means against the point network's, training time, and the mean relative
 * deviation of the test log loss from the no-training log-loss estimate; then the coverage, CRPS
 * and width with the spreads recalibrated online at the library's rate and, with {@code --rates},
 * the coverage and CRPS at other rates. The figures of docs/benchmarks.md ("Probabilistic
 * forecasts", "Online recalibration").
 *
 * <p>Run (after {@code mvn -q package -DskipTests} and {@code mvn -q test-compile -pl solar-demo
 * -am}): {@code java -Xmx1g -cp solar-demo/target/aoi-solar-demo.jar:solar-demo/target/test-classes
 * org.aoiforecast.solar.bench.IntervalBench [--data FILE] [--seeds 42,43,44] [--point true] [--rates R1,R2,...]}.
 */
public final class IntervalBench {
  private IntervalBench() {}

  public static void main(String[] args) {
    BenchOptions options = new BenchOptions(args);
    Map<String, String> opt = options.values();
    SolarData data = options.data();
    boolean clearSky = data.series().hasColumn(Study.CLEAR_SKY);
    List<String> covariates = clearSky ? List.of("calendar", "clearsky") : List.of();
    long[] seeds = options.seeds();
    boolean point = Boolean.parseBoolean(opt.getOrDefault("--point", "true"));
    long stepsPerHour = Math.max(1, 3_600_000L / data.series().stepMillis());
    AgeSet ages = AgeSet.range(1, (int) (48 * stepsPerHour));
    int window = (int) (6 * stepsPerHour);
    System.out.printf(Locale.ROOT, "data %s (%d rows), covariates %s, %d cores%n", opt.getOrDefault("--data",
        "default"), data.series().size(), covariates, Runtime.getRuntime().availableProcessors());
    List<AgeBand> bands = new ArrayList<>(AgeBand.standard(data.series().step()));
    bands.add(new AgeBand("all", 0, Integer.MAX_VALUE));
    ProfileCurve estimate = null;
    for (long seed : seeds) {
      NetworkConfig config = NetworkConfig.defaults().toBuilder().seed(seed).build();
      StudySettings settings = new StudySettings(data.defaultTarget(), data.defaultFeatures(), ages,
          new int[] {window}, window, 0, Loss.QUADRATIC, "auto", covariates, 20, config,
          List.of(Strategies.POOLED_WITH_AGE), Runtime.getRuntime().availableProcessors(), java.util.Map.of(), 0, true, null);
      Study study = new Study(data, settings);
      Splits splits = study.splits();
      if (estimate == null) {
        long t0 = System.nanoTime();
        estimate = study.trainingEstimate(splits.train(), Loss.LOG, org.aoiforecast.core.ProgressListener.NONE);
        System.out.printf(Locale.ROOT, "log-loss estimate (u=%d, %s, %s): mean %.4f nats, %.1f s%n",
            estimate.window(), estimate.estimator(), estimate.kind(), Arrays.stream(estimate.values()).average()
                .orElseThrow(), (System.nanoTime() - t0) / 1e9);
      }
      Evaluation.Run<AgeAwareForecaster> run = Evaluation.run(splits, Strategies.pooledWithAge(config.toBuilder()
          .head(OutputHead.GAUSSIAN).build()), TrainingListener.NONE);
      AgedDataset test = splits.test();
      GaussianForecasts f = run.forecaster().predictDistribution(test);
      ProbabilisticMetrics m = run.result().probabilistic().orElseThrow().test();
      // online recalibration at the library's rate, as Evaluation scores it; --rates adds others
      ProbabilisticMetrics online = run.result().probabilistic().orElseThrow().testOnline();
      System.out.printf(Locale.ROOT, "seed %d: Gaussian network %.1f s (%d epochs), mean test MSE of the means %.5g,"
          + " calibration mean %.3f, log loss vs estimate: mean relative deviation %.1f %% (test), %.1f %%"
          + " (training)%n", seed, run.result().trainSeconds(), run.forecaster().summary().epochs(),
          run.result().test().meanMse(), run.result().probabilistic().orElseThrow().meanCalibration(),
          100 * ReportWriter.agreement(estimate, m.logLoss()),
          100 * ReportWriter.agreement(estimate, run.result().probabilistic().orElseThrow().train().logLoss()));
      System.out.printf("  %-8s %9s %9s %9s %10s %10s %10s %10s %10s %9s %10s %10s%n", "ages", "coverage", "target=0",
          "target>0", "CRPS", "log loss", "ll t=0", "ll t>0", "width", "online", "CRPS onl.", "width onl.");
      for (AgeBand b : bands) {
        ProbabilisticMetrics.Band band = m.band(b);
        if (band.samples() == 0) {
          continue;
        }
        double[] split = coverageByZero(test, f, b);
        ProbabilisticMetrics.Band o = online.band(b);
        System.out.printf(Locale.ROOT, "  %-8s %8.1f%% %8.1f%% %8.1f%% %10.4g %10.4f %10.4f %10.4f %10.4g %8.1f%% %10.4g"
            + " %10.4g%n", b.label(), 100 * band.coverage(), 100 * split[0], 100 * split[1], band.crps(), band.logLoss(),
            split[2], split[3], band.width(), 100 * o.coverage(), o.crps(), o.width());
      }
      if (opt.containsKey("--rates")) {
        double[] rates = Arrays.stream(opt.get("--rates").split(",")).mapToDouble(Double::parseDouble).toArray();
        System.out.printf("  online coverage (CRPS) by rate %s:%n", Arrays.toString(rates));
        ProbabilisticMetrics[] byRate = Arrays.stream(rates).mapToObj(r -> ProbabilisticMetrics.of(test,
            OnlineRecalibration.of(ProbabilisticMetrics.INTERVAL, r).apply(test, f))).toArray(ProbabilisticMetrics[]::new);
        for (AgeBand b : bands) {
          StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %-8s", b.label()));
          for (ProbabilisticMetrics pm : byRate) {
            line.append(String.format(Locale.ROOT, " %8.1f%% (%.4g)", 100 * pm.band(b).coverage(), pm.band(b).crps()));
          }
          System.out.println(line);
        }
      }
      if (point) {
        Evaluation.Run<AgeAwareForecaster> p = Evaluation.run(splits, Strategies.pooledWithAge(config),
            TrainingListener.NONE);
        System.out.printf(Locale.ROOT, "  point network: %.1f s (%d epochs), mean test MSE %.5g%n",
            p.result().trainSeconds(), p.forecaster().summary().epochs(), p.result().test().meanMse());
      }
    }
  }

  /**
   * Coverage of the central 80 % interval and mean log loss among samples whose target is 0 and
   * among the others: {@code {coverage 0, coverage other, log loss 0, log loss other}}.
   */
  private static double[] coverageByZero(AgedDataset test, GaussianForecasts f, AgeBand band) {
    double half = 1.2815515655446004;
    long[] n = new long[2];
    long[] in = new long[2];
    double[] ll = new double[2];
    for (int v = 0; v < test.ageVectorCount(); v++) {
      if (!band.contains(test.ageVector(v)[0])) {
        continue;
      }
      for (int r = test.firstRowOf(v); r < test.firstRowOf(v) + test.countOf(v); r++) {
        double y = test.targetValue(r);
        int k = y == 0 ? 0 : 1;
        n[k]++;
        ll[k] += org.aoiforecast.forecasting.evaluation.Gaussian.logLoss(y, f.mean(r), f.sd(r));
        if (Math.abs(y - f.mean(r)) <= half * f.sd(r)) {
          in[k]++;
        }
      }
    }
    return new double[] {(double) in[0] / n[0], (double) in[1] / n[1], ll[0] / n[0], ll[1] / n[1]};
  }
}
