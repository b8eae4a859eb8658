package org.aoiforecast.forecasting.evaluation;

import java.time.Duration;
import java.util.List;

/**
 * A range of ages, in steps of the data, over which per-age results are pooled in reports.
 *
 * @param label the band's name, e.g. "1-6 h"
 * @param from the smallest age in the band, steps
 * @param to the largest age in the band, steps (inclusive)
 */
public record AgeBand(String label, int from, int to) {

  /** Checks the range. */
  public AgeBand {
    if (from < 0 || to < from) {
      throw new IllegalArgumentException("an age band runs from a non-negative age to a larger one, got " + from + ".."
          + to);
    }
  }

  /**
   * The bands the solar reports use: ages of (0, 6 h], (6 h, 24 h] and (24 h, 48 h], in steps of
   * the data (1-6, 7-24 and 25-48 steps on hourly data). Ages of a study outside them are in no
   * band; a band that holds no whole step (6 h on daily data) is left out.
   *
   * @param step the data's step
   * @return the bands, at most three
   */
  public static List<AgeBand> standard(Duration step) {
    long stepMillis = step.toMillis();
    if (stepMillis <= 0) {
      throw new IllegalArgumentException("the step must be positive, got " + step);
    }
    int[] hours = {0, 6, 24, 48};
    String[] labels = {"1-6 h", "7-24 h", "25-48 h"};
    List<AgeBand> bands = new java.util.ArrayList<>();
    for (int b = 0; b < 3; b++) {
      // ages whose duration lies in (hours[b], hours[b + 1]]
      int from = (int) Math.floorDiv(hours[b] * 3_600_000L, stepMillis) + 1;
      int to = (int) Math.floorDiv(hours[b + 1] * 3_600_000L, stepMillis);
      if (to >= from) {
        bands.add(new AgeBand(labels[b], from, to));
      }
    }
    return List.copyOf(bands);
  }

  /**
   * @param age an age, steps
   * @return whether it lies in this band
   */
  public boolean contains(int age) {
    return age >= from && age <= to;
  }
}
