package org.aoiforecast.forecasting.evaluation;

import java.util.List;
import java.util.Optional;

/**
 * One strategy over the folds of a backtest: mean and spread ({@link MeanSpread}) over folds of
 * its test MSE (target units squared) averaged over ages, per age and per age band, of its skill
 * against smart persistence, and of its training time.
 *
 * @param name the strategy's name
 * @param meanMse the test MSE averaged over ages (each age weighted equally)
 * @param ageMse the test MSE per age, parallel to the report's ages
 * @param bandMse the test MSE averaged over the ages of each band, parallel to the report's bands
 * @param meanSkill the skill over all test samples of all ages, or null when smart persistence did
 *     not run
 * @param trainSeconds the wall time of training, in seconds
 */
public record StrategySummary(String name, MeanSpread meanMse, List<MeanSpread> ageMse, List<MeanSpread> bandMse,
    MeanSpread meanSkill, MeanSpread trainSeconds) {

  /** Copies. */
  public StrategySummary {
    ageMse = List.copyOf(ageMse);
    bandMse = List.copyOf(bandMse);
  }

  /** @return the skill's mean and spread, if smart persistence ran */
  public Optional<MeanSpread> skill() {
    return Optional.ofNullable(meanSkill);
  }
}
