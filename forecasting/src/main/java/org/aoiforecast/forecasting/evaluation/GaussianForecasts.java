package org.aoiforecast.forecasting.evaluation;

import java.util.Arrays;

/**
 * Gaussian forecasts of the samples of a data set: a mean and a standard deviation per sample, in
 * the target's units. Immutable; accessors return copies.
 */
public final class GaussianForecasts {
  private final double[] mean;
  private final double[] sd;

  /**
   * @param mean one mean per sample
   * @param sd one standard deviation per sample, positive and finite
   */
  public GaussianForecasts(double[] mean, double[] sd) {
    if (mean.length != sd.length) {
      throw new IllegalArgumentException(mean.length + " means but " + sd.length + " standard deviations");
    }
    for (int i = 0; i < sd.length; i++) {
      if (!(sd[i] > 0) || Double.isInfinite(sd[i]) || !Double.isFinite(mean[i])) {
        throw new IllegalArgumentException("forecast " + i + " is N(" + mean[i] + ", " + sd[i] + "^2): the mean must be"
            + " finite and the standard deviation positive and finite");
      }
    }
    this.mean = mean.clone();
    this.sd = sd.clone();
  }

  /** @return the number of forecasts */
  public int size() {
    return mean.length;
  }

  /** @return the means (the point forecasts) */
  public double[] mean() {
    return mean.clone();
  }

  /** @return the standard deviations */
  public double[] sd() {
    return sd.clone();
  }

  /**
   * @param i a sample
   * @return its mean
   */
  public double mean(int i) {
    return mean[i];
  }

  /**
   * @param i a sample
   * @return its standard deviation
   */
  public double sd(int i) {
    return sd[i];
  }

  /**
   * @param p a level in (0, 1)
   * @return the quantile at {@code p} of every forecast
   */
  public double[] quantile(double p) {
    double z = Gaussian.standardQuantile(p);
    double[] q = new double[mean.length];
    for (int i = 0; i < q.length; i++) {
      q[i] = mean[i] + z * sd[i];
    }
    return q;
  }

  @Override
  public String toString() {
    return "GaussianForecasts" + (mean.length <= 4 ? Arrays.toString(mean) + "±" + Arrays.toString(sd)
        : "(" + mean.length + " samples)");
  }
}
