package org.aoiforecast.core.schedule;

import java.util.Locale;

/**
 * What the penalty is at ages beyond the oldest age {@code D} of a {@link PenaltyTable}: the table
 * says nothing there, yet a policy that waits, or a long transmission, reaches such ages.
 */
public enum TailRule {
  /** The penalty stays at its value at age {@code D} (the last value of the window's column). */
  HOLD,
  /** The penalty is the largest value of the window's column: an unknown age is as bad as the worst known one. */
  MAX;

  /** @return the lower-case name used on the command line and in JSON ("hold", "max") */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /**
   * @param id "hold" or "max", any case
   * @return the rule
   * @throws IllegalArgumentException for another name
   */
  public static TailRule parse(String id) {
    for (TailRule r : values()) {
      if (r.id().equalsIgnoreCase(id.strip())) {
        return r;
      }
    }
    throw new IllegalArgumentException("tail rule must be hold or max, got '" + id + "'");
  }
}
