package org.aoiforecast.forecasting.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicInteger;
import org.aoiforecast.core.TimeSeries;
import org.aoiforecast.core.dataset.AgeEncoding;
import org.aoiforecast.core.dataset.AgeSet;
import org.aoiforecast.core.dataset.AgedDataset;
import org.aoiforecast.core.dataset.AgedDatasetSpec;
import org.junit.jupiter.api.Test;

/** The linear path's age-varying coefficients, and the parallel map that trains networks side by side. */
class LinearBaseTest {
  private static final double C = 3;

  /**
   * {@code y[t] = C x[t-1]} with {@code x} white noise. At age 1 the feature is {@code x[t-1]}: the
   * best forecast is {@code C x}; at age 2 the feature is independent of the target: the best
   * forecast is 0. The coefficient {@code C (2 - a)} is linear in the (linear) age encoding, so the
   * pooled path finds both, and halfway at age 1.5.
   */
  @Test
  void fitsCoefficientsThatVaryWithTheAge() {
    int n = 20_000;
    double[] x = new SplittableRandom(5).doubles(n).map(v -> Math.sqrt(12) * (v - 0.5)).toArray(); // variance 1
    double[] y = new double[n];
    for (int t = 1; t < n; t++) {
      y[t] = C * x[t - 1];
    }
    TimeSeries s = TimeSeries.builder(Instant.parse("2021-01-01T00:00:00Z"), Duration.ofHours(1))
        .column("x", x).column("y", y).build();
    AgedDataset pooled = AgedDataset.of(s, AgedDatasetSpec.builder().target("y").sources("x").ages(AgeSet.of(1, 2))
        .ageEncoding(AgeEncoding.linear()).build());
    LinearBase base = LinearBase.fit(pooled);
    assertEquals(1, base.valueFeatures());
    assertEquals(1, base.ageWidth());
    for (double v : new double[] {-1.4, 0.1, 1.3}) {
      assertEquals(C * v, base.predict(new double[] {v, 1}), 1e-3, "age 1");
      assertEquals(0, base.predict(new double[] {v, 2}), 0.1, "age 2");
      assertEquals(C * v / 2, base.predict(new double[] {v, 1.5}), 0.06, "age 1.5, never trained");
    }
    double[] rows = base.predict(pooled, new int[] {0, pooled.firstRowOf(1)});
    assertEquals(base.predict(pooled.features(0)), rows[0], 1e-12);
    LinearBase copy = LinearBase.of(base.valueFeatures(), base.sources(), base.ageWidth(), base.coefficients());
    assertEquals(base, copy);
    assertThrows(IllegalArgumentException.class, () -> LinearBase.of(2, 1, 1, new double[3]));
    assertThrows(IllegalArgumentException.class, () -> LinearBase.of(1, 1, 1, new double[] {0, 1, Double.NaN, 0}));
  }

  @Test
  void withoutTheAgeInputItIsPlainRegressionOnTheValues() {
    int n = 5000;
    SplittableRandom r = new SplittableRandom(6);
    double[] a = r.doubles(n).map(v -> Math.sqrt(12) * v).toArray();
    double[] b = r.doubles(n).map(v -> Math.sqrt(12) * v).toArray();
    double[] y = new double[n];
    for (int t = 1; t < n; t++) {
      y[t] = 1.5 + 2 * a[t - 1] - b[t - 1];
    }
    TimeSeries s = TimeSeries.builder(Instant.parse("2021-01-01T00:00:00Z"), Duration.ofHours(1))
        .column("a", a).column("b", b).column("y", y).build();
    LinearBase base = LinearBase.fit(AgedDataset.of(s, AgedDatasetSpec.builder().target("y").sources("a", "b")
        .age(1).build()));
    assertEquals(0, base.ageWidth());
    double[] c = base.coefficients();
    assertEquals(3, c.length);
    assertEquals(1.5, c[0], 1e-3);
    assertEquals(2, c[1], 1e-3);
    assertEquals(-1, c[2], 1e-3);
  }

  @Test
  void parallelMapKeepsIndexOrderAndRethrows() {
    AtomicInteger calls = new AtomicInteger();
    List<Integer> squares = Parallel.map(20, 2, i -> {
      calls.incrementAndGet();
      return i * i;
    });
    assertEquals(20, calls.get());
    for (int i = 0; i < 20; i++) {
      assertEquals(i * i, squares.get(i));
    }
    IllegalStateException e = assertThrows(IllegalStateException.class, () -> Parallel.map(5, 2, i -> {
      if (i == 3) {
        throw new IllegalStateException("task 3");
      }
      return i;
    }));
    assertEquals("task 3", e.getMessage());
    assertTrue(Parallel.map(0, 2, i -> i).isEmpty());
  }
}
