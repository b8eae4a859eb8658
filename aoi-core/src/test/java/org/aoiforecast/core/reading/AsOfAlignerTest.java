package org.aoiforecast.core.reading;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.aoiforecast.core.DataException;
import org.junit.jupiter.api.RepeatedTest;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class AsOfAlignerTest {
  private static final Source METER = Source.of("meter", "power");

  private static ReadingSeries series(long[] gen, long[] arr) {
    double[] v = new double[gen.length];
    for (int i = 0; i < v.length; i++) {
      v[i] = 100 + i;
    }
    return ReadingSeries.of(METER, gen, arr, v);
  }

  @Test
  void picksTheFreshestArrivedReadingAndItsAge() {
    ReadingSeries s = series(new long[] {0, 10, 20, 30}, new long[] {5, 15, 25, 35});
    Alignment a = AsOfAligner.builder().source(s).missing(MissingPolicy.DROP_ROW).build()
        .align(new long[] {4, 5, 14, 15, 40});
    assertArrayEquals(new long[] {5, 14, 15, 40}, a.queryMillis());
    assertArrayEquals(new int[] {1, 2, 3, 4}, a.queryPositions());
    SourceAlignment m = a.source("meter");
    assertArrayEquals(new int[] {0, 0, 1, 3}, m.readingIndex());
    assertArrayEquals(new long[] {5, 14, 5, 10}, m.ageMillis());
    assertArrayEquals(new double[] {100, 100, 101, 103}, m.values(0));
  }

  @Test
  void handlesOutOfOrderArrival() {
    // reading 2 (generated at 20) overtakes reading 1 (generated at 10)
    ReadingSeries s = series(new long[] {0, 10, 20}, new long[] {1, 50, 25});
    Alignment a = AsOfAligner.builder().source(s).build().align(new long[] {24, 25, 49, 50});
    assertArrayEquals(new int[] {0, 2, 2, 2}, a.source("meter").readingIndex());
    assertArrayEquals(new long[] {24, 5, 29, 30}, a.source("meter").ageMillis());
  }

  @Test
  void windowIsCompleteOnlyWhenAllItsReadingsArrived() {
    ReadingSeries s = series(new long[] {0, 10, 20}, new long[] {1, 50, 25});
    AsOfAligner aligner = AsOfAligner.builder().source(s).window(2).missing(MissingPolicy.DROP_ROW).build();
    Alignment a = aligner.align(new long[] {30, 50});
    // at 30 the window (readings 1, 2) lacks reading 1: dropped; at 50 it is complete
    assertArrayEquals(new long[] {50}, a.queryMillis());
    assertEquals(102, a.source("meter").value(0, 0, 0));
    assertEquals(101, a.source("meter").value(0, 1, 0));
    DataException e = assertThrows(DataException.class,
        () -> AsOfAligner.builder().source(s).window(2).build().align(new long[] {30}));
    assertTrue(e.getMessage().contains("has not arrived yet") && e.getMessage().contains("meter"), e.getMessage());
  }

  @Test
  void errorPolicyNamesQueryAndReason() {
    ReadingSeries s = series(new long[] {10, 20}, new long[] {10, 20});
    DataException e = assertThrows(DataException.class,
        () -> AsOfAligner.builder().source(s).build().align(new long[] {5}));
    assertTrue(e.getMessage().contains("no reading has arrived yet") && e.getMessage().contains("query 0"),
        e.getMessage());
    DataException e2 = assertThrows(DataException.class,
        () -> AsOfAligner.builder().source(s).window(3).build().align(new long[] {30}));
    assertTrue(e2.getMessage().contains("fewer than 3 readings"), e2.getMessage());
  }

  @Test
  void detectsLostReadingsInsideTheWindowWhenThePeriodIsKnown() {
    Source periodic = Source.builder("p").column("v", "").period(Duration.ofMillis(10)).build();
    ReadingSeries s = ReadingSeries.of(periodic, new long[] {0, 10, 30, 40}, new long[] {0, 10, 30, 40},
        new double[] {1, 2, 3, 4});
    Alignment a = AsOfAligner.builder().source(s).window(2).missing(MissingPolicy.DROP_ROW).build()
        .align(new long[] {15, 35, 45});
    assertArrayEquals(new long[] {15, 45}, a.queryMillis()); // at 35 the window (10, 30) lost the reading at 20
    DataException e = assertThrows(DataException.class,
        () -> AsOfAligner.builder().source(s).window(2).build().align(new long[] {35}));
    assertTrue(e.getMessage().contains("was lost"), e.getMessage());
  }

  @Test
  void rejectsUnsortedQueries() {
    ReadingSeries s = series(new long[] {0}, new long[] {0});
    DataException e = assertThrows(DataException.class,
        () -> AsOfAligner.builder().source(s).build().align(new long[] {5, 4}));
    assertTrue(e.getMessage().contains("query 1"), e.getMessage());
  }

  @Test
  void dropsARowForAllSourcesWhenOneLacksData() {
    ReadingSeries a = series(new long[] {0, 10}, new long[] {0, 10});
    ReadingSeries b = ReadingSeries.of(Source.of("other", "x"), new long[] {8}, new long[] {9}, new double[] {7});
    Alignment al = AsOfAligner.builder().source(a).source(b).missing(MissingPolicy.DROP_ROW).build()
        .align(List.of(Instant.ofEpochMilli(5), Instant.ofEpochMilli(12)));
    assertEquals(1, al.size());
    assertEquals(Instant.ofEpochMilli(12), al.queryTime(0));
    assertEquals(Duration.ofMillis(4), al.source("other").age(0));
  }

  @Test
  void tableHasTimeValuesWindowAndAgeColumns() {
    ReadingSeries s = series(new long[] {0, 10, 20}, new long[] {0, 10, 20});
    Table t = AsOfAligner.builder().source(s).window(2).build().align(new long[] {25}).toTable();
    assertEquals(List.of("time", "meter.power", "meter.power[-1]", "meter.generated", "meter.age_ms"),
        t.columnNames());
    assertEquals(102.0, t.doubleColumn("meter.power").get(0));
    assertEquals(101.0, t.doubleColumn("meter.power[-1]").get(0));
    assertEquals(5L, t.longColumn("meter.age_ms").get(0));
  }

  /** Property: for random readings and queries the result equals a brute-force search. */
  @RepeatedTest(25)
  void equalsBruteForce(org.junit.jupiter.api.RepetitionInfo info) {
    SplittableRandom random = new SplittableRandom(1234 + info.getCurrentRepetition());
    int n = 1 + random.nextInt(60);
    long[] gen = new long[n];
    long[] arr = new long[n];
    long t = random.nextInt(5);
    for (int i = 0; i < n; i++) {
      t += 1 + random.nextInt(4);
      gen[i] = t;
      arr[i] = t + (random.nextBoolean() ? 0 : random.nextInt(15)); // overtaking happens
    }
    Source src = random.nextBoolean() ? METER
        : Source.builder("meter").column("power", "").period(Duration.ofMillis(2)).build();
    double[] v = random.doubles(n).toArray();
    ReadingSeries s = ReadingSeries.of(src, gen, arr, v);
    int u = 1 + random.nextInt(4);
    long[] queries = random.longs(1 + random.nextInt(80), 0, t + 20).sorted().toArray();

    Alignment a = AsOfAligner.builder().source(s).window(u).missing(MissingPolicy.DROP_ROW).build().align(queries);

    List<Integer> keptPositions = new ArrayList<>();
    List<Integer> expectedIndex = new ArrayList<>();
    for (int q = 0; q < queries.length; q++) {
      int best = -1;
      for (int i = 0; i < n; i++) {
        if (arr[i] <= queries[q] && (best < 0 || gen[i] > gen[best])) {
          best = i;
        }
      }
      boolean complete = best >= u - 1;
      for (int j = 0; complete && j < u; j++) {
        complete = arr[best - j] <= queries[q];
        if (complete && j > 0 && src.period().isPresent()) {
          complete = gen[best - j + 1] - gen[best - j] <= 3; // at most 1.5 periods
        }
      }
      if (complete) {
        keptPositions.add(q);
        expectedIndex.add(best);
      }
    }
    assertArrayEquals(keptPositions.stream().mapToInt(Integer::intValue).toArray(), a.queryPositions());
    SourceAlignment m = a.source("meter");
    for (int r = 0; r < a.size(); r++) {
      int best = expectedIndex.get(r);
      assertEquals(best, m.readingIndex(r));
      assertEquals(queries[keptPositions.get(r)] - gen[best], m.ageMillis(r));
      for (int lag = 0; lag < u; lag++) {
        assertEquals(v[best - lag], m.value(0, lag, r), () -> Arrays.toString(gen));
      }
    }
  }
}
