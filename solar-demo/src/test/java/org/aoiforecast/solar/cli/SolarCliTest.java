package org.aoiforecast.solar.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.imageio.ImageIO;
import org.aoiforecast.core.testing.SharedData;
import org.aoiforecast.forecasting.AgeAwareForecaster;
import org.aoiforecast.solar.report.Figures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** End to end: every command on small simulated data and on the real TMY3 file. */
class SolarCliTest {
  @TempDir
  static Path dir;
  private static Path data;

  /** The output of one CLI run. */
  record Result(int code, String out, String err) {}

  /**
   * Simulates {@code days} days from 2021-05-01 into {@code dir/sim.csv}, the data most CLI tests
   * run on.
   *
   * @return the file
   */
  static Path simulate(Path dir, int days, long seed) {
    Path file = dir.resolve("sim.csv");
    Result r = cli("simulate", "--days", Integer.toString(days), "--start", "2021-05-01", "--seed",
        Long.toString(seed), "--out", file.toString());
    assertEquals(0, r.code(), r.err());
    return file;
  }

  static Result cli(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = SolarCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Result(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @BeforeAll
  static void simulate() {
    data = dir.resolve("sim.csv");
    Result r = cli("simulate", "--days", "60", "--start", "2021-05-01", "--seed", "3", "--out", data.toString());
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("1440 rows"), r.out());
  }

  private static final String[] SMALL = {"--ages", "1-6", "--windows", "1,3", "--window", "3", "--bootstrap", "20"};

  private static String[] args(String[] head, String... tail) {
    List<String> all = new ArrayList<>(List.of(head));
    all.addAll(List.of(tail));
    return all.toArray(String[]::new);
  }

  @Test
  void simulateSitesWritesAFleetOfDifferentSites() throws IOException {
    Path fleet = dir.resolve("fleet");
    Result r = cli("simulate", "--sites", "3", "--days", "3", "--start", "2021-06-01", "--seed", "5", "--out",
        fleet.toString());
    assertEquals(0, r.code(), r.err());
    List<String> index = Files.readAllLines(fleet.resolve("sites.tsv"));
    assertEquals(4, index.size(), index.toString());
    List<List<String>> files = new ArrayList<>();
    for (int i = 1; i <= 3; i++) {
      List<String> lines = Files.readAllLines(fleet.resolve(String.format("site-%04d.csv", i)));
      assertEquals(1 + 72, lines.size());
      assertTrue(lines.get(0).startsWith("time,GHI (W/m^2)"), lines.get(0));
      files.add(lines);
    }
    assertFalse(files.get(0).subList(1, 73).equals(files.get(1).subList(1, 73)), "sites differ");
    assertFalse(index.get(1).split("\t")[1].equals(index.get(2).split("\t")[1]), "positions differ: " + index);
    Result again = cli("simulate", "--sites", "3", "--days", "3", "--start", "2021-06-01", "--seed", "5", "--out",
        dir.resolve("fleet2").toString());
    assertEquals(0, again.code());
    assertEquals(files.get(2), Files.readAllLines(dir.resolve("fleet2").resolve("site-0003.csv")), "seeded");
    assertEquals(2, cli("simulate", "--sites", "2", "--out", data.toString()).code(), "--out is a file");
  }

  @Test
  void everyCommandHasHelp() {
    for (String command : new String[] {"simulate", "analyze", "train", "run", "predict", "estimate", "schedule"}) {
      Result r = cli(command, "--help");
      assertEquals(0, r.code(), command);
      assertTrue(r.out().contains("Usage:") && r.out().contains(command), r.out());
    }
    assertEquals(0, cli("--help").code());
    assertTrue(cli("--version").out().contains("aoi-forecast"));
  }

  @Test
  void analyzeWritesTheDocumentedJsonAndPlots() throws IOException {
    Path json = dir.resolve("analysis.json");
    Path plots = dir.resolve("plots");
    Result r = cli(args(new String[] {"analyze", "--data", data.toString(), "--json", json.toString(), "--plots",
        plots.toString()}, SMALL));
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("u=1 all") && r.out().contains("monotone"), r.out());
    JsonNode root = new ObjectMapper().readTree(json.toFile());
    assertEquals(1, root.get("schema").asInt());
    assertEquals("analyze", root.get("command").asText());
    assertEquals("Power", root.get("target").asText());
    JsonNode first = root.get("profiles").get(0);
    assertEquals(6, first.get("ages").size());
    for (JsonNode v : first.get("loss")) {
      assertTrue(Double.isFinite(v.asDouble()) && v.asDouble() >= 0);
    }
    assertEquals(2, root.get("markov").size());
    for (String png : new String[] {Figures.LOSS_VS_AGE, Figures.PER_SOURCE, Figures.MARKOV_GAP}) {
      assertImage(plots.resolve(png));
    }
  }

  @Test
  void trainSavesAModelThatPredictUses() throws IOException {
    Path json = dir.resolve("training.json");
    Path model = dir.resolve("model.aoi");
    Result r = cli(args(new String[] {"train", "--data", data.toString(), "--json", json.toString(), "--model",
        model.toString(), "--epochs", "3"}, "--ages", "1-6", "--window", "3"));
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("pooled-with-age") && r.out().contains("saved"), r.out());
    JsonNode root = new ObjectMapper().readTree(json.toFile());
    assertEquals("train", root.get("command").asText());
    assertEquals(3, root.get("window").asInt());
    // the simulated site's position is known: smart persistence joins the six other strategies, and
    // every strategy has a skill against it
    assertEquals(7, root.get("strategies").size());
    assertTrue(r.out().contains("Skill per age against smart persistence"), r.out());
    for (JsonNode s : root.get("strategies")) {
      assertEquals(6, s.get("test_mse").size());
      assertTrue(s.has("train_mse") && s.has("train_seconds") && s.has("name"));
      assertEquals(6, s.get("skill").size());
    }
    AgeAwareForecaster loaded = AgeAwareForecaster.load(model);
    assertTrue(loaded.hasAgeInput());
    // trained with the default known covariates: the clear-sky value at the target time is an input
    Result noClearSky = cli("predict", "--model", model.toString(), "--at", "2021-06-15T19:00:00Z",
        "--source", "Power=2h:1.1,1.4,1.6", "--source", "Temperature=2h:20,19,18",
        "--source", "RelativeHumidity=2h:40,42,45", "--source", "CloudCover=2h:3,3,4");
    assertEquals(2, noClearSky.code());
    assertTrue(noClearSky.err().contains("covariate 'ClearSkyGHI'"), noClearSky.err());
    // and its linear path takes smart persistence: the clear sky at the Power readings' times too,
    // which predict cannot compute for a file that brought its own clear-sky column
    Result noReadings = cli("predict", "--model", model.toString(), "--at", "2021-06-15T19:00:00Z",
        "--source", "Power=2h:1.1,1.4,1.6", "--source", "Temperature=2h:20,19,18",
        "--source", "RelativeHumidity=2h:40,42,45", "--source", "CloudCover=2h:3,3,4",
        "--covariate", "ClearSkyGHI=310");
    assertEquals(2, noReadings.code(), noReadings.out());
    assertTrue(noReadings.err().contains("--covariate-at-readings ClearSkyGHI=V0,V1,...")
        && noReadings.err().contains("source 'Power''s 3 readings"), noReadings.err());
    Result p = cli("predict", "--model", model.toString(), "--at", "2021-06-15T19:00:00Z",
        "--source", "Power=2h:1.1,1.4,1.6", "--source", "Temperature=2h:20,19,18",
        "--source", "RelativeHumidity=2h:40,42,45", "--source", "CloudCover=2h:3,3,4",
        "--covariate", "ClearSkyGHI=310", "--covariate-at-readings", "ClearSkyGHI=520,610,650");
    assertEquals(0, p.code(), p.err());
    assertTrue(p.out().startsWith("Power at 2021-06-15T19:00:00Z:"), p.out());
    double value = Double.parseDouble(p.out().split(":\\s+")[1].split(" ")[0]);
    assertTrue(Double.isFinite(value));
    Path readings = dir.resolve("readings.csv");
    Files.writeString(readings, "source,age,v0,v1,v2\nPower,2h,1.1,1.4,1.6\nTemperature,2h,20,19,18\n"
        + "RelativeHumidity,2,40,42,45\nCloudCover,2h,3,3,4\n");
    Result fromFile = cli("predict", "--model", model.toString(), "--at", "2021-06-15T19:00:00Z", "--readings",
        readings.toString(), "--covariate", "ClearSkyGHI=310", "--covariate-at-readings", "ClearSkyGHI=520,610,650");
    assertEquals(p.out(), fromFile.out());
    Result missing = cli("predict", "--model", model.toString(), "--at", "2021-06-15T19:00:00Z", "--source",
        "Power=2h:1.1,1.4,1.6", "--covariate", "ClearSkyGHI=310", "--covariate-at-readings", "ClearSkyGHI=520,610,650");
    assertEquals(2, missing.code());
    assertTrue(missing.err().contains("missing source"), missing.err());
    Result negative = cli("predict", "--model", model.toString(), "--at", "2021-06-15T19:00:00Z", "--source",
        "Power=-2:1.1,1.4,1.6");
    assertEquals(2, negative.code(), negative.err());
  }

  @Test
  void estimateComputesInformationBetweenColumns() throws IOException {
    Path json = dir.resolve("estimate.json");
    Result r = cli("estimate", "--data", data.toString(), "--x", "GHI", "--y", "Power", "--json", json.toString());
    assertEquals(0, r.code(), r.err());
    JsonNode root = new ObjectMapper().readTree(json.toFile());
    assertEquals("I(X;Y)", root.get("quantity").asText());
    assertTrue(root.get("value").asDouble() > 1, "power is nearly a function of GHI");
    Result cmi = cli("estimate", "--data", data.toString(), "--x", "Temperature", "--y", "Power", "--z", "GHI",
        "--estimator", "gaussian");
    assertEquals(0, cmi.code(), cmi.err());
    assertTrue(cmi.out().startsWith("I(X;Y|Z) = "), cmi.out());
    Result h = cli("estimate", "--data", data.toString(), "--x", "CloudCover", "--estimator", "discrete");
    assertTrue(h.out().startsWith("H(X) = "), h.out());
  }

  @Test
  void runWritesACompleteReport() throws IOException {
    Path out = dir.resolve("report");
    Result r = cli(args(new String[] {"run", "--data", data.toString(), "--out", out.toString(), "--epochs", "3"},
        SMALL));
    assertEquals(0, r.code(), r.err());
    assertReport(out, 7);
    // a second run replaces the previous report
    assertEquals(0, cli(args(new String[] {"run", "--data", data.toString(), "--out", out.toString(), "--epochs", "2",
        "--strategies", "pooled-with-age,persistence"}, SMALL)).code());
    assertReport(out, 2);
  }

  @Test
  void runOnTheRealTmy3File() throws IOException {
    Path tmy = SharedData.greensboroTmy3();
    Path out = dir.resolve("tmy-report");
    Result r = cli("run", "--data", tmy.toString(), "--out", out.toString(), "--ages", "1-4", "--windows", "1,2",
        "--window", "2", "--epochs", "2", "--bootstrap", "20");
    assertEquals(0, r.code(), r.err());
    assertReport(out, 7);
    JsonNode run = new ObjectMapper().readTree(out.resolve("run.json").toFile());
    assertEquals("[\"calendar\",\"clearsky\"]", run.get("covariates").toString(), "known site: known covariates");
    assertEquals("GHI", run.get("target").asText());
    assertEquals("tmy3", run.get("format").asText());
  }

  private static void assertReport(Path out, int strategies) throws IOException {
    String md = Files.readString(out.resolve("report.md"));
    assertTrue(md.contains("## What was run") && md.contains("## Findings") && md.contains("Per-age test MSE"), md);
    for (String png : new String[] {Figures.LOSS_VS_AGE, Figures.PER_SOURCE, Figures.MARKOV_GAP, Figures.TRAINING,
        Figures.COST}) {
      assertTrue(md.contains("](" + png + ")"));
      assertImage(out.resolve(png));
    }
    ObjectMapper m = new ObjectMapper();
    JsonNode training = m.readTree(out.resolve("training.json").toFile());
    assertEquals(strategies, training.get("strategies").size());
    for (JsonNode s : training.get("strategies")) {
      for (JsonNode v : s.get("test_mse")) {
        assertTrue(Double.isFinite(v.asDouble()));
      }
    }
    // the findings name the winner of each age band: here the youngest, ages 1-6 h of hourly data
    String winner = null;
    double lowest = Double.POSITIVE_INFINITY;
    JsonNode ages = training.get("ages");
    for (JsonNode s : training.get("strategies")) {
      double sum = 0;
      int n = 0;
      for (int i = 0; i < ages.size(); i++) {
        if (ages.get(i).asInt() <= 6) {
          sum += s.get("test_mse").get(i).asDouble();
          n++;
        }
      }
      if (sum / n < lowest) {
        lowest = sum / n;
        winner = s.get("name").asText();
      }
    }
    assertTrue(md.contains("; per age band: 1-6 h " + winner + " ("), md);
    assertEquals("analyze", m.readTree(out.resolve("analysis.json").toFile()).get("command").asText());
    JsonNode run = m.readTree(out.resolve("run.json").toFile());
    assertEquals("run", run.get("command").asText());
    for (JsonNode f : run.get("files")) {
      assertTrue(Files.isRegularFile(out.resolve(f.asText())), f.asText());
    }
    assertTrue(Files.readString(out.resolve("profiles.csv")).startsWith("window,stale,age,loss,lower,upper"));
    assertFalse(Files.exists(out.resolveSibling(out.getFileName() + ".partial")));
  }

  private static void assertImage(Path png) throws IOException {
    BufferedImage image = ImageIO.read(png.toFile());
    assertTrue(image != null, png + " is not an image");
    assertTrue(image.getWidth() >= 600 && image.getHeight() >= 400, png + " is " + image.getWidth() + "x"
        + image.getHeight());
  }

  @Test
  void badInputGivesOneLineAndTheRightExitCode() throws IOException {
    Result column = cli("analyze", "--data", data.toString(), "--target", "Wind");
    assertEquals(2, column.code());
    assertTrue(column.err().contains("unknown column 'Wind'") && column.err().contains("Power"), column.err());
    assertEquals(1, column.err().strip().lines().count(), column.err());
    Result window = cli("analyze", "--data", data.toString(), "--windows", "0,6");
    assertEquals(2, window.code(), window.err());
    Path file = Files.writeString(dir.resolve("a-file"), "x");
    Result outFile = cli("run", "--data", data.toString(), "--out", file.toString());
    assertEquals(2, outFile.code());
    assertTrue(outFile.err().contains("is a file"), outFile.err());
    Result unreadable = cli("analyze", "--data", dir.resolve("missing.csv").toString());
    assertEquals(1, unreadable.code());
    assertTrue(unreadable.err().contains("no such file"), unreadable.err());
    Result format = cli("analyze", "--data", data.toString(), "--format", "tmy3");
    assertEquals(1, format.code());
    assertTrue(format.err().contains("is not a TMY3 file"), format.err());
    Result tooOld = cli("analyze", "--data", data.toString(), "--ages", "1-2000");
    assertEquals(1, tooOld.code());
    assertTrue(tooOld.err().contains("need at least"), tooOld.err());
    Result option = cli("analyze", "--no-such-option");
    assertEquals(2, option.code());
    assertEquals(1, option.err().strip().lines().count(), option.err());
    for (Result r : List.of(column, window, outFile, unreadable, format, tooOld)) {
      assertFalse(r.err().contains("\tat "), "no stack trace without --verbose: " + r.err());
    }
    Result verbose = cli("analyze", "--data", data.toString(), "--ages", "1-2000", "--verbose");
    assertTrue(verbose.err().contains("\tat "), "--verbose prints the stack trace");
  }

  @Test
  void aRunThatFailsHalfWayLeavesNoReport() {
    // 60 days: the analysis of ages up to 220 h fits, but the 15 % test part (216 rows) cannot hold them
    Path out = dir.resolve("failed");
    Result r = cli("run", "--data", data.toString(), "--out", out.toString(), "--ages", "215-220", "--windows", "1",
        "--window", "2", "--bootstrap", "20", "--epochs", "1");
    assertEquals(1, r.code(), r.out() + r.err());
    assertTrue(r.err().contains("test part") || r.err().contains("validation part"), r.err());
    assertFalse(Files.exists(out.resolve("report.md")));
    assertFalse(Files.exists(out.resolveSibling("failed.partial")));
  }
}
