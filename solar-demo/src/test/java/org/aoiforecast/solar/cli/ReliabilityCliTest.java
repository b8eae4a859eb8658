package org.aoiforecast.solar.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;
import org.aoiforecast.solar.cli.SolarCliTest.Result;
import org.aoiforecast.solar.report.ReportLock;
import org.aoiforecast.solar.testing.SampleFiles;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * End to end through the CLI: every way found to get a wrong answer with exit 0, or to lose work,
 * now ends in a correct result or in one line with the documented exit code.
 */
class ReliabilityCliTest {
  @TempDir
  static Path dir;
  private static Path sim;
  private static Path model;

  private static Result cli(String... args) {
    return SolarCliTest.cli(args);
  }

  /** A failure: the exit code, one line on standard error, no stack trace. */
  private static Result fails(int code, String... args) {
    Result r = cli(args);
    assertEquals(code, r.code(), String.join(" ", args) + "\n" + r.out() + r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
    assertTrue(r.err().startsWith("error: "), r.err());
    assertFalse(r.err().contains("\tat "), r.err());
    return r;
  }

  @BeforeAll
  static void dataAndModel() {
    sim = dir.resolve("sim.csv");
    assertEquals(0, cli("simulate", "--days", "40", "--start", "2021-05-01", "--seed", "5", "--out", sim.toString())
        .code());
    model = dir.resolve("m.aoi");
    Result r = cli("train", "--data", sim.toString(), "--strategies", "pooled-with-age", "--epochs", "1", "--ages",
        "1-3", "--window", "3", "--model", model.toString(), "--quiet");
    assertEquals(0, r.code(), r.err());
  }

  /** An hourly CSV: a diurnal Power column and a column of the given values (cycled). */
  private static Path csv(String name, String... big) {
    StringBuilder sb = new StringBuilder("time,Power (kW),Big\n");
    Instant t = Instant.parse("2021-01-01T00:00:00Z");
    for (int i = 0; i < 24 * 30; i++) {
      sb.append(t.plusSeconds(3600L * i)).append(',')
          .append(String.format(Locale.ROOT, "%.3f", Math.max(0, Math.sin((i % 24 - 6) * Math.PI / 12)) * 3))
          .append(',').append(big[i % big.length]).append('\n');
    }
    return SampleFiles.write(dir, name, sb.toString());
  }

  // 1. finite but huge values

  @Test
  void aValueWhoseSquareOverflowsIsRefusedByTheReader() {
    Path file = csv("e308.csv", "1", "2", "1e308", "3");
    Result r = fails(1, "estimate", "--data", file.toString(), "--x", "Big");
    assertTrue(r.err().contains("line 4") && r.err().contains("column 'Big'") && r.err().contains("too large"),
        r.err());
  }

  @Test
  void valuesWhoseSumOfSquaresOverflowsAreNamedByEveryEstimatorAndTheAnalysis() {
    Path file = csv("e154.csv", "1.2e154", "-1.2e154", "1.1e154");
    for (String estimator : List.of("ksg", "gaussian", "kl")) {
      Result r = fails(1, "estimate", "--data", file.toString(), "--x", "Big", "--estimator", estimator);
      assertTrue(r.err().contains("column 'Big'") && r.err().contains("too large"), r.err());
      assertFalse(r.err().contains("singular"), r.err());
    }
    Result analyze = fails(1, "analyze", "--data", file.toString(), "--target", "Power", "--features", "Power,Big",
        "--ages", "1-3", "--windows", "1", "--window", "1", "--bootstrap", "10");
    assertTrue(analyze.err().contains("column 'Big'"), analyze.err());
    Result train = fails(1, "train", "--data", file.toString(), "--target", "Big", "--features", "Power,Big",
        "--ages", "1-3", "--window", "1", "--strategies", "persistence", "--model", "none", "--quiet");
    assertTrue(train.err().contains("column 'Big'"), train.err());
  }

  // 2. and 3. are reader cases: SolarReadersReliabilityTest; here through the CLI

  @Test
  void aNanUtcOffsetAndAWrappingDatePartAreErrors() {
    Path tmy = SampleFiles.write(dir, "nan-offset.csv", SampleFiles.tmy3(3, "NaN", ""));
    Result offset = fails(1, "estimate", "--data", tmy.toString(), "--x", "GHI");
    assertTrue(offset.err().contains("line 1") && offset.err().contains("UTC offset"), offset.err());
    Path parts = SampleFiles.write(dir, "parts.csv", "Y,M,D,H,v\n2021,1,1,0,1\n4294969317,1,1,1,2\n");
    Result year = fails(1, "estimate", "--data", parts.toString(), "--date-parts", "Y,M,D,H", "--x", "v");
    assertTrue(year.err().contains("line 3") && year.err().contains("column 'Y'"), year.err());
  }

  // 4. to 8.

  @Test
  void aHugeAgeRangeFailsAtOnceWithOneLine() {
    long t0 = System.nanoTime();
    Result r = fails(2, "analyze", "--data", sim.toString(), "--ages", "0-2000000000");
    assertTrue((System.nanoTime() - t0) / 1e9 < 10, "took " + (System.nanoTime() - t0) / 1e9 + " s");
    assertTrue(r.err().contains("--ages"), r.err());
    fails(2, "analyze", "--data", sim.toString(), "--ages", "3000000000");
    fails(2, "analyze", "--data", sim.toString(), "--ages", "99999999999999999999999h");
  }

  @Test
  void emptyOrDuplicateStrategiesAreUsageErrors() {
    Result empty = fails(2, "train", "--data", sim.toString(), "--strategies", ",", "--model", "none");
    assertTrue(empty.err().contains("--strategies"), empty.err());
    Result twice = fails(2, "train", "--data", sim.toString(), "--strategies", "linear,linear", "--model", "none");
    assertTrue(twice.err().contains("given twice"), twice.err());
    fails(2, "analyze", "--data", sim.toString(), "--features", "Power,Power");
  }

  @Test
  void anEmptyCellInsideAWindowIsAnErrorNotASkippedReading() {
    Path readings = SampleFiles.write(dir, "gap.csv", "source,age,v0,v1,v2\nPower,1,0.9,,0.4\n"
        + "Temperature,1,20,19,18\nRelativeHumidity,1,40,42,45\nCloudCover,1,3,3,4\n");
    Result r = fails(1, "predict", "--model", model.toString(), "--at", "2021-06-15T19:00:00Z", "--readings",
        readings.toString());
    assertTrue(r.err().contains("line 2") && r.err().contains("column 'v1'"), r.err());
    Result option = fails(2, "predict", "--model", model.toString(), "--at", "2021-06-15T19:00:00Z", "--source",
        "Power=1:0.9,,0.4", "--source", "Temperature=1:20,19,18", "--source", "RelativeHumidity=1:40,42,45",
        "--source", "CloudCover=1:3,3,4");
    assertTrue(option.err().contains("--source"), option.err());
  }

  @Test
  void predictPrintsTheUnitOfTheTarget() {
    Result r = cli("predict", "--model", model.toString(), "--at", "2021-06-15T19:00:00Z", "--source",
        "Power=1:0.9,0.6,0.4", "--source", "Temperature=1:20,19,18", "--source", "RelativeHumidity=1:40,42,45",
        "--source", "CloudCover=1:3,3,4", "--covariate", "ClearSkyGHI=310", "--covariate-at-readings",
        "ClearSkyGHI=450,560,630");
    assertEquals(0, r.code(), r.err());
    // the default model has a Gaussian head: the median and the interval, each in the target's unit
    assertTrue(r.out().strip().matches("Power at 2021-06-15T19:00:00Z: -?\\d+\\.\\d{4} kW \\(median\\), 80 % interval"
        + " -?\\d+\\.\\d{4} to -?\\d+\\.\\d{4} kW"), r.out());
  }

  @Test
  void aMissingColumnCovariateSaysWhichOptionGivesIt() {
    // the default model reads the site's clear-sky irradiance at the target time, which is not a reading
    Result r = fails(2, "predict", "--model", model.toString(), "--at", "2021-06-15T19:00:00Z", "--source",
        "Power=1:0.9,0.6,0.4", "--source", "Temperature=1:20,19,18", "--source", "RelativeHumidity=1:40,42,45",
        "--source", "CloudCover=1:3,3,4");
    assertTrue(r.err().contains("--covariate ClearSkyGHI=VALUE") && r.err().contains("2021-06-15T19:00:00Z"),
        r.err());
  }

  @Test
  void twoRunsOnOneFolderNeverMixTheirReports() throws Exception {
    Path out = dir.resolve("shared-report");
    // a run that holds the folder refuses a second one at once, with exit 2
    try (ReportLock held = ReportLock.acquire(out)) {
      assertTrue(held.isHeld());
      Result refused = fails(2, run(out, "persistence"));
      assertTrue(refused.err().contains("in use by another run"), refused.err());
    }
    // leftovers of a killed run do not stay
    Files.createDirectories(dir.resolve("shared-report.partial-killed"));
    for (int attempt = 0; attempt < 3; attempt++) {
      CountDownLatch start = new CountDownLatch(1);
      ExecutorService pool = Executors.newFixedThreadPool(2);
      List<Future<Result>> results = new ArrayList<>();
      for (String strategies : List.of("persistence", "linear,seasonal-persistence")) {
        results.add(pool.submit(() -> {
          start.await();
          return cli(run(out, strategies));
        }));
      }
      start.countDown();
      List<Integer> codes = new ArrayList<>();
      for (Future<Result> f : results) {
        Result r = f.get();
        codes.add(r.code());
        if (r.code() != 0) {
          assertEquals(2, r.code(), r.err());
          assertTrue(r.err().contains("in use by another run"), r.err());
        }
      }
      pool.shutdown();
      assertTrue(codes.contains(0), codes.toString());
      // every file of the report comes from the same run
      ObjectMapper m = new ObjectMapper();
      JsonNode run = m.readTree(out.resolve("run.json").toFile());
      int strategies = m.readTree(out.resolve("training.json").toFile()).get("strategies").size();
      String line = run.get("command_line").asText();
      assertEquals(line.contains("linear,seasonal-persistence") ? 2 : 1, strategies, line);
      assertTrue(Files.readString(out.resolve("report.md")).contains(line.contains("linear") ? "linear"
          : "persistence"));
    }
    try (Stream<Path> siblings = Files.list(dir)) {
      assertTrue(siblings.noneMatch(p -> p.getFileName().toString().startsWith("shared-report.partial")
          || p.getFileName().toString().startsWith("shared-report.old")), "no leftovers");
    }
  }

  private static String[] run(Path out, String strategies) {
    return new String[] {"run", "--data", sim.toString(), "--out", out.toString(), "--ages", "1-3", "--windows", "1",
        "--window", "2", "--bootstrap", "10", "--strategies", strategies, "--quiet", "--threads", "1"};
  }

  @Test
  void outputPathsAreCheckedBeforeTraining() {
    Path m = dir.resolve("never.aoi");
    long t0 = System.nanoTime();
    Result r = fails(2, "train", "--data", sim.toString(), "--json", "/no/such/dir/x.json", "--model", m.toString(),
        "--epochs", "50");
    assertTrue(r.err().contains("--json") && r.err().contains("does not exist"), r.err());
    assertTrue((System.nanoTime() - t0) / 1e9 < 10, "refused before training");
    assertFalse(Files.exists(m));
    fails(2, "analyze", "--data", sim.toString(), "--json", "/no/such/dir/a.json");
    fails(2, "estimate", "--data", sim.toString(), "--x", "Power", "--json", "/no/such/dir/e.json");
    fails(2, "simulate", "--days", "2", "--out", "/no/such/dir/s.csv");
    fails(2, "run", "--data", sim.toString(), "--out", sim.resolve("inside-a-file").toString());
  }

  // the smaller cases

  @Test
  void randomBytesSayTheFileIsNotText() throws IOException {
    Path file = dir.resolve("random.bin");
    byte[] bytes = new byte[4096];
    new java.util.Random(7).nextBytes(bytes);
    Files.write(file, bytes);
    Result r = fails(1, "analyze", "--data", file.toString());
    assertTrue(r.err().contains("is not UTF-8 text") && !r.err().contains("Input length"), r.err());
  }

  @Test
  void optionErrorsNameTheirOption() {
    assertTrue(fails(2, "analyze", "--data", sim.toString(), "--horizon", "-1").err().contains("--horizon"));
    assertFalse(fails(2, "analyze", "--data", sim.toString(), "--horizon", "-1").err().contains("age '-1'"));
    assertTrue(fails(2, "analyze", "--data", sim.toString(), "--window", "0").err().contains("--window"));
    assertTrue(fails(2, "analyze", "--data", sim.toString(), "--windows", "x").err().contains("--windows"));
    assertTrue(fails(2, "analyze", "--data", sim.toString(), "--bootstrap", "0").err().contains("--bootstrap"));
    assertTrue(fails(2, "analyze", "--data", sim.toString(), "--threads", "0").err().contains("--threads"));
    assertTrue(fails(2, "train", "--data", sim.toString(), "--epochs", "0").err().contains("--epochs"));
    assertTrue(fails(2, "estimate", "--data", sim.toString(), "--x", "Power", "-k", "0").err().contains("-k"));
    assertTrue(fails(2, "analyze", "--data", sim.toString(), "--loss", "cubic").err().contains("--loss"));
  }

  @Test
  void aModelThatIsAFolderIsNamedAsSuch() {
    Result r = fails(2, "predict", "--model", dir.toString(), "--at", "2021-06-15T19:00:00Z", "--source",
        "Power=1:1,1,1");
    assertTrue(r.err().contains("is a folder") && !r.err().contains("does not exist"), r.err());
  }

  @Test
  void perSourceProfilesAreNeverSilentlyOmitted() throws IOException {
    Result tooLong = fails(1, "analyze", "--data", sim.toString(), "--windows", "1", "--window", "100000",
        "--ages", "1-3", "--bootstrap", "10");
    assertTrue(tooLong.err().contains("need at least"), tooLong.err());
    Path json = dir.resolve("per-source.json");
    Result r = cli("analyze", "--data", sim.toString(), "--windows", "1", "--window", "3", "--ages", "1-3",
        "--bootstrap", "10", "--json", json.toString(), "--quiet");
    assertEquals(0, r.code(), r.err());
    List<String> perSource = new ArrayList<>();
    for (JsonNode p : new ObjectMapper().readTree(json.toFile()).get("profiles")) {
      if (!p.get("stale").asText().equals("all")) {
        assertEquals(3, p.get("window").asInt());
        perSource.add(p.get("stale").asText());
      }
    }
    assertEquals(List.of("Power", "Temperature", "RelativeHumidity", "CloudCover"), perSource);
  }

  @Test
  void anImplausibleValueIsAWarningAndFileColumnNamesAreAccepted() {
    Path tmy = SampleFiles.write(dir, "cold.csv", SampleFiles.tmy3(10, "-5.0", "-9900"));
    Result r = cli("estimate", "--data", tmy.toString(), "--x", "GHI", "--y", "Dry-bulb (C)", "--estimator",
        "gaussian");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.err().startsWith("warning: ") && r.err().contains("line 3") && r.err().contains("-9900"), r.err());
    Path nsrdb = SampleFiles.write(dir, "nsrdb.csv", SampleFiles.nsrdb(8, "-7"));
    Result alias = cli("analyze", "--data", nsrdb.toString(), "--features", "GHI,Relative Humidity,Cloud Type",
        "--ages", "1-2", "--windows", "1", "--window", "1", "--bootstrap", "10", "--quiet");
    assertEquals(0, alias.code(), alias.err());
    assertTrue(alias.out().contains("RelativeHumidity"), alias.out());
    fails(2, "analyze", "--data", nsrdb.toString(), "--features", "Relative Humidity,RelativeHumidity");
  }

  @Test
  void noCommandExitsZeroWithANonFiniteNumber() {
    // a constant column has no differential entropy: an error, not "H(X) = -Infinity nats"
    Path constant = csv("constant.csv", "5");
    Result r = cli("estimate", "--data", constant.toString(), "--x", "Big", "--estimator", "kl");
    assertTrue(r.code() != 0 || !(r.out().contains("Infinity") || r.out().contains("NaN")), r.out() + r.err());
  }
}
