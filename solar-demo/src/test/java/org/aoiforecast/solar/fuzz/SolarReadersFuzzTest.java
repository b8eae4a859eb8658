package org.aoiforecast.solar.fuzz;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.SplittableRandom;
import org.aoiforecast.core.DataException;
import org.aoiforecast.core.Finite;
import org.aoiforecast.core.testing.Fuzz;
import org.aoiforecast.core.testing.Mutations;
import org.aoiforecast.core.testing.SharedData;
import org.aoiforecast.solar.data.CsvOptions;
import org.aoiforecast.solar.data.SolarData;
import org.aoiforecast.solar.data.SolarFormat;
import org.aoiforecast.solar.data.SolarReaders;
import org.aoiforecast.solar.testing.SampleFiles;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fuzz suite of the solar readers (TMY3, PVWatts, NSRDB, generic CSV, format detection): random
 * damage to small files in each format, and to the real files of {@code ../shared/data} where
 * present, must end in correct data or in a {@link DataException}: never another exception, a
 * hang, a value that is not finite or whose square overflows, or a site outside the globe.
 */
class SolarReadersFuzzTest {
  private static Path dir;
  private static byte[] realTmy3;
  private static byte[] realPvwatts;

  @BeforeAll
  static void files() throws IOException {
    dir = Files.createTempDirectory("solar-fuzz");
    Path tmy = SharedData.find("tmy3/723170TYA.CSV");
    Path pv = SharedData.find("pvwatts/pvwatts_8760_rackmount.csv");
    realTmy3 = tmy == null ? null : Files.readAllBytes(tmy);
    realPvwatts = pv == null ? null : Files.readAllBytes(pv);
  }

  @AfterAll
  static void cleanUp() throws IOException {
    try (var walk = Files.walk(dir)) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(p);
      }
    }
  }

  /** Writes the damaged bytes and reads them: correct data or a DataException, in bounded time. */
  private static void readsOrRefuses(byte[] original, Mutations.Mutation damage, SolarFormat format) {
    Path file;
    try {
      file = Files.write(Files.createTempFile(dir, "f", ".csv"), damage.apply(original));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    assertTimeoutPreemptively(Duration.ofSeconds(20), () -> {
      SolarData d;
      try {
        d = SolarReaders.read(file, format, CsvOptions.defaults());
      } catch (DataException expected) {
        return;
      } finally {
        Files.deleteIfExists(file);
      }
      for (String c : d.series().names()) {
        for (double v : d.series().column(c)) {
          assertTrue(Finite.isSquarable(v), c + " holds " + v);
        }
      }
      d.site().ifPresent(site -> {
        assertTrue(Math.abs(site.latitude()) <= 90 && Math.abs(site.longitude()) <= 180, site.toString());
        assertTrue(Math.abs(site.zone().getTotalSeconds()) <= 18 * 3600, site.toString());
      });
      for (var w : d.warnings()) {
        assertTrue(w.line() > 0 && w.column() != null, w.toString());
      }
    });
  }

  @Test
  void tmy3() {
    Fuzz.run(20261211L, Mutations::random, damage ->
        readsOrRefuses(SampleFiles.tmy3(3, "-5.0", "").getBytes(), damage, SolarFormat.AUTO));
  }

  @Test
  void pvwatts() {
    Fuzz.run(20261212L, Mutations::random, damage ->
        readsOrRefuses(SampleFiles.pvwatts(2, "").getBytes(), damage, SolarFormat.AUTO));
  }

  @Test
  void nsrdb() {
    Fuzz.run(20261213L, Mutations::random, damage ->
        readsOrRefuses(SampleFiles.nsrdb(2, "-7").getBytes(), damage, SolarFormat.AUTO));
  }

  /** A sample of {@link #genericCsvAsClaimedFormats}: the damage, and the format the file is read as. */
  private record ClaimedSample(Mutations.Mutation damage, SolarFormat claimed) {
    static ClaimedSample draw(SplittableRandom r) {
      return new ClaimedSample(Mutations.random(r), Fuzz.element(r, SolarFormat.class));
    }
  }

  @Test
  void genericCsvAsClaimedFormats() {
    Fuzz.run(20261214L, ClaimedSample::draw, sample -> {
      String csv = "time,GHI (W/m^2),Temperature (C),Power (kW)\n2021-06-01T10:00:00Z,500,20,1.5\n"
          + "2021-06-01T11:00:00Z,600,21,1.8\n2021-06-01T12:00:00Z,650,22,2.0\n2021-06-01T13:00:00Z,600,22.5,1.9\n";
      readsOrRefuses(csv.getBytes(), sample.damage(), sample.claimed());
    });
  }

  /** A sample of {@link #theRealFiles}: the damage, and the TMY3 file or the PVWatts one. */
  private record RealSample(Mutations.Mutation damage, boolean tmy3) {
    static RealSample draw(SplittableRandom r) {
      return new RealSample(Mutations.random(r), r.nextBoolean());
    }
  }

  @Test
  void theRealFiles() {
    Fuzz.run(20261215L, RealSample::draw, sample -> {
      byte[] real = sample.tmy3() ? realTmy3 : realPvwatts;
      if (real == null) {
        return; // ../shared/data is absent (a fresh clone): the sample files above stand in for it
      }
      readsOrRefuses(real, sample.damage(), SolarFormat.AUTO);
    });
  }
}
