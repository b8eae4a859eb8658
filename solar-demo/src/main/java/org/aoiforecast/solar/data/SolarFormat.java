package org.aoiforecast.solar.data;

import java.util.Locale;

/** The file formats the solar demo reads. */
public enum SolarFormat {
  /** Detect from the first lines of the file. */
  AUTO,
  /** NREL TMY3: one metadata line, header "Date (MM/DD/YYYY),Time (HH:MM),...", hour-ending local standard time. */
  TMY3,
  /** NREL NSRDB / PSM CSV: a line of metadata keys, a line of values, header "Year,Month,Day,Hour,Minute,...". */
  NSRDB,
  /** NREL PVWatts hourly output: metadata lines, header "Month,Day,Hour,...", no year, a "Totals" footer. */
  PVWATTS,
  /** Any CSV with a time column (or date-part columns), configured by options. */
  CSV;

  /**
   * @param text a format name, case-insensitive
   * @return the format
   */
  public static SolarFormat parse(String text) {
    try {
      return valueOf(text.trim().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("unknown format '" + text + "'; expected auto, tmy3, nsrdb, pvwatts or csv", e);
    }
  }
}
