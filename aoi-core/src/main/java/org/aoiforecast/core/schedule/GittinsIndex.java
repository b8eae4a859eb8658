package org.aoiforecast.core.schedule;

import java.util.Objects;

/**
 * The Gittins index of the age for one window length and its transmission-time law (Shisher,
 * Sun et al.): with {@code E(δ) = E_T[p(δ + T)]}, the expected penalty on delivery of a
 * transmission that starts at age {@code δ},
 * {@code γ(δ) = min over τ >= 1 of (1/τ) Σ_{k=0}^{τ-1} E(δ + k)}.
 *
 * <p>After a delivery at age {@code d}, waiting {@code z} steps changes the expected cost of the
 * cycle, relative to a price {@code β} per step, by {@code Σ_{k<z} (E(d + k) - β)}; the first
 * {@code z} with {@code γ(d + z) >= β} is the smallest wait that minimises it. Beyond the table
 * {@code E} is constant ({@link #limit()}), so the minimum over infinitely many {@code τ} is exact:
 * the running averages past that point move monotonically towards the limit, which is therefore
 * the only other candidate. Immutable; all values are computed once.
 */
public final class GittinsIndex {
  private final int window;
  private final TransmissionTime transmission;
  private final double[] expected; // E(δ), δ = 0..constantFrom - 1
  private final double[] index;    // γ(δ), same range
  private final double limit;

  private GittinsIndex(int window, PenaltyCurve curve, TransmissionTime transmission) {
    this.window = window;
    this.transmission = Objects.requireNonNull(transmission, "transmission");
    this.limit = curve.tail();
    // From this age on every delivery is older than the table: E is the tail value.
    int constantFrom = Math.max(0, curve.lastAge() + 1 - transmission.min());
    this.expected = new double[constantFrom];
    for (int d = 0; d < constantFrom; d++) {
      double e = 0;
      for (int i = 0; i < transmission.size(); i++) {
        e += transmission.probability(i) * curve.value((long) d + transmission.time(i));
      }
      expected[d] = e;
    }
    this.index = new double[constantFrom];
    for (int d = 0; d < constantFrom; d++) {
      double best = limit;
      double sum = 0;
      for (int k = 0; d + k < constantFrom; k++) {
        sum += expected[d + k];
        best = Math.min(best, sum / (k + 1));
      }
      index[d] = best;
    }
  }

  /**
   * @param table the penalty table
   * @param window one of its window lengths
   * @param transmission the law of the time to send a window of that length
   * @return the index
   */
  public static GittinsIndex of(PenaltyTable table, int window, TransmissionTime transmission) {
    return new GittinsIndex(window, table.curve(window), transmission);
  }

  /** @return the window length */
  public int window() {
    return window;
  }

  /** @return the transmission-time law */
  public TransmissionTime transmission() {
    return transmission;
  }

  /**
   * @param age the age {@code δ} when a transmission starts, in steps, at least 0
   * @return {@code E(δ) = E_T[p(δ + T)]}
   */
  public double expectedPenalty(int age) {
    checkAge(age);
    return age < expected.length ? expected[age] : limit;
  }

  /**
   * @param age an age {@code δ} in steps, at least 0
   * @return the index {@code γ(δ)}
   */
  public double index(int age) {
    checkAge(age);
    return age < index.length ? index[age] : limit;
  }

  /** @return the index (and {@code E}) at every age from which every delivery is beyond the table */
  public double limit() {
    return limit;
  }

  /** @return the age from which {@code E} and {@code γ} equal {@link #limit()} */
  public int constantFrom() {
    return expected.length;
  }

  /**
   * The threshold rule's wait: the least {@code z >= 0} with {@code γ(age + z) >= threshold}.
   *
   * <p>Above {@link #limit()} the index never reaches the threshold: the table's end then looks
   * cheaper than any cycle, and the unbounded rule would never send again (an artefact of the
   * {@link TailRule}). The wait is then the best one that stops where every delivery is beyond
   * the table ({@code age + z <= constantFrom()}): the smallest minimiser of
   * {@code Σ_{k<z} (E(age + k) - threshold)} over those waits. Below the limit both rules agree.
   *
   * @param age the age on delivery, in steps
   * @param threshold the price {@code β} per step
   * @return the wait in steps
   */
  public int wait(int age, double threshold) {
    checkAge(age);
    if (threshold <= limit) {
      for (int d = age; d < index.length; d++) {
        if (index[d] >= threshold) {
          return d - age;
        }
      }
      return 0; // age at or past constantFrom(): γ = limit >= threshold
    }
    int best = 0;
    double sum = 0;
    double least = 0;
    for (int d = age; d < expected.length; d++) {
      sum += expected[d] - threshold;
      if (sum < least) {
        least = sum;
        best = d + 1 - age;
      }
    }
    return best;
  }

  private static void checkAge(int age) {
    if (age < 0) {
      throw new IllegalArgumentException("age " + age + " is negative; expected 0 or more steps");
    }
  }
}
