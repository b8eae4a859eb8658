package org.aoiforecast.info.estimators;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Plug-in entropy, mutual information and conditional mutual information of categorical
 * variables, with the Miller-Madow bias correction.
 *
 * <p>Each distinct row of a matrix is one category (so several columns form a joint category;
 * values are compared exactly, so pass codes such as cloud cover in tenths, not measurements).
 * {@code H = −Σ p̂ ln p̂ + (m − 1) / (2N)} with {@code m} the number of categories observed;
 * {@code I(X;Y) = H(X) + H(Y) − H(X,Y)} and
 * {@code I(X;Y|Z) = H(X,Z) + H(Y,Z) − H(X,Y,Z) − H(Z)}, each entropy corrected. The corrected MI
 * can come out slightly negative for independent variables; it is returned as is (an unbiased
 * estimate must be allowed to fall below its true value 0).
 */
public final class DiscreteEstimator implements Estimator {
  private DiscreteEstimator() {}

  /** @return the estimator */
  public static DiscreteEstimator create() {
    return new DiscreteEstimator();
  }

  @Override
  public String name() {
    return "discrete(miller-madow)";
  }

  @Override
  public double entropy(double[][] x) {
    Samples.checkPaired(1, "an entropy", new String[] {"x"}, x);
    return entropyOf(x);
  }

  @Override
  public double mutualInformation(double[][] x, double[][] y) {
    Samples.checkPaired(1, "mutual information", new String[] {"x", "y"}, x, y);
    return entropyOf(x) + entropyOf(y) - entropyOf(Samples.join(x, y));
  }

  @Override
  public double conditionalMutualInformation(double[][] x, double[][] y, double[][] z) {
    Samples.checkPaired(1, "conditional mutual information", new String[] {"x", "y", "z"}, x, y, z);
    return entropyOf(Samples.join(x, z)) + entropyOf(Samples.join(y, z)) - entropyOf(Samples.join(x, y, z))
        - entropyOf(z);
  }

  private static double entropyOf(double[][] m) {
    Map<Row, int[]> counts = new HashMap<>();
    for (double[] row : m) {
      counts.computeIfAbsent(new Row(row), r -> new int[1])[0]++;
    }
    int n = m.length;
    double h = 0;
    for (int[] c : counts.values()) {
      double p = (double) c[0] / n;
      h -= p * Math.log(p);
    }
    return h + (counts.size() - 1) / (2.0 * n);
  }

  /** A row as a hash key, values compared exactly (with -0.0 == 0.0). */
  private static final class Row {
    private final double[] values;
    private final int hash;

    Row(double[] values) {
      this.values = values.clone();
      for (int i = 0; i < this.values.length; i++) {
        if (this.values[i] == 0) {
          this.values[i] = 0.0;
        }
      }
      this.hash = Arrays.hashCode(this.values);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Row r && Arrays.equals(r.values, values);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }

  @Override
  public String toString() {
    return name();
  }
}
