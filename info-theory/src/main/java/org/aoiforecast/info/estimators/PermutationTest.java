package org.aoiforecast.info.estimators;

import java.util.Objects;
import org.aoiforecast.info.knn.KdTree;
import org.apache.commons.math3.random.Well19937c;

/**
 * Significance of a mutual information or conditional mutual information estimate by
 * permutation: how often does the estimate on data with the dependence destroyed reach the
 * observed one?
 *
 * <ul>
 *   <li><b>MI</b> {@code I(X;Y)}: the rows of Y are permuted in blocks of {@link #blockLength}
 *       consecutive rows (block length 1 is a plain shuffle). For time series use blocks about as
 *       long as the autocorrelation time: shuffling single rows destroys the autocorrelation, which
 *       makes the null distribution too narrow and fakes significance.
 *   <li><b>CMI</b> {@code I(X;Y|Z)}: X is permuted locally, each sample taking the X of one of its
 *       {@link #neighbours} nearest neighbours in Z (Runge 2018, "conditional mutual information
 *       based conditional independence test"), which keeps the dependence of X on Z that the null
 *       hypothesis allows. Neighbours within the Theiler window in time are not used, so that a
 *       sample is not swapped with its own near-copy.
 * </ul>
 * The p-value is {@code (1 + #{null >= observed}) / (1 + permutations)}. Deterministic for a seed.
 */
public final class PermutationTest {
  private final int permutations;
  private final int blockLength;
  private final int neighbours;
  private final TheilerWindow theiler;
  private final long seed;

  private PermutationTest(int permutations, int blockLength, int neighbours, TheilerWindow theiler, long seed) {
    if (permutations < 1 || blockLength < 1 || neighbours < 1) {
      throw new IllegalArgumentException("permutations, block length and neighbours must be at least 1");
    }
    this.permutations = permutations;
    this.blockLength = blockLength;
    this.neighbours = neighbours;
    this.theiler = Objects.requireNonNull(theiler);
    this.seed = seed;
  }

  /** @return 200 permutations, block length 1, 5 neighbours, no Theiler window, seed 0 */
  public static PermutationTest create() {
    return new PermutationTest(200, 1, 5, TheilerWindow.none(), 0);
  }

  /**
   * @param permutations the number of permuted data sets
   * @return a copy using it
   */
  public PermutationTest withPermutations(int permutations) {
    return new PermutationTest(permutations, blockLength, neighbours, theiler, seed);
  }

  /**
   * @param rows block length for the MI test
   * @return a copy using it
   */
  public PermutationTest withBlockLength(int rows) {
    return new PermutationTest(permutations, rows, neighbours, theiler, seed);
  }

  /**
   * @param k neighbours in Z for the CMI test's local permutation
   * @return a copy using it
   */
  public PermutationTest withNeighbours(int k) {
    return new PermutationTest(permutations, blockLength, k, theiler, seed);
  }

  /**
   * @param window temporal exclusion for the CMI test's neighbours
   * @return a copy using it
   */
  public PermutationTest withTheilerWindow(TheilerWindow window) {
    return new PermutationTest(permutations, blockLength, neighbours, window, seed);
  }

  /**
   * @param seed the permutations' seed
   * @return a copy using it
   */
  public PermutationTest withSeed(long seed) {
    return new PermutationTest(permutations, blockLength, neighbours, theiler, seed);
  }

  /** @return the block length of the MI test */
  public int blockLength() {
    return blockLength;
  }

  /** @return the neighbours of the CMI test */
  public int neighbours() {
    return neighbours;
  }

  /**
   * The outcome of a test.
   *
   * @param observed the estimate on the data, nats
   * @param pValue the permutation p-value
   * @param nullMean mean of the estimates on permuted data
   * @param nullStd their standard deviation
   * @param permutations number of permutations
   */
  public record Result(double observed, double pValue, double nullMean, double nullStd, int permutations) {
    /**
     * @param alpha the level, e.g. 0.05
     * @return true when the independence hypothesis is rejected at that level
     */
    public boolean rejects(double alpha) {
      return pValue <= alpha;
    }
  }

  /**
   * Tests {@code I(X;Y) = 0}.
   *
   * @param estimator the estimator
   * @param x samples of X, rows in time order when blocks are used
   * @param y samples of Y
   * @return the result
   */
  public Result mutualInformation(Estimator estimator, double[][] x, double[][] y) {
    int n = Samples.checkPaired(2, "a permutation test", new String[] {"x", "y"}, x, y);
    double observed = estimator.mutualInformation(x, y);
    Well19937c random = new Well19937c(seed);
    double[] nulls = new double[permutations];
    for (int p = 0; p < permutations; p++) {
      int[] order = blockPermutation(n, blockLength, random);
      nulls[p] = estimator.mutualInformation(x, rows(y, order));
    }
    return result(observed, nulls);
  }

  /**
   * Tests {@code I(X;Y|Z) = 0} (conditional independence).
   *
   * @param estimator the estimator
   * @param x samples of X (the variable permuted locally)
   * @param y samples of Y
   * @param z samples of Z, rows in time order when a Theiler window is used
   * @return the result
   */
  public Result conditionalMutualInformation(Estimator estimator, double[][] x, double[][] y, double[][] z) {
    int n = Samples.checkPaired(neighbours + 2, "a local permutation test", new String[] {"x", "y", "z"}, x, y, z);
    double observed = estimator.conditionalMutualInformation(x, y, z);
    int[] cz = Samples.varyingColumns(z);
    Well19937c random = new Well19937c(seed);
    int[][] candidates = null;
    if (cz.length > 0) {
      int w = theiler.resolve(z);
      if (n - 2 * w - 1 < neighbours) {
        throw new IllegalArgumentException(n + " samples are too few for " + neighbours
            + " neighbours outside a Theiler window of " + w);
      }
      KdTree tree = new KdTree(Samples.standardize(z, cz, 1e-8, new Well19937c(seed + 1), null));
      candidates = new int[n][neighbours];
      KdTree.Neighbours nb = new KdTree.Neighbours(neighbours);
      for (int i = 0; i < n; i++) {
        tree.nearest(i, w, nb);
        for (int j = 0; j < neighbours; j++) {
          candidates[i][j] = nb.row(j);
        }
      }
    }
    double[] nulls = new double[permutations];
    for (int p = 0; p < permutations; p++) {
      int[] order = candidates == null ? blockPermutation(n, 1, random) : localPermutation(candidates, random);
      nulls[p] = estimator.conditionalMutualInformation(rows(x, order), y, z);
    }
    return result(observed, nulls);
  }

  private Result result(double observed, double[] nulls) {
    int atLeast = 0;
    double mean = 0;
    for (double v : nulls) {
      if (v >= observed) {
        atLeast++;
      }
      mean += v;
    }
    mean /= nulls.length;
    double var = 0;
    for (double v : nulls) {
      var += (v - mean) * (v - mean);
    }
    double sd = nulls.length > 1 ? Math.sqrt(var / (nulls.length - 1)) : 0;
    return new Result(observed, (1.0 + atLeast) / (1.0 + nulls.length), mean, sd, nulls.length);
  }

  /** Rows permuted in blocks: block order shuffled, each block kept intact. */
  static int[] blockPermutation(int n, int block, Well19937c random) {
    int blocks = (n + block - 1) / block;
    int[] order = new int[blocks];
    for (int b = 0; b < blocks; b++) {
      order[b] = b;
    }
    for (int b = blocks - 1; b > 0; b--) {
      int j = random.nextInt(b + 1);
      int t = order[b];
      order[b] = order[j];
      order[j] = t;
    }
    int[] rows = new int[n];
    int p = 0;
    for (int b : order) {
      for (int i = b * block; i < Math.min(n, (b + 1) * block); i++) {
        rows[p++] = i;
      }
    }
    return rows;
  }

  /** Runge's local permutation: each sample takes an unused neighbour's row where possible. */
  static int[] localPermutation(int[][] candidates, Well19937c random) {
    int n = candidates.length;
    int k = candidates[0].length;
    int[] visit = blockPermutation(n, 1, random);
    boolean[] used = new boolean[n];
    int[] rows = new int[n];
    int[] shuffled = new int[k];
    for (int i : visit) {
      System.arraycopy(candidates[i], 0, shuffled, 0, k);
      for (int a = k - 1; a > 0; a--) {
        int b = random.nextInt(a + 1);
        int t = shuffled[a];
        shuffled[a] = shuffled[b];
        shuffled[b] = t;
      }
      int chosen = shuffled[0];
      for (int c : shuffled) {
        if (!used[c]) {
          chosen = c;
          break;
        }
      }
      used[chosen] = true;
      rows[i] = chosen;
    }
    return rows;
  }

  private static double[][] rows(double[][] m, int[] order) {
    double[][] out = new double[order.length][];
    for (int i = 0; i < order.length; i++) {
      out[i] = m[order[i]];
    }
    return out;
  }
}
