package org.aoiforecast.solar.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.aoiforecast.solar.cli.SolarCli;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The study's closed loop of update scheduling, end to end through {@code run} on 60 simulated
 * days: the policies chosen from the profile, delivered over the test part, forecast by the
 * pooled network.
 */
class ClosedLoopTest {
  @TempDir
  static Path dir;
  private static JsonNode scheduling;
  private static String report;

  private static int cli(String... args) {
    ByteArrayOutputStream sink = new ByteArrayOutputStream();
    return SolarCli.run(args, new PrintStream(sink, true, StandardCharsets.UTF_8),
        new PrintStream(sink, true, StandardCharsets.UTF_8));
  }

  @BeforeAll
  static void run() throws IOException {
    Path data = dir.resolve("sim.csv");
    assertEquals(0, cli("simulate", "--days", "60", "--start", "2021-05-01", "--seed", "3", "--out", data.toString()));
    Path out = dir.resolve("report");
    assertEquals(0, cli("run", "--data", data.toString(), "--out", out.toString(), "--ages", "1-6", "--windows",
        "1,3", "--window", "3", "--bootstrap", "20", "--epochs", "3", "--strategies", "pooled-with-age",
        "--alpha", "1", "--quiet"));
    scheduling = new ObjectMapper().readTree(out.resolve("run.json").toFile()).get("scheduling");
    report = Files.readString(out.resolve("report.md"));
    assertTrue(Files.size(out.resolve(ClosedLoopReport.FIGURE)) > 1000);
  }

  @Test
  void theRunReportsThreePoliciesAtItsAlphaAndTheSweep() {
    assertEquals(3, scheduling.get("window").asInt());
    assertEquals(1.0, scheduling.get("alpha").asDouble());
    assertEquals(3, scheduling.get("transmission_steps").asInt(), "T = ceil(1 * 3)");
    assertEquals(3, scheduling.get("policies").size());
    assertEquals(ClosedLoop.SWEEP.length, scheduling.get("sweep").size());
    assertTrue(report.contains("## Update scheduling: closed loop") && report.contains("fig6-scheduling.png"), report);
  }

  @Test
  void theOptimalPolicyIsPredictedNoWorseThanZeroWaitOrPeriodic() {
    for (JsonNode point : scheduling.get("sweep")) {
      JsonNode p = point.get("policies");
      double optimal = p.get(2).get("predicted").asDouble();
      assertEquals("threshold", p.get(2).get("policy").asText());
      assertTrue(optimal <= p.get(0).get("predicted").asDouble() + 1e-12, point.toString());
      assertTrue(optimal <= p.get(1).get("predicted").asDouble() + 1e-12, point.toString());
    }
  }

  @Test
  void realisedMseMatchesTheRenewalAverageOfTheNetworksPerAgeMse() {
    // Within the training ages, the phase-averaged realised MSE is the time average of the
    // network's per-age test MSE along the policy's ages: the delivery, alignment and forecast
    // machinery agrees with the renewal-reward formula. (Beyond the training ages the network
    // extrapolates, which the per-age table cannot know.)
    int checked = 0;
    for (JsonNode point : scheduling.get("sweep")) {
      int t = point.get("transmission_steps").asInt();
      for (JsonNode p : point.get("policies")) {
        assertTrue(p.get("mean_age").asDouble() >= t, "ages are at least the transmission time: " + p);
        assertTrue(p.get("forecasts").asInt() > 1000, p.toString());
        if (p.get("beyond_training_ages").asInt() == 0) {
          double expected = p.get("expected").asDouble();
          double realized = p.get("realized").asDouble();
          assertEquals(expected, realized, 0.1 * expected, point.toString());
          checked++;
        }
      }
    }
    assertTrue(checked >= 4, "policies within the training ages: " + checked);
  }

  @Test
  void aWindowLongerThanTheDefaultBufferGetsABufferThatHoldsIt() throws IOException {
    // 30-minute data trains on windows of 12 samples, more than the hourly default's buffer of 10
    assertEquals(10, ClosedLoop.buffer(6));
    assertEquals(10, ClosedLoop.buffer(1));
    assertEquals(16, ClosedLoop.buffer(12));
    Path out = dir.resolve("long-window");
    assertEquals(0, cli("run", "--data", dir.resolve("sim.csv").toString(), "--out", out.toString(), "--ages", "1-14",
        "--windows", "12", "--window", "12", "--bootstrap", "20", "--epochs", "1", "--strategies", "pooled-with-age",
        "--quiet"));
    JsonNode loop = new ObjectMapper().readTree(out.resolve("run.json").toFile()).get("scheduling");
    assertEquals(12, loop.get("window").asInt());
    assertEquals(16, loop.get("buffer").asInt());
    assertEquals(3, loop.get("policies").size());
  }

  @Test
  void badAlphaIsAUsageError() {
    assertEquals(2, cli("run", "--alpha", "0", "--out", dir.resolve("never").toString()));
    assertEquals(2, cli("run", "--alpha", "-1", "--out", dir.resolve("never").toString()));
  }

  @Test
  void withoutThePooledNetworkTheReportSaysWhyTheLoopDidNotRun() throws IOException {
    Path out = dir.resolve("no-pooled");
    assertEquals(0, cli("run", "--data", dir.resolve("sim.csv").toString(), "--out", out.toString(), "--ages", "1-6",
        "--windows", "1,3", "--window", "3", "--bootstrap", "20", "--strategies", "persistence", "--quiet"));
    String md = Files.readString(out.resolve("report.md"));
    assertTrue(md.contains("Not run: no pooled-with-age network was trained"), md);
    assertTrue(new ObjectMapper().readTree(out.resolve("run.json").toFile()).get("scheduling").isNull());
  }
}
