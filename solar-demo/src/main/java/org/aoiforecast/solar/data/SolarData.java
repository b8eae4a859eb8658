package org.aoiforecast.solar.data;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.aoiforecast.core.TimeSeries;
import org.aoiforecast.solar.sim.Site;

/**
 * Solar data ready for a study: a regular series with canonical column names (GHI, Temperature,
 * RelativeHumidity, CloudCover, Power, ClearSkyGHI, ...), the site when the file says where it
 * is, the format it was read from, and the target and sources a study uses by default for it.
 *
 * @param series the data
 * @param site the site, if known (needed for the clear-sky covariate)
 * @param format the file format
 * @param defaultTarget the target column used when none is given
 * @param defaultFeatures the source columns used when none are given
 */
public record SolarData(TimeSeries series, Optional<Site> site, SolarFormat format, String defaultTarget,
    List<String> defaultFeatures) {

  /** Validates and copies. */
  public SolarData {
    Objects.requireNonNull(series, "series");
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(format, "format");
    defaultFeatures = List.copyOf(defaultFeatures);
  }
}
