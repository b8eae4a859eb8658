package org.aoiforecast.spark.table;

import java.util.ArrayList;
import java.util.List;
import org.aoiforecast.core.DataException;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A readings table checked and normalised on the driver (see {@link ReadingsColumns}): columns
 * {@code site} (text), {@code source} (text), {@code generation_time} and {@code arrival_time}
 * (epoch milliseconds, long), then the value columns (double), in that order. Immutable; the
 * table itself is a lazy Spark plan.
 */
public final class ReadingsTable {
  /** Name of the input in error messages. */
  public static final String NAME = "readings table";

  private final Dataset<Row> rows;
  private final List<String> valueColumns;

  private ReadingsTable(Dataset<Row> rows, List<String> valueColumns) {
    this.rows = rows;
    this.valueColumns = List.copyOf(valueColumns);
  }

  /**
   * Every column other than the four keys is a value column.
   *
   * @param readings the raw table
   * @return the normalised table
   * @throws DataException naming a missing key column or a column of the wrong type
   */
  public static ReadingsTable of(Dataset<Row> readings) {
    TableColumns.require(readings, NAME, ReadingsColumns.KEYS);
    return of(readings, TableColumns.others(readings, ReadingsColumns.KEYS));
  }

  /**
   * @param readings the raw table
   * @param valueColumns the value columns, at least one; other columns are ignored
   * @return the normalised table
   * @throws DataException naming a missing column or one of the wrong type
   */
  public static ReadingsTable of(Dataset<Row> readings, List<String> valueColumns) {
    TableColumns.require(readings, NAME, ReadingsColumns.KEYS);
    if (valueColumns.isEmpty()) {
      throw new DataException(NAME, 0, null, "no value column: besides " + ReadingsColumns.KEYS
          + " a readings table needs at least one column of numbers");
    }
    TableColumns.require(readings, NAME, valueColumns);
    List<Column> columns = new ArrayList<>();
    columns.add(TableColumns.text(ReadingsColumns.SITE));
    columns.add(TableColumns.text(ReadingsColumns.SOURCE));
    columns.add(TableColumns.epochMillis(readings, NAME, ReadingsColumns.GENERATION_TIME));
    columns.add(TableColumns.epochMillis(readings, NAME, ReadingsColumns.ARRIVAL_TIME));
    for (String v : valueColumns) {
      if (ReadingsColumns.KEYS.contains(v)) {
        throw new DataException(NAME, 0, v, "a key column cannot also be a value column");
      }
      columns.add(TableColumns.number(readings, NAME, v));
    }
    return new ReadingsTable(readings.select(columns.toArray(new Column[0])), valueColumns);
  }

  /** @return the normalised rows: site, source, generation and arrival (epoch ms), values */
  public Dataset<Row> rows() {
    return rows;
  }

  /** @return the value columns, in order (row positions 4, 5, ...) */
  public List<String> valueColumns() {
    return valueColumns;
  }
}
