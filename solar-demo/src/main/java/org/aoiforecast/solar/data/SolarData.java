package org.aoiforecast.solar.data;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.aoiforecast.core.DataWarning;
import org.aoiforecast.core.TimeSeries;
import org.aoiforecast.solar.sim.Site;

/**
 * Solar data ready for a study: a regular series with canonical column names (GHI, Temperature,
 * RelativeHumidity, CloudCover, Power, ClearSkyGHI, ...), the site when the file says where it
 * is, the format it was read from, the target and sources a study uses by default for it, the
 * file's own column names as aliases of the canonical ones, and the warnings of the reading.
 *
 * @param series the data
 * @param site the site, if known (needed for the clear-sky covariate)
 * @param format the file format
 * @param defaultTarget the target column used when none is given
 * @param defaultFeatures the source columns used when none are given
 * @param aliases the file's column names (with and without units) mapped to the canonical names
 *     they were renamed to, e.g. {@code "Relative Humidity" -> "RelativeHumidity"}
 * @param warnings values kept but worth a look (outside their plausible range)
 * @param clearSky how the reader computed the {@value ClearSkyColumn#COLUMN} column, when it did
 *     (empty when the file brought its own, or there is none)
 */
public record SolarData(TimeSeries series, Optional<Site> site, SolarFormat format, String defaultTarget,
    List<String> defaultFeatures, Map<String, String> aliases, List<DataWarning> warnings,
    Optional<ClearSkyColumn> clearSky) {

  /** Validates and copies. */
  public SolarData {
    Objects.requireNonNull(series, "series");
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(format, "format");
    Objects.requireNonNull(clearSky, "clearSky");
    defaultFeatures = List.copyOf(defaultFeatures);
    aliases = Map.copyOf(aliases);
    warnings = List.copyOf(warnings);
  }

  /**
   * Data whose clear-sky column, if any, came with the file.
   *
   * @param series the data
   * @param site the site, if known
   * @param format the file format
   * @param defaultTarget the default target column
   * @param defaultFeatures the default source columns
   * @param aliases the file's column names mapped to the canonical names
   * @param warnings values kept but worth a look
   */
  public SolarData(TimeSeries series, Optional<Site> site, SolarFormat format, String defaultTarget,
      List<String> defaultFeatures, Map<String, String> aliases, List<DataWarning> warnings) {
    this(series, site, format, defaultTarget, defaultFeatures, aliases, warnings, Optional.empty());
  }

  /**
   * Data without aliases or warnings (simulated data, which has canonical names already).
   *
   * @param series the data
   * @param site the site, if known
   * @param format the file format
   * @param defaultTarget the default target column
   * @param defaultFeatures the default source columns
   */
  public SolarData(TimeSeries series, Optional<Site> site, SolarFormat format, String defaultTarget,
      List<String> defaultFeatures) {
    this(series, site, format, defaultTarget, defaultFeatures, Map.of(), List.of());
  }

  /**
   * The canonical name of a column given by a user: a canonical name stays as it is; one of the
   * file's own names (an alias) becomes the canonical name it was renamed to.
   *
   * @param name a column name
   * @return the series' name for it (unchanged when unknown, for the caller's error message)
   */
  public String canonical(String name) {
    if (series.hasColumn(name)) {
      return name;
    }
    return aliases.getOrDefault(name, name);
  }
}
