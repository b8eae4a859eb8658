package org.aoiforecast.forecasting.evaluation;

import java.util.Arrays;

/**
 * The mean of a figure over the folds of a backtest and its spread: the sample standard deviation
 * over folds, {@code sqrt(Σ (x_k - mean)² / (K - 1))}, in the figure's units. The spread is NaN
 * for one fold (nothing to spread over).
 *
 * @param mean the mean over folds
 * @param spread the sample standard deviation over folds, NaN for one fold
 */
public record MeanSpread(double mean, double spread) {

  /**
   * @param values one value per fold, at least one
   * @return their mean and sample standard deviation
   */
  public static MeanSpread of(double[] values) {
    if (values.length == 0) {
      throw new IllegalArgumentException("no values to average");
    }
    double mean = Arrays.stream(values).sum() / values.length;
    if (values.length == 1) {
      return new MeanSpread(mean, Double.NaN);
    }
    double ss = 0;
    for (double v : values) {
      ss += (v - mean) * (v - mean);
    }
    return new MeanSpread(mean, Math.sqrt(ss / (values.length - 1)));
  }
}
