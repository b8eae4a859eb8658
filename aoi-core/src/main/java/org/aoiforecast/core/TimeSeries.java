package org.aoiforecast.core;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * A regular time series: rows at {@code start + i * step} (UTC), one {@code double[]} per named
 * column, every value finite.
 *
 * <p>This is the base the aged data sets are views over. It is immutable: columns are copied in
 * and out. Units are free text per column ("" when unknown).
 */
public final class TimeSeries {
  private final long startMillis;
  private final long stepMillis;
  private final List<String> names;
  private final List<String> units;
  private final double[][] columns;
  private final String origin;

  private TimeSeries(long startMillis, long stepMillis, List<String> names, List<String> units,
      double[][] columns, String origin) {
    this.startMillis = startMillis;
    this.stepMillis = stepMillis;
    this.names = List.copyOf(names);
    this.units = List.copyOf(units);
    this.columns = columns;
    this.origin = origin;
  }

  /**
   * Starts a builder.
   *
   * @param start time of row 0
   * @param step spacing of rows, positive, whole milliseconds
   * @return a builder
   */
  public static Builder builder(Instant start, Duration step) {
    return new Builder(start, step);
  }

  /**
   * Converts a Tablesaw table with an instant column into a regular series.
   *
   * @param table the table
   * @param timeColumn name of its {@link InstantColumn}
   * @param valueColumns numeric columns to keep; none means every numeric column
   * @return the series
   * @throws DataException when times are not strictly increasing and evenly spaced, or a value is
   *     missing or not finite; the message names the row and time
   */
  public static TimeSeries fromTable(Table table, String timeColumn, String... valueColumns) {
    String name = table.name();
    if (!table.columnNames().contains(timeColumn)) {
      throw new DataException(name, 0, timeColumn, "no such column; the columns are " + table.columnNames());
    }
    Column<?> timeCol = table.column(timeColumn);
    if (!(timeCol instanceof InstantColumn times)) {
      throw new DataException(name, 0, timeColumn, "expected an instant column, found " + timeCol.type());
    }
    if (times.size() < 2) {
      throw new DataException(name, 0, timeColumn, "a time series needs at least 2 rows to know its step, found "
          + times.size());
    }
    for (int i = 0; i < times.size(); i++) {
      if (times.isMissing(i)) {
        throw new DataException(name, 0, timeColumn, "row " + i + " has no time");
      }
    }
    long start = times.get(0).toEpochMilli();
    long step = times.get(1).toEpochMilli() - start;
    checkRegular(name, timeColumn, times, start, step);
    List<String> selected = new ArrayList<>();
    if (valueColumns.length == 0) {
      for (Column<?> c : table.columns()) {
        if (c instanceof NumericColumn<?> && !c.name().equals(timeColumn)) {
          selected.add(c.name());
        }
      }
    } else {
      Collections.addAll(selected, valueColumns);
    }
    Builder b = builder(Instant.ofEpochMilli(start), Duration.ofMillis(step)).origin(name);
    for (String col : selected) {
      if (!table.columnNames().contains(col)) {
        throw new DataException(name, 0, col, "no such column; the columns are " + table.columnNames());
      }
      Column<?> c = table.column(col);
      if (!(c instanceof NumericColumn<?> numeric)) {
        throw new DataException(name, 0, col, "expected a numeric column, found " + c.type());
      }
      double[] v = new double[numeric.size()];
      for (int i = 0; i < v.length; i++) {
        v[i] = numeric.isMissing(i) ? Double.NaN : numeric.getDouble(i);
      }
      b.column(col, "", v);
    }
    return b.build();
  }

  private static void checkRegular(String name, String timeColumn, InstantColumn times, long start, long step) {
    if (step <= 0) {
      throw new DataException(name, 0, timeColumn, "row 1 at " + times.get(1) + (step == 0 ? " duplicates" : " precedes")
          + " row 0 at " + times.get(0) + "; expected strictly increasing times");
    }
    for (int i = 2; i < times.size(); i++) {
      long t = times.get(i).toEpochMilli();
      long expected = start + i * step;
      if (t != expected) {
        long previous = times.get(i - 1).toEpochMilli();
        String problem = t <= previous
            ? (t == previous ? "duplicates" : "precedes") + " the previous row's time; expected strictly increasing times"
            : "breaks the regular step of " + Duration.ofMillis(step) + "; expected " + Instant.ofEpochMilli(expected);
        throw new DataException(name, 0, timeColumn, "row " + i + " at " + times.get(i) + " " + problem);
      }
    }
  }

  /** @return the number of rows */
  public int size() {
    return columns.length == 0 ? 0 : columns[0].length;
  }

  /** @return the time of row 0 */
  public Instant start() {
    return Instant.ofEpochMilli(startMillis);
  }

  /** @return the spacing of rows */
  public Duration step() {
    return Duration.ofMillis(stepMillis);
  }

  /** @return the spacing of rows in milliseconds */
  public long stepMillis() {
    return stepMillis;
  }

  /**
   * @param row row index
   * @return its time
   */
  public Instant time(int row) {
    return Instant.ofEpochMilli(timeMillis(row));
  }

  /**
   * @param row row index (may lie outside the series, for times before or after it)
   * @return its time in epoch milliseconds
   */
  public long timeMillis(int row) {
    return startMillis + row * stepMillis;
  }

  /** @return the column names */
  public List<String> names() {
    return names;
  }

  /** @return the units, parallel to {@link #names()} */
  public List<String> units() {
    return units;
  }

  /** @return where the series came from (a file name), or "" */
  public String origin() {
    return origin;
  }

  /**
   * The position of a column.
   *
   * @param name a column name
   * @return its index
   * @throws DataException naming the columns that exist, when there is no such column
   */
  public int columnIndex(String name) {
    int index = names.indexOf(name);
    if (index < 0) {
      throw new DataException(origin.isEmpty() ? null : origin, 0, name, "no such column; the columns are " + names);
    }
    return index;
  }

  /**
   * @param name a column name
   * @return true when the series has it
   */
  public boolean hasColumn(String name) {
    return names.contains(name);
  }

  /**
   * @param name a column name
   * @return a copy of its values
   */
  public double[] column(String name) {
    return columns[columnIndex(name)].clone();
  }

  /**
   * @param column column index
   * @param row row index
   * @return the value
   */
  public double value(int column, int row) {
    return columns[column][row];
  }

  /**
   * A series with the same times and the given columns only.
   *
   * @param names column names, in the order wanted
   * @return the selection
   */
  public TimeSeries select(String... names) {
    Builder b = new Builder(startMillis, stepMillis).origin(origin);
    for (String name : names) {
      int i = columnIndex(name);
      b.column(name, units.get(i), columns[i]);
    }
    return b.build();
  }

  /**
   * Rows {@code from} (inclusive) to {@code to} (exclusive).
   *
   * @param from first row
   * @param to end row, exclusive
   * @return the slice
   */
  public TimeSeries slice(int from, int to) {
    Objects.checkFromToIndex(from, to, size());
    Builder b = new Builder(timeMillis(from), stepMillis).origin(origin);
    for (int c = 0; c < columns.length; c++) {
      b.column(names.get(c), units.get(c), java.util.Arrays.copyOfRange(columns[c], from, to));
    }
    return b.build();
  }

  /**
   * A series with every column transformed as {@code (x - offset[c]) / scale[c]}: what a
   * standardisation does, done once over the base series rather than per sample.
   *
   * @param offset per-column offsets, parallel to {@link #names()}
   * @param scale per-column positive scales
   * @return the transformed series
   */
  public TimeSeries affine(double[] offset, double[] scale) {
    if (offset.length != columns.length || scale.length != columns.length) {
      throw new IllegalArgumentException("expected " + columns.length + " offsets and scales");
    }
    double[][] out = new double[columns.length][];
    for (int c = 0; c < columns.length; c++) {
      double[] src = columns[c];
      double[] dst = new double[src.length];
      double o = offset[c];
      double inv = 1.0 / scale[c];
      for (int i = 0; i < src.length; i++) {
        dst[i] = (src[i] - o) * inv;
      }
      out[c] = dst;
    }
    return new TimeSeries(startMillis, stepMillis, names, units, out, origin);
  }

  /** @return a Tablesaw table with a "time" instant column followed by the value columns */
  public Table toTable() {
    Table t = Table.create(origin.isEmpty() ? "series" : origin);
    InstantColumn time = InstantColumn.create("time", size());
    for (int i = 0; i < size(); i++) {
      time.set(i, time(i));
    }
    t.addColumns(time);
    for (int c = 0; c < columns.length; c++) {
      t.addColumns(DoubleColumn.create(names.get(c), columns[c].clone()));
    }
    return t;
  }

  @Override
  public String toString() {
    return "TimeSeries[" + size() + " rows from " + start() + " every " + step() + ", columns " + names + "]";
  }

  /** Builds a {@link TimeSeries} column by column. */
  public static final class Builder {
    private final long startMillis;
    private final long stepMillis;
    private final Map<String, double[]> columns = new LinkedHashMap<>();
    private final Map<String, String> units = new LinkedHashMap<>();
    private String origin = "";

    private Builder(Instant start, Duration step) {
      this(Objects.requireNonNull(start, "start").toEpochMilli(), Objects.requireNonNull(step, "step").toMillis());
      if (step.isNegative() || step.isZero() || step.toNanos() % 1_000_000 != 0) {
        throw new IllegalArgumentException("the step must be a positive whole number of milliseconds, got " + step);
      }
    }

    private Builder(long startMillis, long stepMillis) {
      this.startMillis = startMillis;
      this.stepMillis = stepMillis;
    }

    /**
     * Names where the data came from, used in error messages.
     *
     * @param origin a file name or label
     * @return this builder
     */
    public Builder origin(String origin) {
      this.origin = origin == null ? "" : origin;
      return this;
    }

    /**
     * Adds a column (copied).
     *
     * @param name a new column name
     * @param unit its unit, "" when unknown
     * @param values one finite value per row
     * @return this builder
     */
    public Builder column(String name, String unit, double[] values) {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("a column needs a non-blank name");
      }
      if (columns.containsKey(name)) {
        throw new IllegalArgumentException("column '" + name + "' is added twice");
      }
      columns.put(name, values.clone());
      units.put(name, unit == null ? "" : unit);
      return this;
    }

    /**
     * Adds a column with unknown unit.
     *
     * @param name a new column name
     * @param values one finite value per row
     * @return this builder
     */
    public Builder column(String name, double[] values) {
      return column(name, "", values);
    }

    /**
     * @return the series
     * @throws DataException when columns differ in length or hold a value that is not finite
     */
    public TimeSeries build() {
      if (columns.isEmpty()) {
        throw new IllegalArgumentException("a time series needs at least one column");
      }
      int n = -1;
      String where = origin.isEmpty() ? null : origin;
      for (Map.Entry<String, double[]> e : columns.entrySet()) {
        double[] v = e.getValue();
        if (n < 0) {
          n = v.length;
        } else if (v.length != n) {
          throw new DataException(where, 0, e.getKey(), v.length + " rows, expected " + n + " like the first column");
        }
        for (int i = 0; i < v.length; i++) {
          if (!Double.isFinite(v[i])) {
            throw new DataException(where, 0, e.getKey(), "row " + i + " at "
                + Instant.ofEpochMilli(startMillis + i * stepMillis) + " has value "
                + (Double.isNaN(v[i]) ? "NaN (missing)" : String.valueOf(v[i])) + "; expected a finite number");
          }
        }
      }
      List<String> names = new ArrayList<>(columns.keySet());
      return new TimeSeries(startMillis, stepMillis, names, new ArrayList<>(units.values()),
          columns.values().toArray(new double[0][]), origin);
    }
  }
}
