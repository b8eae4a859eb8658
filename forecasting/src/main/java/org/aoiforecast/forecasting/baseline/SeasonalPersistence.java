package org.aoiforecast.forecasting.baseline;

import java.time.Duration;
import org.aoiforecast.core.dataset.AgedDataset;
import org.aoiforecast.core.dataset.Splits;
import org.aoiforecast.forecasting.Forecaster;
import org.aoiforecast.forecasting.TrainingStrategy;
import org.aoiforecast.forecasting.nn.TrainingListener;

/**
 * Seasonal persistence ("same hour yesterday"): the forecast of {@code y[t+h]} is
 * {@code y[t+h - m P]} with {@code P} the period in steps and {@code m >= 1} the fewest periods
 * that reach back to data old enough to have been observed ({@code t+h - mP <= t - Δ}, Δ as in
 * persistence). Samples too early in the series for that fall back to plain persistence.
 */
final class SeasonalPersistence implements TrainingStrategy<Forecaster> {
  private final Duration period;

  SeasonalPersistence(Duration period) {
    if (period == null || period.isZero() || period.isNegative()) {
      throw new IllegalArgumentException("the season must be a positive duration, got " + period);
    }
    this.period = period;
  }

  @Override
  public String name() {
    return Baselines.SEASONAL_PERSISTENCE;
  }

  @Override
  public Forecaster fit(Splits splits, TrainingListener listener) {
    Duration step = splits.train().series().step();
    if (period.toMillis() % step.toMillis() != 0) {
      throw new IllegalArgumentException("the season " + period + " is not a whole number of the data's steps of "
          + step);
    }
    int p = (int) (period.toMillis() / step.toMillis());
    return new Forecaster() {
      @Override
      public String name() {
        return Baselines.SEASONAL_PERSISTENCE;
      }

      @Override
      public double[] predict(AgedDataset data) {
        int target = data.series().columnIndex(data.spec().target());
        int carrier = Persistence.targetSource(data);
        double[] out = new double[data.size()];
        for (int r = 0; r < out.length; r++) {
          int h = data.horizonOf(r);
          int t = data.anchorRow(r);
          int age = Persistence.observedAge(data, r, carrier);
          int periods = Math.max(1, (h + age + p - 1) / p);
          int row = t + h - periods * p;
          out[r] = data.series().value(target, row >= 0 ? row : t - age);
        }
        return out;
      }
    };
  }
}
