package org.aoiforecast.forecasting.baseline;

import java.time.Duration;
import org.aoiforecast.forecasting.Forecaster;
import org.aoiforecast.forecasting.TrainingStrategy;
import org.aoiforecast.forecasting.evaluation.EvaluationReport;

/**
 * Baselines that every network result is reported next to, all through {@link TrainingStrategy}:
 * <ul>
 *   <li>{@link #persistence()} ("persistence"): the last observed target, at its age;
 *   <li>{@link #seasonalPersistence(Duration)} ("seasonal-persistence"): the target one period
 *       (a day by default) before the target time, or as many periods as the age requires;
 *   <li>{@link #linear()} ("linear"): least-squares linear regression per age on the same inputs
 *       as the networks (Commons Math OLS);
 *   <li>{@link #smartPersistence(String)} ("smart-persistence"): the last known clear-sky index
 *       carried to the target time, the solar field's reference for skill
 *       ({@link org.aoiforecast.forecasting.evaluation.EvaluationReport#skill}).
 * </ul>
 */
public final class Baselines {
  /** Name of the persistence baseline. */
  public static final String PERSISTENCE = "persistence";
  /** Name of the seasonal persistence baseline. */
  public static final String SEASONAL_PERSISTENCE = "seasonal-persistence";
  /** Name of the per-age linear regression baseline. */
  public static final String LINEAR = "linear";
  /** Name of the smart (clear-sky-index) persistence baseline, the reference of skill. */
  public static final String SMART_PERSISTENCE = EvaluationReport.SKILL_REFERENCE;

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

  /**
   * @param clearSkyColumn a clear-sky column of the series (e.g. "ClearSkyGHI")
   * @return smart (clear-sky-index) persistence
   */
  public static TrainingStrategy<Forecaster> smartPersistence(String clearSkyColumn) {
    return new SmartPersistence(java.util.Objects.requireNonNull(clearSkyColumn, "clearSkyColumn"));
  }

  /** @return per-age ordinary least squares */
  public static TrainingStrategy<Forecaster> linear() {
    return new PerAgeLinear();
  }
}
