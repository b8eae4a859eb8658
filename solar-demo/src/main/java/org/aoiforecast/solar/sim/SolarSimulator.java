package org.aoiforecast.solar.sim;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;

import java.util.Objects;
import org.aoiforecast.core.TimeSeries;
import org.apache.commons.math3.random.Well19937c;
import org.apache.commons.math3.special.Erf;

/**
 * A physically sound synthetic PV site: seeded, any number of days, hourly or finer.
 *
 * <ul>
 *   <li><b>Sun:</b> {@link SolarPosition} (declination, equation of time, hour angle, zenith) and
 *       Haurwitz clear-sky GHI ({@link ClearSky}).
 *   <li><b>Clouds:</b> a latent Gaussian process, the sum of a slow AR(1) (18-hour correlation
 *       time, weather systems) and a fast one (2 hours, passing clouds), mapped through the normal
 *       CDF to cloud cover in tenths (0..10, rounded like observations); the mapping is steep, so
 *       skies are mostly clear or mostly overcast, as observed.
 *   <li><b>Irradiance:</b> {@code GHI = clear-sky GHI × (1 − 0.75 (C/10)^3.4)} (Kasten &amp; Czeplak's
 *       cloud attenuation) times a small log-normal fluctuation (3 %), clipped to at most 10 % above
 *       clear sky (the documented margin, for cloud-edge enhancement); 0 at night.
 *   <li><b>Air temperature:</b> relaxes (time constant 10 h) towards a seasonal mean
 *       ({@link #meanTemperature}, warmest in late July in the northern hemisphere), is heated by
 *       irradiance (2.2 °C/h per kW/m²) and cooled at night under clear skies (0.6 °C/h), plus noise.
 *   <li><b>Humidity:</b> the dew point follows a slow (36 h) AR process about 8 °C below the
 *       seasonal mean, never above the air temperature; relative humidity follows from both by the
 *       Magnus formula, so it is consistent with temperature (high at night, low in the afternoon).
 *   <li><b>PV power:</b> {@code P = capacity × GHI/1000 × (1 − 0.004 (T_cell − 25)) × 0.86} kW with
 *       cell temperature {@code T_cell = T + 25/800 × GHI} (NOCT 45 °C) and 14 % system losses,
 *       clipped to [0, capacity].
 * </ul>
 * Values are instantaneous at each timestamp. Computation uses {@link StrictMath} and a Well19937c
 * generator, so a seed gives the same data on every machine.
 */
public final class SolarSimulator {
  /** Column names and units of the simulated series. */
  public static final String GHI = "GHI";
  /** Clear-sky GHI, W/m². */
  public static final String CLEAR_SKY = "ClearSkyGHI";
  /** Air temperature, °C. */
  public static final String TEMPERATURE = "Temperature";
  /** Dew point, °C. */
  public static final String DEW_POINT = "DewPoint";
  /** Relative humidity, %. */
  public static final String HUMIDITY = "RelativeHumidity";
  /** Cloud cover, tenths. */
  public static final String CLOUD = "CloudCover";
  /** PV AC power, kW. */
  public static final String POWER = "Power";
  /** The largest ratio of GHI to clear-sky GHI the simulator produces. */
  public static final double CLEAR_SKY_MARGIN = 1.10;

  private final Site site;
  private final LocalDate start;
  private final int days;
  private final Duration step;
  private final long seed;

  private SolarSimulator(Site site, LocalDate start, int days, Duration step, long seed) {
    this.site = Objects.requireNonNull(site, "site");
    if (!(site.capacityKw() > 0)) {
      throw new IllegalArgumentException("the simulated site needs a PV system: capacity > 0 kW");
    }
    this.start = Objects.requireNonNull(start, "start");
    if (days < 1) {
      throw new IllegalArgumentException("simulate at least 1 day, got " + days);
    }
    if (step.isNegative() || step.isZero() || Duration.ofDays(1).toMillis() % step.toMillis() != 0
        || step.toMinutes() < 1) {
      throw new IllegalArgumentException("the step must divide a day into whole steps of at least a minute, got "
          + step);
    }
    this.days = days;
    this.step = step;
    this.seed = seed;
  }

  /**
   * @param site the site
   * @param start the first local (standard time) date
   * @param days number of days
   * @param step the spacing of samples (dividing a day; e.g. 1 h, 30 min)
   * @param seed the random seed
   * @return the simulator
   */
  public static SolarSimulator of(Site site, LocalDate start, int days, Duration step, long seed) {
    return new SolarSimulator(site, start, days, step, seed);
  }

  /**
   * @param dayOfYear 1..366
   * @param latitude degrees north
   * @return the seasonal mean air temperature, °C: 11 °C ± 11 °C, warmest on day 200 (late July)
   *     in the northern hemisphere and half a year later in the southern
   */
  public static double meanTemperature(int dayOfYear, double latitude) {
    double peak = latitude >= 0 ? 200 : 17;
    return 11 + 11 * StrictMath.cos(2 * Math.PI * (dayOfYear - peak) / 365.0);
  }

  /** @return the simulated series, starting at local standard midnight of the start date */
  public TimeSeries simulate() {
    int perDay = (int) (Duration.ofDays(1).toMillis() / step.toMillis());
    int n = days * perDay;
    double dt = step.toMillis() / 3_600_000.0; // hours
    Well19937c random = new Well19937c(seed);
    Instant t0 = start.atStartOfDay(site.zone()).toInstant();
    double[] ghi = new double[n];
    double[] clear = new double[n];
    double[] temp = new double[n];
    double[] dew = new double[n];
    double[] rh = new double[n];
    double[] cloud = new double[n];
    double[] power = new double[n];
    double slowRho = StrictMath.exp(-dt / 18.0);
    double fastRho = StrictMath.exp(-dt / 2.0);
    double slow = random.nextGaussian();
    double fast = random.nextGaussian();
    double t = meanTemperature(start.getDayOfYear(), site.latitude());
    double d = t - 8;
    for (int i = 0; i < n; i++) {
      Instant now = t0.plusMillis(i * step.toMillis());
      int doy = now.atOffset(site.zone()).getDayOfYear();
      double base = meanTemperature(doy, site.latitude());
      slow = slowRho * slow + StrictMath.sqrt(1 - slowRho * slowRho) * random.nextGaussian();
      fast = fastRho * fast + StrictMath.sqrt(1 - fastRho * fastRho) * random.nextGaussian();
      double latent = 0.8 * slow + 0.6 * fast;
      double cover = Math.round(10 * 0.5 * (1 + Erf.erf((1.7 * latent + 0.3) / StrictMath.sqrt(2))));
      double cs = ClearSky.ghi(site, now);
      double attenuation = 1 - 0.75 * StrictMath.pow(cover / 10, 3.4);
      double g = cs * attenuation * StrictMath.exp(0.03 * random.nextGaussian() - 0.00045);
      g = Math.min(g, CLEAR_SKY_MARGIN * cs);
      boolean night = cs <= 0;
      t += dt / 10.0 * (base - 3 - t) + dt * 2.2 * g / 1000 - (night ? dt * 0.6 * (1 - cover / 10) : 0)
          + 0.3 * StrictMath.sqrt(dt) * random.nextGaussian();
      d += dt / 36.0 * (base - 8 - d) + 0.5 * StrictMath.sqrt(dt) * random.nextGaussian();
      d = Math.min(d, t - 0.1);
      double cell = t + 25.0 / 800 * g;
      double p = site.capacityKw() * g / 1000 * (1 - 0.004 * (cell - 25)) * 0.86;
      ghi[i] = round(g, 1);
      clear[i] = round(cs, 1);
      temp[i] = round(t, 2);
      dew[i] = round(d, 2);
      rh[i] = round(Math.min(100, 100 * magnus(d) / magnus(t)), 1);
      cloud[i] = cover;
      power[i] = round(Math.max(0, Math.min(site.capacityKw(), p)), 4);
    }
    return TimeSeries.builder(t0, step).origin("simulated " + site.name())
        .column(GHI, "W/m^2", ghi).column(CLEAR_SKY, "W/m^2", clear).column(TEMPERATURE, "C", temp)
        .column(DEW_POINT, "C", dew).column(HUMIDITY, "%", rh).column(CLOUD, "tenths", cloud)
        .column(POWER, "kW", power).build();
  }

  /** Saturation vapour pressure up to a constant (Magnus, Alduchov & Eskridge 1996). */
  private static double magnus(double celsius) {
    return StrictMath.exp(17.625 * celsius / (243.04 + celsius));
  }

  /** Rounds so that written files are compact and identical on every machine. */
  private static double round(double v, int decimals) {
    double f = StrictMath.pow(10, decimals);
    return Math.round(v * f) / f;
  }

  /** @return the site */
  public Site site() {
    return site;
  }

}
