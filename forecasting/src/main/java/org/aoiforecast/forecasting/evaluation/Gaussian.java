package org.aoiforecast.forecasting.evaluation;

import org.apache.commons.math3.special.Erf;

/**
 * Closed forms for a Gaussian forecast {@code N(μ, σ²)} of an outcome {@code y}, all in the
 * target's units (log loss in nats of a density per target unit). With {@code z = (y − μ) / σ},
 * {@code φ} and {@code Φ} the standard normal density and distribution function:
 *
 * <pre>
 *   log loss     −ln p(y) = ½ ln(2π) + ln σ + z²/2
 *   quantile     q_p = μ + σ Φ⁻¹(p)
 *   pinball      ρ_p(y, q) = p (y − q) if y ≥ q, else (1 − p)(q − y)
 *   CRPS         σ [z (2Φ(z) − 1) + 2φ(z) − 1/√π]         (Gneiting & Raftery 2007)
 * </pre>
 *
 * The CRPS is the pinball loss integrated over all levels, {@code 2 ∫₀¹ ρ_p(y, q_p) dp}, in
 * target units; for a point forecast it is the absolute error.
 */
public final class Gaussian {
  private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);
  private static final double INV_SQRT_PI = 1 / Math.sqrt(Math.PI);
  private static final double INV_SQRT_TWO_PI = 1 / Math.sqrt(2 * Math.PI);
  private static final double SQRT_TWO = Math.sqrt(2);

  private Gaussian() {}

  /**
   * @param y the outcome
   * @param mean the forecast mean
   * @param sd the forecast standard deviation, positive
   * @return {@code −ln p(y)}, nats
   */
  public static double logLoss(double y, double mean, double sd) {
    double z = (y - mean) / sd;
    return HALF_LOG_TWO_PI + Math.log(sd) + 0.5 * z * z;
  }

  /**
   * @param y the outcome
   * @param mean the forecast mean
   * @param sd the forecast standard deviation, positive
   * @return the continuous ranked probability score, target units
   */
  public static double crps(double y, double mean, double sd) {
    double z = (y - mean) / sd;
    return sd * (z * (2 * cdf(z) - 1) + 2 * density(z) - INV_SQRT_PI);
  }

  /**
   * @param p a probability in (0, 1)
   * @return {@code Φ⁻¹(p)}, the standard normal quantile
   */
  public static double standardQuantile(double p) {
    if (!(p > 0 && p < 1)) {
      throw new IllegalArgumentException("a quantile level lies strictly between 0 and 1, got " + p);
    }
    return SQRT_TWO * Erf.erfInv(2 * p - 1);
  }

  /**
   * @param mean the forecast mean
   * @param sd the forecast standard deviation
   * @param p a probability in (0, 1)
   * @return the quantile {@code μ + σ Φ⁻¹(p)}
   */
  public static double quantile(double mean, double sd, double p) {
    return mean + sd * standardQuantile(p);
  }

  /**
   * @param y the outcome
   * @param q the forecast quantile at level {@code p}
   * @param p the level in (0, 1)
   * @return the pinball (quantile) loss, target units
   */
  public static double pinball(double y, double q, double p) {
    return y >= q ? p * (y - q) : (1 - p) * (q - y);
  }

  /**
   * @param z a standard score
   * @return {@code Φ(z)}
   */
  public static double cdf(double z) {
    return 0.5 * Erf.erfc(-z / SQRT_TWO);
  }

  /**
   * @param z a standard score
   * @return {@code φ(z)}
   */
  public static double density(double z) {
    return INV_SQRT_TWO_PI * Math.exp(-0.5 * z * z);
  }
}
