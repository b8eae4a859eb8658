package org.aoiforecast.info.loss;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.aoiforecast.info.estimators.TheilerWindow;
import org.junit.jupiter.api.Test;

/** k-NN regression of a linear fit's residual against closed-form minimum mean squared errors. */
class LinearKnnRegressionTest {
  private static final TheilerWindow NONE = TheilerWindow.none();

  /** y = βᵀx + σε over d independent standard normal features: MMSE = σ². */
  private static double[][] linear(int n, int d, double sigma, long seed, double[] y) {
    SplittableRandom r = new SplittableRandom(seed);
    double[] beta = new double[d];
    for (int j = 0; j < d; j++) {
      beta[j] = r.nextDouble(-1, 1);
    }
    double[][] x = new double[n][d];
    for (int i = 0; i < n; i++) {
      double s = 0;
      for (int j = 0; j < d; j++) {
        x[i][j] = r.nextGaussian();
        s += beta[j] * x[i][j];
      }
      y[i] = s + sigma * r.nextGaussian();
    }
    return x;
  }

  @Test
  void wideGaussianFeaturesGiveTheMmseWhereTheProjectionAloneLosesMostOfIt() {
    int n = 6000;
    double[] y = new double[n];
    double[][] x = linear(n, 24, 0.5, 3, y);
    double truth = 0.25;
    LossEstimate residual = ConditionalLosses.linearKnnRegression(10, 8, NONE, 2).estimate(x, y);
    LossEstimate projected = ConditionalLosses.knnRegressionPca(10, 8, NONE, 2).estimate(x, y);
    assertEquals(truth, residual.value(), 0.05 * truth);
    // 16 of 24 equally strong directions are dropped by the projection: the plain estimate sees
    // them as noise
    assertTrue(projected.value() > 4 * truth, "k-NN on the projection alone: " + projected.value());
    assertEquals("linear+knn-regression(k=10, pca=8)", residual.estimator());
    assertEquals(LossEstimate.Kind.ESTIMATE, residual.kind());
  }

  @Test
  void aSteepTrendNoLongerBlursTheNeighbourhoods() {
    // y = 3 x1 + 3 x2 + 0.5 sin(3 x1) + 0.3 ε: the neighbours' mean of a steep target is biased by
    // its slope over the neighbourhood; the residual of the linear fit is flat by comparison
    SplittableRandom r = new SplittableRandom(17);
    int n = 8000;
    double[][] x = new double[n][2];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      x[i][0] = r.nextDouble(-1, 1);
      x[i][1] = r.nextDouble(-1, 1);
      y[i] = 3 * x[i][0] + 3 * x[i][1] + 0.5 * Math.sin(3 * x[i][0]) + 0.3 * r.nextGaussian();
    }
    double truth = 0.09;
    double residual = ConditionalLosses.linearKnnRegression(10, 8, NONE, 2).estimate(x, y).value();
    double plain = ConditionalLosses.knnRegression(10, NONE, 2).estimate(x, y).value();
    double linearBound = ConditionalLosses.linear(Loss.QUADRATIC).estimate(x, y).value();
    assertEquals(truth, residual, 0.05 * truth);
    assertTrue(Math.abs(residual - truth) < Math.abs(plain - truth), "residual " + residual + ", plain " + plain);
    assertTrue(linearBound > 1.2 * truth, "the linear fit alone misses the sine: " + linearBound);
  }

  @Test
  void theInSampleFitsShrinkageIsUndone() {
    // 20 features, 60 samples, y independent of x: the least-squares residuals keep only
    // (60 - 21) / 60 of y's variance; the estimate scales them back to Var y = 1
    double sum = 0;
    int seeds = 40;
    for (int seed = 0; seed < seeds; seed++) {
      SplittableRandom r = new SplittableRandom(100 + seed);
      double[][] x = new double[60][20];
      double[] y = new double[60];
      for (int i = 0; i < 60; i++) {
        for (int j = 0; j < 20; j++) {
          x[i][j] = r.nextGaussian();
        }
        y[i] = r.nextGaussian();
      }
      sum += ConditionalLosses.linearKnnRegression(5, 8, NONE, 1).estimate(x, y).value();
    }
    assertEquals(1.0, sum / seeds, 0.1);
  }

  @Test
  void autoRemovesTheTrendForWideFeaturesOnlyAndNamesTheChoice() {
    assertEquals("linear+knn-regression(k=10, pca=8)",
        ConditionalLosses.auto(Loss.QUADRATIC, 9, NONE, 1).name());
    assertEquals("knn-regression(k=10)", ConditionalLosses.auto(Loss.QUADRATIC, 8, NONE, 1).name());
    assertEquals("linear+knn-regression(k=10, pca=8)",
        ConditionalLosses.named("linear-knn", Loss.QUADRATIC, 0, NONE, 1).name());
  }

  @Test
  void otherLossesAndTooFewSamplesAreRefused() {
    IllegalArgumentException absolute = assertThrows(IllegalArgumentException.class,
        () -> new KnnLoss(Loss.ABSOLUTE, 9, NONE, 1, 0, KnnLoss.Trend.LINEAR));
    assertTrue(absolute.getMessage().contains("quadratic"), absolute.getMessage());
    IllegalArgumentException log = assertThrows(IllegalArgumentException.class,
        () -> ConditionalLosses.named("linear-knn", Loss.LOG, 0, NONE, 1));
    assertTrue(log.getMessage().contains("quadratic"), log.getMessage());
    double[] y = new double[12];
    double[][] x = linear(12, 11, 1, 5, y);
    IllegalArgumentException few = assertThrows(IllegalArgumentException.class,
        () -> ConditionalLosses.linearKnnRegression(2, 8, NONE, 1).estimate(x, y));
    assertTrue(few.getMessage().contains("12 samples are too few for a linear fit on 11 features"), few.getMessage());
  }
}
