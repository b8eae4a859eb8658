package org.aoiforecast.core;

import java.util.Objects;

/**
 * Bad input data: a value, row, column or file that breaks a documented rule.
 *
 * <p>The message always says where the problem is (file, line, column, reading or row, whichever
 * apply) and what was expected, so that a user can fix the data without a debugger, for example
 * {@code "weather.csv, line 17, column 'GHI': expected a number, found 'n/a'"}. The location
 * parts are also available separately for programs that report errors their own way.
 *
 * <p>It extends {@link IllegalArgumentException} because bad data is a bad argument to the call
 * that received it.
 */
public class DataException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final String file;
  private final long line;
  private final String column;
  private final String problem;

  /**
   * Creates an exception with a location.
   *
   * @param file the file name or another name of the input (null when not from a file)
   * @param line the 1-based line number in the file (0 or negative when not known)
   * @param column the column name (null when not about one column)
   * @param problem what is wrong and what was expected
   */
  public DataException(String file, long line, String column, String problem) {
    super(describe(file, line, column, problem));
    this.file = file;
    this.line = line;
    this.column = column;
    this.problem = Objects.requireNonNull(problem, "problem");
  }

  /**
   * Creates an exception with a location and the cause that revealed it.
   *
   * @param file the file name (null when not from a file)
   * @param line the 1-based line number (0 or negative when not known)
   * @param column the column name (null when not about one column)
   * @param problem what is wrong and what was expected
   * @param cause the underlying exception
   */
  public DataException(String file, long line, String column, String problem, Throwable cause) {
    this(file, line, column, problem);
    initCause(cause);
  }

  /**
   * Creates an exception without a file location.
   *
   * @param problem what is wrong and what was expected
   */
  public DataException(String problem) {
    this(null, 0, null, problem);
  }

  /** @return the file or input name, or null */
  public String file() {
    return file;
  }

  /** @return the 1-based line number, or 0 when the problem is not tied to one line */
  public long line() {
    return Math.max(0, line);
  }

  /** @return the column name, or null */
  public String column() {
    return column;
  }

  /** @return the problem without its location */
  public String problem() {
    return problem;
  }

  /** The one-line form of a located problem, shared with {@link DataWarning}. */
  static String describe(String file, long line, String column, String problem) {
    StringBuilder where = new StringBuilder();
    if (file != null) {
      where.append(file);
    }
    if (line > 0) {
      where.append(where.length() > 0 ? ", " : "").append("line ").append(line);
    }
    if (column != null) {
      where.append(where.length() > 0 ? ", " : "").append("column '").append(column).append('\'');
    }
    return where.length() == 0 ? problem : where + ": " + problem;
  }
}
