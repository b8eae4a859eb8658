package org.aoiforecast.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.aoiforecast.core.DataException;
import org.aoiforecast.core.TimeSeries;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

class TimeSeriesCsvReaderTest {
  @TempDir
  Path dir;

  private static TimeSeries read(TimeSeriesCsvReader reader, String text) {
    return reader.read(new StringReader(text), "test.csv");
  }

  private static TimeSeriesCsvReader iso() {
    return TimeSeriesCsvReader.builder().timeColumn("time", TimeFormat.ISO_8601).build();
  }

  @Test
  void readsIsoTimesWithOffsetsOrLocalTimesInTheZone() {
    TimeSeries s = read(iso(), "time,x,y\n2021-06-01T00:00:00Z,1,2\n2021-06-01T02:00+01:00,3,4\n"
        + "2021-06-01T02:00:00Z,5,6\n");
    assertEquals(Instant.parse("2021-06-01T00:00:00Z"), s.start());
    assertEquals(Duration.ofHours(1), s.step());
    assertArrayEquals(new double[] {2, 4, 6}, s.column("y"));
    TimeSeries local = read(TimeSeriesCsvReader.builder().timeColumn("time", TimeFormat.ISO_8601)
        .zone(ZoneOffset.ofHours(-5)).build(), "time,x\n2021-06-01 00:00,1\n2021-06-01 01:00,2\n");
    assertEquals(Instant.parse("2021-06-01T05:00:00Z"), local.start());
  }

  @Test
  void readsEpochSecondsAndMillis() {
    TimeSeries s = read(TimeSeriesCsvReader.builder().timeColumn("t", TimeFormat.EPOCH_SECONDS).build(),
        "t,x\n0,1\n1800,2\n3600,3\n");
    assertEquals(Duration.ofMinutes(30), s.step());
    TimeSeries m = read(TimeSeriesCsvReader.builder().timeColumn("t", TimeFormat.EPOCH_MILLIS).build(),
        "t,x\n1000,1\n2000,2\n");
    assertEquals(Instant.ofEpochSecond(1), m.start());
  }

  @Test
  void readsDatePartsWithMetadataZoneAndMinute() {
    String nsrdb = "Source,Location ID,Time Zone,Latitude\nNSRDB,123,-7,39.7\n"
        + "Year,Month,Day,Hour,Minute,GHI,Temperature\n"
        + "2019,1,1,0,0,0,-3.5\n2019,1,1,0,30,0,-3.6\n2019,1,1,1,0,0,-3.8\n";
    TimeSeriesCsvReader r = TimeSeriesCsvReader.builder().skipLines(2).dateParts("Year", "Month", "Day", "Hour", "Minute")
        .zoneFromMetadataKey("Time Zone").build();
    TimeSeries s = read(r, nsrdb);
    assertEquals(Instant.parse("2019-01-01T07:00:00Z"), s.start());
    assertEquals(Duration.ofMinutes(30), s.step());
    assertEquals(List.of("GHI", "Temperature"), s.names());
  }

  @Test
  void readsDateAndClockColumnsWithHourEndingMidnightAndAFixedYear() {
    String tmy = "1,\"SITE\",XX,-5.0,36.1,-79.9,273\nDate (MM/DD/YYYY),Time (HH:MM),GHI (W/m^2)\n"
        + "12/31/1988,23:00,0\n12/31/1988,24:00,0\n01/01/1991,01:00,0\n";
    TimeSeriesCsvReader r = TimeSeriesCsvReader.builder().skipLines(1)
        .dateAndTime("Date (MM/DD/YYYY)", "MM/dd/yyyy", "Time (HH:MM)").zoneFromMetadata(1, 3).year(1990).build();
    String twoRows = tmy.substring(0, tmy.lastIndexOf("01/01/1991"));
    Table t = r.readTable(new StringReader(twoRows), "tmy.csv");
    assertEquals(Instant.parse("1991-01-01T04:00:00Z"), t.instantColumn("time").get(0));
    assertEquals(Instant.parse("1991-01-01T05:00:00Z"), t.instantColumn("time").get(1));
    // with year 1990 for every row, a row of January after one of December runs backwards in time
    DataException e = assertThrows(DataException.class, () -> r.readTable(new StringReader(tmy), "tmy.csv"));
    assertTrue(e.getMessage().contains("line 5") && e.getMessage().contains("precedes"), e.getMessage());
    assertEquals("W/m^2", TimeSeriesCsvReader.unitOf("GHI (W/m^2)"));
  }

  @Test
  void footerEndsTheDataAndYearCanBeFixed() {
    String pvwatts = "meta\nmeta\nMonth,Day,Hour,AC (W)\n1,1,0,0\n1,1,1,5\nTotals, , ,5\n";
    TimeSeries s = read(TimeSeriesCsvReader.builder().skipLines(2).dateParts(null, "Month", "Day", "Hour", null)
        .year(2001).footer("Totals").build(), pvwatts);
    assertEquals(2, s.size());
    assertEquals("W", s.units().get(0));
    assertThrows(IllegalStateException.class,
        () -> TimeSeriesCsvReader.builder().dateParts(null, "Month", "Day", "Hour", null).build());
  }

  @Test
  void raggedRowNamesTheLine() {
    DataException e = assertThrows(DataException.class, () -> read(iso(), "time,x,y\n2021-01-01T00:00Z,1,2\n"
        + "2021-01-01T01:00Z,3\n"));
    assertEquals(3, e.line());
    assertTrue(e.getMessage().contains("expected 3 fields") && e.getMessage().contains("found 2"), e.getMessage());
  }

  @Test
  void badNumbersNameFileLineAndColumn() {
    DataException text = assertThrows(DataException.class,
        () -> read(iso(), "time,x\n2021-01-01T00:00Z,1\n2021-01-01T01:00Z,abc\n"));
    assertEquals("test.csv, line 3, column 'x': expected a number, found 'abc'", text.getMessage());
    DataException empty = assertThrows(DataException.class,
        () -> read(iso(), "time,x\n2021-01-01T00:00Z,\n2021-01-01T01:00Z,1\n"));
    assertTrue(empty.getMessage().contains("line 2") && empty.getMessage().contains("empty value"), empty.getMessage());
    DataException nan = assertThrows(DataException.class,
        () -> read(iso(), "time,x\n2021-01-01T00:00Z,NaN\n2021-01-01T01:00Z,1\n"));
    assertTrue(nan.getMessage().contains("not a finite number"), nan.getMessage());
  }

  @Test
  void unsortedAndDuplicateTimesNameTheLine() {
    DataException dup = assertThrows(DataException.class,
        () -> read(iso(), "time,x\n2021-01-01T00:00Z,1\n2021-01-01T00:00Z,2\n"));
    assertTrue(dup.getMessage().contains("line 3") && dup.getMessage().contains("duplicates"), dup.getMessage());
    DataException back = assertThrows(DataException.class,
        () -> read(iso(), "time,x\n2021-01-01T01:00Z,1\n2021-01-01T00:00Z,2\n"));
    assertTrue(back.getMessage().contains("precedes") && back.getMessage().contains("line 2"), back.getMessage());
    DataException gap = assertThrows(DataException.class,
        () -> read(iso(), "time,x\n2021-01-01T00:00Z,1\n2021-01-01T01:00Z,2\n2021-01-01T03:00Z,2\n"));
    assertTrue(gap.getMessage().contains("line 4") && gap.getMessage().contains("evenly spaced"), gap.getMessage());
    // as a table, irregular spacing is fine
    Table t = iso().readTable(new StringReader("time,x\n2021-01-01T00:00Z,1\n2021-01-01T01:00Z,2\n"
        + "2021-01-01T03:00Z,2\n"), "t.csv");
    assertEquals(3, t.rowCount());
  }

  @Test
  void unknownColumnListsTheHeader() {
    DataException e = assertThrows(DataException.class, () -> read(TimeSeriesCsvReader.builder()
        .timeColumn("time", TimeFormat.ISO_8601).columns("GHI").build(), "time,x,y\n2021-01-01T00:00Z,1,2\n"));
    assertTrue(e.getMessage().contains("'GHI'") && e.getMessage().contains("[time, x, y]"), e.getMessage());
    assertThrows(DataException.class, () -> read(TimeSeriesCsvReader.builder().timeColumn("when", TimeFormat.ISO_8601)
        .build(), "time,x\n2021-01-01T00:00Z,1\n"));
  }

  @Test
  void badTimesAndUnreadableFiles() {
    DataException e = assertThrows(DataException.class, () -> read(iso(), "time,x\nyesterday,1\n"));
    assertTrue(e.getMessage().contains("ISO-8601") && e.getMessage().contains("'yesterday'"), e.getMessage());
    DataException missing = assertThrows(DataException.class, () -> iso().read(dir.resolve("nope.csv")));
    assertTrue(missing.getMessage().contains("cannot read"), missing.getMessage());
    DataException meta = assertThrows(DataException.class, () -> read(TimeSeriesCsvReader.builder().skipLines(5)
        .timeColumn("time", TimeFormat.ISO_8601).build(), "a\nb\n"));
    assertTrue(meta.getMessage().contains("metadata lines"), meta.getMessage());
  }

  @Test
  void readsFromAFile() throws IOException {
    Path f = dir.resolve("s.csv");
    Files.writeString(f, "time,x\n2021-01-01T00:00Z,1\n2021-01-01T01:00Z,2\n");
    assertEquals(2, iso().read(f).size());
    assertTrue(iso().read(f).origin().endsWith("s.csv"));
  }

  @Test
  void typedLayoutsAndZoneSourcesAreTheShortcutsTargets() {
    String text = "site,zone\nA,+02:00\nday,clock,x (kW)\n06/01/2021,01:00,1\n06/01/2021,02:00,2\n";
    TimeSeriesCsvReader reader = TimeSeriesCsvReader.builder().skipLines(2)
        .time(TimeLayout.dateAndClock("day", "MM/dd/yyyy", "clock")).zone(ZoneSource.metadataField(2, 1))
        .unitsInHeader().build();
    TimeSeries s = read(reader, text);
    assertEquals(Instant.parse("2021-05-31T23:00:00Z"), s.start());
    assertEquals(List.of("x"), s.names());
    assertEquals(List.of("kW"), s.units());
    assertEquals("day/clock", TimeLayout.dateAndClock("day", "MM/dd/yyyy", "clock").label());
    assertFalse(TimeLayout.dateParts(null, "M", "D", "H", null).hasYear());
    assertThrows(IllegalArgumentException.class, () -> TimeLayout.pattern("t", "yyyy-MM-dd'"));
    assertThrows(IllegalArgumentException.class, () -> ZoneSource.metadataField(0, 1));
  }

  @Test
  void aColumnMissingOnlyForItsUnitNamesUnitsInHeader() {
    DataException e = assertThrows(DataException.class, () -> read(TimeSeriesCsvReader.builder()
        .timeColumn("time", TimeFormat.ISO_8601).columns("GHI").build(), "time,GHI (W/m^2)\n2021-01-01T00:00Z,1\n"));
    assertTrue(e.getMessage().contains("'GHI (W/m^2)'") && e.getMessage().contains("unitsInHeader()"),
        e.getMessage());
    assertEquals("GHI", e.column());
  }
}
