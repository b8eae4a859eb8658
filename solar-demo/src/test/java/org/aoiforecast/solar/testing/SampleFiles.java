package org.aoiforecast.solar.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Locale;

/**
 * Small data files in the real formats (TMY3, PVWatts, NSRDB), written by the tests themselves so
 * that reader tests and the fuzz suite run on a fresh clone without the shared data. Values follow
 * a plain diurnal cycle; each method takes the text to put where a test wants a defect.
 */
public final class SampleFiles {
  private SampleFiles() {}

  /** The TMY3 header: the columns the reader reads, in the real file's order. */
  public static final String TMY3_HEADER = "Date (MM/DD/YYYY),Time (HH:MM),GHI (W/m^2),DNI (W/m^2),DHI (W/m^2),"
      + "TotCld (tenths),OpqCld (tenths),Dry-bulb (C),Dew-point (C),RHum (%),Pressure (mbar),Wspd (m/s)";

  /**
   * TMY3 text: the Greensboro site line with a given UTC offset, then {@code days} of hours.
   *
   * @param days days of data from 1 June
   * @param utcOffset the UTC offset field of line 1 (e.g. "-5.0")
   * @param temperature the dry-bulb value of the first row ("" keeps the cycle)
   * @return the text
   */
  public static String tmy3(int days, String utcOffset, String temperature) {
    StringBuilder sb = new StringBuilder();
    sb.append("723170,\"GREENSBORO PIEDMONT TRIAD INT\",NC,").append(utcOffset).append(",36.100,-79.950,273\n");
    sb.append(TMY3_HEADER).append('\n');
    LocalDateTime t = LocalDateTime.of(1990, 6, 1, 1, 0);
    for (int i = 0; i < days * 24; i++, t = t.plusHours(1)) {
      int hour = i % 24 + 1;
      double ghi = sun(hour - 0.5, 13);
      String temp = i == 0 && !temperature.isEmpty() ? temperature
          : String.format(Locale.ROOT, "%.1f", 18 + 8 * ghi / 900);
      sb.append(String.format(Locale.ROOT, "%02d/%02d/1988,%02d:00,%.0f,%.0f,%.0f,%d,%d,%s,%.1f,%d,1000,%.1f%n",
          t.minusHours(1).getMonthValue(), t.minusHours(1).getDayOfMonth(), hour, ghi, ghi * 0.8, ghi * 0.2,
          (i / 7) % 11, (i / 9) % 11, temp, 10.0 + (i % 5), 40 + (i % 50), 2.0 + (i % 4)));
    }
    return sb.toString();
  }

  /**
   * PVWatts text: the 17 metadata lines, the header, {@code days} of hours and the Totals row.
   *
   * @param days days of data from 1 January
   * @param firstMonth the Month field of the first row ("" keeps 1)
   * @return the text
   */
  public static String pvwatts(int days, String firstMonth) {
    StringBuilder sb = new StringBuilder();
    sb.append("PVWatts: Hourly PV Performance Data,,,,,,,,,,\n");
    sb.append("Requested Location:,somewhere,,,,,,,,,\n");
    sb.append("Location:,\"Lat, Lon: 39.73, -105.18\",,,,,,,,,\n");
    sb.append("Lat (deg N):,39.73,,,,,,,,,\n");
    sb.append("Long (deg W):,105.18,,,,,,,,,\n");
    sb.append("Elev (m):,1819.6,,,,,,,,,\n");
    for (int i = 0; i < 11; i++) {
      sb.append("Setting ").append(i).append(":,1,,,,,,,,,\n");
    }
    sb.append("Month,Day,Hour,Beam Irradiance (W/m^2),Diffuse Irradiance (W/m^2),Ambient Temperature (C),"
        + "Wind Speed (m/s),Plane of Array Irradiance (W/m^2),Cell Temperature (C),DC Array Output (W),"
        + "AC System Output (W)\n");
    LocalDateTime t = LocalDateTime.of(1990, 1, 1, 0, 0);
    for (int i = 0; i < days * 24; i++, t = t.plusHours(1)) {
      double ghi = sun(t.getHour(), 12);
      String month = i == 0 && !firstMonth.isEmpty() ? firstMonth : Integer.toString(t.getMonthValue());
      sb.append(String.format(Locale.ROOT, "%s,%d,%d,%.0f,%.0f,%d,%d,%.1f,%.1f,%.1f,%.1f%n", month,
          t.getDayOfMonth(), t.getHour(), ghi * 0.8, ghi * 0.2, -5 + (i % 9), i % 6, ghi, 5 + ghi / 40, ghi * 3.8,
          ghi * 3.3));
    }
    sb.append("Totals, , ,1,1,1,1,1,1,1,1\n");
    return sb.toString();
  }

  /**
   * NSRDB text: two metadata lines (keys, values), the header, {@code days} of half hours.
   *
   * @param days days of data from 1 January 2020
   * @param timeZone the "Time Zone" value
   * @return the text
   */
  public static String nsrdb(int days, String timeZone) {
    StringBuilder sb = new StringBuilder();
    sb.append("Source,Location ID,City,State,Country,Latitude,Longitude,Time Zone,Elevation\n");
    sb.append("NSRDB,123,Golden,CO,USA,39.74,-105.18,").append(timeZone).append(",1800\n");
    sb.append("Year,Month,Day,Hour,Minute,GHI,DNI,DHI,Temperature,Relative Humidity,Cloud Type,Wind Speed\n");
    LocalDateTime t = LocalDateTime.of(2020, 1, 1, 0, 0);
    for (int i = 0; i < days * 48; i++, t = t.plusMinutes(30)) {
      double ghi = sun(t.getHour() + t.getMinute() / 60.0, 12);
      sb.append(String.format(Locale.ROOT, "%d,%d,%d,%d,%d,%.0f,%.0f,%.0f,%.1f,%.1f,%d,%.1f%n", t.getYear(),
          t.getMonthValue(), t.getDayOfMonth(), t.getHour(), t.getMinute(), ghi, ghi * 0.8, ghi * 0.2,
          2 + ghi / 100, 60 - ghi / 30 + (i % 7), (i / 5) % 9, 1.5 + (i % 3)));
    }
    return sb.toString();
  }

  /**
   * @param dir a folder
   * @param name a file name
   * @param text its content
   * @return the file, written as UTF-8
   */
  public static Path write(Path dir, String name, String text) {
    try {
      return Files.writeString(dir.resolve(name), text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A clear-sky-like bell around solar noon (local hour), W/m². */
  private static double sun(double hour, double noon) {
    double x = (hour - noon) / 4.0;
    return Math.abs(x) >= 1.5 ? 0 : Math.round(900 * Math.cos(x * Math.PI / 3) * 10) / 10.0;
  }
}
