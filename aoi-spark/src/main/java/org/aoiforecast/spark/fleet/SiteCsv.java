package org.aoiforecast.spark.fleet;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Serializable;
import java.nio.charset.StandardCharsets;
import org.aoiforecast.core.DataException;
import org.aoiforecast.core.TimeSeries;
import org.aoiforecast.core.io.TimeFormat;
import org.aoiforecast.core.io.TimeSeriesCsvReader;
import org.aoiforecast.spark.table.SiteErrors;

/**
 * One site's CSV file, read by aoi-core's {@link TimeSeriesCsvReader}: a time column of ISO-8601
 * instants, units in the headers ({@code GHI (W/m^2)}), evenly spaced rows; what {@code simulate}
 * writes. The site is the file name without {@code .csv}. Errors name the site, the file and the
 * line. Serializable.
 */
public final class SiteCsv implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String timeColumn;

  /** @param timeColumn the header of the time column (e.g. {@code time}) */
  public SiteCsv(String timeColumn) {
    this.timeColumn = timeColumn;
  }

  /**
   * @param path a file path or URI
   * @return the site: the file name without its {@code .csv} extension
   */
  public static String siteOf(String path) {
    String name = fileName(path);
    return name.toLowerCase(java.util.Locale.ROOT).endsWith(".csv") ? name.substring(0, name.length() - 4) : name;
  }

  /**
   * @param path a file path or URI
   * @return its last path element
   */
  public static String fileName(String path) {
    return path.substring(path.lastIndexOf('/') + 1);
  }

  /**
   * @param path the file's path or URI
   * @param in its content, UTF-8; not closed
   * @return the site's series
   * @throws DataException naming the site, file, line and column
   */
  public TimeSeries read(String path, InputStream in) {
    try {
      return TimeSeriesCsvReader.builder().timeColumn(timeColumn, TimeFormat.ISO_8601).unitsInHeader().build()
          .read(new InputStreamReader(in, StandardCharsets.UTF_8), fileName(path));
    } catch (IllegalArgumentException e) {
      throw SiteErrors.at(siteOf(path), e);
    }
  }
}
