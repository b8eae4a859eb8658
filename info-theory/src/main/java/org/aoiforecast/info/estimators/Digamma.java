package org.aoiforecast.info.estimators;

/**
 * The digamma function at positive integers, tabulated once per estimate by the recurrence
 * {@code psi(n + 1) = psi(n) + 1 / n} from {@code psi(1) = -gamma}: exact to rounding and far
 * cheaper than evaluating the special function for every neighbour count.
 */
final class Digamma {
  private static final double EULER_GAMMA = 0.57721566490153286060651209;

  private final double[] table;

  /** @param max the largest argument needed */
  Digamma(int max) {
    table = new double[max + 1];
    table[0] = Double.NaN; // psi(0) is undefined; never used
    if (max >= 1) {
      table[1] = -EULER_GAMMA;
    }
    for (int n = 1; n < max; n++) {
      table[n + 1] = table[n] + 1.0 / n;
    }
  }

  double at(int n) {
    return table[n];
  }
}
