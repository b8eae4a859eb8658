package org.aoiforecast.forecasting.evaluation;

import java.util.Objects;

/**
 * A probabilistic strategy's scores on the training and test parts.
 *
 * @param distribution the forecast distribution, e.g. "gaussian"
 * @param train scores on the training part
 * @param test scores on the test part
 * @param calibration per age vector of the test part, the factor fitted on the validation part
 *     that multiplies the predicted standard deviations (1 where none was fitted)
 */
public record ProbabilisticResult(String distribution, ProbabilisticMetrics train, ProbabilisticMetrics test,
    double[] calibration) {

  /** Checks the parts. */
  public ProbabilisticResult {
    Objects.requireNonNull(distribution, "distribution");
    Objects.requireNonNull(train, "train");
    Objects.requireNonNull(test, "test");
    calibration = calibration.clone();
    if (calibration.length != test.size()) {
      throw new IllegalArgumentException(calibration.length + " calibration factors for " + test.size()
          + " age vectors");
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

  /** @return the calibration factor averaged over age vectors */
  public double meanCalibration() {
    return java.util.Arrays.stream(calibration).average().orElse(1);
  }
}
