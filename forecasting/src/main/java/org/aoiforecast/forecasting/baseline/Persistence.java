package org.aoiforecast.forecasting.baseline;

import org.aoiforecast.core.dataset.AgedDataset;
import org.aoiforecast.core.dataset.Splits;
import org.aoiforecast.forecasting.Forecaster;
import org.aoiforecast.forecasting.TrainingStrategy;
import org.aoiforecast.forecasting.nn.TrainingListener;

/**
 * Persistence: the forecast of {@code y[t+h]} is the last observed target, {@code y[t - Δ]}, where
 * Δ is the age of the source that carries the target column (or, when no source does, the
 * smallest age in the sample). Needs no training.
 */
final class Persistence implements TrainingStrategy<Forecaster> {
  @Override
  public String name() {
    return Baselines.PERSISTENCE;
  }

  @Override
  public Forecaster fit(Splits splits, TrainingListener listener) {
    return new Forecaster() {
      @Override
      public String name() {
        return Baselines.PERSISTENCE;
      }

      @Override
      public double[] predict(AgedDataset data) {
        int target = data.series().columnIndex(data.spec().target());
        int carrier = targetSource(data);
        double[] out = new double[data.size()];
        for (int r = 0; r < out.length; r++) {
          out[r] = data.series().value(target, data.anchorRow(r) - observedAge(data, r, carrier));
        }
        return out;
      }
    };
  }

  /** Index of the source whose columns include the target, or -1. */
  static int targetSource(AgedDataset data) {
    return data.spec().targetSource().orElse(-1);
  }

  /** Age of the latest target observation in sample r. */
  static int observedAge(AgedDataset data, int r, int carrier) {
    if (carrier >= 0) {
      return data.age(r, carrier);
    }
    int min = Integer.MAX_VALUE;
    for (int s = 0; s < data.spec().sources().size(); s++) {
      min = Math.min(min, data.age(r, s));
    }
    return min;
  }
}
