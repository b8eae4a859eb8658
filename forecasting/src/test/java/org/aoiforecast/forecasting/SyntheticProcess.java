package org.aoiforecast.forecasting;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.aoiforecast.core.TimeSeries;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * A scalar Gaussian process x = r + s with r an AR(1) (coefficient a) and s a seasonal AR of
 * period 24 (coefficient phi; 0 for none), unit innovations. Its optimal forecast of x_t from the
 * window (x_{t-δ}, ..., x_{t-δ-u+1}) is linear, with MMSE {@code γ(0) - cᵀ Σ⁻¹ c} from the
 * autocovariance γ, so tests know the best achievable loss per age exactly.
 */
final class SyntheticProcess {
  static final int PERIOD = 24;
  private final double a;
  private final double phi;

  SyntheticProcess(double a, double phi) {
    this.a = a;
    this.phi = phi;
  }

  double gamma(int lag) {
    int l = Math.abs(lag);
    double g = Math.pow(a, l) / (1 - a * a);
    if (phi != 0 && l % PERIOD == 0) {
      g += Math.pow(phi, l / PERIOD) / (1 - phi * phi);
    }
    return g;
  }

  /** @return the MMSE of x_t given the window of u values at age δ */
  double optimalMse(int delta, int window) {
    RealMatrix sigma = new Array2DRowRealMatrix(window, window);
    RealVector c = new ArrayRealVector(window);
    for (int i = 0; i < window; i++) {
      c.setEntry(i, gamma(delta + i));
      for (int j = 0; j < window; j++) {
        sigma.setEntry(i, j, gamma(i - j));
      }
    }
    RealVector w = new CholeskyDecomposition(sigma).getSolver().solve(c);
    return gamma(0) - c.dotProduct(w);
  }

  TimeSeries sample(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int burn = 50 * PERIOD;
    double[] r = new double[n + burn];
    double[] s = new double[n + burn];
    double[] x = new double[n];
    for (int t = 0; t < n + burn; t++) {
      r[t] = (t > 0 ? a * r[t - 1] : 0) + random.nextGaussian();
      s[t] = phi == 0 ? 0 : (t >= PERIOD ? phi * s[t - PERIOD] : 0) + random.nextGaussian();
      if (t >= burn) {
        x[t - burn] = r[t] + s[t];
      }
    }
    return TimeSeries.builder(Instant.parse("2020-01-01T00:00:00Z"), Duration.ofHours(1)).column("x", x).build();
  }
}
