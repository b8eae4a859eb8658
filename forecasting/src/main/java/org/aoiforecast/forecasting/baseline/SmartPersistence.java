package org.aoiforecast.forecasting.baseline;

import java.util.Arrays;
import org.aoiforecast.core.DataException;
import org.aoiforecast.core.TimeSeries;
import org.aoiforecast.core.dataset.AgedDataset;
import org.aoiforecast.core.dataset.Splits;
import org.aoiforecast.forecasting.Forecaster;
import org.aoiforecast.forecasting.TrainingStrategy;
import org.aoiforecast.forecasting.nn.TrainingListener;

/**
 * Smart persistence (clear-sky-index persistence), the reference of solar forecast skill: the
 * last known clear-sky index {@code k = y[o] / cs[o]} (observed at {@code o = t - Δ}, Δ as in
 * persistence) carried to the target time, {@code ŷ[t+h] = k · cs[t+h]}, with {@code cs} a
 * clear-sky column of the series (e.g. clear-sky GHI). The index is scale-free, so the target may
 * be power while {@code cs} is an irradiance.
 *
 * <p>Guard at low sun: the index is read only where {@code cs} is at least {@value #GUARD} of the
 * training part's largest clear-sky value (near sunrise and sunset it is a ratio of two small
 * numbers); otherwise the freshest observation within the day before {@code o} that passes the
 * guard is used, and failing that the median index of the training part. The forecast is 0
 * where {@code cs[t+h] <= 0} (night). Only rows of the data set's own segment are read, so
 * nothing crosses a split.
 */
final class SmartPersistence implements TrainingStrategy<Forecaster> {
  /** The low-sun guard, as a fraction of the largest clear-sky value of the training part. */
  static final double GUARD = 0.05;

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
    TimeSeries s = train.series();
    int cs = clearSkyColumn(s);
    int y = s.columnIndex(train.spec().target());
    double max = 0;
    for (int r = train.segmentStart(); r < train.segmentEnd(); r++) {
      max = Math.max(max, s.value(cs, r));
    }
    if (!(max > 0)) {
      throw new DataException(s.origin().isEmpty() ? null : s.origin(), 0, clearSky, "smart persistence needs a"
          + " positive clear-sky value in the training part; the column is never above 0 there");
    }
    double guard = GUARD * max;
    double[] index = new double[train.segmentEnd() - train.segmentStart()];
    int n = 0;
    for (int r = train.segmentStart(); r < train.segmentEnd(); r++) {
      if (s.value(cs, r) >= guard) {
        index[n++] = s.value(y, r) / s.value(cs, r);
      }
    }
    double[] sorted = Arrays.copyOf(index, n);
    Arrays.sort(sorted);
    double median = sorted[n / 2];
    long stepsPerDay = Math.max(1, 86_400_000L / s.stepMillis());
    return new Forecaster() {
      @Override
      public String name() {
        return Baselines.SMART_PERSISTENCE;
      }

      @Override
      public double[] predict(AgedDataset data) {
        TimeSeries d = data.series();
        int csd = clearSkyColumn(d);
        int yd = d.columnIndex(data.spec().target());
        int carrier = Persistence.targetSource(data);
        double[] out = new double[data.size()];
        for (int r = 0; r < out.length; r++) {
          int t = data.anchorRow(r);
          double csTarget = d.value(csd, data.targetRow(r));
          if (csTarget <= 0) {
            continue;
          }
          int observed = t - Persistence.observedAge(data, r, carrier);
          double k = median;
          long oldest = Math.max(data.segmentStart(), observed - stepsPerDay);
          for (int o = observed; o >= oldest; o--) {
            double c = d.value(csd, o);
            if (c >= guard) {
              k = d.value(yd, o) / c;
              break;
            }
          }
          out[r] = k * csTarget;
        }
        return out;
      }
    };
  }

  private int clearSkyColumn(TimeSeries s) {
    if (!s.hasColumn(clearSky)) {
      throw new DataException(s.origin().isEmpty() ? null : s.origin(), 0, clearSky, "smart persistence needs the"
          + " clear-sky column '" + clearSky + "', which the data lacks (its columns are " + s.names() + "); it is"
          + " computed when the site's position is known");
    }
    return s.columnIndex(clearSky);
  }
}
