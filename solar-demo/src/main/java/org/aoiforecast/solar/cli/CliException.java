package org.aoiforecast.solar.cli;

/**
 * An error the CLI reports as one line, with its exit code: {@link #USAGE} for a bad command line
 * (unknown column, bad option value, unusable output folder), {@link #FAILURE} for everything
 * else (unreadable or malformed data, training failure).
 */
final class CliException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  /** Exit code of a bad command line. */
  static final int USAGE = 2;
  /** Exit code of a failure. */
  static final int FAILURE = 1;

  private final int exitCode;

  CliException(int exitCode, String message) {
    super(message);
    this.exitCode = exitCode;
  }

  static CliException usage(String message) {
    return new CliException(USAGE, message);
  }

  int exitCode() {
    return exitCode;
  }
}
