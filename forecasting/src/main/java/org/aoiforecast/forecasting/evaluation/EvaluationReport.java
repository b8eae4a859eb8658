package org.aoiforecast.forecasting.evaluation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.aoiforecast.core.io.Json;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Per-age train and test errors of several strategies on the same splits, with training times,
 * and for probabilistic strategies the scores of their distributions per age and per age band: a
 * Tablesaw table in long format and versioned JSON (schema 2, documented in docs/json.md).
 *
 * @param target the target column
 * @param window the window u
 * @param horizon the horizon in steps
 * @param ages the ages (steps), one per age vector
 * @param strategies the results, in the order run
 * @param bands the age bands over which probabilistic scores are pooled (may be empty)
 */
public record EvaluationReport(String target, int window, int horizon, int[] ages, List<StrategyResult> strategies,
    List<AgeBand> bands) {

  /** Name of the strategy that is the reference of {@link #skill}: smart persistence. */
  public static final String SKILL_REFERENCE = "smart-persistence";

  /**
   * The JSON schema version written by {@link #toJson}: 2 since every strategy carries {@code
   * probabilistic} (an object or null).
   */
  public static final int SCHEMA = 2;

  /** Copies. */
  public EvaluationReport {
    ages = ages.clone();
    strategies = List.copyOf(strategies);
    bands = List.copyOf(bands);
  }

  /**
   * A report without age bands.
   *
   * @param target the target column
   * @param window the window u
   * @param horizon the horizon in steps
   * @param ages the ages (steps)
   * @param strategies the results
   */
  public EvaluationReport(String target, int window, int horizon, int[] ages, List<StrategyResult> strategies) {
    this(target, window, horizon, ages, strategies, List.of());
  }

  @Override
  public int[] ages() {
    return ages.clone();
  }

  /**
   * @param name a strategy name
   * @return its result
   */
  public StrategyResult strategy(String name) {
    return strategies.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow(
        () -> new IllegalArgumentException("no strategy '" + name + "'; ran " + strategies.stream()
            .map(StrategyResult::name).toList()));
  }

  /**
   * Forecast skill per age against smart persistence, the solar forecasting convention:
   * {@code s = 1 - RMSE / RMSE_smart} on the test part (1 is perfect, 0 no better than smart
   * persistence, negative worse).
   *
   * @param name a strategy name
   * @return its skill per age, or empty when smart persistence was not run
   */
  public Optional<double[]> skill(String name) {
    Optional<StrategyResult> reference = strategies.stream()
        .filter(s -> s.name().equals(SKILL_REFERENCE)).findFirst();
    if (reference.isEmpty()) {
      return Optional.empty();
    }
    double[] ref = reference.get().test().rmse();
    double[] rmse = strategy(name).test().rmse();
    double[] skill = new double[rmse.length];
    for (int i = 0; i < skill.length; i++) {
      skill[i] = 1 - rmse[i] / ref[i];
    }
    return Optional.of(skill);
  }

  /**
   * @param name a strategy name
   * @return its skill over all test samples of all ages ({@code 1 - RMSE / RMSE_smart} with the
   *     RMSE of the mean MSE over ages), or empty when smart persistence was not run
   */
  public Optional<Double> meanSkill(String name) {
    return strategies.stream().filter(s -> s.name().equals(SKILL_REFERENCE)).findFirst()
        .map(ref -> 1 - Math.sqrt(strategy(name).test().meanMse() / ref.test().meanMse()));
  }

  /**
   * One row per (strategy, age): {@code strategy, age, train_mse, test_mse, test_mae, test_rmse,
   * skill (NaN without smart persistence), train_seconds}, and the scores of forecast
   * distributions {@code test_log_loss, test_crps, test_pinball_10, test_pinball_50,
   * test_pinball_90, test_coverage_80}, and {@code test_coverage_80_online} with the spreads
   * recalibrated online (NaN for point forecasters).
   *
   * @return a new table
   */
  public Table toTable() {
    StringColumn name = StringColumn.create("strategy");
    IntColumn age = IntColumn.create("age");
    DoubleColumn trainMse = DoubleColumn.create("train_mse");
    DoubleColumn testMse = DoubleColumn.create("test_mse");
    DoubleColumn testMae = DoubleColumn.create("test_mae");
    DoubleColumn testRmse = DoubleColumn.create("test_rmse");
    DoubleColumn skill = DoubleColumn.create("skill");
    DoubleColumn seconds = DoubleColumn.create("train_seconds");
    DoubleColumn logLoss = DoubleColumn.create("test_log_loss");
    DoubleColumn crps = DoubleColumn.create("test_crps");
    DoubleColumn[] pinball = new DoubleColumn[ProbabilisticMetrics.QUANTILES.length];
    for (int q = 0; q < pinball.length; q++) {
      pinball[q] = DoubleColumn.create("test_pinball_" + Math.round(100 * ProbabilisticMetrics.QUANTILES[q]));
    }
    DoubleColumn coverage = DoubleColumn.create("test_coverage_" + Math.round(100 * ProbabilisticMetrics.INTERVAL));
    DoubleColumn coverageOnline = DoubleColumn.create(coverage.name() + "_online");
    for (StrategyResult s : strategies) {
      ProbabilisticMetrics p = s.probabilistic().map(ProbabilisticResult::test).orElse(null);
      ProbabilisticMetrics po = s.probabilistic().map(ProbabilisticResult::testOnline).orElse(null);
      double[] tr = s.train().mse();
      double[] te = s.test().mse();
      double[] ma = s.test().mae();
      double[] rm = s.test().rmse();
      double[] sk = skill(s.name()).orElse(null);
      for (int i = 0; i < ages.length; i++) {
        name.append(s.name());
        age.append(ages[i]);
        trainMse.append(tr[i]);
        testMse.append(te[i]);
        testMae.append(ma[i]);
        testRmse.append(rm[i]);
        skill.append(sk == null ? Double.NaN : sk[i]);
        seconds.append(s.trainSeconds());
        logLoss.append(p == null ? Double.NaN : p.logLoss()[i]);
        crps.append(p == null ? Double.NaN : p.crps()[i]);
        for (int q = 0; q < pinball.length; q++) {
          pinball[q].append(p == null ? Double.NaN : p.pinball(ProbabilisticMetrics.QUANTILES[q])[i]);
        }
        coverage.append(p == null ? Double.NaN : p.coverage()[i]);
        coverageOnline.append(po == null ? Double.NaN : po.coverage()[i]);
      }
    }
    Table t = Table.create("per-age losses of " + target, name, age, trainMse, testMse, testMae, testRmse, skill,
        seconds, logLoss, crps);
    t.addColumns(pinball);
    return t.addColumns(coverage, coverageOnline);
  }

  /**
   * @param command the value of the {@code "command"} field (e.g. "train")
   * @return the report as JSON
   */
  public ObjectNode toJson(String command) {
    ObjectNode root = Json.object();
    root.put("schema", SCHEMA);
    root.put("command", command);
    root.put("target", target);
    root.put("window", window);
    root.put("horizon", horizon);
    Json.add(root.putArray("ages"), ages);
    ArrayNode list = root.putArray("strategies");
    for (StrategyResult s : strategies) {
      ObjectNode o = list.addObject();
      o.put("name", s.name());
      Json.add(o.putArray("test_mse"), s.test().mse());
      Json.add(o.putArray("train_mse"), s.train().mse());
      Json.add(o.putArray("test_mae"), s.test().mae());
      Json.add(o.putArray("test_rmse"), s.test().rmse());
      o.put("mean_test_mse", s.test().meanMse());
      Optional<double[]> sk = skill(s.name());
      if (sk.isPresent()) {
        Json.add(o.putArray("skill"), sk.get());
        o.put("mean_skill", meanSkill(s.name()).orElseThrow());
      } else {
        o.putNull("skill");
        o.putNull("mean_skill");
      }
      o.put("train_seconds", s.trainSeconds());
      o.put("networks", s.networks());
      if (s.probabilistic().isPresent()) {
        o.set("probabilistic", probabilisticJson(s.probabilistic().get()));
      } else {
        o.putNull("probabilistic");
      }
    }
    return root;
  }

  /** The scores of one strategy's forecast distributions (docs/json.md). */
  private ObjectNode probabilisticJson(ProbabilisticResult p) {
    ObjectNode o = Json.object();
    o.put("distribution", p.distribution());
    o.put("interval", ProbabilisticMetrics.INTERVAL);
    Json.add(o.putArray("quantiles"), ProbabilisticMetrics.QUANTILES);
    Json.add(o.putArray("calibration"), p.calibration());
    ProbabilisticMetrics test = p.test();
    Json.add(o.putArray("test_log_loss"), test.logLoss());
    Json.add(o.putArray("train_log_loss"), p.train().logLoss());
    Json.add(o.putArray("test_crps"), test.crps());
    ArrayNode pinball = o.putArray("test_pinball");
    for (double q : ProbabilisticMetrics.QUANTILES) {
      Json.add(pinball.addArray(), test.pinball(q));
    }
    Json.add(o.putArray("test_coverage"), test.coverage());
    Json.add(o.putArray("test_interval_width"), test.width());
    o.put("mean_test_log_loss", test.meanLogLoss());
    o.put("mean_train_log_loss", p.train().meanLogLoss());
    o.put("mean_test_crps", test.meanCrps());
    o.put("test_coverage_all", test.meanCoverage());
    test.writeBands(bands, o.putArray("bands"));
    // the same forecasts, their spreads recalibrated online through the test part
    ProbabilisticMetrics online = p.testOnline();
    ObjectNode on = o.putObject("online");
    on.put("rate", p.onlineRate());
    Json.add(on.putArray("test_coverage"), online.coverage());
    Json.add(on.putArray("test_interval_width"), online.width());
    Json.add(on.putArray("test_crps"), online.crps());
    Json.add(on.putArray("test_log_loss"), online.logLoss());
    on.put("test_coverage_all", online.meanCoverage());
    on.put("mean_test_crps", online.meanCrps());
    on.put("mean_test_log_loss", online.meanLogLoss());
    online.writeBands(bands, on.putArray("bands"));
    return o;
  }

  /**
   * Writes {@link #toJson} to a file, pretty-printed.
   *
   * @param file the file
   * @param command the value of the {@code "command"} field
   */
  public void writeJson(Path file, String command) {
    Json.write(file, toJson(command));
  }
}
