package org.aoiforecast.info.estimators;

import java.util.Arrays;
import org.aoiforecast.info.knn.Boundary;
import org.aoiforecast.info.knn.KdTree;
import org.aoiforecast.info.knn.RangeCounter;
import org.apache.commons.math3.random.Well19937c;

/**
 * Kraskov-Stögbauer-Grassberger (KSG) mutual information, algorithms 1 and 2, and the matching
 * conditional mutual information (Frenzel-Pompe), with the max norm and {@code k} neighbours.
 *
 * <p>Per sample {@code i} with {@code ε_i} the distance to its k-th neighbour in the joint space,
 * counts {@code n} taken in the marginal spaces and {@code N_i} the number of samples eligible as
 * neighbours of {@code i} plus one ({@code N} without a Theiler window):
 * <ul>
 *   <li>MI, algorithm 1: {@code ψ(k) + ψ(N_i) − ψ(n_x + 1) − ψ(n_y + 1)}, counts of distances
 *       {@code < ε_i};
 *   <li>MI, algorithm 2: {@code ψ(k) − 1/k + ψ(N_i) − ψ(n_x) − ψ(n_y)}, counts of distances
 *       {@code <= ε_x(i)} (resp. {@code ε_y(i)}), the largest marginal distance among the k
 *       neighbours;
 *   <li>CMI, algorithm 1: {@code ψ(k) − ψ(n_xz + 1) − ψ(n_yz + 1) + ψ(n_z + 1)};
 *   <li>CMI, algorithm 2: {@code ψ(k) − 2/k + ψ(n_z) − ψ(n_xz) + 1/n_xz − ψ(n_yz) + 1/n_yz}
 *       with rectangle counts ({@code x} within {@code ε_x}, {@code z} within {@code ε_z}).
 * </ul>
 * The estimate is the mean over samples; {@link #localMutualInformation} returns the terms.
 *
 * <p><b>Preparation.</b> Each column is standardised (mean 0, sd 1), then a Gaussian jitter of
 * amplitude {@code 1e-8} sd (seeded, default seed 0) breaks ties between equal values, which
 * would otherwise make distances zero and counts ambiguous; {@link #withJitter(double)} with 0
 * turns it off. A constant column carries no information and is left out (MI with a constant is
 * 0).
 *
 * <p><b>Time series.</b> A {@link TheilerWindow} excludes the {@code W} rows on each side of a
 * sample from its neighbours and from every marginal count, and replaces {@code ψ(N)} by
 * {@code ψ(N_i)} with {@code N_i = N − (number of excluded rows)}; leaving the count term
 * uncorrected would bias MI upward by about {@code ln(N / (N − 2W − 1))}. The default is no
 * window (independent samples).
 *
 * <p><b>Cost.</b> A k-d tree in the joint space gives the neighbours, k-d trees (or a sorted array
 * for one dimension) in the marginal spaces give the counts by subtree sizes: O(N log N) overall in
 * low dimensions, no distance matrix. Samples are processed on {@link #threads()} threads;
 * results do not depend on the thread count.
 */
public final class KsgEstimator implements Estimator {
  private static final double DEFAULT_JITTER = 1e-8;

  private final int k;
  private final int algorithm;
  private final TheilerWindow theiler;
  private final double jitter;
  private final long seed;
  private final int threads;

  private KsgEstimator(int k, int algorithm, TheilerWindow theiler, double jitter, long seed, int threads) {
    if (k < 1) {
      throw new IllegalArgumentException("k must be at least 1, got " + k);
    }
    if (algorithm != 1 && algorithm != 2) {
      throw new IllegalArgumentException("the KSG algorithm is 1 or 2, got " + algorithm);
    }
    if (!(jitter >= 0) || Double.isInfinite(jitter)) {
      throw new IllegalArgumentException("the jitter must be >= 0, got " + jitter);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    this.k = k;
    this.algorithm = algorithm;
    this.theiler = theiler;
    this.jitter = jitter;
    this.seed = seed;
    this.threads = threads;
  }

  /**
   * @param k neighbours
   * @return algorithm 1, no Theiler window, jitter 1e-8, seed 0, all available processors
   */
  public static KsgEstimator create(int k) {
    return new KsgEstimator(k, 1, TheilerWindow.none(), DEFAULT_JITTER, 0, Runtime.getRuntime().availableProcessors());
  }

  /**
   * @param algorithm 1 or 2
   * @return a copy using that KSG algorithm
   */
  public KsgEstimator withAlgorithm(int algorithm) {
    return new KsgEstimator(k, algorithm, theiler, jitter, seed, threads);
  }

  /**
   * @param window the Theiler window for time series
   * @return a copy using it
   */
  public KsgEstimator withTheilerWindow(TheilerWindow window) {
    return new KsgEstimator(k, algorithm, java.util.Objects.requireNonNull(window), jitter, seed, threads);
  }

  /**
   * @param amplitude the tie-breaking noise in standard deviations; 0 turns it off
   * @return a copy using it
   */
  public KsgEstimator withJitter(double amplitude) {
    return new KsgEstimator(k, algorithm, theiler, amplitude, seed, threads);
  }

  /**
   * @param seed seed of the jitter
   * @return a copy using it
   */
  public KsgEstimator withSeed(long seed) {
    return new KsgEstimator(k, algorithm, theiler, jitter, seed, threads);
  }

  /**
   * @param threads threads to process samples on, at least 1
   * @return a copy using them
   */
  public KsgEstimator withThreads(int threads) {
    return new KsgEstimator(k, algorithm, theiler, jitter, seed, threads);
  }

  /** @return the number of neighbours */
  public int k() {
    return k;
  }

  /** @return 1 or 2 */
  public int algorithm() {
    return algorithm;
  }

  /** @return the Theiler window */
  public TheilerWindow theilerWindow() {
    return theiler;
  }

  /** @return the jitter amplitude in standard deviations */
  public double jitter() {
    return jitter;
  }

  /** @return the thread count */
  public int threads() {
    return threads;
  }

  @Override
  public String name() {
    return "ksg" + algorithm + "(k=" + k + (theiler == TheilerWindow.none() ? "" : ", theiler=" + theiler) + ")";
  }

  /** The Kozachenko-Leonenko entropy with this estimator's k, window, jitter and threads. */
  @Override
  public double entropy(double[][] x) {
    return KozachenkoLeonenkoEstimator.create(k).withTheilerWindow(theiler).withJitter(jitter).withSeed(seed)
        .withThreads(threads).entropy(x);
  }

  @Override
  public double mutualInformation(double[][] x, double[][] y) {
    return mean(localMutualInformation(x, y));
  }

  @Override
  public double conditionalMutualInformation(double[][] x, double[][] y, double[][] z) {
    return mean(localConditionalMutualInformation(x, y, z));
  }

  /**
   * The per-sample terms of the MI estimate (their mean is the estimate); useful for bootstrap
   * intervals and local information.
   *
   * @param x samples of X
   * @param y samples of Y
   * @return one term per sample, in nats
   */
  public double[] localMutualInformation(double[][] x, double[][] y) {
    int n = Samples.checkPaired(k + 1, "KSG with k = " + k, new String[] {"x", "y"}, x, y);
    int[] cx = Samples.varyingColumns(x);
    int[] cy = Samples.varyingColumns(y);
    if (cx.length == 0 || cy.length == 0) {
      return new double[n]; // a constant shares no information
    }
    int w = theiler.resolve(x, y);
    requireEligible(n, w);
    Well19937c random = new Well19937c(seed);
    double[][] xs = Samples.standardize(x, cx, jitter, random, null);
    double[][] ys = Samples.standardize(y, cy, jitter, random, null);
    KdTree joint = new KdTree(Samples.join(xs, ys));
    RangeCounter countX = RangeCounter.of(xs);
    RangeCounter countY = RangeCounter.of(ys);
    Digamma psi = new Digamma(n + 1);
    double[] local = new double[n];
    double psiK = psi.at(k);
    int[] order = joint.spatialOrder(); // neighbouring queries in turn: cache-friendly
    Parallel.forRange(n, threads, () -> new Scratch(k, cx.length, cy.length, 0), (from, to, s) -> {
      for (int q = from; q < to; q++) {
        int i = order[q];
        joint.nearest(i, w, s.neighbours);
        int eligible = n - excludedRows(i, w, n) + 1;
        if (algorithm == 1) {
          double eps = s.neighbours.kthDistance();
          Arrays.fill(s.rx, eps);
          Arrays.fill(s.ry, eps);
          // max(0, .): with eps = 0 (exact ties, jitter off) not even the sample itself is counted
          int nx = Math.max(0, count(countX, i, s.rx, Boundary.OPEN, w, n) - 1);
          int ny = Math.max(0, count(countY, i, s.ry, Boundary.OPEN, w, n) - 1);
          local[i] = psiK + psi.at(eligible) - psi.at(nx + 1) - psi.at(ny + 1);
        } else {
          Arrays.fill(s.rx, maxDistance(xs, i, s.neighbours));
          Arrays.fill(s.ry, maxDistance(ys, i, s.neighbours));
          int nx = count(countX, i, s.rx, Boundary.CLOSED, w, n) - 1;
          int ny = count(countY, i, s.ry, Boundary.CLOSED, w, n) - 1;
          local[i] = psiK - 1.0 / k + psi.at(eligible) - psi.at(nx) - psi.at(ny);
        }
      }
    });
    return local;
  }

  /**
   * The per-sample terms of the CMI estimate (their mean is the estimate).
   *
   * @param x samples of X
   * @param y samples of Y
   * @param z samples of the conditioning variable Z
   * @return one term per sample, in nats
   */
  public double[] localConditionalMutualInformation(double[][] x, double[][] y, double[][] z) {
    int n = Samples.checkPaired(k + 1, "KSG with k = " + k, new String[] {"x", "y", "z"}, x, y, z);
    int[] cx = Samples.varyingColumns(x);
    int[] cy = Samples.varyingColumns(y);
    int[] cz = Samples.varyingColumns(z);
    if (cx.length == 0 || cy.length == 0) {
      return new double[n];
    }
    if (cz.length == 0) {
      return localMutualInformation(x, y); // conditioning on a constant changes nothing
    }
    int w = theiler.resolve(x, y, z);
    requireEligible(n, w);
    Well19937c random = new Well19937c(seed);
    double[][] xs = Samples.standardize(x, cx, jitter, random, null);
    double[][] ys = Samples.standardize(y, cy, jitter, random, null);
    double[][] zs = Samples.standardize(z, cz, jitter, random, null);
    KdTree joint = new KdTree(Samples.join(xs, ys, zs));
    RangeCounter countXz = RangeCounter.of(Samples.join(xs, zs));
    RangeCounter countYz = RangeCounter.of(Samples.join(ys, zs));
    RangeCounter countZ = RangeCounter.of(zs);
    Digamma psi = new Digamma(n + 1);
    double psiK = psi.at(k);
    int dx = cx.length;
    int dy = cy.length;
    int dz = cz.length;
    double[] local = new double[n];
    int[] order = joint.spatialOrder();
    Parallel.forRange(n, threads, () -> new Scratch(k, dx + dz, dy + dz, dz), (from, to, s) -> {
      for (int q = from; q < to; q++) {
        int i = order[q];
        joint.nearest(i, w, s.neighbours);
        if (algorithm == 1) {
          double eps = s.neighbours.kthDistance();
          Arrays.fill(s.rx, eps);
          Arrays.fill(s.ry, eps);
          Arrays.fill(s.rz, eps);
          int nxz = Math.max(0, count(countXz, i, s.rx, Boundary.OPEN, w, n) - 1);
          int nyz = Math.max(0, count(countYz, i, s.ry, Boundary.OPEN, w, n) - 1);
          int nz = Math.max(0, count(countZ, i, s.rz, Boundary.OPEN, w, n) - 1);
          local[i] = psiK - psi.at(nxz + 1) - psi.at(nyz + 1) + psi.at(nz + 1);
        } else {
          double ex = maxDistance(xs, i, s.neighbours);
          double ey = maxDistance(ys, i, s.neighbours);
          double ez = maxDistance(zs, i, s.neighbours);
          Arrays.fill(s.rx, 0, dx, ex);
          Arrays.fill(s.rx, dx, dx + dz, ez);
          Arrays.fill(s.ry, 0, dy, ey);
          Arrays.fill(s.ry, dy, dy + dz, ez);
          Arrays.fill(s.rz, ez);
          int nxz = count(countXz, i, s.rx, Boundary.CLOSED, w, n) - 1;
          int nyz = count(countYz, i, s.ry, Boundary.CLOSED, w, n) - 1;
          int nz = count(countZ, i, s.rz, Boundary.CLOSED, w, n) - 1;
          local[i] = psiK - 2.0 / k + psi.at(nz) - psi.at(nxz) + 1.0 / nxz - psi.at(nyz) + 1.0 / nyz;
        }
      }
    });
    return local;
  }

  /** Per-task buffers: the neighbour list and the box half-widths of the marginal spaces. */
  private static final class Scratch {
    final KdTree.Neighbours neighbours;
    final double[] rx;
    final double[] ry;
    final double[] rz;

    Scratch(int k, int dx, int dy, int dz) {
      neighbours = new KdTree.Neighbours(k);
      rx = new double[dx];
      ry = new double[dy];
      rz = new double[dz];
    }
  }

  private void requireEligible(int n, int w) {
    if (n - 2 * w - 1 < k) {
      throw new IllegalArgumentException(n + " samples are too few for k = " + k + " with a Theiler window of " + w
          + ": each sample needs k neighbours outside the window, so at least " + (k + 2 * w + 1) + " samples");
    }
  }

  /** Rows excluded around i (itself included): those with |i - j| <= w. */
  static int excludedRows(int i, int w, int n) {
    return Math.min(n - 1, i + w) - Math.max(0, i - w) + 1;
  }

  /** Count in the box minus the Theiler-window rows (other than i itself) that fall in it. */
  static int count(RangeCounter counter, int i, double[] radius, Boundary boundary, int w, int n) {
    int c = counter.count(i, radius, boundary);
    if (w > 0) {
      int lo = Math.max(0, i - w);
      int hi = Math.min(n - 1, i + w);
      for (int j = lo; j <= hi; j++) {
        if (j != i && counter.within(i, j, radius, boundary)) {
          c--;
        }
      }
    }
    return c;
  }

  /** The largest max-norm distance, in the given space, from sample i to its neighbours. */
  static double maxDistance(double[][] space, int i, KdTree.Neighbours neighbours) {
    double[] a = space[i];
    double m = 0;
    for (int r = 0; r < neighbours.found(); r++) {
      double[] b = space[neighbours.row(r)];
      for (int c = 0; c < a.length; c++) {
        double d = Math.abs(a[c] - b[c]);
        if (d > m) {
          m = d;
        }
      }
    }
    return m;
  }

  static double mean(double[] v) {
    double s = 0;
    for (double a : v) {
      s += a;
    }
    return s / v.length;
  }

  @Override
  public String toString() {
    return name();
  }
}
