package org.aoiforecast.forecasting.evaluation;

import java.util.List;

/**
 * A range of ages, in steps, over which per-age errors are averaged: a coarse view of the loss
 * curve (fresh, a few hours old, a day old or older). The study's claims are stated in the
 * {@linkplain #standard() standard bands} 1-6, 7-24 and 25-48 steps.
 *
 * @param from the youngest age of the band, in steps, at least 1
 * @param to the oldest age, in steps, at least {@code from}
 */
public record AgeBand(int from, int to) {

  /** Validates. */
  public AgeBand {
    if (from < 1 || to < from) {
      throw new IllegalArgumentException("an age band runs from an age of at least 1 to one no younger; got " + from
          + "-" + to);
    }
  }

  /** @return the bands 1-6, 7-24 and 25-48 steps (on hourly data: up to 6 h, up to a day, the second day) */
  public static List<AgeBand> standard() {
    return List.of(new AgeBand(1, 6), new AgeBand(7, 24), new AgeBand(25, 48));
  }

  /**
   * The same band on data with {@code factor} times as many steps per unit of time: 1-6 becomes
   * 1-12 with a factor of 2 (30-minute steps for bands meant in hours), so that consecutive bands
   * still tile the steps without a gap.
   *
   * @param factor steps of the new data per step of the band, at least 1
   * @return the scaled band, {@code ((from - 1) factor + 1)} to {@code to × factor}
   */
  public AgeBand scaled(int factor) {
    if (factor < 1) {
      throw new IllegalArgumentException("the factor must be at least 1, got " + factor);
    }
    return new AgeBand((from - 1) * factor + 1, to * factor);
  }

  /**
   * @param age an age in steps
   * @return whether the band holds it
   */
  public boolean contains(int age) {
    return age >= from && age <= to;
  }

  /**
   * @param metrics errors per age
   * @return the MSE averaged over the ages of {@code metrics} in this band (each age weighted
   *     equally), or NaN when none falls in it
   */
  public double meanMse(AgeMetrics metrics) {
    return mean(metrics.ages(), metrics.mse());
  }

  /**
   * @param ages ages in steps
   * @param perAge one value per age, parallel to {@code ages}
   * @return the mean of the values whose age lies in this band, or NaN when none does
   */
  public double mean(int[] ages, double[] perAge) {
    if (ages.length != perAge.length) {
      throw new IllegalArgumentException(ages.length + " ages but " + perAge.length + " values");
    }
    double s = 0;
    int n = 0;
    for (int i = 0; i < ages.length; i++) {
      if (contains(ages[i])) {
        s += perAge[i];
        n++;
      }
    }
    return n == 0 ? Double.NaN : s / n;
  }

  /** @return "from-to", e.g. "1-6" */
  public String label() {
    return from + "-" + to;
  }

  @Override
  public String toString() {
    return label();
  }
}
