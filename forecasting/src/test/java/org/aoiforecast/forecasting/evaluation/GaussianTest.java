package org.aoiforecast.forecasting.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.function.DoubleUnaryOperator;
import org.junit.jupiter.api.Test;

/** The Gaussian scores against closed-form values and against their defining integrals. */
class GaussianTest {
  private static final double HALF_LOG_TWO_PI = 0.5 * Math.log(2 * Math.PI);

  /** Simpson's rule with n (even) intervals. */
  private static double integrate(DoubleUnaryOperator f, double a, double b, int n) {
    double h = (b - a) / n;
    double s = f.applyAsDouble(a) + f.applyAsDouble(b);
    for (int i = 1; i < n; i++) {
      s += (i % 2 == 1 ? 4 : 2) * f.applyAsDouble(a + i * h);
    }
    return s * h / 3;
  }

  @Test
  void logLossIsTheNegativeLogDensity() {
    assertEquals(HALF_LOG_TWO_PI, Gaussian.logLoss(3, 3, 1), 1e-15);
    assertEquals(HALF_LOG_TWO_PI + Math.log(2) + 0.5, Gaussian.logLoss(1, -1, 2), 1e-15);
    // a density in other units: kW -> W multiplies sd by 1000 and adds ln 1000 nats
    assertEquals(Gaussian.logLoss(0.5, 0.2, 0.1) + Math.log(1000), Gaussian.logLoss(500, 200, 100), 1e-12);
    // the expected log loss of the true distribution is its entropy, ½ ln(2πe σ²)
    double sd = 1.7;
    double expected = integrate(y -> Gaussian.density((y - 2) / sd) / sd * Gaussian.logLoss(y, 2, sd),
        2 - 12 * sd, 2 + 12 * sd, 4000);
    assertEquals(0.5 * Math.log(2 * Math.PI * Math.E * sd * sd), expected, 1e-9);
  }

  @Test
  void quantilesAndDistributionFunctionAreInverse() {
    assertEquals(1.2815515655446004, Gaussian.standardQuantile(0.9), 1e-12);
    assertEquals(-1.2815515655446004, Gaussian.standardQuantile(0.1), 1e-12);
    assertEquals(0, Gaussian.standardQuantile(0.5), 1e-15);
    assertEquals(1.959963984540054, Gaussian.standardQuantile(0.975), 1e-12);
    assertEquals(7.0, Gaussian.quantile(7, 3, 0.5), 1e-15);
    assertEquals(7 + 3 * 1.2815515655446004, Gaussian.quantile(7, 3, 0.9), 1e-12);
    for (double p : new double[] {0.01, 0.1, 0.37, 0.8, 0.999}) {
      assertEquals(p, Gaussian.cdf(Gaussian.standardQuantile(p)), 1e-12);
    }
    assertThrows(IllegalArgumentException.class, () -> Gaussian.standardQuantile(1));
    assertThrows(IllegalArgumentException.class, () -> Gaussian.standardQuantile(Double.NaN));
  }

  @Test
  void pinballLossWeighsUnderAndOverForecastsByTheLevel() {
    assertEquals(0.9 * 2, Gaussian.pinball(3, 1, 0.9), 1e-15);
    assertEquals(0.1 * 2, Gaussian.pinball(1, 3, 0.9), 1e-15);
    assertEquals(0.5 * 4, Gaussian.pinball(-2, 2, 0.5), 1e-15);
    assertEquals(0, Gaussian.pinball(5, 5, 0.1), 0.0);
    // under the forecast distribution itself, the expected pinball loss of its p-quantile is
    // σ φ(Φ⁻¹(p)), and any other quantile does worse
    double mu = 1;
    double sd = 2;
    for (double p : new double[] {0.1, 0.5, 0.9}) {
      double q = Gaussian.quantile(mu, sd, p);
      DoubleUnaryOperator expected = c -> integrate(y -> Gaussian.density((y - mu) / sd) / sd
          * Gaussian.pinball(y, c, p), mu - 12 * sd, mu + 12 * sd, 6000);
      double atQuantile = expected.applyAsDouble(q);
      assertEquals(sd * Gaussian.density(Gaussian.standardQuantile(p)), atQuantile, 1e-6);
      assertTrue(atQuantile < expected.applyAsDouble(q + 0.1) && atQuantile < expected.applyAsDouble(q - 0.1));
    }
  }

  @Test
  void crpsMatchesItsIntegralDefinitions() {
    // at the mean: σ (2 φ(0) − 1/√π)
    assertEquals(2 * (2 / Math.sqrt(2 * Math.PI) - 1 / Math.sqrt(Math.PI)), Gaussian.crps(4, 4, 2), 1e-14);
    double[][] cases = {{0.3, 0, 1}, {-2.5, 1, 0.5}, {10, 7, 4}, {0, 0, 3}};
    for (double[] c : cases) {
      double y = c[0];
      double mu = c[1];
      double sd = c[2];
      // CRPS = ∫ (F(x) − 1{x ≥ y})² dx, split at the jump
      double byDistribution = integrate(x -> {
        double f = Gaussian.cdf((x - mu) / sd);
        return f * f;
      }, Math.min(y, mu) - 12 * sd, y, 20_000) + integrate(x -> {
        double f = Gaussian.cdf((x - mu) / sd) - 1;
        return f * f;
      }, y, Math.max(y, mu) + 12 * sd, 20_000);
      // CRPS = 2 ∫₀¹ ρ_p(y, q_p) dp (over the quantiles; the ends are integrable singularities, so
      // integrate in the standard score instead: p = Φ(z), dp = φ(z) dz)
      double byQuantiles = 2 * integrate(z -> Gaussian.pinball(y, mu + sd * z, Gaussian.cdf(z)) * Gaussian.density(z),
          -12, 12, 20_000);
      assertEquals(byDistribution, Gaussian.crps(y, mu, sd), 1e-7, "distribution form at " + y);
      // the pinball term has a kink where the quantile passes y: Simpson is less exact there
      assertEquals(byQuantiles, Gaussian.crps(y, mu, sd), 1e-5, "quantile form at " + y);
    }
    // a sharp forecast scores its absolute error; the expected score of the true distribution is σ/√π
    assertEquals(2.5, Gaussian.crps(3.5, 1, 1e-9), 1e-8);
    double sd = 1.3;
    double expected = integrate(y -> Gaussian.density(y / sd) / sd * Gaussian.crps(y, 0, sd), -12 * sd, 12 * sd, 4000);
    assertEquals(sd / Math.sqrt(Math.PI), expected, 1e-9);
  }
}
