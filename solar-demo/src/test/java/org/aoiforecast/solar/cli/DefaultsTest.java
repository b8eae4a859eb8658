package org.aoiforecast.solar.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.aoiforecast.forecasting.AgeAwareForecaster;
import org.aoiforecast.forecasting.nn.LinearBase;
import org.aoiforecast.forecasting.nn.LinearPath;
import org.aoiforecast.forecasting.nn.NetworkConfig;
import org.aoiforecast.forecasting.nn.StoppingScore;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The defaults that depend on whether the site's position is known: covariates and smart persistence. */
class DefaultsTest {
  @TempDir
  static Path dir;
  private static Path noSite;

  /** A generic CSV (no position, so no clear-sky column): a daily cycle in power, a slow temperature. */
  @BeforeAll
  static void csv() throws IOException {
    noSite = dir.resolve("plain.csv");
    List<String> lines = new ArrayList<>();
    lines.add("time,Power,Temperature");
    Instant t = Instant.parse("2021-06-01T00:00:00Z");
    for (int i = 0; i < 24 * 30; i++) {
      int hour = i % 24;
      double power = hour >= 6 && hour <= 18 ? 2 * Math.sin(Math.PI * (hour - 6) / 12) * (0.6 + 0.3 * Math.sin(i / 50.0))
          : 0;
      lines.add(t.plusSeconds(3600L * i) + "," + power + "," + (15 + 5 * Math.sin(i / 30.0)));
    }
    Files.write(noSite, lines);
  }

  @Test
  void withoutAPositionTheStudyUsesNoCovariatesAndNoSmartPersistence() throws IOException {
    Path json = dir.resolve("train.json");
    SolarCliTest.Result r = SolarCliTest.cli("train", "--data", noSite.toString(), "--target", "Power", "--features",
        "Power,Temperature", "--ages", "1-3", "--window", "2", "--epochs", "1", "--model", "none", "--json",
        json.toString(), "--quiet");
    assertEquals(0, r.code(), r.err());
    JsonNode root = new ObjectMapper().readTree(json.toFile());
    assertEquals(6, root.get("strategies").size());
    for (JsonNode s : root.get("strategies")) {
      assertTrue(!s.get("name").asText().equals("smart-persistence") && s.get("skill").isNull(), s.toString());
    }
  }

  @Test
  void askingForSmartPersistenceWithoutAPositionIsAUsageError() {
    SolarCliTest.Result r = SolarCliTest.cli("train", "--data", noSite.toString(), "--target", "Power", "--features",
        "Power,Temperature", "--strategies", "smart-persistence", "--model", "none");
    assertEquals(2, r.code(), r.out());
    assertTrue(r.err().contains("smart-persistence needs the site's position"), r.err());
  }

  /**
   * With a known site the linear path takes smart persistence and has coefficients per age; without
   * the clear-sky covariate, or without a position, it is the age-linear path without the regressor.
   */
  @Test
  void theLinearPathTakesSmartPersistenceWhereverItCan() throws IOException {
    Path data = SolarCliTest.simulate(dir, 40, 5);
    Path known = dir.resolve("known.aoi");
    Path calendar = dir.resolve("calendar.aoi");
    Path plain = dir.resolve("plain.aoi");
    for (String[] args : new String[][] {{"--data", data.toString(), "--model", known.toString()},
        {"--data", data.toString(), "--covariates", "calendar", "--model", calendar.toString()},
        {"--data", noSite.toString(), "--target", "Power", "--features", "Power,Temperature", "--model",
            plain.toString()}}) {
      List<String> command = new ArrayList<>(List.of("train", "--ages", "1-3", "--window", "2", "--epochs", "1",
          "--strategies", "pooled-with-age", "--quiet"));
      command.addAll(List.of(args));
      SolarCliTest.Result r = SolarCliTest.cli(command.toArray(String[]::new));
      assertEquals(0, r.code(), r.err());
    }
    LinearBase withSite = AgeAwareForecaster.load(known).linearBase().orElseThrow();
    assertEquals(LinearPath.PER_AGE, withSite.path());
    assertEquals("ClearSkyGHI", withSite.smartPersistence().orElseThrow().index().column());
    assertEquals(Optional.of("ClearSkyGHI"), AgeAwareForecaster.load(known).config().smartPersistence());
    for (Path model : new Path[] {calendar, plain}) {
      LinearBase without = AgeAwareForecaster.load(model).linearBase().orElseThrow();
      assertEquals(LinearPath.AGE_LINEAR, without.path(), model.toString());
      assertTrue(without.smartPersistence().isEmpty(), model.toString());
    }
  }

  @Test
  void badLinearPathIsAUsageError() {
    SolarCliTest.Result r = SolarCliTest.cli("train", "--linear-path", "cubic", "--model", "none");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--linear-path must be auto, age-linear, per-age or none"), r.err());
  }

  @Test
  void theStoppingScoreReachesTheSavedModel() throws IOException {
    Path data = SolarCliTest.simulate(dir, 40, 5);
    Path model = dir.resolve("mse.aoi");
    SolarCliTest.Result r = SolarCliTest.cli("train", "--data", data.toString(), "--ages", "1-3", "--window", "2",
        "--epochs", "2", "--strategies", "pooled-with-age", "--stop-on", "mse", "--model", model.toString(),
        "--quiet");
    assertEquals(0, r.code(), r.err());
    NetworkConfig config = AgeAwareForecaster.load(model).config();
    assertEquals(StoppingScore.SQUARED_ERROR, config.stoppingScore());
    assertTrue(config.toString().contains(" stop-on=mse"), config.toString());
  }

  @Test
  void badStoppingScoreIsAUsageError() {
    SolarCliTest.Result r = SolarCliTest.cli("train", "--stop-on", "crps", "--model", "none");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--stop-on must be loss or mse, got 'crps'"), r.err());
  }
}
