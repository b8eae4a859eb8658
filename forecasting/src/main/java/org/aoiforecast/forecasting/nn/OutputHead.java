package org.aoiforecast.forecasting.nn;

/**
 * What a network's output layer forecasts: a point (the conditional mean, trained with the squared
 * error) or a Gaussian distribution (a mean and a standard deviation per sample, trained with the
 * Gaussian negative log-likelihood, {@link GaussianNll}).
 */
public enum OutputHead {
  /** One output, the forecast itself; mean squared error. */
  POINT(1),
  /**
   * Two outputs: the mean and the raw scale of a Gaussian, whose standard deviation is
   * {@link GaussianNll#standardDeviation(double)} of the raw scale; Gaussian negative
   * log-likelihood. Quantiles and intervals follow in closed form.
   */
  GAUSSIAN(2);

  private final int outputs;

  OutputHead(int outputs) {
    this.outputs = outputs;
  }

  /** @return the width of the output layer */
  public int outputs() {
    return outputs;
  }
}
