package org.aoiforecast.solar.data;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.aoiforecast.core.TimeSeries;
import org.aoiforecast.solar.sim.ClearSky;
import org.aoiforecast.solar.sim.SolarPosition;

/**
 * How the readers compute the {@value #COLUMN} column (W/m²) when a file does not carry one:
 * Haurwitz's clear-sky GHI at the site, read at each time shifted by an offset (minus half a step
 * for hour-ending averages such as TMY3's), rounded to 0.1 W/m². Saved with a trained model (its
 * provenance properties) so that {@code predict} computes the covariate at the target time the
 * same way, without the user giving it. Immutable.
 *
 * @param latitude the site's latitude, degrees north
 * @param longitude the site's longitude, degrees east
 * @param offset where in each step the value is taken, relative to the timestamp
 */
public record ClearSkyColumn(double latitude, double longitude, Duration offset) {
  /** The column's name. */
  public static final String COLUMN = "ClearSkyGHI";
  private static final String MODEL = "clearsky.model";
  private static final String LATITUDE = "clearsky.latitude";
  private static final String LONGITUDE = "clearsky.longitude";
  private static final String OFFSET = "clearsky.offset";
  private static final String HAURWITZ = "haurwitz";

  /** Validates. */
  public ClearSkyColumn {
    if (!(latitude >= -90 && latitude <= 90) || !(longitude >= -180 && longitude <= 180)) {
      throw new IllegalArgumentException("latitude must be in -90..90 and longitude in -180..180, got " + latitude
          + ", " + longitude);
    }
    Objects.requireNonNull(offset, "offset");
  }

  /**
   * @param t a time
   * @return the clear-sky GHI of the step stamped {@code t}, W/m², rounded to 0.1
   */
  public double at(Instant t) {
    return Math.round(ClearSky.haurwitz(SolarPosition.cosZenith(latitude, longitude, t.plus(offset))) * 10) / 10.0;
  }

  /**
   * @param s a series
   * @return the series with the {@value #COLUMN} column added, one value per row
   */
  public TimeSeries addTo(TimeSeries s) {
    double[] cs = new double[s.size()];
    for (int i = 0; i < cs.length; i++) {
      cs[i] = at(s.time(i));
    }
    TimeSeries.Builder b = TimeSeries.builder(s.start(), s.step()).origin(s.origin());
    for (int c = 0; c < s.names().size(); c++) {
      b.column(s.names().get(c), s.units().get(c), s.column(s.names().get(c)));
    }
    return b.column(COLUMN, "W/m^2", cs).build();
  }

  /** @return this recipe as model provenance properties ({@code clearsky.*}) */
  public Map<String, String> properties() {
    return Map.of(MODEL, HAURWITZ, LATITUDE, Double.toString(latitude), LONGITUDE, Double.toString(longitude),
        OFFSET, offset.toString());
  }

  /**
   * Reads a recipe back from {@link #properties()}.
   *
   * @param properties a model's provenance properties
   * @return the recipe, or empty when the properties hold none
   * @throws IllegalArgumentException when they hold one that cannot be read (naming the property)
   */
  public static Optional<ClearSkyColumn> fromProperties(Map<String, String> properties) {
    String model = properties.get(MODEL);
    if (model == null) {
      return Optional.empty();
    }
    if (!model.equals(HAURWITZ)) {
      throw new IllegalArgumentException("property " + MODEL + " is '" + model + "'; this version computes '"
          + HAURWITZ + "' only");
    }
    try {
      return Optional.of(new ClearSkyColumn(Double.parseDouble(require(properties, LATITUDE)),
          Double.parseDouble(require(properties, LONGITUDE)), Duration.parse(require(properties, OFFSET))));
    } catch (NumberFormatException | DateTimeParseException e) {
      throw new IllegalArgumentException("the clear-sky properties of the model cannot be read: " + properties, e);
    }
  }

  private static String require(Map<String, String> properties, String key) {
    String v = properties.get(key);
    if (v == null) {
      throw new IllegalArgumentException("property " + key + " is missing beside " + MODEL);
    }
    return v;
  }
}
