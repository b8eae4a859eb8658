package org.aoiforecast.solar.sim;

import java.time.ZoneOffset;
import java.util.Objects;

/**
 * A PV site: where it is, its standard time zone and the size of its PV system.
 *
 * @param name a label
 * @param latitude degrees north (-90..90)
 * @param longitude degrees east (-180..180; west is negative)
 * @param elevation metres above sea level
 * @param zone the local standard time offset (no daylight saving: solar data use standard time)
 * @param capacityKw the PV system's rated DC power under standard test conditions, kW (0 for a
 *     weather station without PV system)
 */
public record Site(String name, double latitude, double longitude, double elevation, ZoneOffset zone,
    double capacityKw) {

  /** Validates. */
  public Site {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(zone, "zone");
    if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
      throw new IllegalArgumentException("latitude must be in -90..90 and longitude in -180..180, got " + latitude
          + ", " + longitude);
    }
    if (!(capacityKw >= 0) || Double.isInfinite(capacityKw)) {
      throw new IllegalArgumentException("the PV capacity must be 0 or positive, got " + capacityKw + " kW");
    }
  }

  /** @return the default site: Golden, Colorado (NREL's campus), UTC-7, a 4 kW system */
  public static Site golden() {
    return new Site("Golden CO", 39.74, -105.18, 1829, ZoneOffset.ofHours(-7), 4.0);
  }
}
