package org.aoiforecast.forecasting.baseline;

import org.aoiforecast.core.TimeSeries;
import org.aoiforecast.core.dataset.AgedDataset;
import org.aoiforecast.core.dataset.Splits;
import org.aoiforecast.forecasting.Forecaster;
import org.aoiforecast.forecasting.TrainingStrategy;
import org.aoiforecast.forecasting.nn.ClearSkyIndex;
import org.aoiforecast.forecasting.nn.TrainingListener;

/**
 * Smart persistence (clear-sky-index persistence), the reference of solar forecast skill: the
 * last known clear-sky index {@code k = y[o] / cs[o]} (observed at {@code o = t - Δ}, Δ as in
 * persistence) carried to the target time, {@code ŷ[t+h] = k · cs[t+h]}, with {@code cs} a
 * clear-sky column of the series (e.g. clear-sky GHI). The index is scale-free, so the target may
 * be power while {@code cs} is an irradiance.
 *
 * <p>Guard at low sun ({@link ClearSkyIndex}): the index is read only where {@code cs} is at least
 * {@value ClearSkyIndex#GUARD} of the training part's largest clear-sky value (near sunrise and
 * sunset it is a ratio of two small numbers); otherwise the freshest observation within the day
 * before {@code o} that passes the guard is used, and failing that the median index of the
 * training part. The forecast is 0
 * where {@code cs[t+h] <= 0} (night). Only rows of the data set's own segment are read, so
 * nothing crosses a split.
 */
final class SmartPersistence implements TrainingStrategy<Forecaster> {
  private final String clearSky;

  SmartPersistence(String clearSky) {
    this.clearSky = clearSky;
  }

  @Override
  public String name() {
    return Baselines.SMART_PERSISTENCE;
  }

  @Override
  public Forecaster fit(Splits splits, TrainingListener listener) {
    AgedDataset train = splits.train();
    ClearSkyIndex index = ClearSkyIndex.fit(train, clearSky);
    long stepsPerDay = Math.max(1, 86_400_000L / train.series().stepMillis());
    return new Forecaster() {
      @Override
      public String name() {
        return Baselines.SMART_PERSISTENCE;
      }

      @Override
      public double[] predict(AgedDataset data) {
        TimeSeries d = data.series();
        int csd = ClearSkyIndex.column(d, clearSky);
        int yd = d.columnIndex(data.spec().target());
        int carrier = Persistence.targetSource(data);
        double[] out = new double[data.size()];
        for (int r = 0; r < out.length; r++) {
          double csTarget = d.value(csd, data.targetRow(r));
          if (csTarget <= 0) {
            continue;
          }
          int observed = data.anchorRow(r) - Persistence.observedAge(data, r, carrier);
          long oldest = Math.max(data.segmentStart(), observed - stepsPerDay);
          double k = index.freshest(i -> d.value(yd, observed - i), i -> d.value(csd, observed - i),
              (int) (observed - oldest + 1));
          out[r] = ClearSkyIndex.carry(k, csTarget);
        }
        return out;
      }
    };
  }
}
