package org.aoiforecast.forecasting.evaluation;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import org.aoiforecast.core.io.Json;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Test errors of several strategies per (age, horizon) cell, on the same targets, with the skill
 * {@code 1 - RMSE / RMSE_smart} against smart persistence in each cell: the evaluation of a study
 * pooled over horizons. Ages and horizons in steps; losses in target units squared.
 *
 * @param ages the reporting ages, increasing
 * @param horizons the horizons, increasing
 * @param strategies one entry per strategy, in the order run
 */
public record HorizonReport(int[] ages, int[] horizons, List<Entry> strategies) {

  /**
   * One strategy's test errors per cell.
   *
   * @param name the strategy's name
   * @param test its test errors per (age, horizon)
   * @param trainSeconds its training time, seconds
   */
  public record Entry(String name, HorizonMetrics test, double trainSeconds) {}

  /** Copies the arrays and the list. */
  public HorizonReport {
    ages = ages.clone();
    horizons = horizons.clone();
    strategies = List.copyOf(strategies);
  }

  @Override
  public int[] ages() {
    return ages.clone();
  }

  @Override
  public int[] horizons() {
    return horizons.clone();
  }

  /**
   * @param name a strategy name
   * @return its entry
   * @throws IllegalArgumentException naming the strategies run when there is none of that name
   */
  public Entry strategy(String name) {
    return strategies.stream().filter(s -> s.name().equals(name)).findFirst().orElseThrow(() ->
        new IllegalArgumentException("no strategy '" + name + "'; run were "
            + strategies.stream().map(Entry::name).toList()));
  }

  /**
   * @param name a strategy name
   * @return its skill per cell {@code [age][horizon]} against smart persistence, or empty when
   *     smart persistence was not run
   */
  public Optional<double[][]> skill(String name) {
    Optional<Entry> ref = strategies.stream().filter(s -> s.name().equals(EvaluationReport.SKILL_REFERENCE))
        .findFirst();
    if (ref.isEmpty()) {
      return Optional.empty();
    }
    double[][] r = ref.get().test().rmse();
    double[][] out = strategy(name).test().rmse();
    for (int i = 0; i < out.length; i++) {
      for (int j = 0; j < out[i].length; j++) {
        out[i][j] = 1 - out[i][j] / r[i][j];
      }
    }
    return Optional.of(out);
  }

  /**
   * One row per (strategy, age, horizon): {@code strategy, age, horizon, lead (age + horizon),
   * test_mse, test_mae, skill (NaN without smart persistence)}.
   *
   * @return a new table
   */
  public Table toTable() {
    StringColumn name = StringColumn.create("strategy");
    IntColumn age = IntColumn.create("age");
    IntColumn horizon = IntColumn.create("horizon");
    IntColumn lead = IntColumn.create("lead");
    DoubleColumn mse = DoubleColumn.create("test_mse");
    DoubleColumn mae = DoubleColumn.create("test_mae");
    DoubleColumn skill = DoubleColumn.create("skill");
    for (Entry s : strategies) {
      double[][] m = s.test().mse();
      double[][] a = s.test().mae();
      double[][] sk = skill(s.name()).orElse(null);
      for (int i = 0; i < ages.length; i++) {
        for (int j = 0; j < horizons.length; j++) {
          name.append(s.name());
          age.append(ages[i]);
          horizon.append(horizons[j]);
          lead.append(ages[i] + horizons[j]);
          mse.append(m[i][j]);
          mae.append(a[i][j]);
          skill.append(sk == null ? Double.NaN : sk[i][j]);
        }
      }
    }
    return Table.create("losses per age and horizon", name, age, horizon, lead, mse, mae, skill);
  }

  /**
   * The JSON section {@code "horizon_grid"} of a report (docs/json.md): ages, horizons and per
   * strategy {@code test_mse} and {@code skill} as arrays {@code [age][horizon]}, and {@code
   * test_mse_by_horizon} (every age pooled).
   *
   * @return the section
   */
  public ObjectNode toJson() {
    ObjectNode root = Json.object();
    Json.add(root.putArray("ages"), ages);
    Json.add(root.putArray("horizons"), horizons);
    ArrayNode list = root.putArray("strategies");
    for (Entry s : strategies) {
      ObjectNode o = list.addObject();
      o.put("name", s.name());
      grid(o.putArray("test_mse"), s.test().mse());
      Optional<double[][]> sk = skill(s.name());
      if (sk.isPresent()) {
        grid(o.putArray("skill"), sk.get());
      } else {
        o.putNull("skill");
      }
      double[] byHorizon = new double[horizons.length];
      for (int j = 0; j < byHorizon.length; j++) {
        byHorizon[j] = s.test().mseOfHorizon(j);
      }
      Json.add(o.putArray("test_mse_by_horizon"), byHorizon);
      o.put("mean_test_mse", s.test().meanMse());
      o.put("train_seconds", s.trainSeconds());
    }
    return root;
  }

  private static void grid(ArrayNode out, double[][] values) {
    for (double[] row : values) {
      Json.add(out.addArray(), row);
    }
  }
}
