package org.aoiforecast.info.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.aoiforecast.info.estimators.TheilerWindow;
import org.aoiforecast.info.testing.GaussianProcess;
import org.junit.jupiter.api.Test;

/** H_L(Y|X) estimators against closed-form values. */
class ConditionalLossTest {
  private static final TheilerWindow AUTO = TheilerWindow.auto();

  /** AR(1), a = 0.8, N = 10,000: y = x_t, X = x_{t-δ}; MMSE = (1 - a^{2δ}) / (1 - a²). */
  private static double[][][] ar1(int delta) {
    double[][] path = GaussianProcess.markov(1, 0.8).sample(10_000 + delta, 21);
    return GaussianProcess.lagged(path, delta, 0);
  }

  private static double[] column(double[][] m) {
    double[] v = new double[m.length];
    for (int i = 0; i < v.length; i++) {
      v[i] = m[i][0];
    }
    return v;
  }

  @Test
  void quadraticEstimatorsRecoverTheMmseOfAGaussianProcess() {
    GaussianProcess p = GaussianProcess.markov(1, 0.8);
    for (int delta : new int[] {1, 3}) {
      double[][][] v = ar1(delta);
      double truth = p.mmse(delta);
      double[] y = column(v[0]);
      LossEstimate linear = ConditionalLosses.linear(Loss.QUADRATIC).estimate(v[1], y);
      LossEstimate knn = ConditionalLosses.knnRegression(10, AUTO, 2).estimate(v[1], y);
      LossEstimate ridge = ConditionalLosses.ridgeCv(5, AUTO).estimate(v[1], y);
      assertEquals(truth, linear.value(), 0.05 * truth, "linear, delta " + delta);
      assertEquals(truth, knn.value(), 0.10 * truth, "knn, delta " + delta);
      assertEquals(truth, ridge.value(), 0.05 * truth, "ridge, delta " + delta);
      assertEquals(LossEstimate.Kind.UPPER_BOUND, linear.kind());
      assertEquals(LossEstimate.Kind.ESTIMATE, knn.kind());
      assertEquals("knn-regression(k=10)", knn.estimator());
    }
  }

  @Test
  void logAndAbsoluteLossesRecoverTheirClosedForms() {
    GaussianProcess p = GaussianProcess.markov(1, 0.8);
    double[][][] v = ar1(2);
    double mmse = p.mmse(2);
    double[] y = column(v[0]);
    double entropy = 0.5 * Math.log(2 * Math.PI * Math.E * mmse);
    assertEquals(entropy, ConditionalLosses.ksg(4, AUTO, 2).estimate(v[1], y).value(), 0.05);
    assertEquals(entropy, ConditionalLosses.linear(Loss.LOG).estimate(v[1], y).value(), 0.03);
    double mae = Math.sqrt(2 * mmse / Math.PI);
    assertEquals(mae, ConditionalLosses.knnMedian(9, AUTO, 2).estimate(v[1], y).value(), 0.10 * mae);
  }

  @Test
  void nearestNeighboursSeeNonlinearDependenceThatTheLinearBoundMisses() {
    SplittableRandom r = new SplittableRandom(8);
    int n = 8000;
    double[][] x = new double[n][1];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i][0] = 2 * r.nextDouble() - 1;
      y[i] = Math.sin(3 * x[i][0]) * Math.sin(3 * x[i][0]) + 0.3 * r.nextGaussian();
    }
    double truth = 0.09;
    double knn = ConditionalLosses.knnRegression(10).estimate(x, y).value();
    double linear = ConditionalLosses.linear(Loss.QUADRATIC).estimate(x, y).value();
    assertEquals(truth, knn, 0.15 * truth);
    assertTrue(linear > 1.5 * truth, "the linear bound cannot follow sin²: " + linear);
  }

  @Test
  void resamplingTheTermsReproducesTheValue() {
    double[][][] v = ar1(1);
    LossEstimate e = ConditionalLosses.linear(Loss.LOG).estimate(v[1], column(v[0]));
    int[] all = new int[e.size()];
    for (int i = 0; i < all.length; i++) {
      all[i] = i;
    }
    assertEquals(e.value(), e.resample(all), 1e-12);
  }

  @Test
  void unsupportedCombinationsAndBadInputAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> ConditionalLosses.linear(Loss.ABSOLUTE));
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ConditionalLosses.knnRegression(10).estimate(new double[5][1], new double[5]));
    assertTrue(e.getMessage().contains("too few"), e.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> ConditionalLosses.linear(Loss.QUADRATIC).estimate(new double[50][1], new double[49]));
    assertEquals(Loss.LOG, Loss.parse("entropy"));
    assertThrows(IllegalArgumentException.class, () -> Loss.parse("hinge"));
  }
}
