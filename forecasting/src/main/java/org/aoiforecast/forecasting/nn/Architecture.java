package org.aoiforecast.forecasting.nn;

/** The network that maps an aged sample to a forecast. */
public enum Architecture {
  /**
   * A multilayer perceptron over the flattened sample: every source's window, the known
   * covariates and the ages. Maps to large matrix products: fast on CPUs.
   */
  MLP,
  /**
   * An LSTM over the window, oldest step first; each step's input is the sources' values at that
   * step plus the age channels and the known covariates (repeated at every step); the last step's
   * state feeds a linear output.
   */
  LSTM
}
