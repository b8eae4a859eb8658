package org.aoiforecast.forecasting.nn;

import java.time.Duration;
import java.util.Objects;
import org.aoiforecast.core.TimeSeries;
import org.aoiforecast.core.dataset.AgedDataset;
import org.aoiforecast.core.dataset.AgedDatasetSpec;
import org.aoiforecast.core.dataset.KnownCovariate;
import org.aoiforecast.core.dataset.Standardization;

/**
 * Smart persistence as one regressor of the linear path, at the young lead times: the clear-sky
 * index of the target source's freshest reading that passes the low-sun guard ({@link
 * ClearSkyIndex}), carried to the target time, {@code k · cs[t+h]} (0 at night), standardised
 * like the target and weighted by a fade that is 1 at a lead time ({@code age + horizon}) of one
 * step and falls linearly to 0 at {@link #FADE}: {@code clamp((T - lead) / (T - 1), 0, 1)} with
 * {@code T} the fade in steps.
 *
 * <p>Why: a window of irradiance and the clear sky at the target time tell a linear model the
 * level of the day but not the cloudiness now relative to the sun's height; the index does, and
 * at lead times of an hour or two it is the best single forecast (the solar field's reference).
 * The network cannot build the ratio cheaply from standardised inputs. Farther ahead the index
 * decorrelates and the regressor only adds noise to the path, hence the fade. See
 * docs/decisions.md, "Smart persistence in the linear path", for the measurements.
 *
 * <p>Only what a live request carries is read: the target source's window (its {@code u}
 * freshest readings, not the day before them as the smart-persistence baseline may) and the
 * clear-sky column at those readings' times and at the target time. Where no reading of the
 * window passes the guard (e.g. the first hour after sunrise with a short window) the training
 * part's median index stands in. The clear-sky column must be one of the data's known
 * covariates, so that a live request holds its value at the target time. Immutable.
 */
public final class SmartPersistenceRegressor {
  /** The lead time at which the regressor's weight reaches 0. */
  public static final Duration FADE = Duration.ofHours(6);

  private final ClearSkyIndex index;
  private final int fadeSteps;

  /**
   * @param index the clear-sky index, fitted on the training part
   * @param fadeSteps the lead time at which the weight reaches 0, in steps, at least 2
   */
  public SmartPersistenceRegressor(ClearSkyIndex index, int fadeSteps) {
    this.index = Objects.requireNonNull(index, "index");
    if (fadeSteps < 2) {
      throw new IllegalArgumentException("the smart-persistence fade must span at least 2 steps, got " + fadeSteps);
    }
    this.fadeSteps = fadeSteps;
  }

  /**
   * Fits the regressor on a training part.
   *
   * @param train the training part, raw or standardised
   * @param clearSkyColumn the clear-sky column; it must be a known covariate of the data
   * @return the regressor
   * @throws IllegalArgumentException when no source carries the target or the column is not a
   *     known covariate
   * @throws org.aoiforecast.core.DataException when the series lacks the column or it is never
   *     positive in the training part
   */
  public static SmartPersistenceRegressor fit(AgedDataset train, String clearSkyColumn) {
    requireUsable(train.spec(), clearSkyColumn);
    return new SmartPersistenceRegressor(ClearSkyIndex.fit(train, clearSkyColumn),
        fadeSteps(train.series().step()));
  }

  /**
   * @param step the data's step
   * @return {@link #FADE} in steps, rounded, at least 2
   */
  public static int fadeSteps(Duration step) {
    return (int) Math.max(2, Math.round(FADE.toMillis() / (double) step.toMillis()));
  }

  /**
   * Checks that a data set can carry the regressor.
   *
   * @param spec the data's spec
   * @param clearSkyColumn the clear-sky column
   * @throws IllegalArgumentException naming what is missing
   */
  public static void requireUsable(AgedDatasetSpec spec, String clearSkyColumn) {
    if (spec.targetSource().isEmpty()) {
      throw noCarrier(spec);
    }
    if (spec.covariates().stream().noneMatch(c -> c.readsColumn() && c.name().equals(clearSkyColumn))) {
      throw new IllegalArgumentException("smart persistence in the linear path needs the clear-sky column '"
          + clearSkyColumn + "' among the known covariates, so that a live forecast has its value at the target time;"
          + " the covariates are " + spec.covariates().stream().map(KnownCovariate::name).toList());
    }
  }

  /** @return the clear-sky index: column, guard and fallback */
  public ClearSkyIndex index() {
    return index;
  }

  /** @return the lead time at which the weight reaches 0, in steps */
  public int fadeSteps() {
    return fadeSteps;
  }

  /**
   * @param lead the lead time, age plus horizon, in steps (may be fractional)
   * @return the regressor's weight, 1 up to one step and 0 from {@link #fadeSteps()} on
   */
  public double weight(double lead) {
    return Math.max(0, Math.min(1, (fadeSteps - lead) / (fadeSteps - 1)));
  }

  /**
   * The smart-persistence forecast of one sample of a data set.
   *
   * @param data a data set with the layout the regressor was fitted on (raw or standardised)
   * @param row a row of it
   * @return the forecast, in the target's units
   */
  public double forecast(AgedDataset data, int row) {
    AgedDatasetSpec spec = data.spec();
    TimeSeries s = data.series();
    Standardization st = data.standardization().orElse(null);
    String target = spec.target();
    int source = carrier(spec);
    int column = spec.sources().get(source).columnIndex(target);
    int cs = ClearSkyIndex.column(s, index.column());
    int observed = data.anchorRow(row) - data.age(row, source);
    double k = index.freshest(lag -> ClearSkyIndex.raw(st, target, data.value(row, source, column, lag)),
        lag -> ClearSkyIndex.raw(st, index.column(), s.value(cs, observed - lag)), spec.window());
    return ClearSkyIndex.carry(k, ClearSkyIndex.raw(st, index.column(), s.value(cs, data.targetRow(row))));
  }

  /**
   * The smart-persistence forecast of a live sample.
   *
   * @param targetWindow the target's readings in the window, freshest first, in its units
   * @param clearSkyAtReadings the clear-sky column at those readings' times
   * @param clearSkyAtTarget the clear-sky column at the target time
   * @return the forecast, in the target's units
   */
  public double forecast(double[] targetWindow, double[] clearSkyAtReadings, double clearSkyAtTarget) {
    if (clearSkyAtReadings.length != targetWindow.length) {
      throw new IllegalArgumentException("clear-sky column '" + index.column() + "': " + clearSkyAtReadings.length
          + " values at the readings given, the window is " + targetWindow.length + " (freshest first)");
    }
    return ClearSkyIndex.carry(index.freshest(targetWindow, clearSkyAtReadings, targetWindow.length),
        clearSkyAtTarget);
  }

  /**
   * The regressor's value, as the linear path takes it.
   *
   * @param forecast the smart-persistence forecast, in the target's units
   * @param lead the lead time, in steps
   * @param st the standardisation of the path's data (null for raw data)
   * @param target the target column
   * @return the standardised forecast times the fade's weight
   */
  public double regressor(double forecast, double lead, Standardization st, String target) {
    double z = st != null && st.columns().contains(target) ? st.scale(target, forecast) : forecast;
    return weight(lead) * z;
  }

  /**
   * @param data a data set with the layout the regressor was fitted on
   * @param row a row of it
   * @return the regressor's value of that row, as the linear path takes it
   */
  double regressor(AgedDataset data, int row) {
    int source = carrier(data.spec());
    return regressor(forecast(data, row), data.age(row, source) + data.horizonOf(row),
        data.standardization().orElse(null), data.spec().target());
  }

  private static int carrier(AgedDatasetSpec spec) {
    return spec.targetSource().orElseThrow(() -> noCarrier(spec));
  }

  private static IllegalArgumentException noCarrier(AgedDatasetSpec spec) {
    return new IllegalArgumentException("smart persistence in the linear path needs the target '" + spec.target()
        + "' among the sources' columns " + spec.sourceNames() + ": its index is read from the target's readings");
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof SmartPersistenceRegressor r && r.index.equals(index) && r.fadeSteps == fadeSteps;
  }

  @Override
  public int hashCode() {
    return index.hashCode() * 31 + fadeSteps;
  }

  @Override
  public String toString() {
    return "smart persistence on " + index.column() + " (guard " + index.guard() + ", fallback index "
        + index.fallback() + ", fade " + fadeSteps + " steps)";
  }
}
