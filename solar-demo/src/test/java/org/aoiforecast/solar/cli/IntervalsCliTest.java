package org.aoiforecast.solar.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.aoiforecast.solar.report.Figures;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code --intervals}: a Gaussian pooled network in {@code train} and {@code run}, its scores in the
 * JSON (schema 2) and the report, and {@code predict} printing and writing its interval.
 */
class IntervalsCliTest {
  @TempDir
  static Path dir;
  private static Path data;
  private static final String[] READINGS = {"--at", "2021-06-15T19:00:00Z", "--source", "Power=2h:1.1,1.4,1.6",
      "--source", "Temperature=2h:20,19,18", "--source", "RelativeHumidity=2h:40,42,45", "--source",
      "CloudCover=2h:3,3,4", "--covariate", "ClearSkyGHI=310", "--covariate-at-readings", "ClearSkyGHI=520,610,650"};

  @BeforeAll
  static void simulate() {
    data = SolarCliTest.simulate(dir, 60, 3);
  }

  private static String[] predict(Path model, String... more) {
    String[] head = {"predict", "--model", model.toString()};
    String[] all = new String[head.length + READINGS.length + more.length];
    System.arraycopy(head, 0, all, 0, head.length);
    System.arraycopy(READINGS, 0, all, head.length, READINGS.length);
    System.arraycopy(more, 0, all, head.length + READINGS.length, more.length);
    return all;
  }

  @Test
  void trainWithIntervalsScoresTheDistributionsAndPredictPrintsTheInterval() throws IOException {
    Path json = dir.resolve("train.json");
    Path model = dir.resolve("gaussian.aoi");
    SolarCliTest.Result r = SolarCliTest.cli("train", "--data", data.toString(), "--ages", "1-6", "--window", "3",
        "--epochs", "3", "--strategies", "pooled-with-age,linear", "--intervals", "--json", json.toString(),
        "--model", model.toString(), "--quiet");
    assertEquals(0, r.code(), r.err());
    assertTrue(r.out().contains("Forecast distributions of pooled-with-age") && r.out().contains("1-6 h"), r.out());
    JsonNode root = new ObjectMapper().readTree(json.toFile());
    assertEquals(2, root.get("schema").asInt());
    JsonNode pooled = root.get("strategies").get(0);
    assertEquals("pooled-with-age", pooled.get("name").asText());
    JsonNode p = pooled.get("probabilistic");
    assertEquals("gaussian", p.get("distribution").asText());
    assertEquals(0.8, p.get("interval").asDouble(), 0.0);
    for (String field : new String[] {"test_log_loss", "train_log_loss", "test_crps", "test_coverage",
        "test_interval_width", "calibration"}) {
      assertEquals(6, p.get(field).size(), field);
    }
    assertEquals(3, p.get("test_pinball").size());
    for (JsonNode c : p.get("test_coverage")) {
      assertTrue(c.asDouble() >= 0 && c.asDouble() <= 1);
    }
    // ages 1-6 of hourly data fill the youngest band only
    assertEquals(1, p.get("bands").size());
    assertEquals("1-6 h", p.get("bands").get(0).get("label").asText());
    // the same forecasts recalibrated online: per age and per band, beside the fixed calibration's
    JsonNode online = p.get("online");
    assertEquals(0.02, online.get("rate").asDouble(), 0.0);
    for (String field : new String[] {"test_coverage", "test_interval_width", "test_crps", "test_log_loss"}) {
      assertEquals(6, online.get(field).size(), "online." + field);
    }
    assertEquals(1, online.get("bands").size());
    assertTrue(online.get("test_coverage_all").asDouble() > 0 && online.get("test_coverage_all").asDouble() <= 1);
    assertTrue(r.out().contains("online") && r.out().contains("rate 0.02"), r.out());
    assertTrue(root.get("strategies").get(1).get("probabilistic").isNull(), "linear forecasts points");

    SolarCliTest.Result live = SolarCliTest.cli(predict(model, "--json", dir.resolve("p.json").toString()));
    assertEquals(0, live.code(), live.err());
    // Power at 2021-06-15T19:00:00Z: 1.2345 kW (median), 80 % interval 0.9 to 1.5 kW
    String line = live.out().strip();
    assertTrue(line.startsWith("Power at 2021-06-15T19:00:00Z: ") && line.contains(" kW (median), 80 % interval "),
        line);
    String[] words = line.split(" ");
    double median = Double.parseDouble(words[3]);
    double lower = Double.parseDouble(words[9]);
    double upper = Double.parseDouble(words[11]);
    assertTrue(lower < median && median < upper, line);
    JsonNode pj = new ObjectMapper().readTree(dir.resolve("p.json").toFile());
    assertEquals(2, pj.get("schema").asInt());
    assertEquals("predict", pj.get("command").asText());
    assertEquals("gaussian", pj.get("distribution").asText());
    assertEquals(pj.get("forecast").asDouble(), pj.get("median").asDouble(), 0.0);
    assertEquals(median, pj.get("median").asDouble(), 5e-5);
    JsonNode q = pj.get("quantiles").get("values");
    assertEquals(pj.get("interval").get("lower").asDouble(), q.get(0).asDouble(), 0.0);
    assertEquals(pj.get("median").asDouble(), q.get(1).asDouble(), 1e-12);
    assertEquals(pj.get("interval").get("upper").asDouble(), q.get(2).asDouble(), 0.0);
    assertEquals(upper, pj.get("interval").get("upper").asDouble(), 5e-5);
    assertEquals(pj.get("sd").asDouble() * 2 * 1.2815515655446004, upper - lower, 2e-4);
  }

  @Test
  void predictWithHistoryRecalibratesTheIntervalFromTheOutcomesKnownAtTheQueryTime() throws IOException {
    Path model = dir.resolve("history.aoi");
    SolarCliTest.Result t = SolarCliTest.cli("train", "--data", data.toString(), "--ages", "1-6", "--window", "3",
        "--epochs", "3", "--strategies", "pooled-with-age", "--model", model.toString(), "--quiet");
    assertEquals(0, t.code(), t.err());
    Path plainJson = dir.resolve("plain.json");
    Path onlineJson = dir.resolve("online.json");
    assertEquals(0, SolarCliTest.cli(predict(model, "--json", plainJson.toString())).code());
    SolarCliTest.Result online = SolarCliTest.cli(predict(model, "--history", data.toString(), "--json",
        onlineJson.toString()));
    assertEquals(0, online.code(), online.err());
    JsonNode plain = new ObjectMapper().readTree(plainJson.toFile());
    JsonNode recalibrated = new ObjectMapper().readTree(onlineJson.toFile());
    JsonNode o = recalibrated.get("online");
    assertEquals(plain.get("median").asDouble(), recalibrated.get("median").asDouble(), 0.0, "the same median");
    assertEquals(o.get("factor").asDouble(), recalibrated.get("sd").asDouble() / plain.get("sd").asDouble(), 1e-9);
    assertEquals(0.02, o.get("rate").asDouble(), 0.0);
    assertEquals(data.toString(), o.get("history").asText());
    // the Power readings are 2 h old at 19:00: the outcomes up to 17:00 are known
    assertEquals("2021-06-15T17:00:00Z", o.get("last_outcome").asText());
    long outcomes = o.get("outcomes").asLong();
    assertTrue(outcomes > 500 && o.get("coverage").asDouble() > 0.5 && o.get("coverage").asDouble() <= 1, o.toString());
    assertTrue(online.out().contains("recalibrated online from " + outcomes + " outcomes of " + data), online.out());
    // a day later, 24 more hourly outcomes are known
    Path laterJson = dir.resolve("later.json");
    String[] later = predict(model, "--history", data.toString(), "--json", laterJson.toString());
    later[java.util.Arrays.asList(later).indexOf("2021-06-15T19:00:00Z")] = "2021-06-16T19:00:00Z";
    assertEquals(0, SolarCliTest.cli(later).code());
    assertEquals(outcomes + 24, new ObjectMapper().readTree(laterJson.toFile()).get("online").get("outcomes").asLong());
  }

  @Test
  void historyNeedsAGaussianModelAndOutcomesKnownAtTheQueryTime() throws IOException {
    Path point = dir.resolve("history-point.aoi");
    assertEquals(0, SolarCliTest.cli("train", "--data", data.toString(), "--ages", "1-3", "--window", "3", "--epochs",
        "1", "--strategies", "pooled-with-age", "--no-intervals", "--model", point.toString(), "--quiet").code());
    SolarCliTest.Result r = SolarCliTest.cli(predict(point, "--history", data.toString()));
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--history recalibrates the interval of a model with a Gaussian head"), r.err());
    Path gaussian = dir.resolve("history-gaussian.aoi");
    assertEquals(0, SolarCliTest.cli("train", "--data", data.toString(), "--ages", "1-3", "--window", "3", "--epochs",
        "1", "--strategies", "pooled-with-age", "--model", gaussian.toString(), "--quiet").code());
    String[] early = predict(gaussian, "--history", data.toString());
    early[java.util.Arrays.asList(early).indexOf("2021-06-15T19:00:00Z")] = "2021-04-01T19:00:00Z";
    r = SolarCliTest.cli(early);
    assertEquals(1, r.code());
    assertTrue(r.err().contains(data.toString()) && r.err().contains("--history holds no outcome known at"
        + " 2021-04-01T19:00:00Z"), r.err());
    r = SolarCliTest.cli(predict(gaussian, "--history", dir.toString()));
    assertEquals(2, r.code());
    assertTrue(r.err().contains("--history " + dir + " is a folder"), r.err());
    // a history without the model's columns: the file and the column are named
    StringBuilder csv = new StringBuilder("time,GHI\n");
    for (int h = 0; h < 48; h++) {
      csv.append(java.time.Instant.parse("2021-06-13T00:00:00Z").plusSeconds(3600L * h)).append(",0\n");
    }
    Path other = dir.resolve("other.csv");
    Files.writeString(other, csv);
    r = SolarCliTest.cli(predict(gaussian, "--history", other.toString()));
    assertEquals(1, r.code());
    assertTrue(r.err().contains(other.toString()) && r.err().contains("column 'Power'"), r.err());
  }

  @Test
  void aPointModelPredictsWithoutAnInterval() throws IOException {
    Path model = dir.resolve("point.aoi");
    assertEquals(0, SolarCliTest.cli("train", "--data", data.toString(), "--ages", "1-3", "--window", "3", "--epochs",
        "1", "--strategies", "pooled-with-age", "--no-intervals", "--model", model.toString(), "--quiet").code());
    Path json = dir.resolve("point.json");
    SolarCliTest.Result live = SolarCliTest.cli(predict(model, "--json", json.toString()));
    assertEquals(0, live.code(), live.err());
    assertTrue(!live.out().contains("interval") && live.out().strip().endsWith(" kW"), live.out());
    JsonNode pj = new ObjectMapper().readTree(json.toFile());
    assertTrue(pj.get("distribution").isNull() && pj.get("interval").isNull() && pj.get("quantiles").isNull());
    assertTrue(Double.isFinite(pj.get("forecast").asDouble()));
  }

  @Test
  void runWithIntervalsComparesTheLogLossWithTheEstimate() throws IOException {
    Path out = dir.resolve("report");
    SolarCliTest.Result r = SolarCliTest.cli("run", "--data", data.toString(), "--out", out.toString(), "--ages",
        "1-6", "--windows", "1,3", "--window", "3", "--bootstrap", "20", "--epochs", "3", "--strategies",
        "pooled-with-age,linear", "--intervals", "--quiet");
    assertEquals(0, r.code(), r.err());
    String md = Files.readString(out.resolve("report.md"));
    assertTrue(md.contains("## Forecast distributions") && md.contains("](" + Figures.LOG_LOSS + ")")
        && md.contains("central 80 % intervals of pooled-with-age") && md.contains("mean relative deviation"), md);
    assertTrue(md.contains("| pooled network's head | Gaussian (mean and standard deviation"), md);
    assertTrue(md.contains("| online: coverage 80 % |") && md.contains("when their spreads are recalibrated online"),
        md);
    BufferedImage figure = ImageIO.read(out.resolve(Figures.LOG_LOSS).toFile());
    assertTrue(figure != null && figure.getWidth() >= 600);
    JsonNode run = new ObjectMapper().readTree(out.resolve("run.json").toFile());
    assertEquals(2, run.get("schema").asInt());
    assertTrue(run.get("intervals").asBoolean());
    JsonNode p = run.get("probabilistic");
    assertEquals("pooled-with-age", p.get("strategy").asText());
    assertEquals(0.02, p.get("online").get("rate").asDouble(), 0.0);
    assertTrue(p.get("online").get("test_coverage").isNumber() && p.get("online").get("bands").size() == 1);
    JsonNode estimate = p.get("log_loss_estimate");
    assertEquals(3, estimate.get("window").asInt());
    assertEquals(6, estimate.get("loss").size());
    assertEquals(6, p.get("test_log_loss").size());
    assertTrue(Double.isFinite(p.get("log_loss_agreement").asDouble()) && p.get("log_loss_agreement").asDouble() >= 0);
    boolean listed = false;
    boolean fanListed = false;
    for (JsonNode f : run.get("files")) {
      listed |= f.asText().equals(Figures.LOG_LOSS);
      fanListed |= f.asText().equals("fig10-fan.png");
    }
    assertTrue(listed && fanListed, run.get("files").toString());
    // the fan chart: a test week with fresh inputs (age 1) beside the same week a day old (age 6, the
    // trained age nearest a day), two panels side by side
    assertTrue(md.contains("](fig10-fan.png)") && md.contains("fresh inputs (age 1, left)")
        && md.contains("(age 6, right)"), md);
    assertEquals(md.indexOf("Figure 10."), md.lastIndexOf("Figure 10."), "the fan chart is in the report once");
    BufferedImage fan = ImageIO.read(out.resolve("fig10-fan.png").toFile());
    assertTrue(fan != null && fan.getWidth() > 2 * fan.getHeight(), "two panels side by side");
    // the training JSON of the report folder carries the same scores
    assertEquals(2, new ObjectMapper().readTree(out.resolve("training.json").toFile()).get("schema").asInt());
  }

  @Test
  void theGaussianHeadIsTheDefault() throws IOException {
    Path json = dir.resolve("default.json");
    assertEquals(0, SolarCliTest.cli("train", "--data", data.toString(), "--ages", "1-3", "--window", "3",
        "--epochs", "1", "--strategies", "pooled-with-age,linear", "--model", "none", "--json", json.toString(),
        "--quiet").code());
    JsonNode strategies = new ObjectMapper().readTree(json.toFile()).get("strategies");
    assertTrue(strategies.get(0).get("probabilistic").isObject(), "pooled-with-age forecasts distributions");
    assertTrue(strategies.get(1).get("probabilistic").isNull(), "linear forecasts points");
    // so it is with several horizons, and --no-intervals gives the point head there too
    Path horizons = dir.resolve("horizons.json");
    assertEquals(0, SolarCliTest.cli("train", "--data", data.toString(), "--ages", "1-2", "--window", "2",
        "--horizons", "0-1", "--epochs", "1", "--strategies", "pooled-with-age", "--model", "none", "--json",
        horizons.toString(), "--quiet").code());
    assertTrue(new ObjectMapper().readTree(horizons.toFile()).get("strategies").get(0).get("probabilistic")
        .isObject());
    assertEquals(0, SolarCliTest.cli("train", "--data", data.toString(), "--ages", "1-2", "--window", "2",
        "--horizons", "0-1", "--epochs", "1", "--strategies", "pooled-with-age", "--no-intervals", "--model", "none",
        "--json", horizons.toString(), "--quiet").code());
    assertTrue(new ObjectMapper().readTree(horizons.toFile()).get("strategies").get(0).get("probabilistic").isNull());
  }

  @Test
  void intervalsOverSeveralHorizonsAreCalibratedPerAgeAndHorizon() throws IOException {
    Path json = dir.resolve("horizon-intervals.json");
    Path model = dir.resolve("horizon-gaussian.aoi");
    SolarCliTest.Result r = SolarCliTest.cli("train", "--data", data.toString(), "--ages", "1-3", "--window", "3",
        "--horizons", "0-2", "--epochs", "3", "--strategies", "pooled-with-age,linear", "--model",
        model.toString(), "--json", json.toString(), "--quiet");
    assertEquals(0, r.code(), r.err());
    JsonNode p = new ObjectMapper().readTree(json.toFile()).get("strategies").get(0).get("probabilistic");
    assertEquals(3, p.get("test_coverage").size(), "per age, every horizon pooled");
    assertEquals(3, p.get("online").get("test_coverage").size());
    assertEquals(3 * 3, org.aoiforecast.forecasting.AgeAwareForecaster.load(model).calibration().factors().length,
        "a factor per (age, horizon) cell");
    // predict: every horizon with its median and interval, in text and JSON
    Path pj = dir.resolve("horizon-predict.json");
    SolarCliTest.Result live = SolarCliTest.cli(predict(model, "--json", pj.toString()));
    assertEquals(0, live.code(), live.err());
    String[] lines = live.out().strip().split("\\R");
    assertEquals(3, lines.length, live.out());
    for (int h = 0; h < 3; h++) {
      assertTrue(lines[h].contains("(horizon " + h + ")") && lines[h].contains(" (median), 80 % interval "), lines[h]);
    }
    for (JsonNode f : new ObjectMapper().readTree(pj.toFile()).get("forecasts")) {
      double lower = f.get("lower").asDouble();
      double upper = f.get("upper").asDouble();
      assertTrue(lower < f.get("value").asDouble() && f.get("value").asDouble() < upper, f.toString());
      assertEquals(2 * 1.2815515655446004 * f.get("sd").asDouble(), upper - lower, 1e-9);
    }
    // --history recalibrates each horizon from its own forecasts
    SolarCliTest.Result online = SolarCliTest.cli(predict(model, "--history", data.toString()));
    assertEquals(0, online.code(), online.err());
    assertEquals(3, online.out().split("recalibrated online from ", -1).length - 1, online.out());
  }

  @Test
  void intervalsNeedThePooledNetwork() {
    SolarCliTest.Result r = SolarCliTest.cli("train", "--data", data.toString(), "--strategies", "linear",
        "--intervals", "--model", "none");
    assertEquals(2, r.code(), r.out());
    assertTrue(r.err().contains("--intervals") && r.err().contains("pooled-with-age"), r.err());
  }

  @Test
  void aRunWithoutIntervalsSaysSo() throws IOException {
    Path out = dir.resolve("plain");
    assertEquals(0, SolarCliTest.cli("run", "--data", data.toString(), "--out", out.toString(), "--ages", "1-3",
        "--windows", "1", "--window", "2", "--bootstrap", "20", "--epochs", "1", "--strategies", "linear",
        "--quiet").code());
    JsonNode run = new ObjectMapper().readTree(out.resolve("run.json").toFile());
    assertEquals(2, run.get("schema").asInt());
    assertTrue(!run.get("intervals").asBoolean() && run.get("probabilistic").isNull());
    assertTrue(!Files.exists(out.resolve(Figures.LOG_LOSS)) && !Files.exists(out.resolve("fig10-fan.png")));
  }
}
