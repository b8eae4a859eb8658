package org.aoiforecast.core;

import java.util.Objects;

/**
 * Data that is read and kept but looks wrong: a value outside the plausible range of its unit,
 * for example. It has the same location parts as a {@link DataException}, so that a user can find
 * the value, and it never stops a computation: the caller decides whether to show it.
 *
 * @param file the file or input name, or null
 * @param line the 1-based line, or 0 when not tied to one line
 * @param column the column, or null
 * @param problem what looks wrong
 */
public record DataWarning(String file, long line, String column, String problem) {
  /** Validates. */
  public DataWarning {
    Objects.requireNonNull(problem, "problem");
    line = Math.max(0, line);
  }

  /** @return the warning as one line, located like a {@link DataException} message */
  @Override
  public String toString() {
    return DataException.describe(file, line, column, problem);
  }
}
