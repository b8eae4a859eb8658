package org.aoiforecast.forecasting;

import org.aoiforecast.core.dataset.AgedDataset;
import org.aoiforecast.forecasting.evaluation.Gaussian;
import org.aoiforecast.forecasting.evaluation.GaussianForecasts;

/**
 * Keeps the coverage of a central interval at its level while the data drift, by rescaling the
 * forecast spread from the outcomes as they arrive: adaptive conformal inference (Gibbs and
 * Candès, 2021) in a multiplicative form. A factor {@code g}, starting at 1, multiplies every
 * standard deviation; after each outcome,
 * {@code ln g ← ln g + rate · (miss − (1 − level))}, with {@code miss} 1 when the outcome fell
 * outside the interval the forecast was issued with and 0 otherwise. A miss widens the intervals
 * by {@code e^(rate · level)}, a hit narrows them by {@code e^(−rate · (1 − level))}.
 *
 * <p>Why: the factors of {@link org.aoiforecast.forecasting.nn.IntervalCalibration} are fitted
 * once, on the validation part, which lies in another season than the forecasts that follow; on
 * the solar data the share of night hours (whose outcome is exactly 0) and the daytime spread
 * change from month to month, and the coverage of a fixed calibration drifted to 65-82 % over a
 * year. The rule needs no model of the drift and guarantees, whatever the data, that over
 * {@code n} outcomes the share of misses is within {@code |ln g_n| / (rate · n)} of
 * {@code 1 − level} (the updates telescope), so the coverage stays near the level as long as the
 * factor stays bounded, which the rule itself ensures.
 *
 * <p>Only outcomes known when a forecast is issued may update its factor. On a data set
 * ({@link #apply}) the forecast of a sample with anchor {@code t}, horizon {@code h} and the
 * target's source at age {@code a} is issued at {@code t} with that source's readings up to
 * {@code t − a}: its factor uses the outcomes of the same (age vector, horizon) cell up to target
 * time {@code t − a}, i.e. of the samples at least {@code max(1, a + h)} rows earlier. Live, a
 * {@link Tracker} is told each outcome when it arrives.
 *
 * <p>Immutable; the {@link Tracker}s it makes are not thread-safe.
 */
public final class OnlineRecalibration {
  /**
   * The default rate. Measured on the test parts of the solar data (docs/benchmarks.md): 0.02 held
   * every age band within 79.2-80.7 % at the CRPS of the fixed calibration (−1.3 to +0.5 % per
   * band); 0.05 and 0.1 held coverage as well but cost sharpness (CRPS up to 1.3 % and 14 %
   * higher), 0.01 reacted more slowly (78.8-81.1 %).
   */
  public static final double DEFAULT_RATE = 0.02;

  private final double level;
  private final double rate;

  private OnlineRecalibration(double level, double rate) {
    if (!(level > 0 && level < 1)) {
      throw new IllegalArgumentException("the interval's level lies strictly between 0 and 1, got " + level);
    }
    if (!(rate > 0) || Double.isInfinite(rate)) {
      throw new IllegalArgumentException("the rate is positive and finite, got " + rate);
    }
    this.level = level;
    this.rate = rate;
  }

  /**
   * @param level the central interval's probability to hold, in (0, 1), e.g. 0.8
   * @param rate the step of {@code ln g} per outcome, positive: larger follows drift faster, smaller
   *     varies less
   * @return the rule
   */
  public static OnlineRecalibration of(double level, double rate) {
    return new OnlineRecalibration(level, rate);
  }

  /**
   * @param level the central interval's probability to hold, in (0, 1)
   * @return the rule with {@link #DEFAULT_RATE}
   */
  public static OnlineRecalibration of(double level) {
    return new OnlineRecalibration(level, DEFAULT_RATE);
  }

  /** @return the central probability held */
  public double level() {
    return level;
  }

  /** @return the step of {@code ln g} per outcome */
  public double rate() {
    return rate;
  }

  /** @return a tracker for one stream of live forecasts, factor 1 */
  public Tracker tracker() {
    return new Tracker(this);
  }

  /**
   * The factor each sample's forecast is issued with, replaying the samples of every
   * (age vector, horizon) cell in time order, each cell with its own tracker from factor 1.
   *
   * @param data the raw data set the forecasts are for
   * @param forecasts one forecast per sample (e.g. {@link ProbabilisticForecaster#predictDistribution})
   * @return one factor per sample
   */
  public double[] factors(AgedDataset data, GaussianForecasts forecasts) {
    if (forecasts.size() != data.size()) {
      throw new IllegalArgumentException(forecasts.size() + " forecasts for " + data.size() + " samples");
    }
    double[] g = new double[data.size()];
    for (int c = 0; c < data.cellCount(); c++) {
      replay(data, forecasts, c, Integer.MAX_VALUE, g);
    }
    return g;
  }

  /**
   * The tracker of one (age vector, horizon) cell after the outcomes known at a time: the cell's
   * samples replayed in time order as {@link #factors} issues them, then every outcome up to that
   * time observed. Its {@link Tracker#factor()} is the factor of the next forecast of that cell;
   * live, it starts a tracker from a stretch of recent data (the CLI's {@code predict --history}).
   *
   * @param data the raw data set of the recent data
   * @param forecasts one forecast per sample
   * @param cell the cell, as {@link AgedDataset#cellIndex}
   * @param lastKnownTargetRow the last series row whose outcome is known: samples whose target
   *     lies later are left out
   * @return the tracker, ready for the next forecast
   */
  public Tracker replay(AgedDataset data, GaussianForecasts forecasts, int cell, int lastKnownTargetRow) {
    if (forecasts.size() != data.size()) {
      throw new IllegalArgumentException(forecasts.size() + " forecasts for " + data.size() + " samples");
    }
    if (cell < 0 || cell >= data.cellCount()) {
      throw new IllegalArgumentException("cell " + cell + " of " + data.cellCount());
    }
    return replay(data, forecasts, cell, lastKnownTargetRow, new double[data.size()]);
  }

  /**
   * Replays one cell: writes the factor each sample is issued with into {@code g} and observes every
   * outcome whose target row is at most {@code lastKnownTargetRow}, the last ones (not known to any
   * later sample of the cell) after the loop.
   */
  private Tracker replay(AgedDataset data, GaussianForecasts forecasts, int cell, int lastKnownTargetRow,
      double[] g) {
    Tracker tracker = tracker();
    int from = data.firstRowOfCell(cell);
    int n = data.countOfCell(cell);
    if (n == 0) {
      return tracker;
    }
    int age = data.spec().reportingAge(data.ageVector(data.ageVectorIndex(from)));
    int lag = Math.max(1, age + data.horizonOf(from));
    int observed = 0;
    for (int i = 0; i < n; i++) {
      if (i >= lag && data.targetRow(from + i - lag) <= lastKnownTargetRow) {
        // the outcome of the sample lag rows back has just become known: the rows of a cell are
        // consecutive anchors, so it is the latest one known at this anchor
        observe(tracker, data, forecasts, g, from + i - lag);
        observed++;
      }
      g[from + i] = tracker.factor();
    }
    for (int r = from + observed; r < from + n && data.targetRow(r) <= lastKnownTargetRow; r++) {
      observe(tracker, data, forecasts, g, r);
    }
    return tracker;
  }

  private static void observe(Tracker tracker, AgedDataset data, GaussianForecasts forecasts, double[] g, int r) {
    tracker.observe(new GaussianForecast(forecasts.mean(r), forecasts.sd(r) * g[r]), data.targetValue(r));
  }

  /**
   * @param data the raw data set the forecasts are for
   * @param forecasts one forecast per sample
   * @return the forecasts with every standard deviation multiplied by its factor of {@link #factors}
   */
  public GaussianForecasts apply(AgedDataset data, GaussianForecasts forecasts) {
    double[] g = factors(data, forecasts);
    double[] sd = forecasts.sd();
    for (int i = 0; i < sd.length; i++) {
      sd[i] *= g[i];
    }
    return new GaussianForecasts(forecasts.mean(), sd);
  }

  @Override
  public String toString() {
    return "OnlineRecalibration(level " + level + ", rate " + rate + ")";
  }

  /**
   * The factor of one stream of live forecasts (one age and horizon of one site, say): scale each
   * new forecast with {@link #adjust}, and pass each outcome, when it arrives, to {@link #observe}
   * with the forecast that was issued for it. Not thread-safe.
   */
  public static final class Tracker {
    private final OnlineRecalibration rule;
    private final double half;
    private double logFactor;
    private long outcomes;
    private long misses;

    private Tracker(OnlineRecalibration rule) {
      this.rule = rule;
      this.half = Gaussian.standardQuantile(0.5 + rule.level / 2);
    }

    /** @return the current factor of the standard deviations */
    public double factor() {
      return Math.exp(logFactor);
    }

    /**
     * @param forecast a forecast as the model gives it
     * @return the forecast to issue: the same mean, the standard deviation times {@link #factor()}
     */
    public GaussianForecast adjust(GaussianForecast forecast) {
      return new GaussianForecast(forecast.mean(), forecast.sd() * factor());
    }

    /**
     * Updates the factor with an outcome.
     *
     * @param issued the forecast that was issued for it (as returned by {@link #adjust})
     * @param outcome the observed value, target units
     * @return whether the outcome fell inside the issued central interval
     * @throws IllegalArgumentException when the outcome is not finite
     */
    public boolean observe(GaussianForecast issued, double outcome) {
      if (!Double.isFinite(outcome)) {
        throw new IllegalArgumentException("an outcome is a finite number, got " + outcome);
      }
      boolean inside = Math.abs(outcome - issued.mean()) <= half * issued.sd();
      logFactor += rule.rate * ((inside ? 0 : 1) - (1 - rule.level));
      outcomes++;
      if (!inside) {
        misses++;
      }
      return inside;
    }

    /** @return the outcomes observed */
    public long outcomes() {
      return outcomes;
    }

    /** @return the share of observed outcomes inside their issued interval (NaN before any) */
    public double coverage() {
      return outcomes == 0 ? Double.NaN : 1 - (double) misses / outcomes;
    }
  }
}
