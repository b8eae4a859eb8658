/**
 * Errors per age, in the target's units: {@link org.aoiforecast.forecasting.evaluation.AgeMetrics}
 * (MSE, MAE, RMSE per age vector); for forecast distributions the closed forms of a Gaussian
 * ({@link org.aoiforecast.forecasting.evaluation.Gaussian}: log loss, CRPS, quantiles, pinball
 * loss) and the scores per age and per {@link org.aoiforecast.forecasting.evaluation.AgeBand}
 * ({@link org.aoiforecast.forecasting.evaluation.ProbabilisticMetrics}); one strategy's
 * {@link org.aoiforecast.forecasting.evaluation.StrategyResult} and the
 * {@link org.aoiforecast.forecasting.evaluation.EvaluationReport} that compares strategies and
 * writes the versioned JSON of {@code train}; for a rolling-origin backtest, each fold's
 * {@link org.aoiforecast.forecasting.evaluation.FoldResult} and the
 * {@link org.aoiforecast.forecasting.evaluation.BacktestReport} with every strategy's
 * {@link org.aoiforecast.forecasting.evaluation.StrategySummary} over folds: the
 * {@link org.aoiforecast.forecasting.evaluation.MeanSpread} (mean and sample standard deviation)
 * per age and per {@link org.aoiforecast.forecasting.evaluation.AgeBand}.
 */
package org.aoiforecast.forecasting.evaluation;
