package org.aoiforecast.core.io;

/** How a single time column is written in a CSV file. */
public enum TimeFormat {
  /**
   * ISO-8601: {@code 2021-06-01T12:00:00Z}, {@code 2021-06-01T12:00+02:00}, or a local date-time
   * such as {@code 2021-06-01T12:00} or {@code 2021-06-01 12:00} read in the reader's zone.
   */
  ISO_8601,
  /** Seconds since 1970-01-01T00:00Z, possibly fractional. */
  EPOCH_SECONDS,
  /** Milliseconds since 1970-01-01T00:00Z. */
  EPOCH_MILLIS
}
