package org.aoiforecast.forecasting.evaluation;

/**
 * One strategy's results in an evaluation: errors per age on the training and test parts, and the
 * time its training took.
 *
 * @param name the strategy's name
 * @param train errors on the training part
 * @param test errors on the test part
 * @param trainSeconds wall time of training (0 for baselines that need none)
 * @param networks number of networks trained (0 for baselines)
 */
public record StrategyResult(String name, AgeMetrics train, AgeMetrics test, double trainSeconds, int networks) {}
