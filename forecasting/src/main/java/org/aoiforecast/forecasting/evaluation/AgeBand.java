package org.aoiforecast.forecasting.evaluation;

import java.util.List;

/**
 * A range of ages over which errors are summarised, in steps, both ends inclusive: "young" (1-6),
 * "intraday" (7-24) and "day-ahead" (25-48) steps by default, the bands the study's claims are
 * stated in.
 *
 * @param from first age, steps
 * @param to last age, steps, {@code >= from}
 */
public record AgeBand(int from, int to) {
  /** The study's bands: 1-6, 7-24 and 25-48 steps. */
  public static final List<AgeBand> STANDARD = List.of(new AgeBand(1, 6), new AgeBand(7, 24), new AgeBand(25, 48));

  /** Validates. */
  public AgeBand {
    if (from < 0 || to < from) {
      throw new IllegalArgumentException("an age band needs 0 <= from <= to, got " + from + "-" + to);
    }
  }

  /**
   * @param factor steps per unit of this band (e.g. 2 to read hours as 30-minute steps), >= 1
   * @return this band in finer steps, tiling as the coarse bands do: {@code 1-6} hours in
   *     30-minute steps is {@code 1-12}, {@code 7-24} hours is {@code 13-48}
   */
  public AgeBand scaled(int factor) {
    if (factor < 1) {
      throw new IllegalArgumentException("the factor must be >= 1, got " + factor);
    }
    // consecutive bands must tile the finer steps without a gap: (from - 1) * factor + 1 .. to * factor
    return new AgeBand(from == 0 ? 0 : (from - 1) * factor + 1, to * factor);
  }

  /**
   * @param metrics errors per age
   * @return the MSE averaged over the ages of this band (each age weighted equally), or NaN when
   *     no age of {@code metrics} falls in it
   */
  public double meanMse(AgeMetrics metrics) {
    int[] ages = metrics.ages();
    double[] mse = metrics.mse();
    double s = 0;
    int n = 0;
    for (int i = 0; i < ages.length; i++) {
      if (ages[i] >= from && ages[i] <= to) {
        s += mse[i];
        n++;
      }
    }
    return n == 0 ? Double.NaN : s / n;
  }

  @Override
  public String toString() {
    return from + "-" + to;
  }
}
