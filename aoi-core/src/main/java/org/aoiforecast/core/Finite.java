package org.aoiforecast.core;

/**
 * The limits on numbers that every computation of the library can take: finite, and small enough
 * that their squares, and sums of squares over a column, stay finite.
 *
 * <p>A finite value such as {@code 1e308} passes {@link Double#isFinite} but turns every variance,
 * mean squared error and distance built on it into infinity, and from there into "Infinity" losses
 * or NaN verdicts. Readers therefore refuse values above {@link #MAX_MAGNITUDE}, and the
 * computations that sum squares over a column check the sum before they trust it.
 */
public final class Finite {
  /** The largest magnitude whose square is a finite double (about 1.34e154). */
  public static final double MAX_MAGNITUDE = Math.sqrt(Double.MAX_VALUE);

  private Finite() {}

  /**
   * @param v a value
   * @return true when it is finite and its square is finite
   */
  public static boolean isSquarable(double v) {
    return Double.isFinite(v) && Math.abs(v) <= MAX_MAGNITUDE;
  }

  /**
   * Why a value cannot be used, or null when it can.
   *
   * @param v a value
   * @param text how it was written (for the message)
   * @return the problem, or null
   */
  public static String problem(double v, String text) {
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      return "value '" + text + "' is not a finite number; expected a number";
    }
    if (!isSquarable(v)) {
      return "value '" + text + "' is too large: its square overflows a double (the limit is about "
          + String.format(java.util.Locale.ROOT, "%.3g", MAX_MAGNITUDE) + ")";
    }
    return null;
  }

  /**
   * Whether the sum of squared deviations from the mean of some rows is finite, i.e. whether
   * variances, standardisation and squared errors over them can be computed.
   *
   * @param values the column
   * @param from first row, inclusive
   * @param to last row, exclusive
   * @return true when the mean and the sum of squared deviations are finite
   */
  public static boolean hasFiniteSpread(double[] values, int from, int to) {
    double sum = 0;
    for (int i = from; i < to; i++) {
      sum += values[i];
    }
    double mean = sum / Math.max(1, to - from);
    if (!Double.isFinite(mean)) {
      return false;
    }
    double ss = 0;
    for (int i = from; i < to; i++) {
      double d = values[i] - mean;
      ss += d * d;
    }
    return Double.isFinite(ss);
  }

  /**
   * Fails when a column's values are too large for variances and squared errors.
   *
   * @param origin the data's name (a file), or null
   * @param column the column's name
   * @param values its values
   * @param from first row, inclusive
   * @param to last row, exclusive
   * @throws DataException naming the column
   */
  public static void requireFiniteSpread(String origin, String column, double[] values, int from, int to) {
    if (!hasFiniteSpread(values, from, to)) {
      double largest = 0;
      for (int i = from; i < to; i++) {
        largest = Math.max(largest, Math.abs(values[i]));
      }
      throw new DataException(origin == null || origin.isEmpty() ? null : origin, 0, column,
          "values up to " + String.format(java.util.Locale.ROOT, "%.3g", largest) + " are too large: the sum of their"
              + " squares overflows a double, so no variance or loss can be computed; rescale the column (e.g. to"
              + " other units)");
    }
  }
}
