package org.aoiforecast.core.io;

import java.util.Locale;
import java.util.Optional;

/**
 * The values a measurement can plausibly take in its unit. A value outside is kept (it may be
 * real) but reported as a {@link org.aoiforecast.core.DataWarning}, because it is more often a
 * missing-value code ({@code -9900}, {@code -999}) or a unit mix-up than a measurement.
 *
 * <p>Ranges are known for the units of solar and weather data, {@link #forUnit(String)}:
 * irradiance in W/m² (−20 to 1500: sensors read slightly negative at night, and cloud edges lift
 * readings above the solar constant), temperature in °C (−90 to 100: air and PV cell
 * temperatures), relative humidity in % (0 to 100), and power in W or kW (−10 kW to 1 GW: a small
 * draw at night, nothing larger than a power plant).
 *
 * @param min the least plausible value
 * @param max the largest plausible value
 * @param unit the unit, for messages
 */
public record PlausibleRange(double min, double max, String unit) {
  /** Validates. */
  public PlausibleRange {
    if (!(min <= max) || !Double.isFinite(min) || !Double.isFinite(max)) {
      throw new IllegalArgumentException("a plausible range needs finite min <= max, got " + min + ".." + max);
    }
    unit = unit == null ? "" : unit;
  }

  /**
   * The range of a known unit, as written in headers ({@code W/m^2}, {@code C}, {@code %},
   * {@code kW}, ...).
   *
   * @param unit a unit
   * @return its range, or empty when the unit is not one of those known
   */
  public static Optional<PlausibleRange> forUnit(String unit) {
    if (unit == null) {
      return Optional.empty();
    }
    String u = unit.trim();
    return switch (u.toLowerCase(Locale.ROOT)) {
      case "w/m^2", "w/m2", "w/m²", "w m-2" -> Optional.of(new PlausibleRange(-20, 1500, u));
      case "c", "°c", "degc", "deg c" -> Optional.of(new PlausibleRange(-90, 100, u));
      case "%" -> Optional.of(new PlausibleRange(0, 100, u));
      case "kw" -> Optional.of(new PlausibleRange(-10, 1e6, u));
      case "w" -> Optional.of(new PlausibleRange(-1e4, 1e9, u));
      default -> Optional.empty();
    };
  }

  /**
   * @param v a value
   * @return true when it lies in the range
   */
  public boolean contains(double v) {
    return v >= min && v <= max;
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s to %s%s", plain(min), plain(max), unit.isEmpty() ? "" : " " + unit);
  }

  private static String plain(double v) {
    return v == Math.rint(v) && Math.abs(v) < 1e15 ? Long.toString((long) v) : Double.toString(v);
  }
}
