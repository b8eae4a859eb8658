package org.aoiforecast.forecasting.nn;

/** Whether a network has a linear path beside its hidden layers ({@link LinearBase}). */
public enum LinearPath {
  /** The network alone forecasts the target. */
  NONE,
  /**
   * A ridge regression on the same inputs (with age-varying coefficients when ages are inputs)
   * forecasts the target and the network learns its residual.
   */
  RIDGE
}
