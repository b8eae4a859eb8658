package org.aoiforecast.forecasting;

import org.aoiforecast.core.dataset.AgedDataset;

/**
 * A trained predictor of the target from aged samples: a network, a set of per-age networks or a
 * baseline. Made by a {@link TrainingStrategy}.
 */
public interface Forecaster {

  /** @return the strategy's name, e.g. "pooled-with-age" */
  String name();

  /**
   * Forecasts every sample of a data set built like the training data (same target, sources,
   * window, horizon and covariates; raw, not standardised).
   *
   * @param data the samples
   * @return one forecast per sample, in the target's units
   * @throws IllegalArgumentException when the data set's layout differs from the training data's
   */
  double[] predict(AgedDataset data);

  /** @return the number of networks this forecaster is made of (0 for baselines) */
  default int networkCount() {
    return 0;
  }
}
