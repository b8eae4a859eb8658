package org.aoiforecast.spark.table;

import java.util.Optional;
import org.aoiforecast.core.DataException;

/**
 * Errors that name the site: aoi-core's {@link DataException}s, raised inside a Spark task, are
 * rethrown with the site in front of their location ({@code "site 'A', column 'GHI': ..."}), and
 * found again on the driver inside the exception Spark wraps them in.
 */
public final class SiteErrors {
  private SiteErrors() {}

  /**
   * @param site the site
   * @param problem what is wrong
   * @return an exception located at the site
   */
  public static DataException of(String site, String problem) {
    return new DataException(where(site, null), 0, null, problem);
  }

  /**
   * @param site the site
   * @param column the column concerned
   * @param problem what is wrong
   * @return an exception located at the site and column
   */
  public static DataException of(String site, String column, String problem) {
    return new DataException(where(site, null), 0, column, problem);
  }

  /**
   * The same problem, located at the site (and at the file or input the core named, if any).
   *
   * @param site the site
   * @param e an exception from aoi-core or info-theory
   * @return a new exception whose cause is {@code e}
   */
  public static DataException at(String site, DataException e) {
    return new DataException(where(site, e.file()), e.line(), e.column(), e.problem(), e);
  }

  /**
   * A bad argument found while working on one site (an age set the site's data cannot hold, a
   * window too long), located at the site.
   *
   * @param site the site
   * @param e the exception
   * @return a data exception whose cause is {@code e}
   */
  public static DataException at(String site, IllegalArgumentException e) {
    if (e instanceof DataException d) {
      return at(site, d);
    }
    return new DataException(where(site, null), 0, null, e.getMessage(), e);
  }

  /**
   * The data error behind a failure of a Spark job: Spark wraps the exception of a failed task
   * (with its stack trace and the stage in the message); this finds it in the chain of causes.
   *
   * @param failure what an action threw
   * @return the first {@link DataException} among its causes (itself included)
   */
  public static Optional<DataException> find(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof DataException d) {
        return Optional.of(d);
      }
      if (t.getCause() == t) {
        break;
      }
    }
    return Optional.empty();
  }

  /**
   * What to throw after a Spark action failed: the data error behind it if there is one (one clear
   * line naming the site), otherwise the failure itself (wrapped when Spark threw a checked
   * exception, such as {@code SparkException}, through Scala code).
   *
   * @param failure what the action threw
   * @return the exception to throw
   */
  public static RuntimeException unwrap(Exception failure) {
    Optional<DataException> data = find(failure);
    if (data.isPresent()) {
      return data.get();
    }
    return failure instanceof RuntimeException r ? r : new IllegalStateException(failure.getMessage(), failure);
  }

  private static String where(String site, String file) {
    String s = "site '" + site + "'";
    return file == null || file.isEmpty() ? s : s + " (" + file + ")";
  }
}
