package org.aoiforecast.forecasting.nn;

/**
 * Receives training progress, e.g. to draw a progress bar. Called on the training thread after
 * every epoch; keep it fast.
 */
@FunctionalInterface
public interface TrainingListener {
  /** A listener that ignores everything. */
  TrainingListener NONE = p -> { };

  /**
   * @param progress where training stands
   */
  void onEpoch(EpochProgress progress);

  /**
   * One finished epoch.
   *
   * @param strategy the training strategy (e.g. "per-age")
   * @param model index of the network being trained (per-age: the age's index), from 0
   * @param models number of networks the strategy trains
   * @param epoch the finished epoch, from 1
   * @param maxEpochs the epoch limit
   * @param trainLoss mean training loss of the epoch (standardised units)
   * @param validationLoss validation loss after the epoch (NaN without validation data)
   * @param samplesPerSecond training throughput of the epoch
   * @param etaSeconds estimated seconds left for the strategy, assuming every remaining network
   *     runs to the epoch limit (an upper bound when early stopping ends networks sooner)
   */
  record EpochProgress(String strategy, int model, int models, int epoch, int maxEpochs, double trainLoss,
      double validationLoss, double samplesPerSecond, double etaSeconds) {}
}
