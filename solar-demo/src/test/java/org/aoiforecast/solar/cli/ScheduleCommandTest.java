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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The schedule command: from a CSV table, from the JSON of analyze, and on bad input. */
class ScheduleCommandTest {
  @TempDir
  Path dir;

  /** A diurnal profile: readings 12 steps old predict best; windows 1 and 2. */
  private Path diurnalCsv() throws IOException {
    StringBuilder csv = new StringBuilder("age,1,2\n");
    for (int a = 1; a <= 24; a++) {
      double c = Math.cos(2 * Math.PI * a / 24.0);
      csv.append(a).append(',').append(1 + 0.8 * c).append(',').append(0.9 + 0.7 * c).append('\n');
    }
    return Files.writeString(dir.resolve("penalty.csv"), csv);
  }

  @Test
  void schedulesFromACsvTableAndWritesTheDocumentedJson() throws IOException {
    Path json = dir.resolve("schedule.json");
    Result r = SolarCliTest.cli("schedule", "--penalty", diurnalCsv().toString(), "--alpha", "0.5", "--buffer",
        "12", "--json", json.toString(), "--deliveries", "20000");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("zero-wait") && r.out().contains("periodic") && r.out().contains("Optimal: window"),
        r.out());
    JsonNode root = new ObjectMapper().readTree(json.toFile());
    assertEquals(1, root.get("schema").asInt());
    assertEquals("schedule", root.get("command").asText());
    assertEquals(3, root.get("policies").size());
    assertEquals("zero-wait", root.get("policies").get(0).get("name").asText());
    assertEquals("periodic", root.get("policies").get(1).get("name").asText());
    assertEquals(4, root.get("policies").get(1).get("period").asInt());
    JsonNode opt = root.get("optimal");
    assertEquals("threshold", opt.get("name").asText());
    assertTrue(opt.get("position").asInt() > 0, "an older sample from the buffer beats the freshest: " + opt);
    assertEquals(opt.get("average_penalty").asDouble(), opt.get("threshold").asDouble(), 1e-9);
    for (JsonNode p : root.get("policies")) {
      assertEquals(p.get("average_penalty").asDouble(), p.get("simulated_penalty").asDouble(),
          4.5 * p.get("simulated_stderr").asDouble() + 1e-9, p.toString());
    }
    assertTrue(root.get("gain").get("over_zero_wait").asDouble() > 0);
    assertTrue(root.get("gain").get("over_periodic").asDouble() > 0);
    assertEquals(2, root.get("by_window").size());
    assertEquals(12, root.get("by_window").get(0).get("threshold_by_position").size()); // b = 0..B-u, u = 1
  }

  @Test
  void schedulesFromTheJsonOfAnalyzeAndMeasuredTransmissionTimes() throws IOException {
    Path data = SolarCliTest.simulate(dir, 40, 3);
    Path analysis = dir.resolve("analysis.json");
    Result a = SolarCliTest.cli("analyze", "--data", data.toString(), "--ages", "1-6", "--windows", "1,3", "--window",
        "3", "--bootstrap", "10", "--json", analysis.toString(), "--quiet");
    assertEquals(0, a.code(), a.err());
    Path times = Files.writeString(dir.resolve("times.txt"), "# measured\n1\n2\n\n2\n4\n");
    Path json = dir.resolve("from-analyze.json");
    Result r = SolarCliTest.cli("schedule", "--penalty", analysis.toString(), "--transmission-times",
        times.toString(), "--buffer", "5", "--json", json.toString(), "--quiet");
    assertEquals(0, r.code(), r.err());
    assertFalse(r.out().contains("mean T"), "--quiet leaves out the table per window: " + r.out());
    JsonNode root = new ObjectMapper().readTree(json.toFile());
    assertEquals(1, root.get("ages").get(0).asInt(), "analyze ages start at 1");
    assertEquals("[1,3]", root.get("windows").toString());
    assertEquals("all", root.get("profile").asText());
    assertEquals(2.25, root.get("policies").get(0).get("transmission_mean").asDouble(), 1e-12);
    Result source = SolarCliTest.cli("schedule", "--penalty", analysis.toString(), "--profile", "Temperature",
        "--alpha", "1", "--buffer", "5");
    assertEquals(0, source.code(), source.err());
    assertTrue(source.out().contains("windows 3"), source.out());
  }

  @Test
  void badInputGivesOneLineAndExitCode2() throws IOException {
    Path good = diurnalCsv();
    assertUsage("empty", "--penalty", Files.writeString(dir.resolve("empty.csv"), "age,1\n").toString(),
        "--alpha", "1");
    assertUsage("negative", "--penalty", Files.writeString(dir.resolve("neg.csv"), "age,1\n1,0.5\n2,-1\n").toString(),
        "--alpha", "1");
    assertUsage("not a finite number", "--penalty",
        Files.writeString(dir.resolve("nan.csv"), "age,1\n1,NaN\n").toString(), "--alpha", "1");
    assertUsage("cannot hold a window of length 2", "--penalty", good.toString(), "--alpha", "1", "--buffer", "1");
    assertUsage("alpha must be a positive", "--penalty", good.toString(), "--alpha", "0");
    assertUsage("alpha must be a positive", "--penalty", good.toString(), "--alpha", "-0.5");
    assertUsage("at least 1 step", "--penalty", good.toString(), "--transmission-times",
        Files.writeString(dir.resolve("t0.txt"), "2\n0\n").toString());
    assertUsage("exactly one of --alpha and --transmission-times", "--penalty", good.toString());
    assertUsage("hold or max", "--penalty", good.toString(), "--alpha", "1", "--tail", "last");
    assertUsage("no profile with \"stale\": \"all\"", "--penalty",
        Files.writeString(dir.resolve("p.json"), "{\"profiles\": []}").toString(), "--alpha", "1");
    Result missing = SolarCliTest.cli("schedule", "--penalty", dir.resolve("missing.csv").toString(), "--alpha", "1");
    assertEquals(1, missing.code(), missing.err());
    assertTrue(missing.err().contains("no such file"), missing.err());
  }

  private static void assertUsage(String expected, String... args) {
    String[] all = new String[args.length + 1];
    all[0] = "schedule";
    System.arraycopy(args, 0, all, 1, args.length);
    Result r = SolarCliTest.cli(all);
    assertEquals(2, r.code(), r.out() + r.err());
    assertTrue(r.err().contains(expected), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertFalse(r.err().contains("\tat "), r.err());
  }
}
