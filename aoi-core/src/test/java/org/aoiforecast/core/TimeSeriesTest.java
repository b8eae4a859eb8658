package org.aoiforecast.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.Table;

class TimeSeriesTest {
  private static final Instant T0 = Instant.parse("2020-06-01T00:00:00Z");

  @Test
  void roundTripsThroughATable() {
    TimeSeries s = TimeSeries.builder(T0, Duration.ofMinutes(30)).column("x", "W", new double[] {1, 2, 3}).build();
    Table t = s.toTable();
    TimeSeries back = TimeSeries.fromTable(t, "time");
    assertEquals(Duration.ofMinutes(30), back.step());
    assertEquals(T0.plusSeconds(3600), back.time(2));
    assertArrayEquals(new double[] {1, 2, 3}, back.column("x"));
    assertEquals("W", s.units().get(0));
  }

  @Test
  void rejectsMissingValuesNamingColumnAndRow() {
    DataException e = assertThrows(DataException.class,
        () -> TimeSeries.builder(T0, Duration.ofHours(1)).column("x", new double[] {1, Double.NaN}).build());
    assertEquals("x", e.column());
    assertTrue(e.getMessage().contains("row 1") && e.getMessage().contains("NaN"), e.getMessage());
  }

  @Test
  void rejectsIrregularDuplicateOrUnsortedTimes() {
    Table dup = Table.create("dup.csv", InstantColumn.create("time",
        new Instant[] {T0, T0.plusSeconds(60), T0.plusSeconds(60)}), DoubleColumn.create("x", 1, 2, 3));
    DataException e = assertThrows(DataException.class, () -> TimeSeries.fromTable(dup, "time"));
    assertTrue(e.getMessage().contains("duplicates"), e.getMessage());
    Table gap = Table.create("gap.csv", InstantColumn.create("time",
        new Instant[] {T0, T0.plusSeconds(60), T0.plusSeconds(180)}), DoubleColumn.create("x", 1, 2, 3));
    DataException g = assertThrows(DataException.class, () -> TimeSeries.fromTable(gap, "time"));
    assertTrue(g.getMessage().contains("regular step"), g.getMessage());
    Table back = Table.create("back.csv", InstantColumn.create("time",
        new Instant[] {T0, T0.minusSeconds(60)}), DoubleColumn.create("x", 1, 2));
    assertThrows(DataException.class, () -> TimeSeries.fromTable(back, "time"));
  }

  @Test
  void unknownColumnListsTheColumns() {
    TimeSeries s = TimeSeries.builder(T0, Duration.ofHours(1)).column("x", new double[] {1}).build();
    DataException e = assertThrows(DataException.class, () -> s.column("y"));
    assertTrue(e.getMessage().contains("[x]"), e.getMessage());
  }
}
