package org.aoiforecast.info;

import java.util.Arrays;
import org.aoiforecast.info.loss.LossEstimate;
import org.apache.commons.math3.random.Well19937c;

/**
 * The moving-block bootstrap of the profile's confidence intervals: each resample concatenates
 * random blocks of consecutive samples, which keeps the serial dependence of a time series
 * inside each block.
 *
 * <p>One block-length rule, used for every curve and reported with the profile: the given length
 * if positive, otherwise {@code max(ceil(N^(1/3)), 2W + 1)} for {@code N} samples and a Theiler
 * window {@code W} (long enough to hold the dependence the neighbour estimators exclude), never
 * more than {@code N}.
 */
final class BlockBootstrap {
  private final int replicates;
  private final double confidence;
  private final int requestedBlock;

  BlockBootstrap(int replicates, double confidence, int requestedBlock) {
    this.replicates = replicates;
    this.confidence = confidence;
    this.requestedBlock = requestedBlock;
  }

  /** The block length for {@code n} samples and Theiler window {@code w} (see the class comment). */
  int blockLength(int n, int w) {
    int b = requestedBlock > 0 ? requestedBlock : Math.max((int) Math.ceil(Math.cbrt(n)), 2 * w + 1);
    return Math.min(b, n);
  }

  /**
   * Draws the resamples of a curve, shared by all its ages so that the intervals of different
   * ages come from the same resampled targets.
   */
  int[][] resamples(int n, int w, long seed) {
    return resamples(n, blockLength(n, w), replicates, new Well19937c(seed));
  }

  /** Moving-block bootstrap: each resample concatenates random blocks of consecutive rows. */
  static int[][] resamples(int n, int block, int replicates, Well19937c random) {
    int[][] out = new int[replicates][n];
    int starts = n - block + 1;
    for (int r = 0; r < replicates; r++) {
      int p = 0;
      while (p < n) {
        int s = random.nextInt(starts);
        for (int i = 0; i < block && p < n; i++) {
          out[r][p++] = s + i;
        }
      }
    }
    return out;
  }

  /**
   * The percentile interval of one estimate, widened to contain the estimate itself.
   *
   * @return {lower, upper}
   */
  double[] interval(LossEstimate estimate, int[][] resamples) {
    double[] boot = new double[resamples.length];
    for (int r = 0; r < resamples.length; r++) {
      boot[r] = estimate.resample(resamples[r]);
    }
    Arrays.sort(boot);
    double alpha = (1 - confidence) / 2;
    double value = estimate.value();
    return new double[] {Math.min(value, quantile(boot, alpha)), Math.max(value, quantile(boot, 1 - alpha))};
  }

  private static double quantile(double[] sorted, double q) {
    double pos = q * (sorted.length - 1);
    int lo = (int) Math.floor(pos);
    int hi = Math.min(sorted.length - 1, lo + 1);
    return sorted[lo] + (pos - lo) * (sorted[hi] - sorted[lo]);
  }
}
