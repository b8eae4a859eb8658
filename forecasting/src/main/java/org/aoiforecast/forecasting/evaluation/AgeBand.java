package org.aoiforecast.forecasting.evaluation;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * A range of ages, in steps of the data, both ends inclusive, over which per-age results are
 * pooled in reports: a coarse view of the loss curve. The study's claims are stated in the
 * {@linkplain #standard(Duration) standard bands} of ages up to 6 h, up to a day and the second
 * day (1-6, 7-24 and 25-48 steps on hourly data).
 *
 * @param label the band's name in tables, e.g. "1-6 h"
 * @param from the smallest age in the band, steps, {@code >= 0}
 * @param to the largest age in the band, steps, {@code >= from}
 */
public record AgeBand(String label, int from, int to) {

  /** Checks the range. */
  public AgeBand {
    if (from < 0 || to < from) {
      throw new IllegalArgumentException("an age band runs from a non-negative age to one no younger, got " + from
          + ".." + to);
    }
  }

  /**
   * A band named by its range of steps, e.g. "7-24".
   *
   * @param from the smallest age, steps
   * @param to the largest age, steps
   */
  public AgeBand(int from, int to) {
    this(from + "-" + to, from, to);
  }

  /** @return the bands 1-6, 7-24 and 25-48 steps, named by their steps */
  public static List<AgeBand> standard() {
    return List.of(new AgeBand(1, 6), new AgeBand(7, 24), new AgeBand(25, 48));
  }

  /**
   * The standard bands as durations, in steps of the data: ages of (0, 6 h], (6 h, 24 h] and
   * (24 h, 48 h] (1-6, 7-24 and 25-48 steps on hourly data, 1-12, 13-48 and 49-96 on 30-minute
   * data). A band that holds no whole step (6 h on daily data) is left out.
   *
   * @param step the data's step
   * @return the bands, at most three, named "1-6 h", "7-24 h", "25-48 h"
   */
  public static List<AgeBand> standard(Duration step) {
    long stepMillis = step.toMillis();
    if (stepMillis <= 0) {
      throw new IllegalArgumentException("the step must be positive, got " + step);
    }
    int[] hours = {0, 6, 24, 48};
    String[] labels = {"1-6 h", "7-24 h", "25-48 h"};
    List<AgeBand> bands = new ArrayList<>();
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

  @Override
  public String toString() {
    return label;
  }
}
