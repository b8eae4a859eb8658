package org.aoiforecast.spark.align;

import java.io.Serializable;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Regular query times shared by every site: {@code start, start + step, ...} up to and including
 * {@code end} when it falls on the grid. Times are UTC instants; the step is a positive whole
 * number of milliseconds. Immutable and serializable (it travels with the Spark tasks).
 */
public final class QueryGrid implements Serializable {
  private static final long serialVersionUID = 1L;

  private final long startMillis;
  private final long endMillis;
  private final long stepMillis;

  private QueryGrid(long startMillis, long endMillis, long stepMillis) {
    this.startMillis = startMillis;
    this.endMillis = endMillis;
    this.stepMillis = stepMillis;
  }

  /**
   * @param start the first query time
   * @param end the last possible query time, not before {@code start}
   * @param step the spacing, positive, whole milliseconds
   * @return the grid
   * @throws IllegalArgumentException when the grid is empty, the step is not positive, or it has
   *     more than {@link Integer#MAX_VALUE} times
   */
  public static QueryGrid of(Instant start, Instant end, Duration step) {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
    Objects.requireNonNull(step, "step");
    if (end.isBefore(start)) {
      throw new IllegalArgumentException("the query grid ends at " + end + ", before its start " + start);
    }
    if (step.isNegative() || step.isZero() || step.toNanos() % 1_000_000 != 0) {
      throw new IllegalArgumentException("the query step must be a positive whole number of milliseconds, got " + step);
    }
    long count = (end.toEpochMilli() - start.toEpochMilli()) / step.toMillis() + 1;
    if (count > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("the query grid has " + count + " times; at most " + Integer.MAX_VALUE);
    }
    return new QueryGrid(start.toEpochMilli(), end.toEpochMilli(), step.toMillis());
  }

  /** @return the number of query times */
  public int size() {
    return (int) ((endMillis - startMillis) / stepMillis + 1);
  }

  /** @return the query times, epoch milliseconds, increasing (a new array) */
  public long[] times() {
    long[] t = new long[size()];
    for (int i = 0; i < t.length; i++) {
      t[i] = startMillis + i * stepMillis;
    }
    return t;
  }

  @Override
  public String toString() {
    return "QueryGrid[" + Instant.ofEpochMilli(startMillis) + " .. " + Instant.ofEpochMilli(endMillis) + " every "
        + Duration.ofMillis(stepMillis) + "]";
  }
}
