package org.aoiforecast.spark.table;

import java.util.List;

/**
 * The column names of a readings table: one row per reading of one source at one site, with
 * {@value #SITE} (any type, read as text), {@value #SOURCE} (text), {@value #GENERATION_TIME} and
 * {@value #ARRIVAL_TIME} (timestamps, epoch milliseconds or ISO-8601 text) and one or more value
 * columns (numbers, in the source's units). Every other column is a value column unless a caller
 * names the value columns.
 */
public final class ReadingsColumns {
  /** The site a reading belongs to. */
  public static final String SITE = "site";
  /** The source (sensor, feed) of a reading. */
  public static final String SOURCE = "source";
  /** When the reading was generated. */
  public static final String GENERATION_TIME = "generation_time";
  /** When it arrived at the forecaster, at or after generation. */
  public static final String ARRIVAL_TIME = "arrival_time";
  /** The time column of a per-site series table and of the alignment's output. */
  public static final String TIME = "time";

  /** The four key columns of a readings table, in the order of the normalised table. */
  public static final List<String> KEYS = List.of(SITE, SOURCE, GENERATION_TIME, ARRIVAL_TIME);

  private ReadingsColumns() {}
}
