package org.aoiforecast.core.io;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.aoiforecast.core.DataException;
import org.aoiforecast.core.Finite;
import org.aoiforecast.core.TimeSeries;
import org.aoiforecast.core.schedule.PenaltyTable;
import org.aoiforecast.core.schedule.PenaltyTableReader;
import org.aoiforecast.core.testing.Fuzz;
import org.aoiforecast.core.testing.Mutations;
import org.junit.jupiter.api.Test;

/**
 * Fuzz suite of aoi-core's readers: random damage to small valid files ({@link Mutations}) must
 * end in a correct result or in a {@link DataException}: never another exception, a hang, or a
 * series with a value that is not finite or whose square overflows. Each property has a fixed
 * seed; {@link Fuzz} runs it {@code aoi.fuzz.tries} times (200 by default).
 */
class ReaderFuzzTest {
  private static final Duration LIMIT = Duration.ofSeconds(10);

  private static String isoFile() {
    StringBuilder sb = new StringBuilder("time,GHI (W/m^2),Temperature (C),RelativeHumidity (%),Power (kW)\n");
    LocalDateTime t = LocalDateTime.of(2021, 6, 1, 0, 0);
    for (int i = 0; i < 30; i++, t = t.plusHours(1)) {
      sb.append(String.format(Locale.ROOT, "%sZ,%d,%.1f,%.1f,%.2f%n", t, Math.max(0, 800 - 60 * Math.abs(i - 12)),
          15 + i * 0.3, 40.0 + i, i * 0.1));
    }
    return sb.toString();
  }

  private static String datePartsFile() {
    StringBuilder sb = new StringBuilder("Year,Month,Day,Hour,Minute,GHI,Temperature\n");
    LocalDateTime t = LocalDateTime.of(2020, 2, 28, 20, 0);
    for (int i = 0; i < 30; i++, t = t.plusMinutes(30)) {
      sb.append(String.format(Locale.ROOT, "%d,%d,%d,%d,%d,%d,%.1f%n", t.getYear(), t.getMonthValue(),
          t.getDayOfMonth(), t.getHour(), t.getMinute(), i * 10, 2.0 + i));
    }
    return sb.toString();
  }

  private static String tmyLikeFile() {
    StringBuilder sb = new StringBuilder("723170,\"SITE\",NC,-5.0,36.1,-79.9,273\n");
    sb.append("Date (MM/DD/YYYY),Time (HH:MM),GHI (W/m^2),Dry-bulb (C)\n");
    for (int i = 1; i <= 30; i++) {
      sb.append(String.format(Locale.ROOT, "%02d/%02d/1988,%02d:00,%d,%.1f%n", 12, 31 - (i > 24 ? 0 : 1),
          i > 24 ? i - 24 : i, i * 7, 10.0 - i));
    }
    return sb.toString();
  }

  /** Reads damaged text: a correct series, or a DataException; nothing else, and not forever. */
  private static void readsOrRefuses(String text, Mutations.Mutation damage, Function<InputStreamReader,
      TimeSeries> read) {
    byte[] bytes = damage.apply(text.getBytes(StandardCharsets.UTF_8));
    assertTimeoutPreemptively(LIMIT, () -> {
      TimeSeries s;
      try {
        s = read.apply(new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8.newDecoder()));
      } catch (DataException expected) {
        return;
      }
      assertTrue(s.size() >= 2, "a series has a step");
      for (String c : s.names()) {
        for (double v : s.column(c)) {
          assertTrue(Finite.isSquarable(v), c + " holds " + v);
        }
      }
    });
  }

  @Test
  void isoTimesAndUnitsInHeaders() {
    Fuzz.run(20261201L, Mutations::random, damage -> {
      TimeSeriesCsvReader reader = TimeSeriesCsvReader.builder().timeColumn("time", TimeFormat.ISO_8601)
          .unitsInHeader().plausibleRangesByUnit().build();
      readsOrRefuses(isoFile(), damage, r -> reader.read(r, "iso.csv", w -> { }));
    });
  }

  @Test
  void datePartsWithMinutes() {
    Fuzz.run(20261202L, Mutations::random, damage -> {
      TimeSeriesCsvReader reader = TimeSeriesCsvReader.builder().dateParts("Year", "Month", "Day", "Hour", "Minute")
          .build();
      readsOrRefuses(datePartsFile(), damage, r -> reader.read(r, "parts.csv", w -> { }));
    });
  }

  @Test
  void dateAndClockWithTheZoneInTheMetadata() {
    Fuzz.run(20261203L, Mutations::random, damage -> {
      TimeSeriesCsvReader reader = TimeSeriesCsvReader.builder().skipLines(1)
          .dateAndTime("Date (MM/DD/YYYY)", "MM/dd/yyyy", "Time (HH:MM)").year(1990).zoneFromMetadata(1, 3)
          .unitsInHeader().plausibleRangesByUnit().build();
      readsOrRefuses(tmyLikeFile(), damage, r -> reader.read(r, "tmy.csv", w -> { }));
    });
  }

  /** A sample of {@link #epochSecondsAndMillis}: the damage, and seconds or milliseconds. */
  private record EpochSample(Mutations.Mutation damage, boolean seconds) {
    static EpochSample draw(SplittableRandom r) {
      return new EpochSample(Mutations.random(r), r.nextBoolean());
    }
  }

  @Test
  void epochSecondsAndMillis() {
    Fuzz.run(20261204L, EpochSample::draw, sample -> {
      boolean seconds = sample.seconds();
      StringBuilder sb = new StringBuilder("t,v\n");
      for (int i = 0; i < 20; i++) {
        sb.append(seconds ? 1_600_000_000L + 60L * i : 1_600_000_000_000L + 60_000L * i).append(',').append(i)
            .append('\n');
      }
      TimeSeriesCsvReader reader = TimeSeriesCsvReader.builder()
          .timeColumn("t", seconds ? TimeFormat.EPOCH_SECONDS : TimeFormat.EPOCH_MILLIS).build();
      readsOrRefuses(sb.toString(), sample.damage(), r -> reader.read(r, "epoch.csv", w -> { }));
    });
  }

  @Test
  void penaltyTables() {
    Fuzz.run(20261205L, Mutations::random, damage -> {
      StringBuilder sb = new StringBuilder("age,1,2,3\n");
      for (int a = 1; a <= 12; a++) {
        sb.append(a).append(String.format(Locale.ROOT, ",%.3f,%.3f,%.3f%n", 0.4 + 0.01 * a, 0.38 + 0.01 * a,
            0.37 + 0.012 * a));
      }
      byte[] bytes = damage.apply(sb.toString().getBytes(StandardCharsets.UTF_8));
      assertTimeoutPreemptively(LIMIT, () -> {
        PenaltyTable t;
        try {
          t = PenaltyTableReader.fromCsv(new String(bytes, StandardCharsets.UTF_8), "penalty.csv");
        } catch (DataException expected) {
          return;
        }
        for (int w : t.windows()) {
          for (int a = t.firstAge(); a <= t.lastAge(); a++) {
            double p = t.penalty(w, a);
            assertTrue(Double.isFinite(p) && p >= 0, "penalty " + p);
          }
        }
      });
    });
  }
}
