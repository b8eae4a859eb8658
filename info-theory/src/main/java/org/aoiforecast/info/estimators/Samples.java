package org.aoiforecast.info.estimators;

import java.util.ArrayList;
import java.util.List;
import org.aoiforecast.core.Finite;
import org.apache.commons.math3.random.Well19937c;

/**
 * Checks and prepares sample matrices (rows = samples): validation with precise messages,
 * removal of constant columns, standardisation and the optional tie-breaking jitter.
 */
public final class Samples {
  private Samples() {}

  /**
   * Checks that a matrix is a non-empty rectangle of finite numbers whose columns have a finite
   * variance.
   *
   * @param name the argument's name in messages (e.g. "x")
   * @param m the matrix
   * @return its number of rows
   * @throws IllegalArgumentException naming the argument, row and column of the problem
   */
  public static int check(String name, double[][] m) {
    if (m == null || m.length == 0) {
      throw new IllegalArgumentException(name + " has no samples (rows)");
    }
    int d = m[0] == null ? 0 : m[0].length;
    if (d == 0) {
      throw new IllegalArgumentException(name + " has no columns; give at least one dimension");
    }
    for (int i = 0; i < m.length; i++) {
      if (m[i] == null || m[i].length != d) {
        throw new IllegalArgumentException(name + ": row " + i + " has " + (m[i] == null ? 0 : m[i].length)
            + " columns, expected " + d + " like row 0");
      }
      for (int c = 0; c < d; c++) {
        if (!Double.isFinite(m[i][c])) {
          throw new IllegalArgumentException(name + ": row " + i + ", column " + c + " is " + m[i][c]
              + "; estimators need finite values (remove or impute missing samples first)");
        }
      }
    }
    double[] column = new double[m.length];
    for (int c = 0; c < d; c++) {
      for (int i = 0; i < m.length; i++) {
        column[i] = m[i][c];
      }
      // finite values can still overflow a variance (1e308 squared), and every estimator
      // standardises or builds a covariance: say so here rather than return Infinity or NaN
      if (!Finite.hasFiniteSpread(column, 0, column.length)) {
        throw new IllegalArgumentException(name + ": column " + c + " holds values too large for an estimate (the"
            + " sum of their squares overflows a double); rescale it");
      }
    }
    return m.length;
  }

  /**
   * Checks that paired matrices have the same number of rows and at least {@code minRows}.
   *
   * @param minRows the least number of samples the estimator needs
   * @param why why that many are needed
   * @param names argument names
   * @param ms the matrices
   * @return the number of rows
   */
  public static int checkPaired(int minRows, String why, String[] names, double[][]... ms) {
    int n = -1;
    for (int a = 0; a < ms.length; a++) {
      int rows = check(names[a], ms[a]);
      if (n < 0) {
        n = rows;
      } else if (rows != n) {
        throw new IllegalArgumentException(names[a] + " has " + rows + " rows but " + names[0] + " has " + n
            + "; samples are paired by row, so the counts must match");
      }
    }
    if (n < minRows) {
      throw new IllegalArgumentException(n + " samples are too few: " + why + " needs at least " + minRows);
    }
    return n;
  }

  /**
   * @param m a matrix
   * @param c a column
   * @return true when every row has the same value in that column
   */
  public static boolean isConstant(double[][] m, int c) {
    double first = m[0][c];
    for (double[] row : m) {
      if (row[c] != first) {
        return false;
      }
    }
    return true;
  }

  /**
   * The non-constant columns of a matrix. A constant column carries no information, so
   * information estimates leave it out (documented in the estimators).
   *
   * @param m a matrix
   * @return indices of the columns that vary
   */
  public static int[] varyingColumns(double[][] m) {
    List<Integer> keep = new ArrayList<>();
    for (int c = 0; c < m[0].length; c++) {
      if (!isConstant(m, c)) {
        keep.add(c);
      }
    }
    return keep.stream().mapToInt(Integer::intValue).toArray();
  }

  /**
   * Selected columns, each standardised to mean 0 and standard deviation 1 (population), with
   * optional Gaussian jitter of the given amplitude (in standard deviations) added after.
   *
   * @param m the matrix
   * @param columns the columns to keep, non-constant
   * @param jitter noise amplitude, 0 for none
   * @param random the generator for the jitter (may be null when jitter is 0)
   * @param logScales out: the log of each kept column's standard deviation (may be null)
   * @return a new matrix with {@code columns.length} columns
   */
  public static double[][] standardize(double[][] m, int[] columns, double jitter, Well19937c random,
      double[] logScales) {
    int n = m.length;
    double[][] out = new double[n][columns.length];
    for (int j = 0; j < columns.length; j++) {
      int c = columns[j];
      double mean = 0;
      for (double[] row : m) {
        mean += row[c];
      }
      mean /= n;
      double ss = 0;
      for (double[] row : m) {
        double d = row[c] - mean;
        ss += d * d;
      }
      double sd = Math.sqrt(ss / n);
      if (logScales != null) {
        logScales[j] = Math.log(sd);
      }
      for (int i = 0; i < n; i++) {
        out[i][j] = (m[i][c] - mean) / sd;
      }
    }
    if (jitter > 0) {
      for (double[] row : out) {
        for (int j = 0; j < row.length; j++) {
          row[j] += jitter * random.nextGaussian();
        }
      }
    }
    return out;
  }

  /**
   * Concatenates matrices column-wise.
   *
   * @param parts matrices with the same number of rows
   * @return the joint matrix
   */
  public static double[][] join(double[][]... parts) {
    int n = parts[0].length;
    int width = 0;
    for (double[][] p : parts) {
      width += p[0].length;
    }
    double[][] out = new double[n][width];
    for (int i = 0; i < n; i++) {
      int o = 0;
      for (double[][] p : parts) {
        System.arraycopy(p[i], 0, out[i], o, p[i].length);
        o += p[i].length;
      }
    }
    return out;
  }

  /**
   * @param m a matrix
   * @param columns columns to keep
   * @return a new matrix with those columns
   */
  public static double[][] columns(double[][] m, int[] columns) {
    double[][] out = new double[m.length][columns.length];
    for (int i = 0; i < m.length; i++) {
      for (int j = 0; j < columns.length; j++) {
        out[i][j] = m[i][columns[j]];
      }
    }
    return out;
  }

  /**
   * @param v a vector
   * @return it as a one-column matrix
   */
  public static double[][] column(double[] v) {
    double[][] out = new double[v.length][1];
    for (int i = 0; i < v.length; i++) {
      out[i][0] = v[i];
    }
    return out;
  }
}
