package org.aoiforecast.spark.table;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.to_timestamp;
import static org.apache.spark.sql.functions.unix_millis;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import org.aoiforecast.core.DataException;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.DateType;
import org.apache.spark.sql.types.NumericType;
import org.apache.spark.sql.types.StringType;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.TimestampNTZType;
import org.apache.spark.sql.types.TimestampType;

/**
 * Checks and normalises the columns of an input table on the driver, where the schema is known
 * and a missing or mistyped column can be reported before any task runs.
 *
 * <p>Times become epoch milliseconds (long) from a timestamp, a date, an integer (taken as epoch
 * milliseconds) or ISO-8601 text (a time that cannot be read becomes null and is reported, with its
 * site, by the task that meets it); values become doubles. Column names are used verbatim, dots
 * included.
 */
public final class TableColumns {
  private TableColumns() {}

  /**
   * A reference to a column by its exact name (dots in names such as {@code GHI.age_ms} are not
   * struct fields).
   *
   * @param name a column name
   * @return the column
   */
  public static Column named(String name) {
    return col("`" + name.replace("`", "``") + "`");
  }

  /**
   * @param table a table
   * @param what the table's name in messages (e.g. "readings table")
   * @param names columns that must exist
   * @throws DataException naming the first missing column and the columns there are
   */
  public static void require(Dataset<Row> table, String what, Collection<String> names) {
    List<String> present = Arrays.asList(table.columns());
    for (String name : names) {
      if (!present.contains(name)) {
        throw new DataException(what, 0, name, "no such column; the columns are " + present);
      }
    }
  }

  /**
   * @param table a table
   * @param excluded columns to leave out
   * @return the other columns, in table order
   */
  public static List<String> others(Dataset<Row> table, Collection<String> excluded) {
    List<String> out = new ArrayList<>();
    for (String c : table.columns()) {
      if (!excluded.contains(c)) {
        out.add(c);
      }
    }
    return out;
  }

  /**
   * @param table a table
   * @param what the table's name in messages
   * @param name a time column
   * @return the column as epoch milliseconds (long), keeping its name
   * @throws DataException when the column's type cannot hold a time
   */
  public static Column epochMillis(Dataset<Row> table, String what, String name) {
    StructField field = field(table, what, name);
    DataType type = field.dataType();
    Column c = named(name);
    Column millis;
    if (type instanceof TimestampType) {
      millis = unix_millis(c);
    } else if (type instanceof TimestampNTZType || type instanceof DateType) {
      millis = unix_millis(c.cast(DataTypes.TimestampType));
    } else if (type.equals(DataTypes.LongType) || type.equals(DataTypes.IntegerType)) {
      millis = c.cast(DataTypes.LongType);
    } else if (type instanceof StringType) {
      millis = unix_millis(to_timestamp(c));
    } else {
      throw new DataException(what, 0, name, "expected times (a timestamp, epoch milliseconds or ISO-8601 text), "
          + "found " + type.simpleString());
    }
    return millis.as(name);
  }

  /**
   * @param table a table
   * @param what the table's name in messages
   * @param name a value column
   * @return the column as double, keeping its name (text that is not a number becomes null)
   * @throws DataException when the column is neither numeric nor text
   */
  public static Column number(Dataset<Row> table, String what, String name) {
    DataType type = field(table, what, name).dataType();
    if (!(type instanceof NumericType) && !(type instanceof StringType)) {
      throw new DataException(what, 0, name, "expected numbers, found " + type.simpleString());
    }
    return named(name).cast(DataTypes.DoubleType).as(name);
  }

  /**
   * @param name a column
   * @return the column as text, keeping its name
   */
  public static Column text(String name) {
    return named(name).cast(DataTypes.StringType).as(name);
  }

  private static StructField field(Dataset<Row> table, String what, String name) {
    require(table, what, List.of(name));
    return table.schema().apply(name);
  }
}
