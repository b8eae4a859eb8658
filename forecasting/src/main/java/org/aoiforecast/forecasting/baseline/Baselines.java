package org.aoiforecast.forecasting.baseline;

import java.time.Duration;
import org.aoiforecast.forecasting.Forecaster;
import org.aoiforecast.forecasting.TrainingStrategy;

/**
 * Baselines that every network result is reported next to, all through {@link TrainingStrategy}:
 * <ul>
 *   <li>{@link #persistence()} ("persistence"): the last observed target, at its age;
 *   <li>{@link #seasonalPersistence(Duration)} ("seasonal-persistence"): the target one period
 *       (a day by default) before the target time, or as many periods as the age requires;
 *   <li>{@link #linear()} ("linear"): least-squares linear regression per age on the same inputs
 *       as the networks (Commons Math OLS).
 * </ul>
 */
public final class Baselines {
  /** Name of the persistence baseline. */
  public static final String PERSISTENCE = "persistence";
  /** Name of the seasonal persistence baseline. */
  public static final String SEASONAL_PERSISTENCE = "seasonal-persistence";
  /** Name of the per-age linear regression baseline. */
  public static final String LINEAR = "linear";

  private Baselines() {}

  /** @return the persistence baseline */
  public static TrainingStrategy<Forecaster> persistence() {
    return new Persistence();
  }

  /** @return seasonal persistence with a period of one day */
  public static TrainingStrategy<Forecaster> seasonalPersistence() {
    return seasonalPersistence(Duration.ofDays(1));
  }

  /**
   * @param period the season, a whole number of the data's steps
   * @return seasonal persistence
   */
  public static TrainingStrategy<Forecaster> seasonalPersistence(Duration period) {
    return new SeasonalPersistence(period);
  }

  /** @return per-age ordinary least squares */
  public static TrainingStrategy<Forecaster> linear() {
    return new PerAgeLinear();
  }
}
