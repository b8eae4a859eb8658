package org.aoiforecast.core.dataset;

import java.util.ArrayList;
import java.util.List;

/**
 * How an age becomes model inputs when ages are inputs of a pooled data set.
 *
 * <ul>
 *   <li>{@link #linear()}: the age in steps ({@code age:source}); the default.
 *   <li>{@link #logarithmic()}: the age and {@code ln(1 + age)} ({@code log_age:source}), which
 *       spreads the young ages apart: forecasts change fastest there (age 1 and age 3 differ far
 *       more than age 41 and age 43), and a network resolves that more easily on a log scale.
 *   <li>{@link #periodic(int)}: the two above plus {@code sin} and {@code cos} of
 *       {@code 2π age / period} ({@code age_sin:source}, {@code age_cos:source}), for data with a
 *       cycle (a day of hourly solar data: 24), where an age of one period resembles age 0.
 * </ul>
 * Standardisation scales every encoded column with the training ages' mean and spread.
 * Immutable; {@link #describe()} and {@link #parse(String)} round-trip for saved models.
 */
public final class AgeEncoding {
  private static final AgeEncoding LINEAR = new AgeEncoding(false, 0);
  private static final AgeEncoding LOG = new AgeEncoding(true, 0);

  private final boolean log;
  private final int period;

  private AgeEncoding(boolean log, int period) {
    this.log = log;
    this.period = period;
  }

  /** @return the age alone */
  public static AgeEncoding linear() {
    return LINEAR;
  }

  /** @return the age and its logarithm */
  public static AgeEncoding logarithmic() {
    return LOG;
  }

  /**
   * @param periodSteps the cycle length in steps (e.g. 24 for a day of hourly data), >= 2
   * @return age, log age and the phase of the age within the cycle
   */
  public static AgeEncoding periodic(int periodSteps) {
    if (periodSteps < 2) {
      throw new IllegalArgumentException("the period must be at least 2 steps, got " + periodSteps);
    }
    return new AgeEncoding(true, periodSteps);
  }

  /** @return inputs per source */
  public int width() {
    return 1 + (log ? 1 : 0) + (period > 0 ? 2 : 0);
  }

  /**
   * @param source the source name
   * @return the input names for that source's age
   */
  public List<String> names(String source) {
    List<String> names = new ArrayList<>();
    names.add("age:" + source);
    if (log) {
      names.add("log_age:" + source);
    }
    if (period > 0) {
      names.add("age_sin:" + source);
      names.add("age_cos:" + source);
    }
    return names;
  }

  /**
   * Writes the encoding of one age (before standardisation).
   *
   * @param ageSteps the age, in steps (may be fractional), >= 0
   * @param out destination
   * @param offset first position
   */
  public void encode(double ageSteps, double[] out, int offset) {
    int p = offset;
    out[p++] = ageSteps;
    if (log) {
      out[p++] = Math.log1p(ageSteps);
    }
    if (period > 0) {
      double angle = 2 * Math.PI * ageSteps / period;
      out[p++] = Math.sin(angle);
      out[p] = Math.cos(angle);
    }
  }

  /** @return "linear", "log" or "periodic:P" */
  public String describe() {
    return period > 0 ? "periodic:" + period : log ? "log" : "linear";
  }

  /**
   * @param description a text made by {@link #describe()}
   * @return the encoding
   */
  public static AgeEncoding parse(String description) {
    if (description.equals("linear")) {
      return LINEAR;
    }
    if (description.equals("log")) {
      return LOG;
    }
    if (description.startsWith("periodic:")) {
      try {
        return periodic(Integer.parseInt(description.substring("periodic:".length())));
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("bad age encoding '" + description + "'", e);
      }
    }
    throw new IllegalArgumentException("unknown age encoding '" + description
        + "'; expected linear, log or periodic:STEPS");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AgeEncoding e && e.log == log && e.period == period;
  }

  @Override
  public int hashCode() {
    return Boolean.hashCode(log) * 31 + period;
  }

  @Override
  public String toString() {
    return describe();
  }
}
