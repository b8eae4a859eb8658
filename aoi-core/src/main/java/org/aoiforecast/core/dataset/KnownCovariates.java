package org.aoiforecast.core.dataset;

import java.time.DateTimeException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.function.ToDoubleFunction;
import org.aoiforecast.core.TimeSeries;

/**
 * Ready-made known covariates: calendar features as sine/cosine pairs (so that 23:00 and 00:00 are
 * neighbours) and columns of the series read at the target time.
 */
public final class KnownCovariates {
  private static final double TWO_PI = 2 * Math.PI;

  private KnownCovariates() {}

  /**
   * Hour of day, {@code sin(2 pi h / 24)} and {@code cos(2 pi h / 24)} with {@code h} the
   * fractional hour in the given zone.
   *
   * @param zone the zone whose clock is meant (for solar data, the site's standard time)
   * @return the two covariates
   */
  public static List<KnownCovariate> hourOfDay(ZoneId zone) {
    ToDoubleFunction<ZonedDateTime> phase = t -> (t.getHour() + t.getMinute() / 60.0 + t.getSecond() / 3600.0) / 24.0;
    return List.of(new Cyclic("hour_sin", zone, phase, true), new Cyclic("hour_cos", zone, phase, false));
  }

  /**
   * Day of year, {@code sin(2 pi d / L)} and {@code cos(2 pi d / L)} with {@code d} the
   * fractional day of year (0-based) and {@code L} the length of that year.
   *
   * @param zone the zone whose calendar is meant
   * @return the two covariates
   */
  public static List<KnownCovariate> dayOfYear(ZoneId zone) {
    ToDoubleFunction<ZonedDateTime> phase = t -> (t.getDayOfYear() - 1 + (t.getHour() + t.getMinute() / 60.0) / 24.0)
        / t.toLocalDate().lengthOfYear();
    return List.of(new Cyclic("doy_sin", zone, phase, true), new Cyclic("doy_cos", zone, phase, false));
  }

  /**
   * Hour of day and day of year, four covariates.
   *
   * @param zone the zone whose clock and calendar are meant
   * @return hour_sin, hour_cos, doy_sin, doy_cos
   */
  public static List<KnownCovariate> calendar(ZoneId zone) {
    return List.of(hourOfDay(zone).get(0), hourOfDay(zone).get(1), dayOfYear(zone).get(0), dayOfYear(zone).get(1));
  }

  /**
   * A column of the series read at the target time, e.g. a clear-sky irradiance computed for the
   * site. The column is scaled along with the series when the data set is standardised.
   *
   * @param column the column name
   * @return the covariate
   */
  public static KnownCovariate column(String column) {
    return new ColumnCovariate(column);
  }

  /**
   * A text that {@link #parse(String)} turns back into the same covariate, for saving models:
   * {@code "hour_sin@-05:00"}, {@code "doy_cos@Europe/Paris"}, {@code "column:clearsky"}.
   *
   * @param covariate a covariate made by this class
   * @return its description, or empty for covariates of other origin (which cannot be saved)
   */
  public static Optional<String> describe(KnownCovariate covariate) {
    if (covariate instanceof Cyclic c) {
      return Optional.of(c.name() + "@" + c.zone().getId());
    }
    if (covariate instanceof ColumnCovariate c) {
      return Optional.of("column:" + c.column());
    }
    return Optional.empty();
  }

  /**
   * Rebuilds a covariate from {@link #describe(KnownCovariate)}'s text.
   *
   * @param description the text
   * @return the covariate
   * @throws IllegalArgumentException when the text names no known covariate
   */
  public static KnownCovariate parse(String description) {
    if (description.startsWith("column:")) {
      return column(description.substring("column:".length()));
    }
    int at = description.indexOf('@');
    if (at > 0) {
      String name = description.substring(0, at);
      ZoneId zone;
      try {
        zone = ZoneId.of(description.substring(at + 1));
      } catch (DateTimeException e) {
        throw new IllegalArgumentException("unknown zone in covariate '" + description + "'", e);
      }
      for (KnownCovariate c : calendar(zone)) {
        if (c.name().equals(name)) {
          return c;
        }
      }
    }
    throw new IllegalArgumentException("unknown covariate '" + description
        + "'; expected hour_sin|hour_cos|doy_sin|doy_cos@ZONE or column:NAME");
  }

  private record Cyclic(String name, ZoneId zone, ToDoubleFunction<ZonedDateTime> phase, boolean sine)
      implements KnownCovariate {
    @Override
    public double value(TimeSeries series, int row) {
      return at(series.timeMillis(row));
    }

    @Override
    public OptionalDouble valueAt(Instant time) {
      return OptionalDouble.of(at(time.toEpochMilli()));
    }

    // Equal by name and zone: two calls of calendar(zone) describe the same inputs, although
    // each makes its own phase function.
    @Override
    public boolean equals(Object o) {
      return o instanceof Cyclic c && c.name.equals(name) && c.zone.equals(zone);
    }

    @Override
    public int hashCode() {
      return name.hashCode() * 31 + zone.hashCode();
    }

    private double at(long millis) {
      ZonedDateTime t = Instant.ofEpochMilli(millis).atZone(zone);
      double angle = TWO_PI * phase.applyAsDouble(t);
      return sine ? Math.sin(angle) : Math.cos(angle);
    }
  }

  private record ColumnCovariate(String column) implements KnownCovariate {
    ColumnCovariate {
      Objects.requireNonNull(column, "column");
    }

    @Override
    public String name() {
      return column;
    }

    @Override
    public double value(TimeSeries series, int row) {
      if (row >= series.size()) {
        throw new IllegalArgumentException("known covariate '" + column + "' is a column of the series and has no value"
            + " at row " + row + " past its end (" + series.size() + " rows); extend the series to the target time");
      }
      return series.value(series.columnIndex(column), row);
    }

    @Override
    public boolean readsColumn() {
      return true;
    }
  }
}
