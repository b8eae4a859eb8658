package org.aoiforecast.info.estimators;

/**
 * How many neighbouring rows in time a nearest-neighbour estimator ignores around each sample.
 *
 * <p>Samples close in time are not independent: in a time series they end up as each other's
 * nearest neighbours, which fakes dependence. With a Theiler window {@code W}, the neighbours of
 * sample {@code i} are searched among samples {@code j} with {@code |i - j| > W} only, the
 * marginal neighbour counts leave the same samples out, and the sample-size term uses the number
 * of samples actually eligible ({@code N - 2W - 1} away from the ends) instead of {@code N}.
 * Rows must be in time order for this to mean anything.
 *
 * <p>{@link #none()} (W = 0) is right for independent samples. {@link #auto()} chooses the
 * decorrelation time of the inputs: the first lag at which the autocorrelation of some input
 * column falls below 1/e (the largest such lag over the columns), at most {@code N / 10}.
 */
public final class TheilerWindow {
  private static final TheilerWindow NONE = new TheilerWindow(0, false);
  private static final TheilerWindow AUTO = new TheilerWindow(0, true);

  private final int fixed;
  private final boolean auto;

  private TheilerWindow(int fixed, boolean auto) {
    this.fixed = fixed;
    this.auto = auto;
  }

  /** @return no exclusion (independent samples) */
  public static TheilerWindow none() {
    return NONE;
  }

  /**
   * @param rows samples on each side to exclude, >= 0
   * @return a fixed window
   */
  public static TheilerWindow of(int rows) {
    if (rows < 0) {
      throw new IllegalArgumentException("the Theiler window must be >= 0 rows, got " + rows);
    }
    return rows == 0 ? NONE : new TheilerWindow(rows, false);
  }

  /** @return the decorrelation time of the inputs, computed per estimate */
  public static TheilerWindow auto() {
    return AUTO;
  }

  /** @return true when chosen from the data */
  public boolean isAuto() {
    return auto;
  }

  /**
   * The window for given inputs.
   *
   * @param inputs sample matrices in time order
   * @return the number of rows to exclude on each side
   */
  public int resolve(double[][]... inputs) {
    if (!auto) {
      return fixed;
    }
    int n = inputs[0].length;
    int cap = Math.max(0, n / 10);
    int w = 0;
    for (double[][] m : inputs) {
      for (int c = 0; c < m[0].length; c++) {
        w = Math.max(w, decorrelationLag(m, c, cap));
      }
    }
    return Math.min(w, cap);
  }

  /**
   * @param m a matrix in time order
   * @param c a column
   * @param maxLag the largest lag examined
   * @return the first lag at which the autocorrelation drops below 1/e (maxLag if it never does)
   */
  static int decorrelationLag(double[][] m, int c, int maxLag) {
    int n = m.length;
    double mean = 0;
    for (double[] row : m) {
      mean += row[c];
    }
    mean /= n;
    double var = 0;
    for (double[] row : m) {
      var += (row[c] - mean) * (row[c] - mean);
    }
    if (var == 0) {
      return 0;
    }
    double threshold = Math.exp(-1);
    for (int lag = 1; lag <= maxLag; lag++) {
      double acc = 0;
      for (int i = lag; i < n; i++) {
        acc += (m[i][c] - mean) * (m[i - lag][c] - mean);
      }
      if (acc / var < threshold) {
        return lag;
      }
    }
    return maxLag;
  }

  @Override
  public String toString() {
    return auto ? "auto" : Integer.toString(fixed);
  }
}
