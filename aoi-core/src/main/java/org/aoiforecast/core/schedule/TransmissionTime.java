package org.aoiforecast.core.schedule;

import java.util.Arrays;
import java.util.Objects;
import java.util.TreeMap;
import org.apache.commons.math3.distribution.IntegerDistribution;
import org.apache.commons.math3.random.RandomGenerator;

/**
 * The law of the transmission time {@code T} of one window, in whole steps ({@code T >= 1}): a
 * finite distribution, so that averages over it are exact sums.
 *
 * <p>A fixed time, an empirical sample or any Commons Math {@link IntegerDistribution}; an
 * unbounded distribution is truncated where its upper tail falls below
 * {@link #TAIL_PROBABILITY} and renormalised (the mass left out changes an average penalty by at
 * most about that fraction of the largest penalty). Immutable.
 */
public final class TransmissionTime {
  /** Upper-tail probability left out when a Commons Math distribution is made finite. */
  public static final double TAIL_PROBABILITY = 1e-9;
  /** Most distinct times kept; a law that needs more is refused rather than silently cut. */
  static final int MAX_SUPPORT = 1_000_000;
  /**
   * The longest transmission time, in steps: policies are evaluated over tables as long as the
   * ages a transmission reaches, so a typing slip (alpha 2147483647) must fail, not fill the heap.
   */
  public static final int MAX_TIME = 1_000_000;

  private final int[] times;
  private final double[] probabilities;
  private final double[] cumulative;
  private final double mean;

  private TransmissionTime(int[] times, double[] probabilities) {
    this.times = times;
    this.probabilities = probabilities;
    this.cumulative = new double[times.length];
    double c = 0;
    double m = 0;
    for (int i = 0; i < times.length; i++) {
      c += probabilities[i];
      cumulative[i] = c;
      m += probabilities[i] * times[i];
    }
    cumulative[times.length - 1] = 1.0; // no rounding gap for the sampler
    this.mean = m;
  }

  /**
   * @param steps the transmission time of every window, at least 1
   * @return the law
   */
  public static TransmissionTime fixed(int steps) {
    check(steps, "transmission time");
    return new TransmissionTime(new int[] {steps}, new double[] {1.0});
  }

  /**
   * The empirical law of a sample: each distinct time with its relative frequency.
   *
   * @param sample observed transmission times, each at least 1, at least one
   * @return the law
   */
  public static TransmissionTime empirical(int... sample) {
    if (sample.length == 0) {
      throw new IllegalArgumentException("the transmission-time sample is empty; expected at least one time");
    }
    TreeMap<Integer, Integer> counts = new TreeMap<>();
    for (int i = 0; i < sample.length; i++) {
      check(sample[i], "transmission time " + (i + 1) + " of the sample");
      counts.merge(sample[i], 1, Integer::sum);
    }
    int[] t = new int[counts.size()];
    double[] p = new double[t.length];
    int k = 0;
    for (var e : counts.entrySet()) {
      t[k] = e.getKey();
      p[k++] = e.getValue() / (double) sample.length;
    }
    return new TransmissionTime(t, p);
  }

  /**
   * A Commons Math integer distribution, truncated above its {@code 1 - TAIL_PROBABILITY}
   * quantile and renormalised.
   *
   * @param law the distribution of {@code T} in steps; it must put no mass below 1
   * @return the law
   * @throws IllegalArgumentException when the law can give a time below 1, or needs more than a
   *     million distinct times
   */
  public static TransmissionTime of(IntegerDistribution law) {
    Objects.requireNonNull(law, "law");
    double below = law.getSupportLowerBound() < 1 ? law.cumulativeProbability(0) : 0;
    if (below > 0) {
      throw new IllegalArgumentException("the transmission-time law gives a time below 1 step with probability "
          + below + "; a transmission takes at least one step (shift the law by one)");
    }
    int lower = Math.max(1, law.getSupportLowerBound());
    int upper = Math.max(lower, law.inverseCumulativeProbability(1 - TAIL_PROBABILITY));
    check(upper, "the 1 - " + TAIL_PROBABILITY + " quantile of the transmission-time law");
    if ((long) upper - lower + 1 > MAX_SUPPORT) {
      throw new IllegalArgumentException("the transmission-time law spans " + lower + ".." + upper
          + " steps up to its 1 - " + TAIL_PROBABILITY + " quantile; at most " + MAX_SUPPORT + " distinct times");
    }
    int[] t = new int[upper - lower + 1];
    double[] p = new double[t.length];
    int k = 0;
    double total = 0;
    for (int x = lower; x <= upper; x++) {
      double px = law.probability(x);
      if (px > 0) {
        t[k] = x;
        p[k++] = px;
        total += px;
      }
    }
    if (k == 0 || !(total > 0)) {
      throw new IllegalArgumentException("the transmission-time law puts no mass on " + lower + ".." + upper);
    }
    for (int i = 0; i < k; i++) {
      p[i] /= total;
    }
    return new TransmissionTime(Arrays.copyOf(t, k), Arrays.copyOf(p, k));
  }

  private static void check(int steps, String what) {
    if (steps < 1) {
      throw new IllegalArgumentException(what + " is " + steps + " steps; a transmission takes at least 1 step");
    }
    if (steps > MAX_TIME) {
      throw new IllegalArgumentException(what + " is " + steps + " steps; a transmission takes at most " + MAX_TIME
          + " steps");
    }
  }

  /** @return the possible times in steps, increasing */
  public int[] times() {
    return times.clone();
  }

  /** @return their probabilities, parallel to {@link #times()}, summing to 1 */
  public double[] probabilities() {
    return probabilities.clone();
  }

  /** @return the number of possible times */
  public int size() {
    return times.length;
  }

  /**
   * @param i index of a possible time
   * @return that time in steps
   */
  public int time(int i) {
    return times[i];
  }

  /**
   * @param i index of a possible time
   * @return its probability
   */
  public double probability(int i) {
    return probabilities[i];
  }

  /** @return the shortest time, in steps */
  public int min() {
    return times[0];
  }

  /** @return the longest time, in steps */
  public int max() {
    return times[times.length - 1];
  }

  /** @return the mean time, in steps */
  public double mean() {
    return mean;
  }

  /**
   * @param random the generator
   * @return the index of a time drawn from the law (see {@link #time(int)})
   */
  public int sampleIndex(RandomGenerator random) {
    int i = Arrays.binarySearch(cumulative, random.nextDouble());
    return i >= 0 ? Math.min(i + 1, times.length - 1) : -i - 1;
  }

  @Override
  public String toString() {
    return times.length == 1 ? "T = " + times[0] : "T in " + min() + ".." + max() + " (mean "
        + String.format(java.util.Locale.ROOT, "%.3f", mean) + ")";
  }
}
