package org.aoiforecast.forecasting.model;

/**
 * How the training of one network went.
 *
 * @param epochs epochs run
 * @param bestEpoch the epoch whose weights were kept; 0 when no epoch beat the linear path alone
 *     on the validation part, in which case the network's output layer is zero and the model is
 *     its linear path
 * @param bestValidationLoss its validation loss (standardised units)
 * @param samplesSeen training samples processed
 * @param seconds wall time of training, seconds
 */
public record TrainingSummary(int epochs, int bestEpoch, double bestValidationLoss, long samplesSeen,
    double seconds) {

  /** @return whether the network's hidden layers contribute (some epoch beat the linear path alone) */
  public boolean networkKept() {
    return bestEpoch > 0;
  }
}
