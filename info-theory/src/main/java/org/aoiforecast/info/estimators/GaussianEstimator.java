package org.aoiforecast.info.estimators;

import org.apache.commons.math3.stat.StatUtils;

/**
 * Entropy, mutual information and conditional mutual information of jointly Gaussian variables,
 * from log-determinants of sample covariance matrices (Cholesky):
 * <ul>
 *   <li>{@code H(X) = ½ log det(2πe Σ_X)};
 *   <li>{@code I(X;Y) = ½ (log det Σ_X + log det Σ_Y − log det Σ_XY)};
 *   <li>{@code I(X;Y|Z) = ½ (log det Σ_XZ + log det Σ_YZ − log det Σ_Z − log det Σ_XYZ)}.
 * </ul>
 * Exact (up to sampling error) for jointly Gaussian data, any dimension; for other data it
 * measures linear dependence only. Covariances use the unbiased {@code N - 1} normalisation.
 *
 * <p>A constant column carries no information and is left out of MI and CMI (so the MI with a
 * constant is 0); in an entropy it is an error (a point mass has entropy −∞). Columns that are
 * exact linear combinations of others make the covariance singular: an error naming the column.
 */
public final class GaussianEstimator implements Estimator {
  private static final double LOG_2_PI_E = Math.log(2 * Math.PI * Math.E);
  /** A pivot below this fraction of its diagonal entry means the column is linearly dependent. */
  private static final double SINGULAR = 1e-12;

  private GaussianEstimator() {}

  /** @return the estimator */
  public static GaussianEstimator create() {
    return new GaussianEstimator();
  }

  @Override
  public String name() {
    return "gaussian";
  }

  @Override
  public double entropy(double[][] x) {
    int n = Samples.checkPaired(2, "a covariance", new String[] {"x"}, x);
    int d = x[0].length;
    for (int c = 0; c < d; c++) {
      if (Samples.isConstant(x, c)) {
        throw new IllegalArgumentException("x: column " + c + " is constant; its differential entropy is -infinity"
            + " (a point mass): remove it");
      }
    }
    requireRows(n, d, "x");
    return 0.5 * (d * LOG_2_PI_E + logDetCovariance(x, allColumns(d), "x"));
  }

  @Override
  public double mutualInformation(double[][] x, double[][] y) {
    int n = Samples.checkPaired(2, "a covariance", new String[] {"x", "y"}, x, y);
    int[] cx = Samples.varyingColumns(x);
    int[] cy = Samples.varyingColumns(y);
    if (cx.length == 0 || cy.length == 0) {
      return 0; // a constant variable shares no information
    }
    double[][] xs = Samples.columns(x, cx);
    double[][] ys = Samples.columns(y, cy);
    double[][] xy = Samples.join(xs, ys);
    requireRows(n, xy[0].length, "[x y]");
    double mi = 0.5 * (logDetCovariance(xs, allColumns(cx.length), "x") + logDetCovariance(ys, allColumns(cy.length), "y")
        - logDetCovariance(xy, allColumns(xy[0].length), "[x y]"));
    return Math.max(0, mi);
  }

  @Override
  public double conditionalMutualInformation(double[][] x, double[][] y, double[][] z) {
    int n = Samples.checkPaired(2, "a covariance", new String[] {"x", "y", "z"}, x, y, z);
    int[] cx = Samples.varyingColumns(x);
    int[] cy = Samples.varyingColumns(y);
    int[] cz = Samples.varyingColumns(z);
    if (cx.length == 0 || cy.length == 0) {
      return 0;
    }
    if (cz.length == 0) {
      return mutualInformation(x, y);
    }
    double[][] xs = Samples.columns(x, cx);
    double[][] ys = Samples.columns(y, cy);
    double[][] zs = Samples.columns(z, cz);
    double[][] xz = Samples.join(xs, zs);
    double[][] yz = Samples.join(ys, zs);
    double[][] xyz = Samples.join(xs, ys, zs);
    requireRows(n, xyz[0].length, "[x y z]");
    double cmi = 0.5 * (logDetCovariance(xz, allColumns(xz[0].length), "[x z]")
        + logDetCovariance(yz, allColumns(yz[0].length), "[y z]")
        - logDetCovariance(zs, allColumns(zs[0].length), "z")
        - logDetCovariance(xyz, allColumns(xyz[0].length), "[x y z]"));
    return Math.max(0, cmi);
  }

  /**
   * The residual variance of {@code y} given {@code x} under the Gaussian model:
   * {@code Var y − Σ_yx Σ_xx⁻¹ Σ_xy} (unbiased normalisations), i.e. the MMSE for jointly Gaussian
   * data and the mean squared error of the best linear predictor otherwise.
   *
   * @param x samples of X
   * @param y samples of a scalar Y
   * @return the conditional variance, >= 0
   */
  public double conditionalVariance(double[][] x, double[] y) {
    double[][] ym = Samples.column(y);
    int n = Samples.checkPaired(2, "a covariance", new String[] {"x", "y"}, x, ym);
    int[] cx = Samples.varyingColumns(x);
    double vy = StatUtils.variance(y);
    if (cx.length == 0 || vy == 0) {
      return vy;
    }
    double[][] xs = Samples.columns(x, cx);
    double[][] xy = Samples.join(xs, ym);
    requireRows(n, xy[0].length, "[x y]");
    double logRatio = logDetCovariance(xy, allColumns(xy[0].length), "[x y]")
        - logDetCovariance(xs, allColumns(cx.length), "x");
    return Math.exp(logRatio);
  }

  private static void requireRows(int n, int d, String what) {
    if (n <= d) {
      throw new IllegalArgumentException(what + " has " + d + " dimensions but only " + n
          + " samples; a covariance of full rank needs at least " + (d + 1));
    }
  }

  private static int[] allColumns(int d) {
    int[] c = new int[d];
    for (int i = 0; i < d; i++) {
      c[i] = i;
    }
    return c;
  }

  /**
   * log det of the sample covariance of the given columns, computed as log det of the correlation
   * matrix (well conditioned for Cholesky) plus the sum of log variances.
   */
  static double logDetCovariance(double[][] m, int[] columns, String what) {
    int n = m.length;
    int d = columns.length;
    double[] mean = new double[d];
    for (double[] row : m) {
      for (int j = 0; j < d; j++) {
        mean[j] += row[columns[j]];
      }
    }
    for (int j = 0; j < d; j++) {
      mean[j] /= n;
    }
    double[][] cov = new double[d][d];
    double[] centred = new double[d];
    for (double[] row : m) {
      for (int j = 0; j < d; j++) {
        centred[j] = row[columns[j]] - mean[j];
      }
      for (int a = 0; a < d; a++) {
        double ca = centred[a];
        double[] ra = cov[a];
        for (int b = 0; b <= a; b++) {
          ra[b] += ca * centred[b];
        }
      }
    }
    double logDet = 0;
    double[] sd = new double[d];
    for (int a = 0; a < d; a++) {
      double var = cov[a][a] / (n - 1);
      if (!(var > 0)) {
        throw new IllegalArgumentException(what + ": column " + a + " is constant; its covariance is singular");
      }
      sd[a] = Math.sqrt(cov[a][a]);
      logDet += Math.log(var);
    }
    // correlation matrix, lower triangle
    for (int a = 0; a < d; a++) {
      for (int b = 0; b <= a; b++) {
        cov[a][b] = cov[a][b] / (sd[a] * sd[b]);
      }
    }
    return logDet + logDetCholesky(cov, what);
  }

  /** In-place Cholesky of a symmetric positive definite matrix given by its lower triangle. */
  static double logDetCholesky(double[][] a, String what) {
    int d = a.length;
    double logDet = 0;
    for (int j = 0; j < d; j++) {
      double diag = a[j][j];
      for (int k = 0; k < j; k++) {
        diag -= a[j][k] * a[j][k];
      }
      if (!(diag > SINGULAR * a[j][j])) {
        throw new IllegalArgumentException("the covariance of " + what + " is singular: column " + j
            + " is (nearly) a linear combination of the columns before it; remove redundant columns");
      }
      double l = Math.sqrt(diag);
      a[j][j] = l;
      logDet += 2 * Math.log(l);
      for (int i = j + 1; i < d; i++) {
        double s = a[i][j];
        for (int k = 0; k < j; k++) {
          s -= a[i][k] * a[j][k];
        }
        a[i][j] = s / l;
      }
    }
    return logDet;
  }

  @Override
  public String toString() {
    return name();
  }
}
