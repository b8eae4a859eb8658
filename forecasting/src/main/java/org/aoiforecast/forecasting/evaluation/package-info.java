/**
 * Errors per age, in the target's units: {@link org.aoiforecast.forecasting.evaluation.AgeMetrics}
 * (MSE, MAE, RMSE per age vector), one strategy's
 * {@link org.aoiforecast.forecasting.evaluation.StrategyResult} and the
 * {@link org.aoiforecast.forecasting.evaluation.EvaluationReport} that compares strategies and
 * writes the versioned JSON of {@code train}.
 */
package org.aoiforecast.forecasting.evaluation;
