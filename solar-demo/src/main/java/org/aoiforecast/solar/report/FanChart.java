package org.aoiforecast.solar.report;

import java.util.Optional;
import org.aoiforecast.core.dataset.AgedDataset;
import org.aoiforecast.forecasting.AgeAwareForecaster;
import org.aoiforecast.forecasting.GaussianForecast;
import org.aoiforecast.forecasting.evaluation.GaussianForecasts;

/**
 * The data of the report's fan chart: one week of the test part forecast by the Gaussian network
 * twice, with fresh inputs (the youngest trained age) and with stale ones (the trained age nearest
 * a day), each as the observed target, the median and the central 80 % interval, in the target's
 * units. Immutable.
 *
 * @param hours hours since the week's first target, one per step
 * @param observed the target, per step
 * @param fresh the forecasts at {@code freshAge}
 * @param stale the forecasts at {@code staleAge}
 * @param freshAge the fresh age, steps
 * @param staleAge the stale age, steps
 * @param start the week's first target time
 */
record FanChart(double[] hours, double[] observed, Panel fresh, Panel stale, int freshAge, int staleAge,
    java.time.Instant start) {

  /** The figure's file name. */
  static final String FIGURE = "fig10-fan.png";
  /** The central interval drawn. */
  static final double INTERVAL = 0.8;

  /**
   * One panel's forecasts.
   *
   * @param median the medians
   * @param lower the lower ends of the central interval
   * @param upper the upper ends
   */
  record Panel(double[] median, double[] lower, double[] upper) {}

  /**
   * @param model the pooled network, with a Gaussian head and one horizon
   * @param test the raw test part of the data set it was trained on
   * @return the chart's data, or empty when the model forecasts points, pools several horizons or
   *     the test part holds less than a day
   */
  static Optional<FanChart> of(AgeAwareForecaster model, AgedDataset test) {
    if (!model.isProbabilistic() || model.layout().horizons().length != 1 || test.ageVectorCount() < 1) {
      return Optional.empty();
    }
    long stepMillis = test.series().stepMillis();
    int perDay = (int) Math.max(1, 86_400_000L / stepMillis);
    int n = Math.min(7 * perDay, test.countOf(0));
    if (n < perDay) {
      return Optional.empty();
    }
    // the youngest vector and the one whose reporting age is nearest a day
    int freshK = 0;
    int staleK = 0;
    for (int k = 0; k < test.ageVectorCount(); k++) {
      int age = test.spec().reportingAge(test.ageVector(k));
      if (age < test.spec().reportingAge(test.ageVector(freshK))) {
        freshK = k;
      }
      if (Math.abs(age - perDay) < Math.abs(test.spec().reportingAge(test.ageVector(staleK)) - perDay)) {
        staleK = k;
      }
    }
    GaussianForecasts g = model.predictDistribution(test);
    double[] hours = new double[n];
    double[] observed = new double[n];
    for (int i = 0; i < n; i++) {
      hours[i] = i * stepMillis / 3.6e6;
      observed[i] = test.targetValue(test.firstRowOf(freshK) + i);
    }
    return Optional.of(new FanChart(hours, observed, panel(g, test.firstRowOf(freshK), n),
        panel(g, test.firstRowOf(staleK), n), test.spec().reportingAge(test.ageVector(freshK)),
        test.spec().reportingAge(test.ageVector(staleK)), test.series().time(test.targetRow(test.firstRowOf(freshK)))));
  }

  private static Panel panel(GaussianForecasts g, int first, int n) {
    double[] median = new double[n];
    double[] lower = new double[n];
    double[] upper = new double[n];
    for (int i = 0; i < n; i++) {
      GaussianForecast f = new GaussianForecast(g.mean(first + i), g.sd(first + i));
      median[i] = f.median();
      lower[i] = f.lower(INTERVAL);
      upper[i] = f.upper(INTERVAL);
    }
    return new Panel(median, lower, upper);
  }
}
