package org.aoiforecast.core.ageprocess;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Arrays;
import org.aoiforecast.core.DataException;
import org.aoiforecast.core.reading.AsOfAligner;
import org.aoiforecast.core.reading.ReadingSeries;
import org.aoiforecast.core.reading.Source;
import org.apache.commons.math3.distribution.ExponentialDistribution;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.junit.jupiter.api.Test;

class AgeProcessTest {
  private static final long HOUR = 3_600_000L;
  private static final Source SRC = Source.of("s", "v");

  /** n hourly readings from t = 0, delivered instantly. */
  private static ReadingSeries hourly(int n) {
    long[] gen = new long[n];
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      gen[i] = i * HOUR;
      v[i] = i;
    }
    return ReadingSeries.of(SRC, gen, gen, v);
  }

  @Test
  void fixedDelayShiftsEveryArrival() {
    ReadingSeries out = AgeProcess.fixedDelay(Duration.ofMinutes(90)).deliver(hourly(5), 0);
    for (int i = 0; i < 5; i++) {
      assertEquals(i * HOUR + 90 * 60_000L, out.arrivedMillis(i));
    }
    assertThrows(IllegalArgumentException.class, () -> AgeProcess.fixedDelay(Duration.ofSeconds(-1)));
  }

  @Test
  void randomDelayIsReproducibleAndFollowsTheDistribution() {
    AgeProcess p = AgeProcess.randomDelay(new ExponentialDistribution(600));
    ReadingSeries a = p.deliver(hourly(20_000), 42);
    ReadingSeries b = p.deliver(hourly(20_000), 42);
    ReadingSeries c = p.deliver(hourly(20_000), 43);
    assertArrayEquals(a.arrivedMillis(), b.arrivedMillis());
    assertFalse(Arrays.equals(a.arrivedMillis(), c.arrivedMillis()));
    double mean = 0;
    for (int i = 0; i < a.size(); i++) {
      mean += (a.arrivedMillis(i) - a.generatedMillis(i)) / 1000.0;
    }
    mean /= a.size();
    assertEquals(600, mean, 600 * 4 / Math.sqrt(a.size()) * 1.5); // within ~6 standard errors
  }

  @Test
  void negativeRandomDelayIsAnError() {
    AgeProcess p = AgeProcess.randomDelay(new NormalDistribution(0, 10));
    DataException e = assertThrows(DataException.class, () -> p.deliver(hourly(100), 1));
    assertTrue(e.getMessage().contains("non-negative support"), e.getMessage());
  }

  @Test
  void periodicSamplingGivesASawtoothAge() {
    ReadingSeries delivered = AgeProcess.periodicSampling(Duration.ofHours(6), Duration.ofHours(1))
        .deliver(hourly(48), 0);
    assertEquals(8, delivered.size()); // samples at 0, 6, ..., 42 h
    long[] queries = new long[40];
    for (int i = 0; i < queries.length; i++) {
      queries[i] = (i + 1) * HOUR;
    }
    long[] ages = AsOfAligner.builder().source(delivered).build().align(queries).sources().get(0).ageMillis();
    // at query h the freshest delivered sample is the last multiple of 6 h at or before h - 1
    for (int i = 0; i < queries.length; i++) {
      long h = i + 1;
      long sampled = ((h - 1) / 6) * 6;
      assertEquals((h - sampled) * HOUR, ages[i], "query at hour " + h);
    }
  }

  @Test
  void lossDropsAboutTheRequestedFractionReproducibly() {
    AgeProcess p = AgeProcess.fixedDelay(Duration.ZERO).withLoss(0.25);
    ReadingSeries a = p.deliver(hourly(40_000), 7);
    ReadingSeries b = p.deliver(hourly(40_000), 7);
    assertArrayEquals(a.generatedMillis(), b.generatedMillis());
    assertEquals(0.75, a.size() / 40_000.0, 0.01);
    assertThrows(IllegalArgumentException.class, () -> p.withLoss(1.0));
  }

  @Test
  void traceDeliversRecordedReadingsOnly() {
    AgeProcess trace = AgeProcess.trace(new long[] {2 * HOUR, 0}, new long[] {2 * HOUR + 5, 9});
    ReadingSeries out = trace.deliver(hourly(4), 0);
    assertArrayEquals(new long[] {0, 2 * HOUR}, out.generatedMillis());
    assertArrayEquals(new long[] {9, 2 * HOUR + 5}, out.arrivedMillis());
    assertArrayEquals(new double[] {0, 2}, out.values(0));
    DataException e = assertThrows(DataException.class, () -> AgeProcess.trace(new long[] {10}, new long[] {5}));
    assertTrue(e.getMessage().contains("precedes generation"), e.getMessage());
    assertThrows(DataException.class, () -> AgeProcess.trace(new long[] {1, 1}, new long[] {2, 3}));
  }
}
