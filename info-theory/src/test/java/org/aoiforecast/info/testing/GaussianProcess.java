package org.aoiforecast.info.testing;

import java.util.SplittableRandom;

/**
 * Stationary Gaussian processes whose information quantities are known in closed form, for
 * accuracy tests: {@code d} independent scalar components, each an AR(1) ("Markov") or an AR(1)
 * plus a seasonal AR of period 24 ("seasonal"), mixed by a fixed invertible matrix so that the
 * dimensions are correlated. The lag-δ autocovariance is {@code Γ(δ) = M diag(γ_j(δ)) Mᵀ}, which
 * gives every MI and CMI between values at different times through Gaussian log-determinants.
 */
public final class GaussianProcess {
  /** Period of the seasonal component. */
  public static final int PERIOD = 24;

  private final int d;
  private final double[] ar;        // per component AR(1) coefficient
  private final double[] seasonal;  // per component seasonal AR coefficient (0 = none)
  private final double[][] mix;

  private GaussianProcess(int d, double[] ar, double[] seasonal) {
    this.d = d;
    this.ar = ar;
    this.seasonal = seasonal;
    this.mix = new double[d][d];
    for (int i = 0; i < d; i++) {
      for (int j = 0; j <= i; j++) {
        mix[i][j] = i == j ? 1.0 : 0.4;
      }
    }
  }

  /**
   * @param d dimensions
   * @param a AR(1) coefficient of the first component (others slightly smaller)
   * @return a Markov (VAR(1)-like, mixed independent AR(1)) process
   */
  public static GaussianProcess markov(int d, double a) {
    double[] ar = new double[d];
    for (int j = 0; j < d; j++) {
      ar[j] = a - 0.1 * j;
    }
    return new GaussianProcess(d, ar, new double[d]);
  }

  /**
   * @param d dimensions
   * @param a AR(1) coefficient of the short-memory part
   * @param phi seasonal AR coefficient (persistence from day to day)
   * @return a process with a 24-step seasonal component: not Markov, non-monotone in age
   */
  public static GaussianProcess seasonal(int d, double a, double phi) {
    double[] ar = new double[d];
    double[] s = new double[d];
    for (int j = 0; j < d; j++) {
      ar[j] = a - 0.1 * j;
      s[j] = phi - 0.05 * j;
    }
    return new GaussianProcess(d, ar, s);
  }

  /** @return the number of dimensions */
  public int dimensions() {
    return d;
  }

  /** Component j's autocovariance at lag δ >= 0 (unit innovations). */
  private double gamma(int j, int lag) {
    double g = Math.pow(ar[j], lag) / (1 - ar[j] * ar[j]);
    if (seasonal[j] != 0 && lag % PERIOD == 0) {
      g += Math.pow(seasonal[j], lag / PERIOD) / (1 - seasonal[j] * seasonal[j]);
    }
    return g;
  }

  /**
   * @param lag δ (any sign)
   * @return {@code Cov(x_t, x_{t-δ})}, d × d
   */
  public double[][] autocovariance(int lag) {
    int l = Math.abs(lag);
    double[][] out = new double[d][d];
    for (int a = 0; a < d; a++) {
      for (int b = 0; b < d; b++) {
        double s = 0;
        for (int j = 0; j < d; j++) {
          s += mix[a][j] * gamma(j, l) * mix[b][j];
        }
        out[a][b] = s;
      }
    }
    return out; // symmetric because the components are independent and M diag Mᵀ is symmetric
  }

  /**
   * Draws a path after a burn-in.
   *
   * @param n samples
   * @param seed seed
   * @return n × d samples in time order
   */
  public double[][] sample(int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    int burn = 50 * PERIOD;
    double[][] c = new double[n + burn][d];
    double[][] r = new double[n + burn][d];
    double[][] s = new double[n + burn][d];
    for (int t = 0; t < n + burn; t++) {
      for (int j = 0; j < d; j++) {
        r[t][j] = (t > 0 ? ar[j] * r[t - 1][j] : 0) + random.nextGaussian();
        if (seasonal[j] != 0) {
          s[t][j] = (t >= PERIOD ? seasonal[j] * s[t - PERIOD][j] : 0) + random.nextGaussian();
        }
        c[t][j] = r[t][j] + s[t][j];
      }
    }
    double[][] x = new double[n][d];
    for (int t = 0; t < n; t++) {
      for (int a = 0; a < d; a++) {
        double v = 0;
        for (int j = 0; j < d; j++) {
          v += mix[a][j] * c[t + burn][j];
        }
        x[t][a] = v;
      }
    }
    return x;
  }

  /**
   * The joint covariance of the values at the given lags (each a d-vector, in order): the block
   * (i, j) is {@code Cov(x_{t-lag_i}, x_{t-lag_j}) = Γ(lag_j - lag_i)}.
   *
   * @param lags time lags, e.g. {0, δ, δ + ν}
   * @return (d·|lags|) square matrix
   */
  public double[][] jointCovariance(int... lags) {
    int m = lags.length * d;
    double[][] out = new double[m][m];
    for (int i = 0; i < lags.length; i++) {
      for (int j = 0; j < lags.length; j++) {
        // Cov(x_{t-li}, x_{t-lj}) = Γ(lj - li) for lj >= li (x_{t-li} is the later one), else transposed
        double[][] g = autocovariance(lags[j] - lags[i]);
        for (int a = 0; a < d; a++) {
          for (int b = 0; b < d; b++) {
            out[i * d + a][j * d + b] = lags[j] >= lags[i] ? g[a][b] : g[b][a];
          }
        }
      }
    }
    return out;
  }

  /** log det of the sub-matrix on the given indices. */
  public static double logDet(double[][] cov, int[] idx) {
    int m = idx.length;
    double[][] a = new double[m][m];
    for (int i = 0; i < m; i++) {
      for (int j = 0; j < m; j++) {
        a[i][j] = cov[idx[i]][idx[j]];
      }
    }
    double logDet = 0;
    for (int j = 0; j < m; j++) {
      double diag = a[j][j];
      for (int k = 0; k < j; k++) {
        diag -= a[j][k] * a[j][k];
      }
      double l = Math.sqrt(diag);
      a[j][j] = l;
      logDet += 2 * Math.log(l);
      for (int i = j + 1; i < m; i++) {
        double s = a[i][j];
        for (int k = 0; k < j; k++) {
          s -= a[i][k] * a[j][k];
        }
        a[i][j] = s / l;
      }
    }
    return logDet;
  }

  /**
   * Closed-form {@code I(y_t; x_{t-δ})} where {@code y_t} is the first coordinate of {@code x_t}.
   *
   * @param delta the age δ
   * @return nats
   */
  public double mutualInformation(int delta) {
    double[][] c = jointCovariance(0, delta);
    int[] y = {0};
    int[] x = range(d, 2 * d);
    return 0.5 * (logDet(c, y) + logDet(c, x) - logDet(c, concat(y, x)));
  }

  /**
   * Closed-form {@code I(y_t; x_{t-δ-ν} | x_{t-δ})}: the ε-Markov gap.
   *
   * @param delta δ
   * @param nu ν
   * @return nats
   */
  public double markovGap(int delta, int nu) {
    double[][] c = jointCovariance(0, delta, delta + nu);
    int[] y = {0};
    int[] x = range(d, 2 * d);
    int[] z = range(2 * d, 3 * d);
    return 0.5 * (logDet(c, concat(y, x)) + logDet(c, concat(z, x)) - logDet(c, x) - logDet(c, concat(concat(y, z), x)));
  }

  /**
   * Closed-form MMSE of {@code y_t} (first coordinate) given {@code x_{t-δ}}.
   *
   * @param delta δ
   * @return the conditional variance
   */
  public double mmse(int delta) {
    double[][] c = jointCovariance(0, delta);
    int[] x = range(d, 2 * d);
    return Math.exp(logDet(c, concat(new int[] {0}, x)) - logDet(c, x));
  }

  private static int[] range(int from, int to) {
    int[] r = new int[to - from];
    for (int i = 0; i < r.length; i++) {
      r[i] = from + i;
    }
    return r;
  }

  private static int[] concat(int[] a, int[] b) {
    int[] r = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, r, a.length, b.length);
    return r;
  }

  /**
   * Rows for an estimate at age δ: y = first coordinate at t, x = full vector at t - δ, z at t - δ - ν.
   *
   * @param path a sampled path
   * @param delta δ
   * @param nu ν (0 for no z)
   * @return {y, x, z} matrices with the same rows (z is null when ν = 0)
   */
  public static double[][][] lagged(double[][] path, int delta, int nu) {
    int start = delta + nu;
    int n = path.length - start;
    int d = path[0].length;
    double[][] y = new double[n][1];
    double[][] x = new double[n][];
    double[][] z = nu > 0 ? new double[n][] : null;
    for (int i = 0; i < n; i++) {
      int t = i + start;
      y[i][0] = path[t][0];
      x[i] = path[t - delta].clone();
      if (z != null) {
        z[i] = path[t - delta - nu].clone();
      }
    }
    return new double[][][] {y, x, z};
  }
}
