package org.aoiforecast.spark.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.aoiforecast.core.TimeSeries;
import org.aoiforecast.core.io.TimeSeriesCsvWriter;
import org.aoiforecast.spark.SparkTests;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Both commands end to end on a small fleet, and their one-line errors and exit codes. */
class AoiSparkCliTest {
  private final SparkSession spark = SparkTests.session(); // the commands reuse the active session

  @TempDir
  Path dir;

  private record Result(int code, String out, String err) {}

  private static Result run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = AoiSparkCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** Three sites, hourly: y follows x; a folder of CSV files like simulate --sites writes. */
  private Path fleet() throws Exception {
    Path sites = Files.createDirectories(dir.resolve("sites"));
    for (int s = 0; s < 3; s++) {
      SplittableRandom r = new SplittableRandom(s);
      int n = 300;
      double[] x = new double[n];
      double[] y = new double[n];
      double a = 0;
      for (int i = 0; i < n; i++) {
        a = 0.8 * a + 0.6 * r.nextGaussian();
        x[i] = a;
        y[i] = 2 * a + 0.2 * r.nextGaussian();
      }
      TimeSeries series = TimeSeries.builder(Instant.parse("2021-06-01T00:00:00Z"), Duration.ofHours(1))
          .column("Power", "kW", y).column("Cloud", "tenths", x).build();
      TimeSeriesCsvWriter.decimals(6).write(series, sites.resolve("site-" + s + ".csv"));
    }
    return sites;
  }

  @Test
  void analyzeSitesWritesProfilesAndVerdictsOfEverySite() throws Exception {
    Path out = dir.resolve("analysis");
    Result r = run("analyze-sites", "--master", "local[2]", "--sites", fleet().toString(), "--target", "Power",
        "--ages", "1-6", "--windows", "1,3", "--estimator", "linear", "--bootstrap", "0", "--out", out.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("u=1: 3 sites, 3 monotone; refresh first: Cloud (3)"), r.out());
    Dataset<Row> verdicts = spark.read().parquet(out.resolve("verdicts.parquet").toString());
    assertEquals(6, verdicts.count());
    Dataset<Row> profiles = spark.read().option("header", true).csv(out.resolve("profiles.csv").toString());
    assertEquals(List.of("site", "profile", "window", "age", "loss", "lower", "upper", "estimator"),
        List.of(profiles.columns()));
    assertEquals(3 * 2 * 3 * 6, profiles.count()); // sites × windows × (all, Power, Cloud) × ages
  }

  @Test
  void alignWritesOneRowPerSiteAndQueryTime() throws Exception {
    Path readings = dir.resolve("readings.csv");
    List<String> lines = new ArrayList<>(List.of("site,source,generation_time,arrival_time,value"));
    Instant t0 = Instant.parse("2021-06-01T00:00:00Z");
    for (String site : List.of("A", "B")) {
      for (int i = 0; i < 48; i++) {
        Instant g = t0.plus(Duration.ofMinutes(30L * i));
        lines.add(site + ",power," + g + "," + g.plus(Duration.ofMinutes(7)) + "," + i);
        lines.add(site + ",cloud," + g + "," + g.plus(Duration.ofMinutes(i % 3 == 0 ? 50 : 5)) + "," + (i % 10));
      }
    }
    Files.write(readings, lines);
    Path out = dir.resolve("aligned");
    Result r = run("align", "--readings", readings.toString(), "--grid",
        "2021-06-01T00:00:00Z/2021-06-01T23:00:00Z/1h", "--window", "2", "--out", out.toString(),
        "--output-format", "csv");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().startsWith("aligned 2 sources at 46 query times of 2 sites"), r.out());
    Dataset<Row> aligned = spark.read().option("header", true).option("inferSchema", true).csv(out.toString());
    assertTrue(List.of(aligned.columns()).containsAll(List.of("site", "time", "cloud", "cloud[-1]", "cloud.generated",
        "cloud.age_ms", "power", "power[-1]", "power.generated", "power.age_ms")), List.of(aligned.columns()).toString());
    Row tenOClock = aligned.filter("site = 'A' AND hour(time) = 10").first();
    // power generated every 30 min arrives 7 min later: at 10:00 the freshest is the 09:30 reading (value 19)
    assertEquals(19.0, tenOClock.getDouble(tenOClock.fieldIndex("power")), 0);
    assertEquals(1_800_000L, ((Number) tenOClock.get(tenOClock.fieldIndex("power.age_ms"))).longValue());
  }

  @Test
  void aMissingColumnIsOneLineAndExitCode1() throws Exception {
    Path readings = dir.resolve("bad.csv");
    Files.write(readings, List.of("site,source,generation_time,value", "A,x,2021-06-01T00:00:00Z,1"));
    Result r = run("align", "--readings", readings.toString(), "--grid", "2021-06-01T00:00:00Z/2021-06-01T01:00:00Z/1h",
        "--out", dir.resolve("o").toString());
    assertEquals(1, r.code());
    assertEquals("error: readings table, column 'arrival_time': no such column; the columns are [site, source,"
        + " generation_time, value]", r.err().strip());
  }

  @Test
  void aBadSiteIsOneLineNamingItAndExitCode1() throws Exception {
    Path sites = fleet();
    List<String> lines = new ArrayList<>(Files.readAllLines(sites.resolve("site-1.csv")));
    lines.set(5, lines.get(4)); // a repeated time
    Files.write(sites.resolve("site-1.csv"), lines);
    Result r = run("analyze-sites", "--sites", sites.toString(), "--target", "Power", "--ages", "1-3",
        "--estimator", "linear", "--bootstrap", "0", "--out", dir.resolve("o").toString());
    assertEquals(1, r.code());
    assertTrue(r.err().startsWith("error: site 'site-1' (site-1.csv), line 6, column 'time'"), r.err());
    assertEquals(1, r.err().strip().lines().count(), r.err());
  }

  @Test
  void aBadOptionIsExitCode2() {
    Result r = run("analyze-sites", "--sites", dir.toString(), "--target", "Power", "--bootstrap", "5", "--out", "o");
    assertEquals(2, r.code());
    assertTrue(r.err().contains("use at least 10 bootstrap replicates (or none), got 5"), r.err());
    assertEquals(2, run("align", "--readings", "r.csv", "--out", "o").code(), "--grid or --queries is required");
  }
}
