package org.aoiforecast.forecasting.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.aoiforecast.forecasting.evaluation.Gaussian;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.junit.jupiter.api.Test;
import org.nd4j.linalg.activations.impl.ActivationIdentity;
import org.nd4j.linalg.api.buffer.DataType;
import org.nd4j.linalg.api.ndarray.INDArray;
import org.nd4j.linalg.factory.Nd4j;

/** The Gaussian head's loss against the closed-form likelihood and its gradient against differences. */
class GaussianNllTest {
  private static final GaussianNll LOSS = new GaussianNll();
  private static final double[][] OUT = {{0.2, -1.0}, {-1.5, 0.3}, {3.0, 2.5}, {0.0, -8.0}};
  private static final double[] Y = {0.5, -2.0, -1.0, 0.001};

  private static INDArray out() {
    return Nd4j.create(OUT).castTo(DataType.DOUBLE);
  }

  private static INDArray labels() {
    return Nd4j.create(Y, new long[] {Y.length, 1}).castTo(DataType.DOUBLE);
  }

  @Test
  void scaleIsSoftplusAboveTheFloor() {
    assertEquals(Math.log(2) + GaussianNll.SCALE_FLOOR, GaussianNll.standardDeviation(0), 1e-15);
    assertEquals(50 + GaussianNll.SCALE_FLOOR, GaussianNll.standardDeviation(50), 1e-12);
    assertEquals(1000 + GaussianNll.SCALE_FLOOR, GaussianNll.standardDeviation(1000), 1e-9); // no overflow
    assertEquals(GaussianNll.SCALE_FLOOR, GaussianNll.standardDeviation(-800), 1e-15);
  }

  @Test
  void scoreIsTheGaussianNegativeLogLikelihood() {
    INDArray scores = LOSS.computeScoreArray(labels(), out(), new ActivationIdentity(), null);
    double sum = 0;
    for (int i = 0; i < Y.length; i++) {
      double expected = Gaussian.logLoss(Y[i], OUT[i][0], GaussianNll.standardDeviation(OUT[i][1]));
      assertEquals(expected, scores.getDouble(i, 0), 1e-12);
      assertEquals(expected, GaussianNll.negativeLogLikelihood(Y[i], OUT[i][0],
          GaussianNll.standardDeviation(OUT[i][1])), 1e-12);
      sum += expected;
    }
    assertEquals(sum, LOSS.computeScore(labels(), out(), new ActivationIdentity(), null, false), 1e-12);
    assertEquals(sum / Y.length, LOSS.computeScore(labels(), out(), new ActivationIdentity(), null, true), 1e-12);
    // a mask of one value per sample weights the samples
    INDArray mask = Nd4j.create(new double[] {1, 0, 1, 0}, new long[] {4, 1}).castTo(DataType.DOUBLE);
    assertEquals(scores.getDouble(0, 0) + scores.getDouble(2, 0),
        LOSS.computeScore(labels(), out(), new ActivationIdentity(), mask, false), 1e-12);
  }

  @Test
  void gradientMatchesFiniteDifferences() {
    INDArray g = LOSS.computeGradientAndScore(labels(), out(), new ActivationIdentity(), null, false).getSecond();
    double h = 1e-6;
    for (int i = 0; i < OUT.length; i++) {
      for (int j = 0; j < 2; j++) {
        INDArray plus = out();
        plus.putScalar(i, j, OUT[i][j] + h);
        INDArray minus = out();
        minus.putScalar(i, j, OUT[i][j] - h);
        double numeric = (LOSS.computeScore(labels(), plus, new ActivationIdentity(), null, false)
            - LOSS.computeScore(labels(), minus, new ActivationIdentity(), null, false)) / (2 * h);
        assertEquals(numeric, g.getDouble(i, j), 1e-5 * Math.max(1, Math.abs(numeric)), "sample " + i + " output " + j);
      }
    }
    assertEquals(LOSS.computeGradient(labels(), out(), new ActivationIdentity(), null),
        LOSS.computeGradientAndScore(labels(), out(), new ActivationIdentity(), null, true).getSecond());
  }

  @Test
  void theLikelihoodIsLeastAtTheTrueMeanAndSpread() {
    // for a sample of N(1, 0.5²) outcomes the mean loss is least near m = 1, σ = 0.5
    java.util.SplittableRandom random = new java.util.SplittableRandom(3);
    int n = 20_000;
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = 1 + 0.5 * random.nextGaussian();
    }
    double best = mean(y, 1, 0.5);
    assertTrue(best < mean(y, 1.1, 0.5) && best < mean(y, 0.9, 0.5) && best < mean(y, 1, 0.6)
        && best < mean(y, 1, 0.4));
    assertEquals(0.5 * Math.log(2 * Math.PI * Math.E * 0.25), best, 0.02);
  }

  private static double mean(double[] y, double m, double sd) {
    double s = 0;
    for (double v : y) {
      s += GaussianNll.negativeLogLikelihood(v, m, sd);
    }
    return s / y.length;
  }

  @Test
  void shapesAreChecked() {
    INDArray one = Nd4j.create(new double[][] {{1}, {2}}).castTo(DataType.DOUBLE);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> LOSS.computeScore(one, one, new ActivationIdentity(), null, true));
    assertTrue(e.getMessage().contains("2 outputs (mean, scale)"), e.getMessage());
    IllegalArgumentException l = assertThrows(IllegalArgumentException.class,
        () -> LOSS.computeScore(out(), out(), new ActivationIdentity(), null, true));
    assertTrue(l.getMessage().contains("one label column"), l.getMessage());
  }

  @Test
  void networkConfigurationWithTheLossSurvivesJson() {
    NetworkConfig config = NetworkConfig.builder().hidden(4).head(OutputHead.GAUSSIAN).build();
    MultiLayerConfiguration conf = Networks.build(config, InputLayout.of(Architecture.MLP, 1, 3, 1))
        .getLayerWiseConfigurations();
    MultiLayerConfiguration back = MultiLayerConfiguration.fromJson(conf.toJson());
    assertEquals(conf, back);
    assertTrue(conf.toJson().contains(GaussianNll.class.getName()));
  }
}
