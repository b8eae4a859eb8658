/**
 * Age-aware forecasting with DL4J: the entry points. A
 * {@link org.aoiforecast.forecasting.TrainingStrategy} trains a
 * {@link org.aoiforecast.forecasting.Forecaster} from chronological splits;
 * {@link org.aoiforecast.forecasting.Strategies} holds the network strategies (per-age, pooled with
 * and without the age input), whose pooled result is an
 * {@link org.aoiforecast.forecasting.AgeAwareForecaster} that saves, loads and forecasts live
 * ({@link org.aoiforecast.forecasting.ForecastRequest}); {@link org.aoiforecast.forecasting.Evaluation}
 * compares strategies per age on one split, {@link org.aoiforecast.forecasting.Backtest} on every
 * fold of a rolling-origin backtest, and {@link org.aoiforecast.forecasting.OnlineRecalibration}
 * keeps the intervals of forecast distributions at their coverage from the outcomes as they arrive.
 *
 * <p>Subpackages: {@code nn} (networks, configuration, training loop), {@code model} (the saved
 * model and its file), {@code evaluation} (per-age errors and reports), {@code baseline}
 * (persistence, seasonal persistence, per-age linear regression). Forecasts are in the target's
 * units; ages in steps of the data.
 */
package org.aoiforecast.forecasting;
