package org.aoiforecast.info.loss;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;

/** Projection of centred data on its leading principal components (Commons Math eigen-decomposition). */
final class PrincipalComponents {
  private PrincipalComponents() {}

  /**
   * @param x centred (e.g. standardised) data, rows = samples
   * @param m the number of components to keep, less than the number of columns
   * @return the scores on the m components of largest variance
   */
  static double[][] project(double[][] x, int m) {
    int n = x.length;
    int d = x[0].length;
    double[][] cov = new double[d][d];
    for (double[] row : x) {
      for (int a = 0; a < d; a++) {
        double v = row[a];
        for (int b = 0; b <= a; b++) {
          cov[a][b] += v * row[b];
        }
      }
    }
    for (int a = 0; a < d; a++) {
      for (int b = 0; b <= a; b++) {
        cov[a][b] /= n;
        cov[b][a] = cov[a][b];
      }
    }
    EigenDecomposition eig = new EigenDecomposition(new Array2DRowRealMatrix(cov, false));
    double[] values = eig.getRealEigenvalues();
    Integer[] order = new Integer[d];
    for (int i = 0; i < d; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(order, (p, q) -> Double.compare(values[q], values[p]));
    RealMatrix vectors = eig.getV();
    double[][] w = new double[m][d];
    for (int c = 0; c < m; c++) {
      for (int a = 0; a < d; a++) {
        w[c][a] = vectors.getEntry(a, order[c]);
      }
    }
    double[][] out = new double[n][m];
    for (int i = 0; i < n; i++) {
      double[] row = x[i];
      for (int c = 0; c < m; c++) {
        double s = 0;
        double[] wc = w[c];
        for (int a = 0; a < d; a++) {
          s += wc[a] * row[a];
        }
        out[i][c] = s;
      }
    }
    return out;
  }
}
