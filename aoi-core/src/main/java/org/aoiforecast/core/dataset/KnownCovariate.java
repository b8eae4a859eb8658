package org.aoiforecast.core.dataset;

import java.time.Instant;
import java.util.OptionalDouble;
import org.aoiforecast.core.TimeSeries;

/**
 * An input that is never stale because it is computed or known in advance (calendar, solar
 * position, clear-sky irradiance): it enters a sample at the target time, with age 0.
 *
 * <p>Implementations must be pure functions of the series and row, so that a data set view can
 * evaluate them on demand. Ready-made ones are in {@link KnownCovariates}.
 */
public interface KnownCovariate {

  /** @return the feature name, unique within a data set */
  String name();

  /**
   * The covariate's value at a row.
   *
   * @param series the base series (possibly standardised)
   * @param row the target row; may be past the end of the series for live forecasts
   * @return the value
   */
  double value(TimeSeries series, int row);

  /**
   * @return true when the value is read from a series column (and so is shifted and scaled with it
   *     by a standardisation); false for values computed from the time alone
   */
  default boolean readsColumn() {
    return false;
  }

  /**
   * The value at a time, for covariates computed from the time alone (live forecasts need no
   * series for them).
   *
   * @param time the target time
   * @return the value, or empty when the covariate needs data (a column)
   */
  default OptionalDouble valueAt(Instant time) {
    return OptionalDouble.empty();
  }
}
