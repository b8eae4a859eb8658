package org.aoiforecast.forecasting.model;

/**
 * How the training of one network went.
 *
 * @param epochs epochs run
 * @param bestEpoch the epoch whose weights were kept
 * @param bestValidationLoss its validation loss (standardised units)
 * @param samplesSeen training samples processed
 * @param seconds wall time of training, seconds
 */
public record TrainingSummary(int epochs, int bestEpoch, double bestValidationLoss, long samplesSeen,
    double seconds) {}
