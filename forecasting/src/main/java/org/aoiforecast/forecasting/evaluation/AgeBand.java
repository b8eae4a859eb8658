package org.aoiforecast.forecasting.evaluation;

import java.util.List;

/**
 * A range of ages, in steps, over which per-age errors are averaged: a coarse view of the loss
 * curve (fresh, a few hours old, a day old or older).
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
   * 1-12 with a factor of 2 (30-minute steps for bands meant in hours).
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

  /** @return "from-to", e.g. "1-6" */
  public String label() {
    return from + "-" + to;
  }
}
