package org.aoiforecast.info.estimators;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.aoiforecast.info.Estimators;
import org.aoiforecast.info.testing.GaussianProcess;
import org.junit.jupiter.api.Test;

/**
 * The CMI permutation test rejects Markov-ness (5 % level) for the seasonal process at the age
 * where the day-old value matters, and does not reject it for an AR(1) process.
 */
class PermutationTestTest {
  private static final int N = 3000;

  @Test
  void rejectsMarkovForTheSeasonalProcess() {
    double[][][] v = GaussianProcess.lagged(GaussianProcess.seasonal(1, 0.6, 0.8).sample(N, 5), 23, 1);
    KsgEstimator ksg = Estimators.ksg(4).withTheilerWindow(TheilerWindow.auto());
    PermutationTest.Result r = PermutationTest.create().withPermutations(99).withTheilerWindow(TheilerWindow.auto())
        .conditionalMutualInformation(ksg, v[2], v[0], v[1]);
    System.out.println("seasonal: " + r);
    assertTrue(r.rejects(0.05), r.toString());
  }

  @Test
  void doesNotRejectMarkovForAr1() {
    double[][][] v = GaussianProcess.lagged(GaussianProcess.markov(1, 0.9).sample(N, 6), 3, 1);
    KsgEstimator ksg = Estimators.ksg(4).withTheilerWindow(TheilerWindow.auto());
    PermutationTest.Result r = PermutationTest.create().withPermutations(99).withTheilerWindow(TheilerWindow.auto())
        .conditionalMutualInformation(ksg, v[2], v[0], v[1]);
    System.out.println("AR(1): " + r);
    assertFalse(r.rejects(0.05), r.toString());
  }

  @Test
  void blockShuffleKeepsAutocorrelatedIndependentSeriesInsignificant() {
    // two independent AR(1) series: plain shuffling fakes significance of the Gaussian MI, blocks do not
    double[][] a = GaussianProcess.markov(1, 0.97).sample(N, 7);
    double[][] b = GaussianProcess.markov(1, 0.97).sample(N, 8);
    PermutationTest.Result blocks = PermutationTest.create().withPermutations(99).withBlockLength(100)
        .mutualInformation(Estimators.gaussian(), a, b);
    System.out.println("independent AR(1), blocks of 100: " + blocks);
    assertFalse(blocks.rejects(0.05), blocks.toString());
    double[][][] dependent = GaussianProcess.lagged(GaussianProcess.markov(1, 0.9).sample(N, 9), 1, 0);
    assertTrue(PermutationTest.create().withPermutations(99).withBlockLength(100)
        .mutualInformation(Estimators.gaussian(), dependent[0], dependent[1]).rejects(0.05));
  }
}
