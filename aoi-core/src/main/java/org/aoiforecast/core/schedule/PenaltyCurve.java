package org.aoiforecast.core.schedule;

/**
 * One window's penalty {@code p(Δ)} at every age {@code Δ >= 0}, with prefix sums so that the
 * penalty summed over any run of ages (one inter-delivery cycle) costs O(1).
 */
final class PenaltyCurve {
  private final int first;
  private final double[] values;
  private final double tail;
  private final double[] prefix; // prefix[n] = p(0) + ... + p(n - 1), n = 0..last + 1

  PenaltyCurve(int first, double[] values, TailRule rule) {
    this.first = first;
    this.values = values;
    double max = 0;
    for (double v : values) {
      max = Math.max(max, v);
    }
    this.tail = rule == TailRule.MAX ? max : values[values.length - 1];
    int last = first + values.length - 1;
    this.prefix = new double[last + 2];
    for (int a = 0; a <= last; a++) {
      prefix[a + 1] = prefix[a] + value(a);
    }
  }

  /** @return the oldest tabulated age {@code D} */
  int lastAge() {
    return first + values.length - 1;
  }

  /** @return the penalty at every age beyond {@code D} */
  double tail() {
    return tail;
  }

  /**
   * @param age an age in steps, at least 0
   * @return {@code p(age)}
   */
  double value(long age) {
    if (age < first) {
      return values[0];
    }
    return age - first < values.length ? values[(int) (age - first)] : tail;
  }

  /**
   * @param n a number of ages, at least 0
   * @return {@code p(0) + ... + p(n - 1)}
   */
  double prefixSum(long n) {
    int end = prefix.length - 1;
    return n <= end ? prefix[(int) n] : prefix[end] + (n - end) * tail;
  }

  /**
   * @param from the first age
   * @param count how many consecutive ages
   * @return {@code p(from) + ... + p(from + count - 1)}
   */
  double sum(long from, long count) {
    return prefixSum(from + count) - prefixSum(from);
  }
}
