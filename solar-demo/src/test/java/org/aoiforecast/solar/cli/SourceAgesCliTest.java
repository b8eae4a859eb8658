package org.aoiforecast.solar.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.aoiforecast.forecasting.AgeAwareForecaster;
import org.aoiforecast.forecasting.nn.LinearPath;
import org.aoiforecast.solar.cli.SolarCliTest.Result;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --source-ages}: per-source training ages, from the command line to the saved model. */
class SourceAgesCliTest {
  @TempDir
  static Path dir;
  private static Path sim;

  @BeforeAll
  static void data() {
    sim = SolarCliTest.simulate(dir, 30, 7);
  }

  private static Result fails(String... args) {
    Result r = SolarCliTest.cli(args);
    assertEquals(2, r.code(), String.join(" ", args) + "\n" + r.out() + r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    return r;
  }

  @Test
  void badItemsNameTheOptionAndTheSource() {
    Result unknown = fails("train", "--data", sim.toString(), "--source-ages", "Wind=1-3", "--model", "none");
    assertTrue(unknown.err().contains("--source-ages: 'Wind' is not a feature source")
        && unknown.err().contains("CloudCover"), unknown.err());
    Result syntax = fails("train", "--data", sim.toString(), "--source-ages", "CloudCover", "--model", "none");
    assertTrue(syntax.err().contains("expected NAME=AGES"), syntax.err());
    Result twice = fails("train", "--data", sim.toString(), "--source-ages", "CloudCover=1", "--source-ages",
        "CloudCover=2", "--model", "none");
    assertTrue(twice.err().contains("'CloudCover' is given twice"), twice.err());
    Result ages = fails("train", "--data", sim.toString(), "--source-ages", "CloudCover=3-1", "--model", "none");
    assertTrue(ages.err().contains("--source-ages CloudCover"), ages.err());
    Result samples = fails("train", "--data", sim.toString(), "--age-samples", "5", "--model", "none");
    assertTrue(samples.err().contains("--age-samples") && samples.err().contains("--source-ages"), samples.err());
    Result zero = fails("train", "--data", sim.toString(), "--source-ages", "CloudCover=1-2", "--age-samples", "0",
        "--model", "none");
    assertTrue(zero.err().contains("--age-samples"), zero.err());
  }

  @Test
  void trainingPoolsSampledVectorsAndReportsByTheTargetSourcesAge() throws IOException {
    Path json = dir.resolve("train.json");
    Path model = dir.resolve("mixed.aoi");
    Result r = SolarCliTest.cli("train", "--data", sim.toString(), "--ages", "1-4", "--source-ages",
        "CloudCover=10-13", "--source-ages", "Temperature=5", "--age-samples", "8", "--window", "2", "--epochs", "1",
        "--strategies", "pooled-with-age,persistence", "--model", model.toString(), "--json", json.toString(),
        "--quiet");
    assertEquals(0, r.code(), r.err());
    JsonNode root = new ObjectMapper().readTree(json.toFile());
    List<Integer> ages = new ArrayList<>();
    root.get("ages").forEach(a -> ages.add(a.asInt()));
    // reported by the age of Power (the target's source), which covers 1-4 over 8 stratified draws
    assertEquals(List.of(1, 2, 3, 4), ages);

    // the saved model knows the vectors it was trained on: each with CloudCover in 10-13, Temperature 5
    Path readings = dir.resolve("mixed.csv");
    Files.writeString(readings, "source,age,v0,v1\nPower,2,0.9,0.8\nTemperature,5,20,19\nRelativeHumidity,3,40,42\n"
        + "CloudCover,11,3,3\n");
    Result p = SolarCliTest.cli("predict", "--model", model.toString(), "--at", Instant.parse(
        "2021-05-20T12:00:00Z").toString(), "--readings", readings.toString(), "--covariate", "ClearSkyGHI=850",
        "--covariate-at-readings", "ClearSkyGHI=800,760");
    assertEquals(0, p.code(), p.err());
    assertFalse(p.err().contains("outside"), p.err());
    // CloudCover was only ever 10-13 steps old in training: age 2 is refused, naming that range
    Files.writeString(readings, "source,age,v0,v1\nPower,2,0.9,0.8\nTemperature,5,20,19\nRelativeHumidity,3,40,42\n"
        + "CloudCover,2,3,3\n");
    Result out = SolarCliTest.cli("predict", "--model", model.toString(), "--at", "2021-05-20T12:00:00Z",
        "--readings", readings.toString(), "--covariate", "ClearSkyGHI=850", "--covariate-at-readings",
        "ClearSkyGHI=800,760");
    assertTrue(out.code() != 0 && out.err().contains("10..13"), out.err());
  }

  /**
   * The whole study with per-source ages and the default Gaussian head: the report is written
   * without the no-training estimates, which are of shared ages (they once failed the run after
   * training).
   */
  @Test
  void runWritesItsReportWithoutComparingTheSharedAgeEstimate() throws IOException {
    Path out = dir.resolve("report");
    Result r = SolarCliTest.cli("run", "--data", sim.toString(), "--ages", "1-4", "--source-ages", "CloudCover=10-13",
        "--age-samples", "8", "--window", "2", "--windows", "2", "--epochs", "1", "--strategies",
        "pooled-with-age,persistence", "--out", out.toString(), "--quiet");
    assertEquals(0, r.code(), r.err());
    String report = Files.readString(out.resolve("report.md"));
    assertTrue(report.contains("| age of Power |"), report);
    assertFalse(report.contains("estimate (training part)") || report.contains("deviates from the loss"), report);
    JsonNode run = new ObjectMapper().readTree(out.resolve("run.json").toFile());
    assertTrue(run.get("agreement").isNull(), run.toString());
  }

  /** {@code --linear-path per-age} with per-source ages: saved with its form, and forecasting live. */
  @Test
  void aPerAgePathTrainsSavesAndPredicts() throws IOException {
    Path model = dir.resolve("per-age-path.aoi");
    Result r = SolarCliTest.cli("train", "--data", sim.toString(), "--ages", "1-4", "--source-ages",
        "CloudCover=10-13", "--age-samples", "8", "--window", "2", "--epochs", "1", "--linear-path", "per-age",
        "--strategies", "pooled-with-age", "--model", model.toString(), "--quiet");
    assertEquals(0, r.code(), r.err());
    assertEquals(LinearPath.PER_AGE, AgeAwareForecaster.load(model).linearBase().orElseThrow().path());
    Path readings = dir.resolve("per-age-path.csv");
    Files.writeString(readings, "source,age,v0,v1\nPower,3,0.9,0.8\nTemperature,2,20,19\nRelativeHumidity,3,40,42\n"
        + "CloudCover,12,3,3\n");
    Result p = SolarCliTest.cli("predict", "--model", model.toString(), "--at", "2021-05-20T12:00:00Z",
        "--readings", readings.toString(), "--covariate", "ClearSkyGHI=850", "--covariate-at-readings",
        "ClearSkyGHI=800,760");
    assertEquals(0, p.code(), p.err());
    assertTrue(p.out().contains("Power at 2021-05-20T12:00:00Z"), p.out());
  }

  @Test
  void theSeedFixesTheVectorsDrawn() throws IOException {
    List<JsonNode> mse = new ArrayList<>();
    for (String seed : List.of("3", "3", "4")) {
      Path json = dir.resolve("seed" + mse.size() + ".json");
      Result r = SolarCliTest.cli("train", "--data", sim.toString(), "--ages", "1-3", "--source-ages",
          "CloudCover=4-9", "--window", "1", "--strategies", "linear", "--model", "none", "--json", json.toString(),
          "--quiet", "--seed", seed);
      assertEquals(0, r.code(), r.err());
      mse.add(new ObjectMapper().readTree(json.toFile()).get("strategies").get(0).get("test_mse"));
    }
    assertEquals(mse.get(0), mse.get(1));
    assertNotEquals(mse.get(0), mse.get(2), "another seed pairs other CloudCover ages with Power's");
  }
}
