package org.aoiforecast.core.io;

import java.io.Reader;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.function.Function;
import org.aoiforecast.core.DataException;
import org.aoiforecast.core.DataWarning;
import org.aoiforecast.core.TimeSeries;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.Table;

/**
 * Reads a CSV file of timestamped numeric rows into a Tablesaw {@link Table} (a {@code time}
 * instant column plus one double column per value column) or a regular {@link TimeSeries}.
 *
 * <p>Where the times are is a {@link TimeLayout} (one column in a standard format or a pattern,
 * a date and a time-of-day column, or Year/Month/Day/Hour[/Minute] columns; the year may be fixed
 * for files without one; hour 24 means midnight at the end of the day, as in hour-ending data).
 * Local times are read in the zone of a {@link ZoneSource}: given, read from the metadata, or UTC
 * by default. Lines of metadata before the header can be skipped, and a footer row (such as
 * {@code Totals}) can end the data.
 *
 * <p>Nothing is dropped or filled in: an unsorted or duplicate time, a time outside the years 1 to
 * 9999, an empty, non-numeric or non-finite value, a value whose square overflows, a ragged row,
 * or an unknown column is an error naming the file, line and column. Values outside a column's
 * {@link PlausibleRange} are kept and reported as warnings. Immutable once built; {@link #read}
 * may be called on many files.
 */
public final class TimeSeriesCsvReader {
  private static final Instant FIRST = Instant.parse("0001-01-01T00:00:00Z").minus(Duration.ofDays(1));
  private static final Instant LAST = Instant.parse("9999-12-31T23:59:59Z").plus(Duration.ofDays(1));
  private final int skipLines;
  private final TimeLayout time;
  private final Integer fixedYear;
  private final ZoneSource zone;
  private final List<String> columns;
  private final String footer;
  private final boolean unitsInHeader;
  private final boolean rangesByUnit;
  private final Map<String, PlausibleRange> ranges;

  private TimeSeriesCsvReader(Builder b) {
    this.skipLines = b.skipLines;
    this.time = b.time;
    this.fixedYear = b.fixedYear;
    this.zone = b.zone;
    this.columns = List.copyOf(b.columns);
    this.footer = b.footer;
    this.unitsInHeader = b.unitsInHeader;
    this.rangesByUnit = b.rangesByUnit;
    this.ranges = Map.copyOf(b.ranges);
  }

  /** @return a builder */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads a file into a table. Values outside their plausible ranges are reported to the
   * {@linkplain System.Logger system logger} (see {@link #read(Path, Consumer)}).
   *
   * @param path the CSV file
   * @return the table, named after the file, with a {@code time} column first
   */
  public Table readTable(Path path) {
    try (CsvFile csv = CsvFile.open(path, skipLines)) {
      return parse(csv, LOGGED).table();
    }
  }

  /**
   * Reads text into a table.
   *
   * @param reader the CSV text
   * @param name name used in error messages and as the table name
   * @return the table
   */
  public Table readTable(Reader reader, String name) {
    try (CsvFile csv = CsvFile.open(reader, name, skipLines)) {
      return parse(csv, LOGGED).table();
    }
  }

  /**
   * Reads a file into a regular time series (evenly spaced rows). Values outside their plausible
   * ranges are reported to the {@linkplain System.Logger system logger}; use
   * {@link #read(Path, Consumer)} to receive them.
   *
   * @param path the CSV file
   * @return the series
   * @throws DataException naming the line where the spacing breaks
   */
  public TimeSeries read(Path path) {
    return read(path, LOGGED);
  }

  /**
   * Reads a file into a regular time series, handing every warning (a column with values outside
   * its plausible range: one warning per column, at the first such value) to a receiver.
   *
   * @param path the CSV file
   * @param warnings receives the warnings
   * @return the series
   */
  public TimeSeries read(Path path, Consumer<DataWarning> warnings) {
    try (CsvFile csv = CsvFile.open(path, skipLines)) {
      return parse(csv, warnings).toSeries(csv.name(), timeLabel());
    }
  }

  /**
   * Reads text into a regular time series.
   *
   * @param reader the CSV text
   * @param name name used in error messages
   * @return the series
   */
  public TimeSeries read(Reader reader, String name) {
    return read(reader, name, LOGGED);
  }

  /**
   * Reads text into a regular time series, handing every warning to a receiver.
   *
   * @param reader the CSV text
   * @param name name used in error messages
   * @param warnings receives the warnings
   * @return the series
   */
  public TimeSeries read(Reader reader, String name, Consumer<DataWarning> warnings) {
    try (CsvFile csv = CsvFile.open(reader, name, skipLines)) {
      return parse(csv, warnings).toSeries(csv.name(), timeLabel());
    }
  }

  /** Warnings of the calls without a receiver: a library must not print, but must not drop them either. */
  private static final Consumer<DataWarning> LOGGED = w -> System.getLogger(TimeSeriesCsvReader.class.getName())
      .log(System.Logger.Level.WARNING, w.toString());

  /** A parsed file: the table and the line each row came from. */
  private record Parsed(Table table, long[] lines, List<String> units) {
    TimeSeries toSeries(String name, String timeLabel) {
      InstantColumn times = table.instantColumn("time");
      if (times.size() >= 3) {
        long step = times.get(1).toEpochMilli() - times.get(0).toEpochMilli();
        for (int i = 2; i < times.size(); i++) {
          long d = times.get(i).toEpochMilli() - times.get(i - 1).toEpochMilli();
          if (d != step) {
            throw new DataException(name, lines[i], timeLabel, "time " + times.get(i) + " is " + Duration.ofMillis(d)
                + " after the previous row (line " + lines[i - 1] + "), but rows before are " + Duration.ofMillis(step)
                + " apart; a time series needs evenly spaced rows (resample the data, or read it as a table)");
          }
        }
      }
      TimeSeries plain = TimeSeries.fromTable(table, "time");
      TimeSeries.Builder b = TimeSeries.builder(plain.start(), plain.step()).origin(name);
      for (int c = 0; c < plain.names().size(); c++) {
        String column = plain.names().get(c);
        b.column(column, units.get(c), plain.column(column));
      }
      return b.build();
    }
  }

  /**
   * The unit written in a header such as {@code "GHI (W/m^2)"}: the text in the final
   * parentheses, or "" when there is none.
   *
   * @param header a column header
   * @return its unit
   */
  public static String unitOf(String header) {
    String h = header.trim();
    if (h.endsWith(")")) {
      int open = h.lastIndexOf('(');
      if (open > 0) {
        return h.substring(open + 1, h.length() - 1).trim();
      }
    }
    return "";
  }

  private Parsed parse(CsvFile csv, Consumer<DataWarning> warnings) {
    Function<CsvFile.Row, Instant> timeOf = time.parser(csv, zone.resolve(csv), fixedYear);
    List<String> valueNames = columns.isEmpty() ? defaultColumns(csv) : columns;
    if (valueNames.isEmpty()) {
      throw new DataException(csv.name(), csv.headerLine(), null, "no value columns besides the time column(s) "
          + time.columns() + "; the header is " + csv.header());
    }
    for (int i = 0; i < valueNames.size(); i++) {
      if (valueNames.indexOf(valueNames.get(i)) != i) {
        throw new DataException(csv.name(), csv.headerLine(), valueNames.get(i), "the column name appears twice in"
            + " the header " + csv.header() + "; columns need distinct names");
      }
    }
    int[] valueIndex = new int[valueNames.size()];
    for (int i = 0; i < valueIndex.length; i++) {
      valueIndex[i] = valueColumn(csv, valueNames.get(i));
    }
    List<Instant> times = new ArrayList<>();
    double[][] values = new double[valueIndex.length][1024];
    long[] lines = new long[1024];
    int n = 0;
    for (CsvFile.Row row : csv) {
      if (row.isBlank()) {
        continue; // an empty line carries no data (a trailing newline, typically)
      }
      if (footer != null && row.text(0).equals(footer)) {
        break;
      }
      Instant t = timeOf.apply(row);
      if (t.isBefore(FIRST) || t.isAfter(LAST)) {
        // differences of epoch milliseconds between such times would overflow a long
        throw new DataException(csv.name(), row.line(), timeLabel(), "time " + t + " is outside the years "
            + TimeLayout.MIN_YEAR + " to " + TimeLayout.MAX_YEAR);
      }
      if (n > 0) {
        Instant previous = times.get(n - 1);
        if (!t.isAfter(previous)) {
          throw new DataException(csv.name(), row.line(), timeLabel(), "time " + t + (t.equals(previous) ? " duplicates"
              : " precedes") + " the time " + previous + " on line " + lines[n - 1]
              + "; expected strictly increasing times");
        }
      }
      if (n == values[0].length || n == lines.length) {
        int cap = n * 2;
        for (int c = 0; c < values.length; c++) {
          values[c] = Arrays.copyOf(values[c], cap);
        }
        lines = Arrays.copyOf(lines, cap);
      }
      for (int c = 0; c < valueIndex.length; c++) {
        values[c][n] = row.number(valueIndex[c]);
      }
      times.add(t);
      lines[n] = row.line();
      n++;
    }
    if (n == 0) {
      throw new DataException(csv.name(), csv.headerLine(), null, "no data rows after the header");
    }
    Table table = Table.create(csv.name());
    InstantColumn timeCol = InstantColumn.create("time", n);
    for (int i = 0; i < n; i++) {
      timeCol.set(i, times.get(i));
    }
    table.addColumns(timeCol);
    for (int c = 0; c < valueIndex.length; c++) {
      table.addColumns(DoubleColumn.create(valueNames.get(c), Arrays.copyOf(values[c], n)));
    }
    List<String> units = new ArrayList<>();
    for (int index : valueIndex) {
      units.add(unitOf(csv.header().get(index)));
    }
    for (int c = 0; c < valueIndex.length; c++) {
      String unit = units.get(c);
      PlausibleRange range = ranges.containsKey(valueNames.get(c)) ? ranges.get(valueNames.get(c))
          : rangesByUnit ? PlausibleRange.forUnit(unit).orElse(null) : null;
      if (range != null) {
        checkRange(csv.name(), valueNames.get(c), values[c], n, lines, range, warnings);
      }
    }
    return new Parsed(table, Arrays.copyOf(lines, n), units);
  }

  /** One warning per column: how many values lie outside the range, and where the first is. */
  private static void checkRange(String file, String column, double[] v, int n, long[] lines, PlausibleRange range,
      Consumer<DataWarning> warnings) {
    int outside = 0;
    int first = -1;
    for (int i = 0; i < n; i++) {
      if (!range.contains(v[i])) {
        outside++;
        if (first < 0) {
          first = i;
        }
      }
    }
    if (outside > 0) {
      warnings.accept(new DataWarning(file, lines[first], column, "value " + v[first] + " is outside the plausible"
          + " range " + range + (outside > 1 ? " (" + outside + " values of this column are)" : "")
          + "; kept as read: check for a missing-value code or a unit mix-up"));
    }
  }

  private String timeLabel() {
    return time.label();
  }

  private List<String> defaultColumns(CsvFile csv) {
    List<String> used = time.columns();
    List<String> out = new ArrayList<>();
    for (String h : csv.header()) {
      if (!used.contains(h) && !h.isEmpty()) {
        out.add(unitsInHeader ? nameOf(h) : h);
      }
    }
    return out;
  }

  /** The header position of a value column, by its name (without the unit when units are in the header). */
  private int valueColumn(CsvFile csv, String name) {
    if (!unitsInHeader) {
      if (!csv.header().contains(name)) {
        for (String h : csv.header()) {
          if (!unitOf(h).isEmpty() && nameOf(h).equals(name)) {
            throw new DataException(csv.name(), csv.headerLine(), name, "no such column, but the header '" + h
                + "' names it with a unit: read with unitsInHeader() to name columns without their units");
          }
        }
      }
      return csv.column(name);
    }
    List<String> names = new ArrayList<>();
    for (int i = 0; i < csv.header().size(); i++) {
      String n = nameOf(csv.header().get(i));
      if (n.equals(name)) {
        return i;
      }
      names.add(n);
    }
    throw new DataException(csv.name(), csv.headerLine(), name, "no such column; the columns are " + names);
  }

  /**
   * A header without its unit: {@code "GHI (W/m^2)"} gives {@code "GHI"}.
   *
   * @param header a column header
   * @return the name part
   */
  public static String nameOf(String header) {
    String unit = unitOf(header);
    if (unit.isEmpty()) {
      return header.trim();
    }
    String h = header.trim();
    return h.substring(0, h.lastIndexOf('(')).trim();
  }

  /** Builds a {@link TimeSeriesCsvReader}. */
  public static final class Builder {
    private int skipLines;
    private TimeLayout time;
    private Integer fixedYear;
    private ZoneSource zone = ZoneSource.utc();
    private final List<String> columns = new ArrayList<>();
    private String footer;
    private boolean unitsInHeader;
    private boolean rangesByUnit;
    private final Map<String, PlausibleRange> ranges = new HashMap<>();

    private Builder() {}

    /**
     * @param lines metadata lines before the header row
     * @return this builder
     */
    public Builder skipLines(int lines) {
      if (lines < 0) {
        throw new IllegalArgumentException("cannot skip " + lines + " lines");
      }
      this.skipLines = lines;
      return this;
    }

    /**
     * Where the times are and how they are written (one of the {@link TimeLayout}s; the methods
     * below are shortcuts).
     *
     * @param layout the time layout
     * @return this builder
     */
    public Builder time(TimeLayout layout) {
      this.time = Objects.requireNonNull(layout, "layout");
      return this;
    }

    /**
     * Where the zone of local times comes from (default {@link ZoneSource#utc()}; the zone
     * methods below are shortcuts).
     *
     * @param source the zone source
     * @return this builder
     */
    public Builder zone(ZoneSource source) {
      this.zone = Objects.requireNonNull(source, "source");
      return this;
    }

    /**
     * Times from one column in a standard format.
     *
     * @param column the column name
     * @param format its format
     * @return this builder
     */
    public Builder timeColumn(String column, TimeFormat format) {
      return time(TimeLayout.column(column, format));
    }

    /**
     * Times from one column in a local-time pattern, e.g. {@code "MM/dd/yyyy HH:mm"}.
     *
     * @param column the column name
     * @param pattern a {@link DateTimeFormatter} pattern of a local date-time
     * @return this builder
     */
    public Builder timeColumn(String column, String pattern) {
      return time(TimeLayout.pattern(column, pattern));
    }

    /**
     * Times from a date column and a time-of-day column, e.g. TMY3's {@code 01/31/1988} and
     * {@code 24:00} (hour 24 is midnight at the end of the day).
     *
     * @param dateColumn the date column
     * @param datePattern its {@link DateTimeFormatter} pattern, e.g. {@code "MM/dd/yyyy"}
     * @param clockColumn the time-of-day column, {@code HH:mm} or {@code HH:mm:ss}, 00:00 to 24:00
     * @return this builder
     */
    public Builder dateAndTime(String dateColumn, String datePattern, String clockColumn) {
      return time(TimeLayout.dateAndClock(dateColumn, datePattern, clockColumn));
    }

    /**
     * Times from separate local date/time columns.
     *
     * @param year the year column, or null for files without one (then call {@link #year})
     * @param month the month column (1-12)
     * @param day the day-of-month column
     * @param hour the hour column (0-23, or 24 for the end of the day)
     * @param minute the minute column, or null when rows are whole hours
     * @return this builder
     */
    public Builder dateParts(String year, String month, String day, String hour, String minute) {
      return time(TimeLayout.dateParts(year, month, day, hour, minute));
    }

    /**
     * The year of every row: for files without a year, and for typical-year files (TMY) that
     * stitch months of different years, whose own years would make time run backwards. It
     * overrides the file's years; 29 February is an error when the year is not a leap year.
     *
     * @param year the year
     * @return this builder
     */
    public Builder year(int year) {
      this.fixedYear = year;
      return this;
    }

    /**
     * The zone of local times (default UTC).
     *
     * @param zone a zone or offset
     * @return this builder
     */
    public Builder zone(ZoneId zone) {
      return zone(ZoneSource.fixed(zone));
    }

    /**
     * Reads the zone from a field of a metadata line: an offset in hours such as {@code -5} or a
     * zone id.
     *
     * @param line 1-based metadata line
     * @param field 0-based field in that line
     * @return this builder
     */
    public Builder zoneFromMetadata(int line, int field) {
      return zone(ZoneSource.metadataField(line, field));
    }

    /**
     * Reads the zone from metadata given as a line of keys followed by a line of values (as in
     * NSRDB files, key {@code "Time Zone"}).
     *
     * @param key the key naming the offset
     * @return this builder
     */
    public Builder zoneFromMetadataKey(String key) {
      return zone(ZoneSource.metadataKey(key));
    }

    /**
     * The value columns to read (default: every column that is not a time column).
     *
     * @param names column names
     * @return this builder
     */
    public Builder columns(String... names) {
      columns.clear();
      columns.addAll(List.of(names));
      return this;
    }

    /**
     * Ends the data at the first row whose first field is this marker (e.g. {@code "Totals"}).
     *
     * @param marker the text of the footer's first field
     * @return this builder
     */
    public Builder footer(String marker) {
      this.footer = marker;
      return this;
    }

    /**
     * Headers carry units in final parentheses ({@code "GHI (W/m^2)"}): value columns are named
     * without them ({@code "GHI"}, also in {@link #columns}) and get them as units. Time columns
     * are still named by their full header.
     *
     * @return this builder
     */
    public Builder unitsInHeader() {
      this.unitsInHeader = true;
      return this;
    }

    /**
     * Warns about values outside the plausible range of their column's unit
     * ({@link PlausibleRange#forUnit}; the unit is the one in the header, so this needs
     * {@link #unitsInHeader()}). Values are kept: a warning, never a silent drop.
     *
     * @return this builder
     */
    public Builder plausibleRangesByUnit() {
      this.rangesByUnit = true;
      return this;
    }

    /**
     * Warns about values of a column outside a range (over the range of its unit, if any).
     *
     * @param column a value column, as named by {@link #columns}
     * @param range its plausible range
     * @return this builder
     */
    public Builder plausibleRange(String column, PlausibleRange range) {
      ranges.put(Objects.requireNonNull(column, "column"), Objects.requireNonNull(range, "range"));
      return this;
    }

    /** @return the reader */
    public TimeSeriesCsvReader build() {
      if (time == null) {
        throw new IllegalStateException("say where times are: time(...), timeColumn(...), dateAndTime(...) or"
            + " dateParts(...)");
      }
      if (!time.hasYear() && fixedYear == null) {
        throw new IllegalStateException("the file has no year column: give the year with year(...)");
      }
      return new TimeSeriesCsvReader(this);
    }
  }
}
