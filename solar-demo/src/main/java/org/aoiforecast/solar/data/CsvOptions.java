package org.aoiforecast.solar.data;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Objects;
import org.aoiforecast.core.io.TimeFormat;

/**
 * How to read a generic CSV file: where its times are, how many metadata lines precede the header,
 * the zone of local times, and (optionally) the site's coordinates for the clear-sky covariate.
 *
 * @param timeColumn the time column (null when {@code dateParts} is used)
 * @param timeFormat the format of the time column
 * @param dateParts Year, Month, Day, Hour[, Minute] column names (empty when a time column is used)
 * @param skipLines metadata lines before the header
 * @param zone the zone of local times
 * @param latitude the site's latitude, NaN when unknown
 * @param longitude the site's longitude, NaN when unknown
 */
public record CsvOptions(String timeColumn, TimeFormat timeFormat, List<String> dateParts, int skipLines, ZoneId zone,
    double latitude, double longitude) {

  /** Validates. */
  public CsvOptions {
    dateParts = List.copyOf(dateParts);
    Objects.requireNonNull(zone, "zone");
    Objects.requireNonNull(timeFormat, "timeFormat");
    if (timeColumn == null && dateParts.isEmpty()) {
      throw new IllegalArgumentException("give a time column or date-part columns");
    }
    if (!dateParts.isEmpty() && (dateParts.size() < 4 || dateParts.size() > 5)) {
      throw new IllegalArgumentException("date parts are Year,Month,Day,Hour[,Minute]; got " + dateParts);
    }
    if (skipLines < 0) {
      throw new IllegalArgumentException("cannot skip " + skipLines + " lines");
    }
  }

  /** @return a column named "time" in ISO-8601, no metadata lines, UTC, no site */
  public static CsvOptions defaults() {
    return new CsvOptions("time", TimeFormat.ISO_8601, List.of(), 0, ZoneOffset.UTC, Double.NaN, Double.NaN);
  }
}
