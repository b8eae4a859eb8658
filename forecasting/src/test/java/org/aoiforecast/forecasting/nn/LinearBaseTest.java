package org.aoiforecast.forecasting.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
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

/** The linear path's two forms of age-varying coefficients, and the parallel map that trains networks side by side. */
class LinearBaseTest {
  private static final double C = 3;
  private static final double PHI = 0.8;
  private static final Instant T0 = Instant.parse("2021-01-01T00:00:00Z");

  /**
   * {@code y[t] = C x[t-1]} with {@code x} white noise. At age 1 the feature is {@code x[t-1]}: the
   * best forecast is {@code C x}; at age 2 the feature is independent of the target: the best
   * forecast is 0. The coefficient {@code C (2 - a)} is linear in the (linear) age encoding, so the
   * age-linear path finds both, and halfway at age 1.5; so does the per-age path, by interpolation.
   */
  @Test
  void fitsCoefficientsThatVaryWithTheAge() {
    int n = 20_000;
    double[] x = new SplittableRandom(5).doubles(n).map(v -> Math.sqrt(12) * (v - 0.5)).toArray(); // variance 1
    double[] y = new double[n];
    for (int t = 1; t < n; t++) {
      y[t] = C * x[t - 1];
    }
    TimeSeries s = TimeSeries.builder(T0, Duration.ofHours(1)).column("x", x).column("y", y).build();
    AgedDataset pooled = AgedDataset.of(s, AgedDatasetSpec.builder().target("y").sources("x").ages(AgeSet.of(1, 2))
        .ageEncoding(AgeEncoding.linear()).build());
    for (LinearPath path : new LinearPath[] {LinearPath.AGE_LINEAR, LinearPath.PER_AGE}) {
      LinearBase base = LinearBase.fit(pooled, path);
      assertEquals(path, base.path());
      assertEquals(1, base.valueFeatures());
      for (double v : new double[] {-1.4, 0.1, 1.3}) {
        assertEquals(C * v, base.predict(new double[] {v, 1}, new double[] {1}, 0), 1e-3, path + " age 1");
        assertEquals(0, base.predict(new double[] {v, 2}, new double[] {2}, 0), 0.1, path + " age 2");
        assertEquals(C * v / 2, base.predict(new double[] {v, 1.5}, new double[] {1.5}, 0), 0.06,
            path + " age 1.5, never trained");
      }
      double[] rows = base.predict(pooled, new int[] {0, pooled.firstRowOf(1)});
      assertEquals(base.predict(pooled.features(0), new double[] {1}, 0), rows[0], 1e-12);
      assertEquals(base.predict(pooled.features(pooled.firstRowOf(1)), new double[] {2}, 0), rows[1], 1e-12);
    }
    LinearBase ageLinear = LinearBase.fit(pooled, LinearPath.AGE_LINEAR);
    assertEquals(ageLinear, LinearBase.ageLinear(pooled.spec(), ageLinear.coefficients()));
    LinearBase perAge = LinearBase.fit(pooled, LinearPath.PER_AGE);
    assertEquals(perAge, LinearBase.perAge(pooled.spec(), perAge.coefficients()));
    assertNotEquals(perAge, ageLinear);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LinearBase.perAge(pooled.spec(), new double[3]));
    assertEquals("a PER_AGE linear path over this layout has 4 coefficients, got 3", e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> LinearBase.ageLinear(pooled.spec(), new double[] {0, 1, Double.NaN, 0}));
    assertThrows(IllegalArgumentException.class, () -> LinearBase.fit(pooled, LinearPath.NONE));
  }

  /**
   * An AR(1) series {@code x} with coefficient φ, forecast from its own reading {@code a} steps old:
   * the best linear forecast is {@code φ^a x[t-a]}, not linear in any age encoding. The per-age
   * path finds {@code φ^a} at every trained age, interpolates between them, holds the last one
   * beyond, and equals the per-age least-squares fits, age by age.
   */
  @Test
  void perAgeCoefficientsAreEachAgesLeastSquaresFit() {
    TimeSeries s = ar1("x", PHI, 40_000, 7);
    AgedDataset pooled = AgedDataset.of(s, AgedDatasetSpec.builder().target("x").sources("x")
        .ages(AgeSet.of(1, 2, 3, 4, 6)).build().withAgeInput());
    LinearBase base = LinearBase.fit(pooled, LinearPath.PER_AGE);
    double[] f = new double[pooled.featureCount()];
    f[0] = 1; // the freshest reading; the older ones in the window carry nothing more
    for (int a : new int[] {1, 2, 3, 4, 6}) {
      double intercept = base.predict(new double[f.length], new double[] {a}, 0);
      assertEquals(0, intercept, 0.03, "intercept at age " + a);
      assertEquals(Math.pow(PHI, a), base.predict(f, new double[] {a}, 0) - intercept, 0.02, "age " + a);
    }
    double at2 = base.predict(f, new double[] {2}, 0);
    double at3 = base.predict(f, new double[] {3}, 0);
    assertEquals(0.25 * at2 + 0.75 * at3, base.predict(f, new double[] {2.75}, 0), 1e-12, "interpolated");
    assertEquals(base.predict(f, new double[] {6}, 0), base.predict(f, new double[] {9}, 0), 0, "held beyond");
    assertEquals(base.predict(f, new double[] {1}, 0), base.predict(f, new double[] {0.5}, 0), 0, "held below");
    for (int k = 0; k < pooled.ageVectorCount(); k++) {
      AgedDataset one = pooled.forAgeVector(k);
      LinearBase alone = LinearBase.fit(one, LinearPath.PER_AGE);
      double[] rows = new SplittableRandom(k).ints(50, 0, one.size()).mapToDouble(i -> i).toArray();
      for (double r : rows) {
        int row = (int) r;
        assertEquals(alone.over(one).predict(row), base.over(pooled).predict(pooled.firstRowOf(k) + row),
            1e-9, "age vector " + k + ", row " + row);
      }
    }
  }

  /**
   * Two independent AR(1) sources with different φ and {@code y = x1 + x2}: with per-source ages
   * the best forecast is {@code φ1^a1 x1 + φ2^a2 x2}, each source's coefficient following its own
   * age whatever the other's.
   */
  @Test
  void perSourceAgesGiveEachSourceItsOwnCoefficients() {
    int n = 40_000;
    TimeSeries a = ar1("p", 0.9, n, 11);
    TimeSeries b = ar1("q", 0.5, n, 12);
    double[] y = new double[n];
    for (int t = 0; t < n; t++) {
      y[t] = a.column("p")[t] + b.column("q")[t];
    }
    TimeSeries s = TimeSeries.builder(T0, Duration.ofHours(1)).column("p", a.column("p"))
        .column("q", b.column("q")).column("y", y).build();
    List<int[]> vectors = List.of(new int[] {1, 1}, new int[] {1, 3}, new int[] {3, 1}, new int[] {3, 3},
        new int[] {2, 2});
    AgedDataset pooled = AgedDataset.of(s, AgedDatasetSpec.builder().target("y").sources("p", "q")
        .ageVectors(vectors).build().withAgeInput());
    LinearBase base = LinearBase.fit(pooled, LinearPath.PER_AGE);
    double[] zero = new double[pooled.featureCount()];
    double[] p = zero.clone();
    p[0] = 1;
    double[] q = zero.clone();
    q[1] = 1;
    for (int[] v : vectors) {
      double[] ages = {v[0], v[1]};
      double c = base.predict(zero, ages, 0);
      assertEquals(Math.pow(0.9, v[0]), base.predict(p, ages, 0) - c, 0.03, "p at " + v[0] + " with q at " + v[1]);
      assertEquals(Math.pow(0.5, v[1]), base.predict(q, ages, 0) - c, 0.03, "q at " + v[1] + " with p at " + v[0]);
    }
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
    TimeSeries s = TimeSeries.builder(T0, Duration.ofHours(1)).column("a", a).column("b", b).column("y", y).build();
    AgedDataset data = AgedDataset.of(s, AgedDatasetSpec.builder().target("y").sources("a", "b").age(1).build());
    double[] c = LinearBase.fit(data, LinearPath.AGE_LINEAR).coefficients();
    assertEquals(3, c.length); // intercept, a, b
    assertEquals(1.5, c[0], 1e-3);
    assertEquals(2, c[1], 1e-3);
    assertEquals(-1, c[2], 1e-3);
    double[] k = LinearBase.fit(data, LinearPath.PER_AGE).coefficients();
    assertEquals(3, k.length); // a, b, then the intercept
    assertEquals(2, k[0], 1e-3);
    assertEquals(-1, k[1], 1e-3);
    assertEquals(1.5, k[2], 1e-3);
  }

  /** Pooled over horizons, a source's knots are its lead times (age + horizon), as its age input. */
  @Test
  void overHorizonsTheKnotsAreLeadTimes() {
    TimeSeries s = ar1("x", PHI, 20_000, 9);
    AgedDataset pooled = AgedDataset.of(s, AgedDatasetSpec.builder().target("x").sources("x")
        .ages(AgeSet.of(1, 2)).horizons(AgeSet.of(0, 1, 2)).build().withAgeInput());
    LinearBase base = LinearBase.fit(pooled, LinearPath.PER_AGE);
    int u = pooled.spec().window();
    assertEquals(4 * (u + 1), base.size(), "knots 1..4: the window's values and one intercept each");
    double[] f = new double[pooled.featureCount()];
    f[0] = 1;
    for (int lead = 1; lead <= 4; lead++) {
      double c = base.predict(new double[f.length], new double[] {lead}, 0);
      assertEquals(Math.pow(PHI, lead), base.predict(f, new double[] {lead}, 0) - c, 0.03, "lead " + lead);
    }
    assertEquals(base.predict(f, new double[] {3}, 0), base.predict(f, new double[] {1}, 2), 1e-12,
        "age 1 at horizon 2 is lead time 3");
  }

  @Test
  void pathsAreNamedAsCommandLinesAndModelFilesNameThem() {
    assertEquals(LinearPath.AGE_LINEAR, LinearPath.ofOption("age-linear"));
    assertEquals(LinearPath.AGE_LINEAR, LinearPath.ofOption("Ridge"));
    assertEquals(LinearPath.PER_AGE, LinearPath.ofOption("per-age"));
    assertEquals(LinearPath.NONE, LinearPath.ofOption("none"));
    assertEquals("unknown linear path 'cubic'; expected age-linear, per-age or none",
        assertThrows(IllegalArgumentException.class, () -> LinearPath.ofOption("cubic")).getMessage());
    assertEquals(LinearPath.AGE_LINEAR, LinearPath.parse("RIDGE"));
    assertEquals(LinearPath.PER_AGE, LinearPath.parse("PER_AGE"));
  }

  @Test
  void hatWeightsInterpolateBetweenKnots() {
    double[] knots = {1, 2, 4};
    int[] k = new int[2];
    double[] w = new double[2];
    assertEquals(1, AgeKnotBasis.hat(knots, 2, k, w));
    assertEquals(1, k[0]);
    assertEquals(2, AgeKnotBasis.hat(knots, 3.5, k, w));
    assertEquals(1, k[0]);
    assertEquals(2, k[1]);
    assertEquals(0.25, w[0], 1e-15);
    assertEquals(0.75, w[1], 1e-15);
    assertEquals(1, AgeKnotBasis.hat(knots, 0.2, k, w));
    assertEquals(0, k[0]);
    assertEquals(1, AgeKnotBasis.hat(knots, 7, k, w));
    assertEquals(2, k[0]);
    assertEquals(1, AgeKnotBasis.hat(new double[] {0}, 7, k, w));
    assertEquals(0, k[0]);
  }

  /** An AR(1) series of unit innovations, {@code x[t] = φ x[t-1] + e[t]}. */
  private static TimeSeries ar1(String name, double phi, int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] x = new double[n];
    for (int t = 1; t < n; t++) {
      x[t] = phi * x[t - 1] + Math.sqrt(12) * (r.nextDouble() - 0.5);
    }
    return TimeSeries.builder(T0, Duration.ofHours(1)).column(name, x).build();
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
