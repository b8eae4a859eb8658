package org.aoiforecast.forecasting.nn;

import java.util.Arrays;
import java.util.Objects;
import java.util.function.IntToDoubleFunction;
import org.aoiforecast.core.DataException;
import org.aoiforecast.core.TimeSeries;
import org.aoiforecast.core.dataset.AgedDataset;
import org.aoiforecast.core.dataset.Standardization;

/**
 * The clear-sky index {@code k = y / cs} of a target {@code y} against a clear-sky column {@code
 * cs} (e.g. clear-sky GHI), with the guard at low sun that smart persistence needs: near sunrise
 * and sunset the index is a ratio of two small numbers, so it is read only where {@code cs} is at
 * least {@value #GUARD} of the training part's largest clear-sky value; where no reading passes,
 * the median index of the training part stands in. The index is scale-free, so the target may be
 * power while {@code cs} is an irradiance. Shared by the smart-persistence baseline and the smart
 * persistence regressor of the linear path ({@link SmartPersistenceRegressor}). Immutable.
 *
 * @param column the clear-sky column
 * @param guard the smallest clear-sky value an index is read at, in the column's units
 * @param fallback the median index of the training part, used where no reading passes the guard
 */
public record ClearSkyIndex(String column, double guard, double fallback) {
  /** The low-sun guard, as a fraction of the largest clear-sky value of the training part. */
  public static final double GUARD = 0.05;

  /** Validates. */
  public ClearSkyIndex {
    Objects.requireNonNull(column, "column");
    if (!(guard > 0) || Double.isInfinite(guard) || !Double.isFinite(fallback)) {
      throw new IllegalArgumentException("clear-sky index of '" + column + "': the guard must be positive and finite"
          + " and the fallback index finite, got " + guard + " and " + fallback);
    }
  }

  /**
   * Fits the guard and the fallback on the rows of a training part's segment (raw or
   * standardised; a standardised view's columns are read back in their own units).
   *
   * @param train the training part
   * @param column the clear-sky column of its series
   * @return the fitted index
   * @throws DataException when the series lacks the column, or the column is never above 0 in
   *     the training part
   */
  public static ClearSkyIndex fit(AgedDataset train, String column) {
    TimeSeries s = train.series();
    Standardization st = train.standardization().orElse(null);
    String target = train.spec().target();
    int cs = column(s, column);
    int y = s.columnIndex(target);
    double max = 0;
    for (int r = train.segmentStart(); r < train.segmentEnd(); r++) {
      max = Math.max(max, raw(st, column, s.value(cs, r)));
    }
    if (!(max > 0)) {
      throw new DataException(s.origin().isEmpty() ? null : s.origin(), 0, column, "the clear-sky index needs a"
          + " positive clear-sky value in the training part; the column is never above 0 there");
    }
    double guard = GUARD * max;
    double[] index = new double[train.segmentEnd() - train.segmentStart()];
    int n = 0;
    for (int r = train.segmentStart(); r < train.segmentEnd(); r++) {
      double c = raw(st, column, s.value(cs, r));
      if (c >= guard) {
        index[n++] = raw(st, target, s.value(y, r)) / c;
      }
    }
    double[] sorted = Arrays.copyOf(index, n);
    Arrays.sort(sorted);
    return new ClearSkyIndex(column, guard, sorted[n / 2]);
  }

  /**
   * The column's index in a series, or an error naming what the data has.
   *
   * @param s the series
   * @param column the clear-sky column
   * @return its index
   * @throws DataException when the series lacks it
   */
  public static int column(TimeSeries s, String column) {
    if (!s.hasColumn(column)) {
      throw new DataException(s.origin().isEmpty() ? null : s.origin(), 0, column, "smart persistence needs the"
          + " clear-sky column '" + column + "', which the data lacks (its columns are " + s.names() + "); it is"
          + " computed when the site's position is known");
    }
    return s.columnIndex(column);
  }

  /**
   * The freshest index that passes the guard among readings, freshest first.
   *
   * @param target the target's values, freshest first
   * @param clearSky the clear-sky values at the same times
   * @param count how many of them to look at
   * @return {@code target[i] / clearSky[i]} for the first {@code i} whose clear sky passes the
   *     guard, else {@link #fallback()}
   */
  public double freshest(double[] target, double[] clearSky, int count) {
    return freshest(i -> target[i], i -> clearSky[i], count);
  }

  /**
   * The freshest index that passes the guard among readings given by position, freshest first
   * (the target is read only where the clear sky passes).
   *
   * @param target the target's value of the {@code i}-th reading
   * @param clearSky the clear-sky value at the {@code i}-th reading's time
   * @param count how many readings to look at
   * @return {@code target(i) / clearSky(i)} for the first {@code i} whose clear sky passes the
   *     guard, else {@link #fallback()}
   */
  public double freshest(IntToDoubleFunction target, IntToDoubleFunction clearSky, int count) {
    for (int i = 0; i < count; i++) {
      double c = clearSky.applyAsDouble(i);
      if (passes(c)) {
        return target.applyAsDouble(i) / c;
      }
    }
    return fallback;
  }

  /**
   * @param clearSky a clear-sky value, in the column's units
   * @return whether an index may be read there (the sun is high enough)
   */
  public boolean passes(double clearSky) {
    return clearSky >= guard;
  }

  /**
   * Smart persistence: an index carried to a target time.
   *
   * @param index the clear-sky index
   * @param clearSkyAtTarget the clear-sky value at the target time
   * @return {@code index · clearSkyAtTarget}, or 0 at night ({@code clearSkyAtTarget <= 0})
   */
  public static double carry(double index, double clearSkyAtTarget) {
    return clearSkyAtTarget > 0 ? index * clearSkyAtTarget : 0;
  }

  /** A value of a column in its own units, whether or not the standardisation scaled it. */
  static double raw(Standardization st, String column, double v) {
    return st != null && st.columns().contains(column) ? st.unscale(column, v) : v;
  }
}
