package org.aoiforecast.forecasting;

import org.aoiforecast.core.dataset.AgedDataset;
import org.aoiforecast.forecasting.evaluation.GaussianForecasts;

/**
 * A forecaster that can forecast distributions, not only points: for a network with a Gaussian
 * head ({@link org.aoiforecast.forecasting.nn.OutputHead#GAUSSIAN}) a mean and a standard deviation
 * per sample, from which quantiles and intervals follow. {@link #predict} gives the means.
 */
public interface ProbabilisticForecaster extends Forecaster {

  /** @return whether this forecaster forecasts distributions (a point head does not) */
  boolean isProbabilistic();

  /**
   * @param data the samples, raw, built like the training data
   * @return a Gaussian forecast per sample, in the target's units
   * @throws IllegalStateException when the forecaster forecasts points only
   */
  GaussianForecasts predictDistribution(AgedDataset data);

  /**
   * @param data a data set built like the training data
   * @return per age vector of {@code data}, the factor fitted on the validation part that
   *     multiplies the standard deviations at that age (1 where none was fitted)
   * @throws IllegalStateException when the forecaster forecasts points only
   */
  double[] calibration(AgedDataset data);
}
