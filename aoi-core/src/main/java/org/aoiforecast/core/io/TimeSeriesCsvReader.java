package org.aoiforecast.core.io;

import java.io.Reader;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;
import org.aoiforecast.core.DataException;
import org.aoiforecast.core.TimeSeries;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.Table;

/**
 * Reads a CSV file of timestamped numeric rows into a Tablesaw {@link Table} (a {@code time}
 * instant column plus one double column per value column) or a regular {@link TimeSeries}.
 *
 * <p>Times come from one column ({@link TimeFormat}: ISO-8601, epoch seconds or milliseconds, or a
 * {@link DateTimeFormatter} pattern) or from Year/Month/Day/Hour[/Minute] columns (the year may be
 * fixed for files without one; hour 24 means midnight at the end of the day, as in hour-ending
 * data). Local times are read in a zone that is given, read from a metadata line, or UTC by
 * default. Lines of metadata before the header can be skipped, and a footer row (such as
 * {@code Totals}) can end the data.
 *
 * <p>Nothing is dropped or filled in: an unsorted or duplicate time, an empty, non-numeric or
 * non-finite value, a ragged row, or an unknown column is an error naming the file, line and
 * column. Immutable once built; {@link #read} may be called on many files.
 */
public final class TimeSeriesCsvReader {
  private final int skipLines;
  private final String timeColumn;
  private final TimeFormat timeFormat;
  private final String timePattern;
  private final String[] dateParts; // year, month, day, hour, minute (year, minute may be null)
  private final Integer fixedYear;
  private final String dateColumn;
  private final String datePattern;
  private final String clockColumn;
  private final ZoneId zone;
  private final int zoneLine;
  private final int zoneField;
  private final String zoneKey;
  private final List<String> columns;
  private final String footer;
  private final boolean unitsInHeader;

  private TimeSeriesCsvReader(Builder b) {
    this.skipLines = b.skipLines;
    this.timeColumn = b.timeColumn;
    this.timeFormat = b.timeFormat;
    this.timePattern = b.timePattern;
    this.dateParts = b.dateParts;
    this.fixedYear = b.fixedYear;
    this.dateColumn = b.dateColumn;
    this.datePattern = b.datePattern;
    this.clockColumn = b.clockColumn;
    this.zone = b.zone;
    this.zoneLine = b.zoneLine;
    this.zoneField = b.zoneField;
    this.zoneKey = b.zoneKey;
    this.columns = List.copyOf(b.columns);
    this.footer = b.footer;
    this.unitsInHeader = b.unitsInHeader;
  }

  /** @return a builder */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Reads a file into a table.
   *
   * @param path the CSV file
   * @return the table, named after the file, with a {@code time} column first
   */
  public Table readTable(Path path) {
    try (CsvFile csv = CsvFile.open(path, skipLines)) {
      return parse(csv).table();
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
      return parse(csv).table();
    }
  }

  /**
   * Reads a file into a regular time series (evenly spaced rows).
   *
   * @param path the CSV file
   * @return the series
   * @throws DataException naming the line where the spacing breaks
   */
  public TimeSeries read(Path path) {
    try (CsvFile csv = CsvFile.open(path, skipLines)) {
      return parse(csv).toSeries(csv.name(), timeLabel());
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
    try (CsvFile csv = CsvFile.open(reader, name, skipLines)) {
      return parse(csv).toSeries(csv.name(), timeLabel());
    }
  }

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

  private Parsed parse(CsvFile csv) {
    ZoneId z = resolveZone(csv);
    Function<CsvFile.Row, Instant> time = timeParser(csv, z);
    List<String> valueNames = columns.isEmpty() ? defaultColumns(csv) : columns;
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
      Instant t = time.apply(row);
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
    return new Parsed(table, Arrays.copyOf(lines, n), units);
  }

  private String timeLabel() {
    if (timeColumn != null) {
      return timeColumn;
    }
    if (dateColumn != null) {
      return dateColumn + "/" + clockColumn;
    }
    return String.join("/", Arrays.stream(dateParts).filter(Objects::nonNull).toList());
  }

  private List<String> defaultColumns(CsvFile csv) {
    List<String> used = new ArrayList<>();
    if (timeColumn != null) {
      used.add(timeColumn);
    } else if (dateColumn != null) {
      used.add(dateColumn);
      used.add(clockColumn);
    } else {
      for (String p : dateParts) {
        if (p != null) {
          used.add(p);
        }
      }
    }
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

  private ZoneId resolveZone(CsvFile csv) {
    if (zone != null) {
      return zone;
    }
    if (zoneKey != null) {
      // NSRDB style: a line of metadata keys followed by a line of their values.
      for (int line = 1; line < csv.metadata().size(); line++) {
        List<String> keys = csv.metadataFields(line);
        int i = keys.indexOf(zoneKey);
        if (i >= 0) {
          List<String> vals = csv.metadataFields(line + 1);
          if (i >= vals.size()) {
            throw new DataException(csv.name(), line + 1, zoneKey, "no value under metadata key '" + zoneKey + "'");
          }
          return parseZone(csv, line + 1, vals.get(i));
        }
      }
      throw new DataException(csv.name(), 0, zoneKey, "no metadata key '" + zoneKey + "' in the "
          + csv.metadata().size() + " lines before the header");
    }
    if (zoneLine > 0) {
      List<String> fields = csv.metadataFields(zoneLine);
      if (zoneField >= fields.size()) {
        throw new DataException(csv.name(), zoneLine, null, "expected the time zone in field " + (zoneField + 1)
            + " of the metadata line, which has only " + fields.size() + " fields");
      }
      return parseZone(csv, zoneLine, fields.get(zoneField));
    }
    return ZoneOffset.UTC;
  }

  /**
   * Reads a zone written as an hour offset ({@code -5}, {@code 5.5}) or a zone id
   * ({@code Europe/Paris}, {@code +02:00}).
   */
  static ZoneId parseZone(CsvFile csv, long line, String text) {
    try {
      double hours = Double.parseDouble(text);
      return ZoneOffset.ofTotalSeconds((int) Math.round(hours * 3600));
    } catch (NumberFormatException e) {
      try {
        return ZoneId.of(text);
      } catch (DateTimeException e2) {
        throw new DataException(csv.name(), line, null, "expected a UTC offset in hours (e.g. -5) or a zone id,"
            + " found '" + text + "'");
      }
    } catch (DateTimeException e) {
      throw new DataException(csv.name(), line, null, "UTC offset '" + text + "' is out of range (-18..18 hours)");
    }
  }

  private Function<CsvFile.Row, Instant> timeParser(CsvFile csv, ZoneId z) {
    if (timeColumn != null) {
      int col = csv.column(timeColumn);
      if (timePattern != null) {
        DateTimeFormatter f = DateTimeFormatter.ofPattern(timePattern);
        return row -> {
          String text = row.text(col);
          try {
            return LocalDateTime.parse(text, f).atZone(z).toInstant();
          } catch (DateTimeParseException e) {
            throw row.error(col, "expected a time like '" + timePattern + "', found '" + text + "'");
          }
        };
      }
      return switch (timeFormat) {
        case EPOCH_SECONDS -> row -> {
          double s = row.number(col);
          return Instant.ofEpochMilli(Math.round(s * 1000));
        };
        case EPOCH_MILLIS -> row -> Instant.ofEpochMilli(row.integer(col));
        case ISO_8601 -> row -> parseIso(row, col, z);
      };
    }
    if (dateColumn != null) {
      int dcol = csv.column(dateColumn);
      int ccol = csv.column(clockColumn);
      DateTimeFormatter f = DateTimeFormatter.ofPattern(datePattern);
      return row -> {
        String text = row.text(dcol);
        LocalDate date;
        try {
          date = LocalDate.parse(text, f);
        } catch (DateTimeParseException e) {
          throw row.error(dcol, "expected a date like '" + datePattern + "', found '" + text + "'");
        }
        if (fixedYear != null) {
          if (date.getMonthValue() == 2 && date.getDayOfMonth() == 29 && !java.time.Year.isLeap(fixedYear)) {
            throw row.error(dcol, "29 February cannot be moved to the non-leap year " + fixedYear);
          }
          date = date.withYear(fixedYear);
        }
        String clock = row.text(ccol);
        String[] hm = clock.split(":");
        int h;
        int mi;
        int sec;
        try {
          h = Integer.parseInt(hm[0]);
          mi = hm.length > 1 ? Integer.parseInt(hm[1]) : 0;
          sec = hm.length > 2 ? Integer.parseInt(hm[2]) : 0;
        } catch (NumberFormatException e) {
          throw row.error(ccol, "expected a time of day like 13:00, found '" + clock + "'");
        }
        if (hm.length > 3 || h < 0 || h > 24 || mi < 0 || mi > 59 || sec < 0 || sec > 59
            || (h == 24 && (mi != 0 || sec != 0))) {
          throw row.error(ccol, "expected a time of day from 00:00 to 24:00, found '" + clock + "'");
        }
        return date.atStartOfDay().plusHours(h).plusMinutes(mi).plusSeconds(sec).atZone(z).toInstant();
      };
    }
    int year = dateParts[0] == null || fixedYear != null ? -1 : csv.column(dateParts[0]);
    int month = csv.column(dateParts[1]);
    int day = csv.column(dateParts[2]);
    int hour = csv.column(dateParts[3]);
    int minute = dateParts[4] == null ? -1 : csv.column(dateParts[4]);
    return row -> {
      int y = year < 0 ? fixedYear : (int) row.integer(year);
      int mo = (int) row.integer(month);
      int d = (int) row.integer(day);
      int h = (int) row.integer(hour);
      int mi = minute < 0 ? 0 : (int) row.integer(minute);
      if (h < 0 || h > 24 || (h == 24 && mi != 0)) {
        throw row.error(hour, "hour " + h + (h == 24 ? ":" + mi : "") + " is out of range; expected 0..23 (or 24:00)");
      }
      try {
        LocalDateTime local = LocalDate.of(y, mo, d).atStartOfDay().plusHours(h).plusMinutes(mi);
        return local.atZone(z).toInstant();
      } catch (DateTimeException e) {
        throw row.error(-1, "invalid date " + y + "-" + mo + "-" + d + " " + h + ":" + mi + ": " + e.getMessage());
      }
    };
  }

  private static final DateTimeFormatter LOCAL_ISO = new DateTimeFormatterBuilder()
      .append(DateTimeFormatter.ISO_LOCAL_DATE)
      .optionalStart().appendLiteral('T').optionalEnd()
      .optionalStart().appendLiteral(' ').optionalEnd()
      .append(DateTimeFormatter.ISO_LOCAL_TIME)
      .optionalStart().appendOffsetId().optionalEnd()
      .optionalStart().appendLiteral('[').parseCaseSensitive().appendZoneRegionId().appendLiteral(']').optionalEnd()
      .parseDefaulting(ChronoField.SECOND_OF_MINUTE, 0)
      .toFormatter();

  private static Instant parseIso(CsvFile.Row row, int col, ZoneId z) {
    String text = row.text(col);
    try {
      var parsed = LOCAL_ISO.parseBest(text, java.time.ZonedDateTime::from, java.time.OffsetDateTime::from,
          LocalDateTime::from);
      if (parsed instanceof java.time.ZonedDateTime zdt) {
        return zdt.toInstant();
      }
      if (parsed instanceof java.time.OffsetDateTime odt) {
        return odt.toInstant();
      }
      return ((LocalDateTime) parsed).atZone(z).toInstant();
    } catch (DateTimeParseException e) {
      throw row.error(col, "expected an ISO-8601 time such as 2021-06-01T12:00:00Z or 2021-06-01 12:00, found '"
          + text + "'");
    }
  }

  /** Builds a {@link TimeSeriesCsvReader}. */
  public static final class Builder {
    private int skipLines;
    private String timeColumn;
    private TimeFormat timeFormat = TimeFormat.ISO_8601;
    private String timePattern;
    private String[] dateParts;
    private Integer fixedYear;
    private String dateColumn;
    private String datePattern;
    private String clockColumn;
    private ZoneId zone;
    private int zoneLine;
    private int zoneField;
    private String zoneKey;
    private final List<String> columns = new ArrayList<>();
    private String footer;
    private boolean unitsInHeader;

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
     * Times from one column in a standard format.
     *
     * @param column the column name
     * @param format its format
     * @return this builder
     */
    public Builder timeColumn(String column, TimeFormat format) {
      this.timeColumn = Objects.requireNonNull(column, "column");
      this.timeFormat = Objects.requireNonNull(format, "format");
      this.timePattern = null;
      this.dateParts = null;
      this.dateColumn = null;
      return this;
    }

    /**
     * Times from one column in a local-time pattern, e.g. {@code "MM/dd/yyyy HH:mm"}.
     *
     * @param column the column name
     * @param pattern a {@link DateTimeFormatter} pattern of a local date-time
     * @return this builder
     */
    public Builder timeColumn(String column, String pattern) {
      DateTimeFormatter.ofPattern(pattern); // fail early on a bad pattern
      this.timeColumn = Objects.requireNonNull(column, "column");
      this.timePattern = pattern;
      this.dateParts = null;
      this.dateColumn = null;
      return this;
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
      DateTimeFormatter.ofPattern(datePattern); // fail early on a bad pattern
      this.dateColumn = Objects.requireNonNull(dateColumn, "dateColumn");
      this.datePattern = datePattern;
      this.clockColumn = Objects.requireNonNull(clockColumn, "clockColumn");
      this.timeColumn = null;
      this.dateParts = null;
      return this;
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
      this.dateParts = new String[] {year, Objects.requireNonNull(month, "month"), Objects.requireNonNull(day, "day"),
          Objects.requireNonNull(hour, "hour"), minute};
      this.timeColumn = null;
      this.dateColumn = null;
      return this;
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
      this.zone = Objects.requireNonNull(zone, "zone");
      return this;
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
      if (line < 1 || field < 0) {
        throw new IllegalArgumentException("metadata line is 1-based and field 0-based; got " + line + ", " + field);
      }
      this.zoneLine = line;
      this.zoneField = field;
      return this;
    }

    /**
     * Reads the zone from metadata given as a line of keys followed by a line of values (as in
     * NSRDB files, key {@code "Time Zone"}).
     *
     * @param key the key naming the offset
     * @return this builder
     */
    public Builder zoneFromMetadataKey(String key) {
      this.zoneKey = Objects.requireNonNull(key, "key");
      return this;
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
     * @param on true to split units off the header
     * @return this builder
     */
    public Builder unitsInHeader(boolean on) {
      this.unitsInHeader = on;
      return this;
    }

    /** @return the reader */
    public TimeSeriesCsvReader build() {
      if (timeColumn == null && dateParts == null && dateColumn == null) {
        throw new IllegalStateException("say where times are: timeColumn(...), dateAndTime(...) or dateParts(...)");
      }
      if (dateParts != null && dateParts[0] == null && fixedYear == null) {
        throw new IllegalStateException("the file has no year column: give the year with year(...)");
      }
      return new TimeSeriesCsvReader(this);
    }
  }
}
