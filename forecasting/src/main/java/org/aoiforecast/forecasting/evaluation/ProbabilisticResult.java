package org.aoiforecast.forecasting.evaluation;

import java.util.Objects;

/**
 * A probabilistic strategy's scores on the training and test parts.
 *
 * @param distribution the forecast distribution, e.g. "gaussian"
 * @param train scores on the training part
 * @param test scores on the test part
 * @param testOnline scores on the test part of the same forecasts recalibrated online, each
 *     spread rescaled from the outcomes known when it is issued
 *     ({@link org.aoiforecast.forecasting.OnlineRecalibration}); the means, hence the point
 *     forecasts, are the same
 * @param onlineRate the rate of that recalibration
 * @param calibration per reporting age of the test part (as the scores), the factor fitted on the
 *     validation part that multiplies the predicted standard deviations (1 where none was fitted;
 *     with per-source ages the mean over that age's vectors, weighted by their samples)
 */
public record ProbabilisticResult(String distribution, ProbabilisticMetrics train, ProbabilisticMetrics test,
    ProbabilisticMetrics testOnline, double onlineRate, double[] calibration) {

  /** Checks the parts. */
  public ProbabilisticResult {
    Objects.requireNonNull(distribution, "distribution");
    Objects.requireNonNull(train, "train");
    Objects.requireNonNull(test, "test");
    Objects.requireNonNull(testOnline, "testOnline");
    if (testOnline.size() != test.size()) {
      throw new IllegalArgumentException("online scores for " + testOnline.size() + " ages, test scores for "
          + test.size());
    }
    if (!(onlineRate > 0) || Double.isInfinite(onlineRate)) {
      throw new IllegalArgumentException("the online recalibration's rate is positive and finite, got " + onlineRate);
    }
    calibration = calibration.clone();
    if (calibration.length != test.size()) {
      throw new IllegalArgumentException(calibration.length + " calibration factors for " + test.size() + " ages");
    }
    for (double f : calibration) {
      if (!(f > 0) || Double.isInfinite(f)) {
        throw new IllegalArgumentException("a calibration factor is positive and finite, got " + f);
      }
    }
  }

  @Override
  public double[] calibration() {
    return calibration.clone();
  }

  /** @return the calibration factor averaged over ages */
  public double meanCalibration() {
    return java.util.Arrays.stream(calibration).average().orElse(1);
  }
}
