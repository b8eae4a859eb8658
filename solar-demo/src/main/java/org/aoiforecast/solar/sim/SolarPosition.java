package org.aoiforecast.solar.sim;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.Optional;

/**
 * The sun's position seen from a site, by NOAA's solar calculator algorithm (after Meeus,
 * "Astronomical Algorithms"): the sun's apparent longitude and the obliquity of the ecliptic in
 * Julian centuries since J2000 give the declination and the equation of time; the hour angle
 * comes from true solar time. Accurate to about 0.01° in position and a minute in time for years
 * 1800-2100. Sunrise and sunset use the apparent horizon (zenith 90.833°: refraction and the sun's
 * radius included), as published sunrise tables do.
 *
 * <p>{@link StrictMath} throughout, so that simulated data are identical on every machine.
 */
public final class SolarPosition {
  private static final double DEG = Math.PI / 180;
  private static final double SUNRISE_ZENITH = 90.833 * DEG;
  private static final double J2000_MILLIS = 946_728_000_000.0; // 2000-01-01T12:00:00Z

  private SolarPosition() {}

  /** Julian centuries since J2000.0 (UTC is close enough to TT for this accuracy). */
  static double centuries(Instant t) {
    return (t.toEpochMilli() - J2000_MILLIS) / 86_400_000.0 / 36525.0;
  }

  /** {declination (rad), equation of time (minutes)} at an instant. */
  private static double[] sun(Instant t) {
    double c = centuries(t);
    double l0 = mod360(280.46646 + c * (36000.76983 + c * 0.0003032)) * DEG;
    double m = (357.52911 + c * (35999.05029 - 0.0001537 * c)) * DEG;
    double e = 0.016708634 - c * (0.000042037 + 0.0000001267 * c);
    double center = StrictMath.sin(m) * (1.914602 - c * (0.004817 + 0.000014 * c))
        + StrictMath.sin(2 * m) * (0.019993 - 0.000101 * c) + StrictMath.sin(3 * m) * 0.000289;
    double omega = (125.04 - 1934.136 * c) * DEG;
    double lambda = (mod360(l0 / DEG + center) - 0.00569 - 0.00478 * StrictMath.sin(omega)) * DEG;
    double obliquity0 = 23 + (26 + (21.448 - c * (46.815 + c * (0.00059 - c * 0.001813))) / 60) / 60;
    double obliquity = (obliquity0 + 0.00256 * StrictMath.cos(omega)) * DEG;
    double declination = StrictMath.asin(StrictMath.sin(obliquity) * StrictMath.sin(lambda));
    double y = StrictMath.tan(obliquity / 2);
    y *= y;
    double eot = 4 / DEG * (y * StrictMath.sin(2 * l0) - 2 * e * StrictMath.sin(m)
        + 4 * e * y * StrictMath.sin(m) * StrictMath.cos(2 * l0) - 0.5 * y * y * StrictMath.sin(4 * l0)
        - 1.25 * e * e * StrictMath.sin(2 * m));
    return new double[] {declination, eot};
  }

  private static double mod360(double degrees) {
    double r = degrees % 360;
    return r < 0 ? r + 360 : r;
  }

  /**
   * @param t an instant
   * @return the solar declination, radians
   */
  public static double declination(Instant t) {
    return sun(t)[0];
  }

  /**
   * @param t an instant
   * @return the equation of time, minutes (true solar time minus mean solar time)
   */
  public static double equationOfTime(Instant t) {
    return sun(t)[1];
  }

  /**
   * @param latitude degrees north
   * @param longitude degrees east
   * @param t an instant
   * @return the cosine of the solar zenith angle (negative when the sun is below the horizon)
   */
  public static double cosZenith(double latitude, double longitude, Instant t) {
    ZonedDateTime u = t.atZone(ZoneOffset.UTC);
    double minutes = u.getHour() * 60 + u.getMinute() + u.getSecond() / 60.0;
    double[] sun = sun(t);
    double trueSolarTime = minutes + 4 * longitude + sun[1];
    double hourAngle = (trueSolarTime / 4 - 180) * DEG;
    double phi = latitude * DEG;
    double delta = sun[0];
    return StrictMath.sin(phi) * StrictMath.sin(delta) + StrictMath.cos(phi) * StrictMath.cos(delta)
        * StrictMath.cos(hourAngle);
  }

  /**
   * @param latitude degrees north
   * @param longitude degrees east
   * @param t an instant
   * @return the solar zenith angle, degrees
   */
  public static double zenithDegrees(double latitude, double longitude, Instant t) {
    double c = Math.max(-1, Math.min(1, cosZenith(latitude, longitude, t)));
    return StrictMath.acos(c) / DEG;
  }

  /**
   * @param latitude degrees north
   * @param longitude degrees east
   * @param date the local date at the site (its UTC noon is used as the first guess)
   * @return the sunrise instant, or empty during polar night or midnight sun
   */
  public static Optional<Instant> sunrise(double latitude, double longitude, LocalDate date) {
    return event(latitude, longitude, date, -1);
  }

  /**
   * @param latitude degrees north
   * @param longitude degrees east
   * @param date the local date at the site
   * @return the sunset instant, or empty during polar night or midnight sun
   */
  public static Optional<Instant> sunset(double latitude, double longitude, LocalDate date) {
    return event(latitude, longitude, date, +1);
  }

  /** Sunrise (sign -1) or sunset (+1), refined twice with the sun's position at the event. */
  private static Optional<Instant> event(double latitude, double longitude, LocalDate date, int sign) {
    // local solar noon of that date, in UTC minutes from the date's UTC midnight, as a first guess
    Instant guess = date.atStartOfDay(ZoneOffset.UTC).toInstant().plusSeconds((long) ((720 - 4 * longitude) * 60));
    for (int i = 0; i < 3; i++) {
      double phi = latitude * DEG;
      double delta = declination(guess);
      double cosH = (StrictMath.cos(SUNRISE_ZENITH) - StrictMath.sin(phi) * StrictMath.sin(delta))
          / (StrictMath.cos(phi) * StrictMath.cos(delta));
      if (cosH < -1 || cosH > 1) {
        return Optional.empty();
      }
      double hourAngleDeg = StrictMath.acos(cosH) / DEG;
      double minutes = 720 - 4 * (longitude - sign * hourAngleDeg) - equationOfTime(guess);
      guess = date.atStartOfDay(ZoneOffset.UTC).toInstant().plusMillis(Math.round(minutes * 60_000));
    }
    return Optional.of(guess);
  }
}
