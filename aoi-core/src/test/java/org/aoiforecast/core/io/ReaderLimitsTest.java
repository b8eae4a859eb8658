package org.aoiforecast.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.aoiforecast.core.DataException;
import org.aoiforecast.core.DataWarning;
import org.aoiforecast.core.Finite;
import org.aoiforecast.core.TimeSeries;
import org.junit.jupiter.api.Test;

/** The reader's limits: numbers at and beyond the edges of a double, an int and a calendar. */
class ReaderLimitsTest {
  private static TimeSeries iso(String text) {
    return TimeSeriesCsvReader.builder().timeColumn("time", TimeFormat.ISO_8601).unitsInHeader()
        .plausibleRangesByUnit().build().read(new StringReader(text), "t.csv", w -> { });
  }

  @Test
  void aValueWhoseSquareOverflowsIsRefusedWithItsLineAndColumn() {
    DataException e = assertThrows(DataException.class, () -> iso("time,x\n2021-01-01T00:00Z,1\n"
        + "2021-01-01T01:00Z,1e308\n"));
    assertEquals(3, e.line());
    assertEquals("x", e.column());
    assertTrue(e.getMessage().contains("too large"), e.getMessage());
    // the largest squarable magnitude itself is a number like any other
    double edge = Finite.MAX_MAGNITUDE;
    TimeSeries s = iso("time,x\n2021-01-01T00:00Z," + edge + "\n2021-01-01T01:00Z," + (-edge) + "\n");
    assertEquals(edge, s.column("x")[0]);
    assertTrue(Double.isFinite(edge * edge));
    for (String bad : List.of("NaN", "Infinity", "-Infinity", "1e309", "-1.4e154")) {
      assertThrows(DataException.class, () -> iso("time,x\n2021-01-01T00:00Z," + bad + "\n"), bad);
    }
  }

  @Test
  void datePartsThatWouldWrapAroundAnIntAreRefused() {
    TimeSeriesCsvReader reader = TimeSeriesCsvReader.builder().dateParts("Y", "M", "D", "H", "MI").build();
    String ok = "Y,M,D,H,MI,v\n2021,1,1,0,0,1\n";
    assertEquals(1, reader.readTable(new StringReader(ok), "ok.csv").rowCount());
    // 4294967297 = 2^32 + 1: cast to int it was month 1; 4294969317 was year 2021
    String[][] cases = {{"4294969317,1,1,1,0", "Y"}, {"2021,4294967297,1,1,0", "M"}, {"2021,1,4294967298,1,0", "D"},
        {"2021,1,1,4294967297,0", "H"}, {"2021,1,1,1,4294967296", "MI"}, {"2021,13,1,1,0", "M"},
        {"99999999999999999999,1,1,1,0", "Y"}};
    for (String[] c : cases) {
      DataException e = assertThrows(DataException.class, () -> reader.readTable(new StringReader(ok + c[0] + ",2\n"),
          "parts.csv"), c[0]);
      assertEquals(3, e.line(), e.getMessage());
      assertEquals(c[1], e.column(), e.getMessage());
    }
  }

  @Test
  void aMetadataOffsetOfNanOrInfinityIsNotUtc() {
    for (String offset : List.of("NaN", "Infinity", "-Infinity", "18.5", "1e308")) {
      TimeSeriesCsvReader reader = TimeSeriesCsvReader.builder().skipLines(1).zoneFromMetadata(1, 1)
          .timeColumn("time", "yyyy-MM-dd HH:mm").build();
      DataException e = assertThrows(DataException.class, () -> reader.read(new StringReader(
          "site," + offset + "\ntime,v\n2021-01-01 00:00,1\n"), "z.csv"), offset);
      assertEquals(1, e.line());
      assertTrue(e.getMessage().contains("UTC offset"), e.getMessage());
    }
    assertEquals(java.time.ZoneOffset.ofHoursMinutes(5, 30), ZoneSource.offsetHours(5.5).orElseThrow());
  }

  @Test
  void timesOutsideTheCalendarOfTheLibraryAreRefused() {
    TimeSeriesCsvReader epoch = TimeSeriesCsvReader.builder().timeColumn("t", TimeFormat.EPOCH_SECONDS).build();
    DataException e = assertThrows(DataException.class, () -> epoch.read(new StringReader("t,v\n0,1\n1e150,2\n"),
        "e.csv"));
    assertEquals(3, e.line());
    assertTrue(e.getMessage().contains("outside the years"), e.getMessage());
    TimeSeriesCsvReader millis = TimeSeriesCsvReader.builder().timeColumn("t", TimeFormat.EPOCH_MILLIS).build();
    assertThrows(DataException.class, () -> millis.read(new StringReader("t,v\n" + Long.MIN_VALUE + ",1\n0,2\n"
        + Long.MAX_VALUE + ",3\n"), "m.csv"));
  }

  @Test
  void bytesThatAreNotUtf8AreNamedAsSuch() {
    byte[] bytes = {'t', 'i', 'm', 'e', ',', 'v', '\n', (byte) 0xC3, (byte) 0x28, ',', '1', '\n'};
    DataException e = assertThrows(DataException.class, () -> TimeSeriesCsvReader.builder()
        .timeColumn("time", TimeFormat.ISO_8601).build()
        .read(new InputStreamReader(new ByteArrayInputStream(bytes), StandardCharsets.UTF_8.newDecoder()), "b.csv"));
    assertTrue(e.getMessage().contains("is not UTF-8 text"), e.getMessage());
  }

  @Test
  void valuesOutsideThePlausibleRangeOfTheirUnitAreKeptWithOneWarningPerColumn() {
    List<DataWarning> warnings = new ArrayList<>();
    TimeSeries s = TimeSeriesCsvReader.builder().timeColumn("time", TimeFormat.ISO_8601).unitsInHeader()
        .plausibleRangesByUnit().plausibleRange("Wind", new PlausibleRange(0, 60, "m/s")).build()
        .read(new StringReader("time,T (C),RH (%),GHI (W/m^2),Wind\n2021-01-01T00:00Z,-9900,50,0,3\n"
            + "2021-01-01T01:00Z,20,101,0,4\n2021-01-01T02:00Z,-9900,50,2000,-1\n"), "w.csv", warnings::add);
    assertEquals(-9900, s.column("T")[0]);
    assertEquals(4, warnings.size(), warnings.toString());
    DataWarning t = warnings.get(0);
    assertEquals("T", t.column());
    assertEquals(2, t.line());
    assertTrue(t.toString().startsWith("w.csv, line 2, column 'T': value -9900.0 is outside the plausible range"
        + " -90 to 100 C (2 values"), t.toString());
    assertEquals(List.of("T", "RH", "GHI", "Wind"), warnings.stream().map(DataWarning::column).toList());
    assertTrue(PlausibleRange.forUnit("kW").isPresent() && PlausibleRange.forUnit("tenths").isEmpty());
  }
}
