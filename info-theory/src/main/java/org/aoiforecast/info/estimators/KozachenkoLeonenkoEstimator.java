package org.aoiforecast.info.estimators;

import org.aoiforecast.info.knn.KdTree;
import org.apache.commons.math3.random.Well19937c;

/**
 * The Kozachenko-Leonenko k-nearest-neighbour estimator of differential entropy, max norm:
 * {@code H = <ψ(N_i)> − ψ(k) + d <ln(2 ε_i)> + Σ_c ln σ_c}, with {@code ε_i} the distance from
 * sample {@code i} to its k-th neighbour among the standardised samples (whose max-norm ball of
 * radius ε has volume {@code (2ε)^d}), {@code σ_c} the standard deviations removed by the
 * standardisation and {@code N_i} as in {@link KsgEstimator} ({@code N} without a Theiler window).
 *
 * <p>Neighbours come from a k-d tree: O(N log N) in low dimensions. The same jitter and Theiler
 * window options as {@link KsgEstimator}. Entropy only: for MI and CMI use
 * {@link org.aoiforecast.info.Estimators#ksg(int)}, whose terms are designed to cancel the biases
 * that a difference of separate entropy estimates would keep.
 */
public final class KozachenkoLeonenkoEstimator implements Estimator {
  private final int k;
  private final TheilerWindow theiler;
  private final double jitter;
  private final long seed;
  private final int threads;

  private KozachenkoLeonenkoEstimator(int k, TheilerWindow theiler, double jitter, long seed, int threads) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1, got " + k);
    }
    if (!(jitter >= 0) || Double.isInfinite(jitter)) {
      throw new IllegalArgumentException("the jitter must be >= 0, got " + jitter);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    this.k = k;
    this.theiler = theiler;
    this.jitter = jitter;
    this.seed = seed;
    this.threads = threads;
  }

  /**
   * @param k neighbours
   * @return no Theiler window, jitter 1e-8, seed 0, all available processors
   */
  public static KozachenkoLeonenkoEstimator create(int k) {
    return new KozachenkoLeonenkoEstimator(k, TheilerWindow.none(), 1e-8, 0, Runtime.getRuntime().availableProcessors());
  }

  /**
   * @param window the Theiler window for time series
   * @return a copy using it
   */
  public KozachenkoLeonenkoEstimator withTheilerWindow(TheilerWindow window) {
    return new KozachenkoLeonenkoEstimator(k, java.util.Objects.requireNonNull(window), jitter, seed, threads);
  }

  /**
   * @param amplitude tie-breaking noise in standard deviations; 0 turns it off
   * @return a copy using it
   */
  public KozachenkoLeonenkoEstimator withJitter(double amplitude) {
    return new KozachenkoLeonenkoEstimator(k, theiler, amplitude, seed, threads);
  }

  /**
   * @param seed seed of the jitter
   * @return a copy using it
   */
  public KozachenkoLeonenkoEstimator withSeed(long seed) {
    return new KozachenkoLeonenkoEstimator(k, theiler, jitter, seed, threads);
  }

  /**
   * @param threads threads to process samples on
   * @return a copy using them
   */
  public KozachenkoLeonenkoEstimator withThreads(int threads) {
    return new KozachenkoLeonenkoEstimator(k, theiler, jitter, seed, threads);
  }

  @Override
  public String name() {
    return "kl(k=" + k + (theiler == TheilerWindow.none() ? "" : ", theiler=" + theiler) + ")";
  }

  @Override
  public double entropy(double[][] x) {
    return KsgEstimator.mean(localEntropy(x));
  }

  /**
   * The per-sample terms of the entropy estimate (their mean is the estimate).
   *
   * @param x samples
   * @return one term per sample, in nats
   */
  public double[] localEntropy(double[][] x) {
    int n = Samples.checkPaired(k + 1, "Kozachenko-Leonenko with k = " + k, new String[] {"x"}, x);
    int d = x[0].length;
    for (int c = 0; c < d; c++) {
      if (Samples.isConstant(x, c)) {
        throw new IllegalArgumentException("x: column " + c + " is constant; its differential entropy is -infinity"
            + " (a point mass): remove it");
      }
    }
    int w = theiler.resolve(x);
    if (n - 2 * w - 1 < k) {
      throw new IllegalArgumentException(n + " samples are too few for k = " + k + " with a Theiler window of " + w
          + "; at least " + (k + 2 * w + 1) + " are needed");
    }
    int[] all = new int[d];
    for (int c = 0; c < d; c++) {
      all[c] = c;
    }
    double[] logScales = new double[d];
    double[][] xs = Samples.standardize(x, all, jitter, new Well19937c(seed), logScales);
    double logScale = 0;
    for (double l : logScales) {
      logScale += l;
    }
    KdTree tree = new KdTree(xs);
    Digamma psi = new Digamma(n + 1);
    double psiK = psi.at(k);
    double[] local = new double[n];
    double offset = logScale - psiK;
    int[] order = tree.spatialOrder();
    Parallel.forRange(n, threads, () -> new KdTree.Neighbours(k), (from, to, nb) -> {
      for (int q = from; q < to; q++) {
        int i = order[q];
        tree.nearest(i, w, nb);
        double eps = nb.kthDistance();
        if (!(eps > 0)) {
          throw new IllegalArgumentException("sample " + i + " has " + k + " exact duplicates: the entropy of a"
              + " distribution with atoms is -infinity; use the discrete estimator or turn the jitter on");
        }
        int eligible = n - KsgEstimator.excludedRows(i, w, n) + 1;
        local[i] = psi.at(eligible) + offset + d * Math.log(2 * eps);
      }
    });
    return local;
  }

  @Override
  public double mutualInformation(double[][] x, double[][] y) {
    throw new UnsupportedOperationException("the Kozachenko-Leonenko estimator computes entropy only; "
        + "for mutual information use Estimators.ksg(k)");
  }

  @Override
  public double conditionalMutualInformation(double[][] x, double[][] y, double[][] z) {
    throw new UnsupportedOperationException("the Kozachenko-Leonenko estimator computes entropy only; "
        + "for conditional mutual information use Estimators.ksg(k)");
  }

  @Override
  public String toString() {
    return name();
  }
}
