package org.aoiforecast.solar.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.aoiforecast.core.reading.Source;
import org.aoiforecast.forecasting.AgeAwareForecaster;
import org.aoiforecast.forecasting.ForecastRequest;
import org.aoiforecast.solar.cli.SolarCliTest.Result;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --horizons} of train, run and predict: the grid in text and JSON, the vector with times, bad values. */
class HorizonsCliTest {
  @TempDir
  static Path dir;
  private static Path data;

  @BeforeAll
  static void simulate() {
    data = SolarCliTest.simulate(dir, 40, 5);
  }

  @Test
  void trainPoolsHorizonsAndPredictPrintsTheVectorWithTimes() throws IOException {
    Path json = dir.resolve("train.json");
    Path model = dir.resolve("h.aoi");
    Result r = SolarCliTest.cli("train", "--data", data.toString(), "--json", json.toString(), "--model",
        model.toString(), "--epochs", "1", "--ages", "1-3", "--window", "2", "--horizons", "0h-3h", "--covariates",
        "calendar", "--strategies", "pooled-with-age,linear,smart-persistence", "--quiet");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("horizons 0-3 pooled") || r.out().contains("horizons 0,1,2,3 pooled"), r.out());
    assertTrue(r.out().contains("Test MSE per horizon"), r.out());
    assertTrue(r.out().contains("Skill of pooled-with-age per age (rows) and horizon (columns)"), r.out());
    JsonNode root = new ObjectMapper().readTree(json.toFile());
    assertEquals(4, root.get("horizons").size());
    JsonNode grid = root.get("horizon_grid");
    assertEquals(3, grid.get("ages").size());
    assertEquals(3, grid.get("strategies").size());
    for (JsonNode s : grid.get("strategies")) {
      assertEquals(3, s.get("test_mse").size());
      assertEquals(4, s.get("test_mse").get(0).size());
      assertEquals(4, s.get("test_mse_by_horizon").size());
      assertEquals(4, s.get("skill").get(2).size());
    }
    JsonNode smart = grid.get("strategies").get(2);
    assertEquals("smart-persistence", smart.get("name").asText());
    assertEquals(0.0, smart.get("skill").get(1).get(3).asDouble(), 1e-12, "the reference has skill 0");

    // predict: one line per horizon, target time = query time + horizon
    AgeAwareForecaster m = AgeAwareForecaster.load(model);
    Instant at = Instant.parse("2021-06-01T12:00:00Z");
    List<String> args = new ArrayList<>(List.of("predict", "--model", model.toString(), "--at", at.toString()));
    ForecastRequest.Builder request = ForecastRequest.at(at);
    for (Source s : m.layout().sources()) {
      args.add("--source");
      args.add(s.name() + "=2h:100,90");
      request.source(s.name(), Duration.ofHours(2), 100, 90);
    }
    Path predictJson = dir.resolve("predict.json");
    args.add("--json");
    args.add(predictJson.toString());
    Result p = SolarCliTest.cli(args.toArray(String[]::new));
    assertEquals(0, p.code(), p.err());
    String[] lines = p.out().trim().split("\n");
    assertEquals(4, lines.length, p.out());
    ForecastRequest req = request.build();
    JsonNode forecasts = new ObjectMapper().readTree(predictJson.toFile()).get("forecasts");
    for (int h = 0; h < 4; h++) {
      Instant target = at.plus(Duration.ofHours(h));
      assertTrue(lines[h].contains(" at " + target + " (horizon " + h + "): "), lines[h]);
      double expected = m.forecast(req, h);
      assertTrue(lines[h].contains(String.format(Locale.ROOT, "%.4f", expected)), lines[h]);
      assertEquals(h, forecasts.get(h).get("horizon").asInt());
      assertEquals(target.toString(), forecasts.get(h).get("time").asText());
      assertEquals(expected, forecasts.get(h).get("value").asDouble(), 0.0);
    }
    // a subset of the horizons, and one the model lacks
    args.subList(args.size() - 2, args.size()).clear();
    List<String> some = new ArrayList<>(args);
    some.addAll(List.of("--horizons", "1,3"));
    Result two = SolarCliTest.cli(some.toArray(String[]::new));
    assertEquals(0, two.code(), two.err());
    assertEquals(2, two.out().trim().split("\n").length, two.out());
    List<String> bad = new ArrayList<>(args);
    bad.addAll(List.of("--horizons", "5"));
    Result missing = SolarCliTest.cli(bad.toArray(String[]::new));
    assertEquals(2, missing.code());
    assertTrue(missing.err().contains("--horizons: horizon 5 steps is not one of the model's horizons"),
        missing.err());
  }

  @Test
  void runWritesTheHeatMapAndTheGrid() throws IOException {
    Path out = dir.resolve("report");
    Result r = SolarCliTest.cli("run", "--data", data.toString(), "--out", out.toString(), "--ages", "1-3",
        "--windows", "1", "--window", "2", "--bootstrap", "10", "--epochs", "1", "--horizons", "0-2",
        "--strategies", "pooled-with-age,smart-persistence", "--quiet", "--threads", "1");
    assertEquals(0, r.code(), r.err());
    assertTrue(Files.size(out.resolve("fig9-horizon-skill.png")) > 1000);
    String md = Files.readString(out.resolve("report.md"));
    assertTrue(md.contains("## Horizons") && md.contains("Figure 9."), md);
    JsonNode run = new ObjectMapper().readTree(out.resolve("run.json").toFile());
    assertEquals(3, run.get("horizons").size());
    assertEquals(3, run.get("horizon_grid").get("horizons").size());
    String files = run.get("files").toString();
    assertTrue(files.contains("fig9-horizon-skill.png") && files.contains("horizons.csv"), files);
    // 2 strategies x 3 ages x 3 horizons, plus the header
    assertEquals(1 + 2 * 3 * 3, Files.readAllLines(out.resolve("horizons.csv")).size());
  }

  @Test
  void badHorizonsAreUsageErrorsNamingTheOption() {
    Result syntax = SolarCliTest.cli("train", "--data", data.toString(), "--horizons", "0-x", "--model", "none");
    assertEquals(2, syntax.code());
    assertTrue(syntax.err().contains("--horizons: "), syntax.err());
    Result both = SolarCliTest.cli("train", "--data", data.toString(), "--horizons", "0-3", "--horizon", "2",
        "--model", "none");
    assertEquals(2, both.code());
    assertTrue(both.err().contains("give either --horizon 2 or --horizons 0-3, not both"), both.err());
    Result perAge = SolarCliTest.cli("train", "--data", data.toString(), "--horizons", "0-3", "--strategies",
        "per-age,linear", "--model", "none");
    assertEquals(2, perAge.code());
    assertTrue(perAge.err().contains("--strategies: per-age trains one network per age for one horizon"),
        perAge.err());
  }

  @Test
  void aBacktestOverHorizonsGapsTheLongestHorizonAndKeepsTheLastFoldsGrid() throws IOException {
    Path json = dir.resolve("backtest-horizons.json");
    Result r = SolarCliTest.cli("train", "--data", data.toString(), "--horizons", "0-3", "--ages", "1-3", "--window",
        "2", "--epochs", "1", "--strategies", "pooled-with-age,linear", "--backtest", "2", "--model", "none",
        "--json", json.toString(), "--quiet");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("Backtest over 2 forecast origins") && r.out().contains("Test MSE per horizon"),
        r.out());
    JsonNode root = new ObjectMapper().readTree(json.toFile());
    // gap = window 2 + oldest age 3 + longest horizon 3
    assertEquals(8, root.get("backtest").get("gap").asInt());
    assertEquals(2, root.get("backtest").get("folds").asInt());
    assertEquals(4, root.get("horizon_grid").get("horizons").size(), "the last fold's grid");
  }
}
