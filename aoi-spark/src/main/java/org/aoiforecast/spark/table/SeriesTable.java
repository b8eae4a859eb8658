package org.aoiforecast.spark.table;

import java.util.ArrayList;
import java.util.List;
import org.aoiforecast.core.DataException;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * A table of per-site regular series checked and normalised on the driver: {@code site} (text),
 * {@code time} (epoch milliseconds, long), then the value columns (double). Every site's rows
 * must be evenly spaced in time once sorted; that is checked per site, in the tasks. Immutable.
 */
public final class SeriesTable {
  /** Name of the input in error messages. */
  public static final String NAME = "series table";

  private final Dataset<Row> rows;
  private final List<String> valueColumns;

  private SeriesTable(Dataset<Row> rows, List<String> valueColumns) {
    this.rows = rows;
    this.valueColumns = List.copyOf(valueColumns);
  }

  /**
   * Every column other than {@code site} and {@code time} is a value column.
   *
   * @param series the raw table
   * @return the normalised table
   * @throws DataException naming a missing column or one of the wrong type
   */
  public static SeriesTable of(Dataset<Row> series) {
    List<String> keys = List.of(ReadingsColumns.SITE, ReadingsColumns.TIME);
    TableColumns.require(series, NAME, keys);
    List<String> values = TableColumns.others(series, keys);
    if (values.isEmpty()) {
      throw new DataException(NAME, 0, null, "no value column besides " + keys);
    }
    List<Column> columns = new ArrayList<>();
    columns.add(TableColumns.text(ReadingsColumns.SITE));
    columns.add(TableColumns.epochMillis(series, NAME, ReadingsColumns.TIME));
    for (String v : values) {
      columns.add(TableColumns.number(series, NAME, v));
    }
    return new SeriesTable(series.select(columns.toArray(new Column[0])), values);
  }

  /** @return the normalised rows: site, time (epoch ms), values */
  public Dataset<Row> rows() {
    return rows;
  }

  /** @return the value columns, in order (row positions 2, 3, ...) */
  public List<String> valueColumns() {
    return valueColumns;
  }
}
