package org.aoiforecast.info.estimators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.stream.Stream;
import org.aoiforecast.info.Estimators;
import org.aoiforecast.info.testing.GaussianProcess;
import org.apache.commons.math3.stat.StatUtils;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Accuracy against closed-form truth on Gaussian processes, separating estimator error from
 * sampling error: on one sample of N = 10,000 the KSG estimates (k = 4, Theiler window auto) must
 * agree with the Gaussian estimate of the same sample within 0.02 nats; the Gaussian estimator
 * must match the closed-form value within the sampling spread (standard deviation) measured over
 * 30 replicate samples: the replicates' mean within 2 standard deviations (the estimator's bias,
 * which for small MI on autocorrelated samples is of the order of its spread, stays inside the
 * spread), and the one sample within 4 standard deviations (small MIs and CMIs have a
 * right-skewed, chi-square-like distribution, so 3 would be too tight for a single draw).
 */
class ClosedFormAccuracyTest {
  private static final int N = 10_000;
  private static final int REPLICATES = 30;

  static Stream<Arguments> cases() {
    return Stream.of(
        Arguments.of("markov", 1), Arguments.of("markov", 2), Arguments.of("markov", 4),
        Arguments.of("seasonal", 1), Arguments.of("seasonal", 2), Arguments.of("seasonal", 4));
  }

  private static GaussianProcess process(String kind, int d) {
    return kind.equals("markov") ? GaussianProcess.markov(d, 0.8) : GaussianProcess.seasonal(d, 0.6, 0.8);
  }

  @ParameterizedTest(name = "{0} d={1}")
  @MethodSource("cases")
  void ksgAgreesWithGaussianAndGaussianWithTruth(String kind, int d) {
    GaussianProcess p = process(kind, d);
    double[][] path = p.sample(N + 60, 11);
    KsgEstimator ksg = Estimators.ksg(4).withTheilerWindow(TheilerWindow.auto());
    GaussianEstimator gauss = Estimators.gaussian();
    for (int delta : new int[] {1, 12, 23}) {
      double[][][] v = GaussianProcess.lagged(path, delta, 1);
      double gMi = gauss.mutualInformation(v[0], v[1]);
      double kMi = ksg.mutualInformation(v[0], v[1]);
      double gCmi = gauss.conditionalMutualInformation(v[0], v[2], v[1]);
      double kCmi = ksg.conditionalMutualInformation(v[0], v[2], v[1]);
      double[] spread = spread(p, delta);
      System.out.printf("%s d=%d delta=%2d  MI truth %.4f gauss %.4f ksg %.4f (replicates: mean %.4f sd %.4f) | CMI"
          + " truth %.4f gauss %.4f ksg %.4f (replicates: mean %.4f sd %.4f)%n", kind, d, delta, p.mutualInformation(delta),
          gMi, kMi, spread[2], spread[0], p.markovGap(delta, 1), gCmi, kCmi, spread[3], spread[1]);
      assertEquals(gMi, kMi, 0.02, "KSG MI vs Gaussian MI on the same sample, delta " + delta);
      assertEquals(gCmi, kCmi, 0.02, "KSG CMI vs Gaussian CMI on the same sample, delta " + delta);
      assertEquals(p.mutualInformation(delta), spread[2], 2 * spread[0], "replicate mean of Gaussian MI");
      assertEquals(p.markovGap(delta, 1), spread[3], 2 * spread[1], "replicate mean of Gaussian CMI");
      assertEquals(p.mutualInformation(delta), gMi, 4 * spread[0], "Gaussian MI vs truth, delta " + delta);
      assertEquals(p.markovGap(delta, 1), gCmi, 4 * spread[1], "Gaussian CMI vs truth, delta " + delta);
    }
  }

  /** Standard deviations and means of the Gaussian MI and CMI estimates over replicate samples. */
  private static double[] spread(GaussianProcess p, int delta) {
    double[] mi = new double[REPLICATES];
    double[] cmi = new double[REPLICATES];
    for (int r = 0; r < REPLICATES; r++) {
      double[][][] v = GaussianProcess.lagged(p.sample(N + 60, 1000 + r), delta, 1);
      mi[r] = Estimators.gaussian().mutualInformation(v[0], v[1]);
      cmi[r] = Estimators.gaussian().conditionalMutualInformation(v[0], v[2], v[1]);
    }
    return new double[] {sd(mi), sd(cmi), StatUtils.mean(mi), StatUtils.mean(cmi)};
  }

  private static double sd(double[] v) {
    double sd = Math.sqrt(StatUtils.variance(v));
    assertTrue(sd > 0);
    return sd;
  }
}
