package org.aoiforecast.solar.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.aoiforecast.solar.cli.SolarCliTest.Result;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --backtest K} of train and run: every fold in the output, the last fold as the main result, bad K. */
class BacktestCliTest {
  @TempDir
  static Path dir;
  private static Path data;

  @BeforeAll
  static void simulate() {
    data = SolarCliTest.simulate(dir, 60, 3);
  }

  private static Result cli(String... args) {
    return SolarCliTest.cli(args);
  }

  @Test
  void trainBacktestsEveryStrategyAndKeepsTheLastFoldAsTheComparison() throws IOException {
    Path json = dir.resolve("train.json");
    Result r = cli("train", "--data", data.toString(), "--json", json.toString(), "--model", "none", "--epochs", "2",
        "--ages", "1-6", "--window", "3", "--strategies", "pooled-with-age,linear,persistence,smart-persistence",
        "--backtest", "3", "--quiet");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("Backtest over 3 forecast origins"), r.out());
    // the Gaussian pooled network's coverage per fold, fixed and online; the point strategies have none
    assertTrue(r.out().matches("(?s).*Coverage of the central 80 % interval of pooled-with-age per fold:"
        + " \\d+\\.\\d / \\d+\\.\\d / \\d+\\.\\d % \\(calibrated on each fold's validation part\\),"
        + " \\d+\\.\\d / \\d+\\.\\d / \\d+\\.\\d % \\(recalibrated online\\).*"), r.out());
    assertEquals(r.out().indexOf("Coverage of the central"), r.out().lastIndexOf("Coverage of the central"));
    JsonNode root = new ObjectMapper().readTree(json.toFile());
    JsonNode b = root.get("backtest");
    assertEquals(3, b.get("folds").asInt());
    // gap = window 3 + oldest age 6 + horizon 0
    assertEquals(9, b.get("gap").asInt());
    assertEquals("sample standard deviation over folds", b.get("spread").asText());
    assertEquals(1, b.get("bands").size(), "ages 1-6: one band");
    // 1440 rows: test blocks of 216 rows from row round(1440 * 0.55) = 792
    int[] testFrom = {792, 1008, 1224};
    for (int k = 0; k < 3; k++) {
      JsonNode layout = b.get("layout").get(k);
      assertEquals(k + 1, layout.get("fold").asInt());
      assertEquals(testFrom[k], layout.get("test_rows").get(0).asInt());
      assertTrue(layout.get("validation_rows").get(1).asInt() + 9 <= testFrom[k]);
      assertTrue(layout.get("train_rows").get(1).asInt() + 9 <= layout.get("validation_rows").get(0).asInt());
    }
    assertEquals(4, b.get("strategies").size());
    for (JsonNode s : b.get("strategies")) {
      assertEquals(3, s.get("folds").size());
      double mean = 0;
      for (JsonNode f : s.get("folds")) {
        mean += f.get("mean_test_mse").asDouble() / 3;
        assertEquals(6, f.get("test_mse").size());
      }
      assertEquals(mean, s.get("mean_test_mse").get("mean").asDouble(), 1e-9 * mean);
      assertTrue(s.get("mean_test_mse").get("spread").asDouble() > 0);
      assertEquals(6, s.get("test_mse").get("spread").size());
      assertTrue(s.get("mean_skill").has("mean"), "smart persistence ran: skill per fold");
    }
    // the comparison's fields are those of the last fold
    JsonNode lastLinear = b.get("strategies").get(1).get("folds").get(2);
    JsonNode linear = root.get("strategies").get(1);
    assertEquals("linear", linear.get("name").asText());
    assertEquals(lastLinear.get("mean_test_mse").asDouble(), linear.get("mean_test_mse").asDouble(), 0);
  }

  @Test
  void withoutBacktestTheJsonSaysSo() throws IOException {
    Path json = dir.resolve("plain.json");
    Result r = cli("train", "--data", data.toString(), "--json", json.toString(), "--model", "none", "--ages", "1-3",
        "--window", "2", "--strategies", "persistence", "--quiet");
    assertEquals(0, r.code(), r.err());
    JsonNode root = new ObjectMapper().readTree(json.toFile());
    assertTrue(root.has("backtest") && root.get("backtest").isNull());
    assertFalse(r.out().contains("Backtest"));
  }

  @Test
  void runWritesTheBacktestIntoTheReport() throws IOException {
    Path out = dir.resolve("report");
    Result r = cli("run", "--data", data.toString(), "--out", out.toString(), "--ages", "1-4", "--windows", "1,3",
        "--window", "3", "--bootstrap", "20", "--epochs", "2", "--strategies", "pooled-with-age,linear,persistence",
        "--backtest", "2", "--quiet");
    assertEquals(0, r.code(), r.err());
    String md = Files.readString(out.resolve("report.md"));
    assertTrue(md.contains("## Rolling-origin backtest") && md.contains("rolling-origin backtest of 2 folds"), md);
    assertTrue(md.contains("Over 2 forecast origins"), md);
    assertTrue(md.matches("(?s).*Coverage of the central 80 % interval of pooled-with-age per fold: \\d+\\.\\d /"
        + " \\d+\\.\\d % with the calibration fitted on each fold's validation part, \\d+\\.\\d / \\d+\\.\\d %"
        + " recalibrated online.*"), md);
    JsonNode run = new ObjectMapper().readTree(out.resolve("run.json").toFile());
    assertEquals(2, run.get("backtest").get("folds").asInt());
    assertEquals(3, run.get("backtest").get("strategies").size());
    boolean listed = false;
    for (JsonNode f : run.get("files")) {
      assertTrue(Files.isRegularFile(out.resolve(f.asText())), f.asText());
      listed |= f.asText().equals("backtest.csv");
    }
    assertTrue(listed);
    // strategy x fold x age
    assertEquals(1 + 3 * 2 * 4, Files.readAllLines(out.resolve("backtest.csv")).size());
    JsonNode training = new ObjectMapper().readTree(out.resolve("training.json").toFile());
    assertEquals(2, training.get("backtest").get("folds").asInt());
  }

  @Test
  void aBadNumberOfFoldsIsAUsageErrorBeforeAnyWork() {
    Result zero = cli("train", "--data", data.toString(), "--backtest", "0", "--model", "none");
    assertEquals(2, zero.code(), zero.err());
    assertTrue(zero.err().contains("--backtest: give at least 1 fold"), zero.err());
    Result many = cli("train", "--data", data.toString(), "--backtest", "5", "--model", "none", "--ages", "1-48");
    assertEquals(2, many.code(), many.err());
    assertTrue(many.err().contains("--backtest 5: a backtest of 5 folds does not fit 1440 rows")
        && many.err().contains("fold 1 would train on") && many.err().contains("At most 3 folds fit"), many.err());
    Result blocks = cli("run", "--data", data.toString(), "--backtest", "7", "--out", dir.resolve("never").toString());
    assertEquals(2, blocks.code(), blocks.err());
    assertTrue(blocks.err().contains("at most 6 folds"), blocks.err());
    assertFalse(blocks.out().contains("analysis done"), "refused before the analysis");
    assertFalse(Files.exists(dir.resolve("never").resolve("report.md")));
  }
}
