package org.aoiforecast.forecasting.evaluation;

import java.util.Objects;
import java.util.Optional;

/**
 * One strategy's results in an evaluation: errors per age on the training and test parts, the
 * time its training took, and for a strategy that forecasts distributions their scores.
 *
 * @param name the strategy's name
 * @param train errors on the training part (of the mean, for a probabilistic strategy)
 * @param test errors on the test part
 * @param trainSeconds wall time of training (0 for baselines that need none)
 * @param networks number of networks trained (0 for baselines)
 * @param probabilistic scores of the forecast distributions, absent for point forecasters
 */
public record StrategyResult(String name, AgeMetrics train, AgeMetrics test, double trainSeconds, int networks,
    Optional<ProbabilisticResult> probabilistic) {

  /** Checks the parts. */
  public StrategyResult {
    Objects.requireNonNull(probabilistic, "probabilistic");
  }

  /**
   * A point forecaster's result.
   *
   * @param name the strategy's name
   * @param train errors on the training part
   * @param test errors on the test part
   * @param trainSeconds wall time of training
   * @param networks number of networks trained
   */
  public StrategyResult(String name, AgeMetrics train, AgeMetrics test, double trainSeconds, int networks) {
    this(name, train, test, trainSeconds, networks, Optional.empty());
  }
}
