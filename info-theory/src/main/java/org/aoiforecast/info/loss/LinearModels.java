package org.aoiforecast.info.loss;

import org.aoiforecast.info.estimators.Samples;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealVector;

/**
 * Linear regressions (least squares with an intercept and an optional ridge penalty) through
 * sufficient statistics: the Gram matrix of the whole sample is accumulated once, and a
 * cross-validation fold's training statistics are the total minus the held-out rows. Solving uses
 * Commons Math's Cholesky decomposition.
 */
final class LinearModels {
  /** Relative ridge that keeps "plain" least squares solvable when columns are collinear. */
  private static final double TINY = 1e-9;

  private final double[][] x;
  private final double[] y;
  private final int d;
  private final Stats total;

  /** Sums over a range of rows: Σx xᵀ (lower triangle), Σx, Σy, Σx y, count. */
  private static final class Stats {
    final double[][] gram;
    final double[] sx;
    final double[] sxy;
    double sy;
    int n;

    Stats(int d) {
      gram = new double[d][d];
      sx = new double[d];
      sxy = new double[d];
    }
  }

  /**
   * @param x features, rows = samples (constant columns are dropped here)
   * @param y target
   */
  LinearModels(double[][] x, double[] y) {
    int[] keep = Samples.varyingColumns(x);
    double[][] kept = Samples.columns(x, keep);
    // standardise so that the ridge penalty treats columns alike
    this.x = Samples.standardize(kept, identity(keep.length), 0, null, null);
    this.y = y;
    this.d = keep.length;
    this.total = stats(0, x.length);
  }

  int dimensions() {
    return d;
  }

  private static int[] identity(int d) {
    int[] a = new int[d];
    for (int i = 0; i < d; i++) {
      a[i] = i;
    }
    return a;
  }

  private Stats stats(int from, int to) {
    Stats s = new Stats(d);
    for (int i = from; i < to; i++) {
      double[] row = x[i];
      double yi = y[i];
      for (int a = 0; a < d; a++) {
        double va = row[a];
        s.sx[a] += va;
        s.sxy[a] += va * yi;
        double[] g = s.gram[a];
        for (int b = 0; b <= a; b++) {
          g[b] += va * row[b];
        }
      }
      s.sy += yi;
    }
    s.n = to - from;
    return s;
  }

  /** Coefficients (intercept last) fitted on total minus the excluded rows' statistics. */
  private double[] fit(Stats excluded, double lambdaPerSample) {
    int n = total.n - (excluded == null ? 0 : excluded.n);
    double[][] g = new double[d][d];
    double[] r = new double[d];
    double[] mean = new double[d];
    double sy = total.sy - (excluded == null ? 0 : excluded.sy);
    double ybar = sy / n;
    for (int a = 0; a < d; a++) {
      mean[a] = (total.sx[a] - (excluded == null ? 0 : excluded.sx[a])) / n;
    }
    double trace = 0;
    for (int a = 0; a < d; a++) {
      for (int b = 0; b <= a; b++) {
        double v = total.gram[a][b] - (excluded == null ? 0 : excluded.gram[a][b]) - n * mean[a] * mean[b];
        g[a][b] = v;
        g[b][a] = v;
      }
      trace += g[a][a];
      r[a] = total.sxy[a] - (excluded == null ? 0 : excluded.sxy[a]) - n * mean[a] * ybar;
    }
    double ridge = Math.max(lambdaPerSample * n, TINY * Math.max(trace / Math.max(d, 1), 1e-300));
    for (int a = 0; a < d; a++) {
      g[a][a] += ridge;
    }
    double[] beta = new double[d + 1];
    if (d > 0) {
      RealVector solution;
      try {
        solution = new CholeskyDecomposition(new Array2DRowRealMatrix(g, false), 1e-10, 0).getSolver()
            .solve(new ArrayRealVector(r, false));
      } catch (NonPositiveDefiniteMatrixException e) {
        throw new IllegalArgumentException("the features are linearly dependent beyond repair by a ridge of "
            + ridge + "; remove redundant columns", e);
      }
      double intercept = ybar;
      for (int a = 0; a < d; a++) {
        beta[a] = solution.getEntry(a);
        intercept -= beta[a] * mean[a];
      }
      beta[d] = intercept;
    } else {
      beta[0] = ybar;
    }
    return beta;
  }

  private double predict(double[] beta, int i) {
    double p = beta[d];
    double[] row = x[i];
    for (int a = 0; a < d; a++) {
      p += beta[a] * row[a];
    }
    return p;
  }

  /** @return in-sample least-squares residuals */
  double[] residuals() {
    double[] beta = fit(null, 0);
    double[] e = new double[y.length];
    for (int i = 0; i < e.length; i++) {
      e[i] = y[i] - predict(beta, i);
    }
    return e;
  }

  /**
   * Out-of-fold residuals of ridge regression with contiguous folds; the {@code gap} rows on each
   * side of a held-out fold are also left out of its training rows, so that autocorrelation does
   * not leak the held-out targets into the fit.
   *
   * @param folds number of contiguous folds, >= 2
   * @param gap rows left out on each side of each fold
   * @param lambdaPerSample ridge penalty per training sample (on standardised features)
   * @return the held-out residuals, one per row
   */
  double[] crossValidatedResiduals(int folds, int gap, double lambdaPerSample) {
    int n = y.length;
    double[] e = new double[n];
    for (int f = 0; f < folds; f++) {
      int a = (int) ((long) n * f / folds);
      int b = (int) ((long) n * (f + 1) / folds);
      Stats out = stats(Math.max(0, a - gap), Math.min(n, b + gap));
      double[] beta = fit(out, lambdaPerSample);
      for (int i = a; i < b; i++) {
        e[i] = y[i] - predict(beta, i);
      }
    }
    return e;
  }
}
