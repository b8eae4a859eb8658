package org.aoiforecast.forecasting;

import org.aoiforecast.core.dataset.Splits;
import org.aoiforecast.forecasting.nn.TrainingListener;

/**
 * A recipe that turns chronological splits into a forecaster of type {@code F}: per-age networks,
 * one pooled network with or without the age input, or a baseline. Made by {@link Strategies}
 * and {@link org.aoiforecast.forecasting.baseline.Baselines}; {@code Strategies.pooledWithAge}
 * returns a {@code TrainingStrategy<AgeAwareForecaster>}, whose result can be saved and used for
 * live forecasts.
 *
 * @param <F> the type of forecaster trained
 */
public interface TrainingStrategy<F extends Forecaster> {

  /** @return the name used in reports: "per-age", "pooled-with-age", "persistence", ... */
  String name();

  /**
   * Trains on the training part, using the validation part (if any) for early stopping. The
   * splits are raw; standardisation, if the strategy needs it, is fitted on the training part.
   *
   * @param splits the data, pooled over the age set
   * @param listener progress receiver
   * @return the trained forecaster
   */
  F fit(Splits splits, TrainingListener listener);
}
