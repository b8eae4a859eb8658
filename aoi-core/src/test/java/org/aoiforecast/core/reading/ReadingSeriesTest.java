package org.aoiforecast.core.reading;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.aoiforecast.core.DataException;
import org.junit.jupiter.api.Test;

class ReadingSeriesTest {
  private final Source weather = Source.builder("weather").column("temp", "C").column("rh", "%").build();

  @Test
  void sourceKnowsItsColumnsAndUnits() {
    assertEquals(List.of("temp", "rh"), weather.columns());
    assertEquals(List.of("C", "%"), weather.units());
    assertEquals(1, weather.columnIndex("rh"));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> weather.columnIndex("wind"));
    assertTrue(e.getMessage().contains("[temp, rh]"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Source.of("x"));
    assertThrows(IllegalArgumentException.class, () -> Source.of("x", "a", "a"));
    assertThrows(IllegalArgumentException.class, () -> Source.of(" ", "a"));
    assertThrows(IllegalArgumentException.class, () -> Source.builder("x").period(Duration.ZERO));
  }

  @Test
  void roundTripsReadingsAndArrays() {
    long[] gen = {0, 1000, 2000};
    long[] arr = {500, 3000, 2500};
    ReadingSeries s = ReadingSeries.of(weather, gen, arr, new double[] {1, 2, 3}, new double[] {10, 20, 30});
    assertFalse(s.arrivalsInOrder());
    List<Reading> readings = s.readings();
    assertEquals(3, readings.size());
    assertEquals(Instant.ofEpochMilli(1000), readings.get(1).generated());
    assertEquals(Instant.ofEpochMilli(3000), readings.get(1).arrived());
    assertArrayEquals(new double[] {2, 20}, readings.get(1).values());
    ReadingSeries back = ReadingSeries.of(weather, readings);
    assertArrayEquals(gen, back.generatedMillis());
    assertArrayEquals(arr, back.arrivedMillis());
    assertArrayEquals(new double[] {10, 20, 30}, back.values(1));
    assertEquals(Duration.ofSeconds(4), readings.get(1).ageAt(Instant.ofEpochSecond(5)));
  }

  @Test
  void rejectsUnsortedGenerationTimes() {
    DataException e = assertThrows(DataException.class,
        () -> ReadingSeries.of(weather, new long[] {0, 2000, 1000}, new long[] {0, 2000, 1000},
            new double[3], new double[3]));
    assertTrue(e.getMessage().contains("reading 2") && e.getMessage().contains("precedes reading 1"), e.getMessage());
  }

  @Test
  void rejectsDuplicateGenerationTimes() {
    DataException e = assertThrows(DataException.class,
        () -> ReadingSeries.of(weather, new long[] {0, 1000, 1000}, new long[] {0, 1000, 1000},
            new double[3], new double[3]));
    assertTrue(e.getMessage().contains("duplicates reading 1"), e.getMessage());
  }

  @Test
  void rejectsArrivalBeforeGeneration() {
    DataException e = assertThrows(DataException.class,
        () -> ReadingSeries.of(weather, new long[] {0, 1000}, new long[] {0, 999}, new double[2], new double[2]));
    assertTrue(e.getMessage().contains("reading 1 arrives at") && e.getMessage().contains("before it is generated"),
        e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> new Reading(weather, Instant.ofEpochSecond(10), Instant.ofEpochSecond(9), 1, 2));
  }

  @Test
  void rejectsNonFiniteValuesNamingTheColumn() {
    DataException e = assertThrows(DataException.class,
        () -> ReadingSeries.of(weather, new long[] {0, 1000}, new long[] {0, 1000}, new double[2],
            new double[] {1, Double.NaN}));
    assertEquals("rh", e.column());
    assertTrue(e.getMessage().contains("reading 1"), e.getMessage());
  }

  @Test
  void rejectsMismatchedLengths() {
    assertThrows(DataException.class,
        () -> ReadingSeries.of(weather, new long[] {0, 1000}, new long[] {0}, new double[2], new double[2]));
    assertThrows(DataException.class,
        () -> ReadingSeries.of(weather, new long[] {0, 1000}, new long[] {0, 1000}, new double[2]));
    assertThrows(DataException.class,
        () -> ReadingSeries.of(weather, new long[] {0, 1000}, new long[] {0, 1000}, new double[2], new double[3]));
  }
}
