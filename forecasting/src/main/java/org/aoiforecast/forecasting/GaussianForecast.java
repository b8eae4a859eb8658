package org.aoiforecast.forecasting;

import org.aoiforecast.forecasting.evaluation.Gaussian;

/**
 * One live forecast as a Gaussian distribution of the target, in the target's units: its mean (the
 * point forecast, also the median) and standard deviation, with quantiles and central intervals
 * in closed form.
 *
 * @param mean the mean
 * @param sd the standard deviation, positive
 */
public record GaussianForecast(double mean, double sd) {

  /** Checks the parameters. */
  public GaussianForecast {
    if (!Double.isFinite(mean) || !(sd > 0) || Double.isInfinite(sd)) {
      throw new IllegalArgumentException("a Gaussian forecast has a finite mean and a positive, finite standard"
          + " deviation, got N(" + mean + ", " + sd + "^2)");
    }
  }

  /** @return the median (equal to the mean) */
  public double median() {
    return mean;
  }

  /**
   * @param p a level in (0, 1)
   * @return the quantile at {@code p}
   */
  public double quantile(double p) {
    return Gaussian.quantile(mean, sd, p);
  }

  /**
   * @param probability the central probability in (0, 1), e.g. 0.8
   * @return the interval's lower end, the quantile at {@code (1 − probability) / 2}
   */
  public double lower(double probability) {
    return quantile(tail(probability));
  }

  /**
   * @param probability the central probability in (0, 1), e.g. 0.8
   * @return the interval's upper end, the quantile at {@code (1 + probability) / 2}
   */
  public double upper(double probability) {
    return quantile(1 - tail(probability));
  }

  private static double tail(double probability) {
    if (!(probability > 0 && probability < 1)) {
      throw new IllegalArgumentException("a central interval's probability lies strictly between 0 and 1, got "
          + probability);
    }
    return (1 - probability) / 2;
  }
}
