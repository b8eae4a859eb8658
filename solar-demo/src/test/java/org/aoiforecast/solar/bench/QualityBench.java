package org.aoiforecast.solar.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.aoiforecast.core.dataset.AgeSet;
import org.aoiforecast.forecasting.evaluation.AgeBand;
import org.aoiforecast.forecasting.evaluation.BacktestReport;
import org.aoiforecast.forecasting.evaluation.EvaluationReport;
import org.aoiforecast.forecasting.evaluation.FoldResult;
import org.aoiforecast.forecasting.evaluation.MeanSpread;
import org.aoiforecast.forecasting.evaluation.ProbabilisticMetrics;
import org.aoiforecast.forecasting.evaluation.ProbabilisticResult;
import org.aoiforecast.forecasting.evaluation.StrategyResult;
import org.aoiforecast.forecasting.Evaluation;
import org.aoiforecast.forecasting.Strategies;
import org.aoiforecast.forecasting.nn.LinearPath;
import org.aoiforecast.forecasting.nn.OutputHead;
import org.aoiforecast.forecasting.nn.NetworkConfig;
import org.aoiforecast.forecasting.nn.TrainingListener;
import org.aoiforecast.info.loss.Loss;
import org.aoiforecast.solar.data.SolarData;
import org.aoiforecast.solar.report.Study;
import org.aoiforecast.solar.report.StudySettings;

/**
 * Forecast quality of every strategy with the study's defaults, over several seeds: mean test MSE
 * overall and in the age bands 1-6, 7-24 and 25-48 steps, with mean and spread over seeds, and
 * whether the pooled network with the age input is no worse than every baseline and within 2 %
 * of the per-age networks. The figures of docs/benchmarks.md ("Forecast quality").
 *
 * <p>With {@code --backtest K}, every seed is a rolling-origin backtest of K folds ({@code
 * Study.backtest}) instead of one chronological split: the table gives each fold's mean test MSE
 * (averaged over seeds) and the mean ± sample standard deviation over folds, overall and per age
 * band, and in how many folds the pooled network with the age input is no worse than each
 * baseline (docs/benchmarks.md, "Rolling-origin backtests").
 *
 * <p>Run (after {@code mvn -q package -DskipTests}):
 * {@code java -Xmx1g -cp solar-demo/target/aoi-solar-demo.jar:solar-demo/target/test-classes
 * org.aoiforecast.solar.bench.QualityBench [--data FILE] [--seeds 42,43,44] [--covariates LIST]
 * [--linear-path auto|age-linear|per-age|none] [--strategies LIST] [--factor F] [--hidden 64x64] [--patience N]
 * [--source-ages NAME=AGES;NAME=AGES] [--batch N] [--lr R] [--backtest K] [--intervals false]
 * [--per-age-gaussian true] [--stop-on loss|mse] [--smart-path false]}
 * (as in the CLI, the linear path takes smart persistence wherever it can, unless {@code
 * --smart-path false}; the pooled network with the age input has the Gaussian head, scored by the MSE
 * of its means, unless {@code --intervals false}; {@code --per-age-gaussian true} adds, on one
 * split, the per-age networks trained by the same likelihood). With per-source ages
 * the bands are of the target source's age. On one split it also prints, per strategy, the epochs
 * its networks ran (mean over networks and seeds), which is what their training time is made of.
 */
public final class QualityBench {

  private QualityBench() {}

  public static void main(String[] args) {
    BenchOptions options = new BenchOptions(args);
    Map<String, String> opt = options.values();
    SolarData data = options.data();
    boolean clearSky = data.series().hasColumn(Study.CLEAR_SKY);
    List<String> covariates = opt.containsKey("--covariates") ? (opt.get("--covariates").equals("none") ? List.of()
        : List.of(opt.get("--covariates").split(","))) : clearSky ? List.of("calendar", "clearsky") : List.of();
    List<String> strategies = opt.containsKey("--strategies") ? List.of(opt.get("--strategies").split(","))
        : StudySettings.ALL_STRATEGIES.stream().filter(s -> clearSky || !s.equals("smart-persistence")).toList();
    String pathOption = opt.getOrDefault("--linear-path", "auto");
    LinearPath path = pathOption.equals("auto")
        ? Study.defaultLinearPath(covariates, data.defaultFeatures(), data.defaultTarget())
        : LinearPath.ofOption(pathOption);
    long[] seeds = options.seeds();
    long stepsPerHour = Math.max(1, 3_600_000L / data.series().stepMillis());
    AgeSet ages = AgeSet.range(1, (int) (48 * stepsPerHour));
    List<AgeBand> bands = AgeBand.standard(data.series().step());
    Map<String, AgeSet> sourceAges = new LinkedHashMap<>();
    if (opt.containsKey("--source-ages")) {
      for (String item : opt.get("--source-ages").split(";")) {
        String[] kv = item.split("=", 2);
        sourceAges.put(kv[0], AgeSet.parse(kv[1], data.series().step()));
      }
    }
    Map<String, List<double[]>> runs = new LinkedHashMap<>();
    // epochs each network ran, per "strategy/seed/network" (per-age networks train side by side)
    Map<String, Integer> ran = new ConcurrentHashMap<>();
    List<BacktestReport> backtests = new ArrayList<>();
    System.out.printf(Locale.ROOT, "data %s (%d rows), covariates %s, linear path %s, source ages %s, %d cores%n",
        opt.getOrDefault("--data", "default"), data.series().size(), covariates, path, sourceAges,
        Runtime.getRuntime().availableProcessors());
    for (long seed : seeds) {
      NetworkConfig.Builder nb = NetworkConfig.defaults().toBuilder().seed(seed).linearPath(path)
          .smartPersistence(Boolean.parseBoolean(opt.getOrDefault("--smart-path", "true"))
              ? Study.smartPersistenceColumn(path, covariates, data.defaultFeatures(), data.defaultTarget()) : null);
      if (opt.containsKey("--factor")) {
        nb.pooledEpochFactor(Double.parseDouble(opt.get("--factor")));
      }
      if (opt.containsKey("--hidden")) {
        nb.hidden(Arrays.stream(opt.get("--hidden").split("x")).mapToInt(Integer::parseInt).toArray());
      }
      if (opt.containsKey("--batch")) {
        nb.batchSize(Integer.parseInt(opt.get("--batch")));
      }
      if (opt.containsKey("--lr")) {
        nb.learningRate(Double.parseDouble(opt.get("--lr")));
      }
      if (opt.containsKey("--patience")) {
        nb.patience(Integer.parseInt(opt.get("--patience")));
      }
      if (opt.containsKey("--stop-on")) {
        nb.stoppingScore(org.aoiforecast.forecasting.nn.StoppingScore.ofOption(opt.get("--stop-on")));
      }
      NetworkConfig config = nb.build();
      StudySettings settings = new StudySettings(data.defaultTarget(), data.defaultFeatures(), ages,
          new int[] {(int) (6 * stepsPerHour)}, (int) (6 * stepsPerHour), 0, Loss.QUADRATIC, "auto", covariates,
          20, config, strategies, Runtime.getRuntime().availableProcessors(), sourceAges, 0,
          strategies.contains("pooled-with-age") && Boolean.parseBoolean(opt.getOrDefault("--intervals", "true")),
          null);
      long t0 = System.nanoTime();
      if (opt.containsKey("--backtest")) {
        BacktestReport b = new Study(data, settings).backtest(Integer.parseInt(opt.get("--backtest")),
            TrainingListener.NONE).backtest();
        System.out.printf(Locale.ROOT, "seed %d: %.1f s%n", seed, (System.nanoTime() - t0) / 1e9);
        backtests.add(b);
        continue;
      }
      Study study = new Study(data, settings);
      EvaluationReport report = study.train(counting(ran, seed, null)).report();
      System.out.printf(Locale.ROOT, "seed %d: %.1f s%n", seed, (System.nanoTime() - t0) / 1e9);
      List<StrategyResult> results = new ArrayList<>(report.strategies());
      if (Boolean.parseBoolean(opt.getOrDefault("--per-age-gaussian", "false"))) {
        // the sceptic's control: the per-age networks trained by the same likelihood as the pooled one
        StrategyResult r = Evaluation.run(study.splits(), Strategies.perAge(config.toBuilder()
            .head(OutputHead.GAUSSIAN).build()), counting(ran, seed, "per-age (Gaussian)")).result();
        results.add(new StrategyResult("per-age (Gaussian)", r.train(), r.test(), r.trainSeconds(), r.networks(),
            java.util.Optional.empty()));
      }
      for (StrategyResult r : results) {
        double[] row = new double[1 + bands.size() + 1];
        row[0] = r.test().meanMse();
        for (int b = 0; b < bands.size(); b++) {
          row[1 + b] = bands.get(b).meanMse(r.test());
        }
        row[row.length - 1] = r.trainSeconds();
        runs.computeIfAbsent(r.name(), k -> new ArrayList<>()).add(row);
      }
    }
    if (!backtests.isEmpty()) {
      printBacktests(backtests);
      return;
    }
    System.out.printf("%-20s %-18s %-18s %-18s %-18s %s%n", "strategy", "mean MSE", "ages 1-6 h", "7-24 h",
        "25-48 h", "train s");
    Map<String, double[]> means = new LinkedHashMap<>();
    for (Map.Entry<String, List<double[]>> e : runs.entrySet()) {
      List<double[]> rows = e.getValue();
      double[] mean = new double[rows.get(0).length];
      double[] spread = new double[mean.length];
      for (int c = 0; c < mean.length; c++) {
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double[] r : rows) {
          mean[c] += r[c] / rows.size();
          lo = Math.min(lo, r[c]);
          hi = Math.max(hi, r[c]);
        }
        spread[c] = hi - lo;
      }
      means.put(e.getKey(), mean);
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-20s", e.getKey()));
      for (int c = 0; c < mean.length - 1; c++) {
        line.append(String.format(Locale.ROOT, " %-18s", String.format(Locale.ROOT, "%.5g ± %.2g", mean[c],
            spread[c] / 2)));
      }
      line.append(String.format(Locale.ROOT, " %.1f", mean[mean.length - 1]));
      System.out.println(line);
    }
    Map<String, double[]> epochSums = new java.util.TreeMap<>();
    ran.forEach((key, e) -> {
      double[] sum = epochSums.computeIfAbsent(key.substring(0, key.indexOf('/')), k -> new double[2]);
      sum[0] += e;
      sum[1]++;
    });
    epochSums.forEach((name, sum) -> System.out.printf(Locale.ROOT, "%-20s %.1f epochs per network (%d networks)%n",
        name, sum[0] / sum[1], (int) sum[1]));
    double[] pooled = means.get("pooled-with-age");
    if (pooled != null) {
      for (Map.Entry<String, double[]> e : means.entrySet()) {
        if (e.getKey().equals("pooled-with-age") || e.getKey().equals("pooled-without-age")) {
          continue;
        }
        double limit = e.getKey().equals("per-age") ? 1.02 : 1.0;
        StringBuilder v = new StringBuilder();
        for (int c = 0; c < 1 + bands.size(); c++) {
          v.append(pooled[c] <= limit * e.getValue()[c] ? " ok" : String.format(Locale.ROOT, " LOSES(%+.1f%%)",
              100 * (pooled[c] / e.getValue()[c] - 1)));
        }
        System.out.printf("pooled-with-age vs %-20s (overall, bands):%s%n", e.getKey(), v);
      }
    }
  }

  /**
   * A listener that keeps the last epoch of every network, keyed "strategy/seed/network".
   *
   * @param ran where the epochs go
   * @param seed the run's seed
   * @param name the strategy's name in the key, or null for the one the progress reports
   */
  private static TrainingListener counting(Map<String, Integer> ran, long seed, String name) {
    return p -> ran.merge((name == null ? p.strategy() : name) + "/" + seed + "/" + p.model(), p.epoch(), Math::max);
  }

  /**
   * The backtest table: per strategy, each fold's mean test MSE over ages (mean over seeds), then
   * the mean ± sample standard deviation over folds of the fold values overall and per age band
   * (each fold value itself a mean over seeds), and the mean training time; then, per baseline, in
   * how many folds the pooled network with the age input is no worse overall and in each band.
   */
  private static void printBacktests(List<BacktestReport> backtests) {
    BacktestReport first = backtests.get(0);
    int folds = first.folds().size();
    int bands = first.bands().size();
    for (FoldResult f : first.folds()) {
      System.out.printf(Locale.ROOT, "fold %d: trains on rows %d-%d, validates on %d-%d, tests on %s to %s%n",
          f.number(), f.layout().trainFrom(), f.layout().trainTo() - 1, f.layout().validationFrom(),
          f.layout().validationTo() - 1, first.time(f.layout().testFrom()), first.time(f.layout().testTo() - 1));
    }
    // value[strategy][fold][0 = mean over ages, 1.. = bands, last = train seconds], averaged over seeds
    Map<String, double[][]> value = new LinkedHashMap<>();
    for (String name : first.strategyNames()) {
      double[][] v = new double[folds][2 + bands];
      for (BacktestReport b : backtests) {
        for (int k = 0; k < folds; k++) {
          StrategyResult r = b.folds().get(k).evaluation().strategy(name);
          v[k][0] += r.test().meanMse() / backtests.size();
          double[] band = b.perBand(r.test().mse());
          for (int j = 0; j < bands; j++) {
            v[k][1 + j] += band[j] / backtests.size();
          }
          v[k][1 + bands] += r.trainSeconds() / backtests.size();
        }
      }
      value.put(name, v);
    }
    StringBuilder h = new StringBuilder(String.format(Locale.ROOT, "%-20s", "strategy"));
    for (int k = 1; k <= folds; k++) {
      h.append(String.format(Locale.ROOT, " %-9s", "fold " + k));
    }
    h.append(String.format(Locale.ROOT, " %-19s", "mean ± sd"));
    for (AgeBand band : first.bands()) {
      h.append(String.format(Locale.ROOT, " %-19s", "ages " + band.label()));
    }
    System.out.println(h.append(" train s"));
    for (Map.Entry<String, double[][]> e : value.entrySet()) {
      double[][] v = e.getValue();
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "%-20s", e.getKey()));
      for (double[] fold : v) {
        line.append(String.format(Locale.ROOT, " %-9.5g", fold[0]));
      }
      for (int c = 0; c <= bands; c++) {
        MeanSpread m = MeanSpread.of(column(v, c));
        line.append(String.format(Locale.ROOT, " %-19s", String.format(Locale.ROOT, "%.5g ± %.2g", m.mean(),
            m.spread())));
      }
      System.out.println(line.append(String.format(Locale.ROOT, " %.1f", MeanSpread.of(column(v, 1 + bands)).mean())));
    }
    double[][] pooled = value.get("pooled-with-age");
    if (pooled == null) {
      return;
    }
    printCoverage(backtests);
    for (Map.Entry<String, double[][]> e : value.entrySet()) {
      if (e.getKey().startsWith("pooled-")) {
        continue;
      }
      StringBuilder v = new StringBuilder();
      for (int c = 0; c <= bands; c++) {
        int wins = 0;
        for (int k = 0; k < folds; k++) {
          wins += pooled[k][c] <= e.getValue()[k][c] ? 1 : 0;
        }
        v.append(String.format(Locale.ROOT, " %d/%d", wins, folds));
      }
      System.out.printf("pooled-with-age no worse than %-20s in folds (overall, bands):%s%n", e.getKey(), v);
    }
  }

  /**
   * With the Gaussian head: the test coverage of the central 80 % interval of the pooled network
   * with the age input per fold (mean over seeds), overall and per age band, and over the folds;
   * with the calibration fitted on each fold's validation part, then recalibrated online.
   */
  private static void printCoverage(List<BacktestReport> backtests) {
    printCoverage(backtests, false);
    printCoverage(backtests, true);
  }

  private static void printCoverage(List<BacktestReport> backtests, boolean online) {
    BacktestReport first = backtests.get(0);
    if (first.folds().get(0).evaluation().strategy("pooled-with-age").probabilistic().isEmpty()) {
      return;
    }
    List<AgeBand> bands = first.bands();
    System.out.println("coverage of the central 80 % interval, pooled-with-age (mean over seeds" + (online
        ? "; recalibrated online" : "") + "): overall, bands " + bands.stream().map(AgeBand::label).toList());
    double[] year = new double[1 + bands.size()];
    int folds = first.folds().size();
    for (int k = 0; k < folds; k++) {
      double[] c = new double[1 + bands.size()];
      for (BacktestReport b : backtests) {
        ProbabilisticResult p = b.folds().get(k).evaluation().strategy("pooled-with-age").probabilistic()
            .orElseThrow();
        ProbabilisticMetrics m = online ? p.testOnline() : p.test();
        c[0] += m.meanCoverage() / backtests.size();
        for (int j = 0; j < bands.size(); j++) {
          c[1 + j] += m.band(bands.get(j)).coverage() / backtests.size();
        }
      }
      StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "fold %d:", k + 1));
      for (int j = 0; j < c.length; j++) {
        line.append(String.format(Locale.ROOT, " %.1f %%", 100 * c[j]));
        year[j] += c[j] / folds;
      }
      System.out.println(line);
    }
    StringBuilder line = new StringBuilder("mean over folds:");
    for (double v : year) {
      line.append(String.format(Locale.ROOT, " %.1f %%", 100 * v));
    }
    System.out.println(line);
  }

  private static double[] column(double[][] v, int c) {
    double[] out = new double[v.length];
    for (int k = 0; k < v.length; k++) {
      out[k] = v[k][c];
    }
    return out;
  }
}
