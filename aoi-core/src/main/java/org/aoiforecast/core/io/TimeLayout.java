package org.aoiforecast.core.io;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Year;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeFormatterBuilder;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoField;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * Where the time of each row of a CSV file is and how it is written: one of four layouts.
 * <ul>
 *   <li>{@link #column(String, TimeFormat)}: one column in a standard format (ISO-8601, epoch
 *       seconds or milliseconds);
 *   <li>{@link #pattern(String, String)}: one column of local date-times in a {@link
 *       DateTimeFormatter} pattern, e.g. {@code "MM/dd/yyyy HH:mm"};
 *   <li>{@link #dateAndClock(String, String, String)}: a date column and a time-of-day column, as
 *       TMY3's {@code 01/31/1988} and {@code 24:00};
 *   <li>{@link #dateParts(String, String, String, String, String)}: Year/Month/Day/Hour[/Minute]
 *       columns, as NSRDB and PVWatts files.
 * </ul>
 * Local times are read in the zone the reader resolves ({@link ZoneSource}); hour 24 means
 * midnight at the end of the day (hour-ending data). A layout may have its year overridden (for
 * typical-year files, see {@link TimeSeriesCsvReader.Builder#year}). Immutable.
 */
public abstract sealed class TimeLayout
    permits TimeLayout.Column, TimeLayout.Pattern, TimeLayout.DateAndClock, TimeLayout.DateParts {

  /** The first year a time may have: earlier ones are typing errors, and their epoch milliseconds could overflow. */
  public static final int MIN_YEAR = 1;
  /** The last year a time may have. */
  public static final int MAX_YEAR = 9999;

  private TimeLayout() {}

  /**
   * @param column the column name
   * @param format its format
   * @return times from one column in a standard format
   */
  public static TimeLayout column(String column, TimeFormat format) {
    return new Column(column, format);
  }

  /**
   * @param column the column name
   * @param pattern a {@link DateTimeFormatter} pattern of a local date-time
   * @return times from one column of local date-times
   * @throws IllegalArgumentException on a bad pattern
   */
  public static TimeLayout pattern(String column, String pattern) {
    return new Pattern(column, pattern);
  }

  /**
   * @param dateColumn the date column
   * @param datePattern its {@link DateTimeFormatter} pattern, e.g. {@code "MM/dd/yyyy"}
   * @param clockColumn the time-of-day column, {@code HH:mm} or {@code HH:mm:ss}, 00:00 to 24:00
   * @return times from a date and a time-of-day column
   * @throws IllegalArgumentException on a bad pattern
   */
  public static TimeLayout dateAndClock(String dateColumn, String datePattern, String clockColumn) {
    return new DateAndClock(dateColumn, datePattern, clockColumn);
  }

  /**
   * @param year the year column, or null for files without one (then the reader needs a fixed
   *     year)
   * @param month the month column (1-12)
   * @param day the day-of-month column
   * @param hour the hour column (0-23, or 24 for the end of the day)
   * @param minute the minute column, or null when rows are whole hours
   * @return times from separate local date/time columns
   */
  public static TimeLayout dateParts(String year, String month, String day, String hour, String minute) {
    return new DateParts(year, month, day, hour, minute);
  }

  /** @return the header names of the columns this layout reads */
  public abstract List<String> columns();

  /** @return whether the rows carry their year (false: the reader must be given one) */
  public boolean hasYear() {
    return true;
  }

  /** @return how error messages name the time, e.g. {@code "time"} or {@code "Month/Day/Hour"} */
  public String label() {
    return String.join("/", columns());
  }

  /** The row-to-instant function of this layout over a file's header. */
  abstract Function<CsvFile.Row, Instant> parser(CsvFile csv, ZoneId zone, Integer fixedYear);

  @Override
  public String toString() {
    return getClass().getSimpleName() + columns();
  }

  /** One column in a standard format. */
  static final class Column extends TimeLayout {
    private static final DateTimeFormatter LOCAL_ISO = new DateTimeFormatterBuilder()
        .append(DateTimeFormatter.ISO_LOCAL_DATE)
        .optionalStart().appendLiteral('T').optionalEnd()
        .optionalStart().appendLiteral(' ').optionalEnd()
        .append(DateTimeFormatter.ISO_LOCAL_TIME)
        .optionalStart().appendOffsetId().optionalEnd()
        .optionalStart().appendLiteral('[').parseCaseSensitive().appendZoneRegionId().appendLiteral(']').optionalEnd()
        .parseDefaulting(ChronoField.SECOND_OF_MINUTE, 0)
        .toFormatter();

    private final String column;
    private final TimeFormat format;

    Column(String column, TimeFormat format) {
      this.column = Objects.requireNonNull(column, "column");
      this.format = Objects.requireNonNull(format, "format");
    }

    @Override
    public List<String> columns() {
      return List.of(column);
    }

    @Override
    Function<CsvFile.Row, Instant> parser(CsvFile csv, ZoneId zone, Integer fixedYear) {
      int col = csv.column(column);
      return switch (format) {
        case EPOCH_SECONDS -> row -> Instant.ofEpochMilli(Math.round(row.number(col) * 1000));
        case EPOCH_MILLIS -> row -> Instant.ofEpochMilli(row.integer(col));
        case ISO_8601 -> row -> parseIso(row, col, zone);
      };
    }

    private static Instant parseIso(CsvFile.Row row, int col, ZoneId z) {
      String text = row.text(col);
      try {
        var parsed = LOCAL_ISO.parseBest(text, ZonedDateTime::from, OffsetDateTime::from, LocalDateTime::from);
        if (parsed instanceof ZonedDateTime zdt) {
          return zdt.toInstant();
        }
        if (parsed instanceof OffsetDateTime odt) {
          return odt.toInstant();
        }
        return ((LocalDateTime) parsed).atZone(z).toInstant();
      } catch (DateTimeParseException e) {
        throw row.error(col, "expected an ISO-8601 time such as 2021-06-01T12:00:00Z or 2021-06-01 12:00, found '"
            + text + "'");
      }
    }
  }

  /** One column of local date-times in a pattern. */
  static final class Pattern extends TimeLayout {
    private final String column;
    private final String pattern;
    private final DateTimeFormatter formatter;

    Pattern(String column, String pattern) {
      this.column = Objects.requireNonNull(column, "column");
      this.pattern = Objects.requireNonNull(pattern, "pattern");
      this.formatter = DateTimeFormatter.ofPattern(pattern); // fails early on a bad pattern
    }

    @Override
    public List<String> columns() {
      return List.of(column);
    }

    @Override
    Function<CsvFile.Row, Instant> parser(CsvFile csv, ZoneId zone, Integer fixedYear) {
      int col = csv.column(column);
      return row -> {
        String text = row.text(col);
        try {
          return LocalDateTime.parse(text, formatter).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
          throw row.error(col, "expected a time like '" + pattern + "', found '" + text + "'");
        }
      };
    }
  }

  /** A date column and a time-of-day column. */
  static final class DateAndClock extends TimeLayout {
    private final String dateColumn;
    private final String datePattern;
    private final String clockColumn;
    private final DateTimeFormatter formatter;

    DateAndClock(String dateColumn, String datePattern, String clockColumn) {
      this.dateColumn = Objects.requireNonNull(dateColumn, "dateColumn");
      this.datePattern = Objects.requireNonNull(datePattern, "datePattern");
      this.clockColumn = Objects.requireNonNull(clockColumn, "clockColumn");
      this.formatter = DateTimeFormatter.ofPattern(datePattern); // fails early on a bad pattern
    }

    @Override
    public List<String> columns() {
      return List.of(dateColumn, clockColumn);
    }

    @Override
    Function<CsvFile.Row, Instant> parser(CsvFile csv, ZoneId zone, Integer fixedYear) {
      int dcol = csv.column(dateColumn);
      int ccol = csv.column(clockColumn);
      return row -> {
        String text = row.text(dcol);
        LocalDate date;
        try {
          date = LocalDate.parse(text, formatter);
        } catch (DateTimeParseException e) {
          throw row.error(dcol, "expected a date like '" + datePattern + "', found '" + text + "'");
        }
        if (fixedYear != null) {
          if (date.getMonthValue() == 2 && date.getDayOfMonth() == 29 && !Year.isLeap(fixedYear)) {
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
        return date.atStartOfDay().plusHours(h).plusMinutes(mi).plusSeconds(sec).atZone(zone).toInstant();
      };
    }
  }

  /** Year/Month/Day/Hour[/Minute] columns. */
  static final class DateParts extends TimeLayout {
    private final String year;
    private final String month;
    private final String day;
    private final String hour;
    private final String minute;

    DateParts(String year, String month, String day, String hour, String minute) {
      this.year = year;
      this.month = Objects.requireNonNull(month, "month");
      this.day = Objects.requireNonNull(day, "day");
      this.hour = Objects.requireNonNull(hour, "hour");
      this.minute = minute;
    }

    @Override
    public List<String> columns() {
      List<String> out = new ArrayList<>();
      for (String c : Arrays.asList(year, month, day, hour, minute)) {
        if (c != null) {
          out.add(c);
        }
      }
      return out;
    }

    @Override
    public boolean hasYear() {
      return year != null;
    }

    @Override
    Function<CsvFile.Row, Instant> parser(CsvFile csv, ZoneId zone, Integer fixedYear) {
      int y = year == null || fixedYear != null ? -1 : csv.column(year);
      int mo = csv.column(month);
      int d = csv.column(day);
      int h = csv.column(hour);
      int mi = minute == null ? -1 : csv.column(minute);
      return row -> {
        // bounded reads: a long cast to int would wrap around (month 4294967297 would be January)
        int yv = y < 0 ? fixedYear : row.integer(y, MIN_YEAR, MAX_YEAR);
        int mov = row.integer(mo, 1, 12);
        int dv = row.integer(d, 1, 31);
        int hv = row.integer(h, 0, 24);
        int miv = mi < 0 ? 0 : row.integer(mi, 0, 59);
        if (hv == 24 && miv != 0) {
          throw row.error(h, "hour " + hv + (hv == 24 ? ":" + miv : "") + " is out of range; expected 0..23 (or 24:00)");
        }
        try {
          return LocalDate.of(yv, mov, dv).atStartOfDay().plusHours(hv).plusMinutes(miv).atZone(zone).toInstant();
        } catch (DateTimeException e) {
          throw row.error(-1, "invalid date " + yv + "-" + mov + "-" + dv + " " + hv + ":" + miv + ": " + e.getMessage());
        }
      };
    }
  }
}
