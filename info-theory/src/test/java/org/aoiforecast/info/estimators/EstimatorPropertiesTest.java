package org.aoiforecast.info.estimators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.aoiforecast.info.Estimators;
import org.aoiforecast.info.testing.GaussianProcess;
import org.junit.jupiter.api.Test;

class EstimatorPropertiesTest {
  /** n samples of (x, y, z), x and y d-dimensional with per-coordinate correlation rho given z. */
  private static double[][][] correlated(int n, int d, double rho, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    double[][] x = new double[n][d];
    double[][] y = new double[n][d];
    for (int i = 0; i < n; i++) {
      for (int c = 0; c < d; c++) {
        double a = r.nextGaussian();
        x[i][c] = a;
        y[i][c] = rho * a + Math.sqrt(1 - rho * rho) * r.nextGaussian();
      }
    }
    return new double[][][] {x, y};
  }

  @Test
  void iidGaussianMutualInformationMatchesClosedForm() {
    for (int d : new int[] {1, 2}) {
      double[][][] v = correlated(10_000, d, 0.6, 5 + d);
      double truth = -0.5 * d * Math.log(1 - 0.36);
      for (int algorithm : new int[] {1, 2}) {
        double est = Estimators.ksg(4).withAlgorithm(algorithm).mutualInformation(v[0], v[1]);
        assertEquals(truth, est, 0.03, "ksg" + algorithm + " d=" + d);
      }
      assertEquals(truth, Estimators.gaussian().mutualInformation(v[0], v[1]), 0.03);
    }
  }

  @Test
  void conditionalMutualInformationMatchesClosedForm() {
    // x = z + a, y = z + b + 0.8 a: given z, x and y are correlated through a only
    SplittableRandom r = new SplittableRandom(9);
    int n = 10_000;
    double[][] x = new double[n][1];
    double[][] y = new double[n][1];
    double[][] z = new double[n][1];
    for (int i = 0; i < n; i++) {
      double zz = r.nextGaussian();
      double a = r.nextGaussian();
      z[i][0] = zz;
      x[i][0] = zz + a;
      y[i][0] = zz + r.nextGaussian() + 0.8 * a;
    }
    double rho = 0.8 / Math.sqrt(1 + 0.64); // partial correlation of x and y given z
    double truth = -0.5 * Math.log(1 - rho * rho);
    assertEquals(truth, Estimators.gaussian().conditionalMutualInformation(x, y, z), 0.02);
    assertEquals(truth, Estimators.ksg(4).conditionalMutualInformation(x, y, z), 0.03);
    assertEquals(truth, Estimators.ksg(4).withAlgorithm(2).conditionalMutualInformation(x, y, z), 0.03);
  }

  @Test
  void kozachenkoLeonenkoEntropyMatchesClosedForm() {
    SplittableRandom r = new SplittableRandom(2);
    int n = 10_000;
    double[][] x = new double[n][3];
    for (double[] row : x) {
      row[0] = 2 * r.nextGaussian();
      row[1] = r.nextGaussian();
      row[2] = 0.5 * r.nextGaussian() + 0.5 * row[1];
    }
    // H = 1/2 log det(2 pi e Sigma) with Sigma = diag(4, [[1, .5], [.5, .5]]), det = 4 * 0.25 = 1
    double truth = 0.5 * 3 * Math.log(2 * Math.PI * Math.E) + 0.5 * Math.log(1.0);
    assertEquals(truth, Estimators.kozachenkoLeonenko(4).entropy(x), 0.05);
    assertEquals(truth, Estimators.ksg(4).entropy(x), 0.05);
    assertEquals(truth, Estimators.gaussian().entropy(x), 0.03);
  }

  @Test
  void resultsDoNotDependOnThreadsAndAreReproducible() {
    double[][][] v = correlated(3000, 2, 0.5, 3);
    KsgEstimator one = Estimators.ksg(4).withThreads(1);
    KsgEstimator two = Estimators.ksg(4).withThreads(2);
    assertEquals(one.mutualInformation(v[0], v[1]), two.mutualInformation(v[0], v[1]), 0.0);
    assertEquals(one.mutualInformation(v[0], v[1]), one.mutualInformation(v[0], v[1]), 0.0);
    double noJitter = one.withJitter(0).mutualInformation(v[0], v[1]);
    assertEquals(one.mutualInformation(v[0], v[1]), noJitter, 1e-3);
  }

  @Test
  void theilerWindowCorrectsTheSampleSizeTerm() {
    // independent samples: MI 0. With W = 50 the eligible neighbours are N - 101; an uncorrected
    // psi(N) term would add about ln(N / (N - 2W - 1)) = 0.106 nats.
    double[][][] v = correlated(1000, 1, 0.0, 17);
    double mi = Estimators.ksg(4).withTheilerWindow(TheilerWindow.of(50)).mutualInformation(v[0], v[1]);
    assertEquals(0.0, mi, 0.03);
    assertTrue(Math.log(1000.0 / 899) > 0.1);
  }

  @Test
  void theilerWindowRemovesFakeDependenceOnTimeSeries() {
    // Three independent AR(1) series (a = 0.95, N = 1000): every MI and CMI is 0. Plain KSG finds
    // each sample's neighbours among its own temporal neighbours, close in every coordinate, and
    // reports dependence; with the window the estimate is near 0 (a small negative bias of order
    // 1 / effective sample size remains; see docs/theory.md).
    GaussianProcess p = GaussianProcess.markov(1, 0.95);
    double plain = 0;
    double windowed = 0;
    int reps = 5;
    for (int rep = 0; rep < reps; rep++) {
      double[][] x = p.sample(1000, 40 + rep);
      double[][] y = p.sample(1000, 400 + rep);
      double[][] z = p.sample(1000, 800 + rep);
      plain += Estimators.ksg(4).conditionalMutualInformation(x, y, z) / reps;
      windowed += Estimators.ksg(4).withTheilerWindow(TheilerWindow.auto()).conditionalMutualInformation(x, y, z) / reps;
    }
    System.out.printf("independent AR(1) a=0.95, N=1000, CMI (truth 0): plain KSG %.4f, Theiler window auto %.4f%n",
        plain, windowed);
    assertTrue(plain > 0.1, "plain KSG should show fake dependence: " + plain);
    assertTrue(Math.abs(windowed) < 0.05 && Math.abs(windowed) < plain / 3, "with the window: " + windowed);
  }

  @Test
  void theilerWindowAutoIsTheDecorrelationTime() {
    double[][] ar = GaussianProcess.markov(1, 0.9).sample(20_000, 1);
    // autocorrelation 0.9^lag falls below 1/e at lag 10
    assertEquals(10, TheilerWindow.auto().resolve(ar), 1);
    assertEquals(0, TheilerWindow.none().resolve(ar));
    assertThrows(IllegalArgumentException.class, () -> TheilerWindow.of(-1));
  }

  @Test
  void discreteEstimatorMatchesExactValues() {
    SplittableRandom r = new SplittableRandom(4);
    int n = 50_000;
    double[][] x = new double[n][1];
    double[][] y = new double[n][1];
    for (int i = 0; i < n; i++) {
      int a = r.nextInt(4);
      x[i][0] = a;
      y[i][0] = r.nextDouble() < 0.8 ? a : r.nextInt(4);
    }
    // P(y = x) = 0.8 + 0.2/4 = 0.85, other three values 0.05 each: H(Y|X) = -(.85 ln .85 + 3 * .05 ln .05)
    double hyx = -(0.85 * Math.log(0.85) + 3 * 0.05 * Math.log(0.05));
    double truth = Math.log(4) - hyx;
    Estimator e = Estimators.discrete();
    assertEquals(Math.log(4), e.entropy(x), 0.005);
    assertEquals(truth, e.mutualInformation(x, y), 0.01);
    assertEquals(0, e.conditionalMutualInformation(x, y, x), 0.01);
    assertEquals(0, e.mutualInformation(x, new double[n][1]), 1e-12);
    // Miller-Madow: a sample of all 8 values once has plug-in ln 8 and correction 7/16
    double[][] eight = new double[8][1];
    for (int i = 0; i < 8; i++) {
      eight[i][0] = i;
    }
    assertEquals(Math.log(8) + 7.0 / 16, e.entropy(eight), 1e-12);
  }

  @Test
  void constantsCarryNoInformation() {
    double[][][] v = correlated(500, 1, 0.7, 1);
    double[][] constant = new double[500][1];
    for (Estimator e : new Estimator[] {Estimators.gaussian(), Estimators.ksg(4)}) {
      assertEquals(0.0, e.mutualInformation(v[0], constant), 0.0, e.name());
      assertEquals(e.mutualInformation(v[0], v[1]), e.conditionalMutualInformation(v[0], v[1], constant), 1e-12);
    }
    IllegalArgumentException h = assertThrows(IllegalArgumentException.class,
        () -> Estimators.kozachenkoLeonenko(4).entropy(constant));
    assertTrue(h.getMessage().contains("constant"), h.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Estimators.gaussian().entropy(constant));
  }

  @Test
  void badInputGetsClearErrors() {
    double[][][] v = correlated(100, 1, 0.5, 1);
    IllegalArgumentException few = assertThrows(IllegalArgumentException.class,
        () -> Estimators.ksg(4).mutualInformation(new double[4][1], new double[4][1]));
    assertTrue(few.getMessage().contains("at least 5"), few.getMessage());
    IllegalArgumentException rows = assertThrows(IllegalArgumentException.class,
        () -> Estimators.ksg(4).mutualInformation(v[0], new double[99][1]));
    assertTrue(rows.getMessage().contains("99 rows"), rows.getMessage());
    double[][] nan = new double[100][1];
    nan[42][0] = Double.NaN;
    IllegalArgumentException n = assertThrows(IllegalArgumentException.class,
        () -> Estimators.gaussian().mutualInformation(v[0], nan));
    assertTrue(n.getMessage().contains("row 42"), n.getMessage());
    double[][] inf = new double[100][1];
    inf[3][0] = Double.POSITIVE_INFINITY;
    assertThrows(IllegalArgumentException.class, () -> Estimators.ksg(4).entropy(inf));
    double[][] dup = new double[100][2];
    for (int i = 0; i < 100; i++) {
      dup[i][0] = v[0][i][0];
      dup[i][1] = 2 * v[0][i][0];
    }
    IllegalArgumentException singular = assertThrows(IllegalArgumentException.class,
        () -> Estimators.gaussian().mutualInformation(dup, v[1]));
    assertTrue(singular.getMessage().contains("singular"), singular.getMessage());
    assertThrows(UnsupportedOperationException.class,
        () -> Estimators.kozachenkoLeonenko(4).mutualInformation(v[0], v[1]));
    assertThrows(IllegalArgumentException.class, () -> Estimators.ksg(0));
    assertThrows(IllegalArgumentException.class, () -> Estimators.ksg(4).withAlgorithm(3));
    IllegalArgumentException theiler = assertThrows(IllegalArgumentException.class,
        () -> Estimators.ksg(4).withTheilerWindow(TheilerWindow.of(60)).mutualInformation(v[0], v[1]));
    assertTrue(theiler.getMessage().contains("Theiler"), theiler.getMessage());
  }
}
