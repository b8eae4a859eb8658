package org.aoiforecast.solar.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.aoiforecast.core.DataException;
import org.aoiforecast.core.testing.Fuzz;
import org.aoiforecast.core.testing.Mutations;
import org.aoiforecast.forecasting.AgeAwareForecaster;
import org.aoiforecast.solar.cli.SolarCli;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fuzz suite of the model-file reader and of {@code predict --readings}: damaged model files (raw
 * bytes, or the JSON inside the zip) load correctly or fail with a {@code ModelFileException} (a
 * {@link DataException}); damaged readings files give a finite forecast or one line with exit 1
 * or 2.
 */
class ModelAndReadingsFuzzTest {
  private static Path dir;
  private static byte[] model;
  private static byte[] json;
  private static final String READINGS = "source,age,v0,v1,v2\nPower,2h,1.1,1.4,1.6\nTemperature,2h,20,19,18\n"
      + "RelativeHumidity,2,40,42,45\nCloudCover,2h,3,3,4\n";

  @BeforeAll
  static void trainATinyModel() throws IOException {
    dir = Files.createTempDirectory("model-fuzz");
    Path data = dir.resolve("sim.csv");
    Path file = dir.resolve("m.aoi");
    assertEquals(0, cli("simulate", "--days", "20", "--start", "2021-05-01", "--out", data.toString()).code);
    // no known covariates: the readings file is then all a forecast needs, so undamaged readings succeed
    assertEquals(0, cli("train", "--data", data.toString(), "--covariates", "none", "--strategies", "pooled-with-age",
        "--epochs", "1", "--ages", "1-2", "--window", "3", "--model", file.toString(), "--quiet").code);
    model = Files.readAllBytes(file);
    try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(model))) {
      for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
        if (e.getName().equals("forecaster.json")) {
          json = zip.readAllBytes();
        }
      }
    }
  }

  private record Outcome(int code, String out, String err) {}

  private static Outcome cli(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = SolarCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** The model with its JSON entry replaced (the network entry kept). */
  private static byte[] withJson(byte[] newJson) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(model));
        ZipOutputStream zip = new ZipOutputStream(out)) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
        byte[] content = e.getName().equals("forecaster.json") ? newJson : in.readAllBytes();
        zip.putNextEntry(new ZipEntry(e.getName()));
        zip.write(content);
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }

  private static void loadsOrRefuses(byte[] bytes) throws IOException {
    Path file = Files.write(Files.createTempFile(dir, "m", ".aoi"), bytes);
    try {
      assertTimeoutPreemptively(Duration.ofSeconds(30), () -> {
        try {
          AgeAwareForecaster f = AgeAwareForecaster.load(file);
          assertTrue(f.layout().featureCount() > 0);
        } catch (DataException expected) {
          // ModelFileException: one line naming the file
          assertTrue(expected.getMessage().contains(file.toString()), expected.getMessage());
        }
      });
    } finally {
      Files.deleteIfExists(file);
    }
  }

  @Test
  void damagedModelBytes() {
    Fuzz.run(20261231L, Mutations::random, damage -> loadsOrRefuses(damage.apply(model)));
  }

  @Test
  void damagedModelMetadata() {
    Fuzz.run(20261232L, Mutations::random, damage -> loadsOrRefuses(withJson(damage.apply(json))));
  }

  @Test
  void damagedReadings() {
    Fuzz.run(20261233L, Mutations::random, damage -> {
      Path file = Files.write(Files.createTempFile(dir, "r", ".csv"), damage.apply(READINGS.getBytes()));
      Path modelFile = dir.resolve("m.aoi");
      Outcome o = assertTimeoutPreemptively(Duration.ofSeconds(30), () -> cli("predict", "--model",
          modelFile.toString(), "--at", "2021-06-15T19:00:00Z", "--readings", file.toString()));
      Files.deleteIfExists(file);
      assertFalse(o.err.contains("\tat "), o.err);
      if (o.code == 0) {
        assertFalse(o.out.contains("NaN") || o.out.contains("Infinity"), o.out);
      } else {
        assertTrue(List.of(1, 2).contains(o.code), o.code + " " + o.err);
        assertEquals(1, o.err.strip().lines().count(), o.err);
        assertFalse(o.err.contains("--verbose"), o.err);
      }
    });
  }
}
