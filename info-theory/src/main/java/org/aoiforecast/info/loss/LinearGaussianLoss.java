package org.aoiforecast.info.loss;

import org.aoiforecast.info.estimators.Samples;

/**
 * The Gaussian / linear bound on {@code H_L(Y|X)} from the least-squares residuals of {@code Y}
 * on {@code X} (with intercept): residual variance {@code σ² = RSS / (N − p − 1)}.
 * <ul>
 *   <li>quadratic loss: {@code σ²}, the MSE of the best linear predictor, an upper bound on the
 *       MMSE and equal to it for jointly Gaussian data;
 *   <li>log loss: {@code ½ ln(2πe σ²)}, an upper bound on {@code H(Y|X)} (the Gaussian has the
 *       largest entropy for a given variance), equal for jointly Gaussian data.
 * </ul>
 * Cost O(N p²): usable for wide windows.
 */
final class LinearGaussianLoss implements ConditionalLossEstimator {
  private static final double HALF_LOG_2_PI_E = 0.5 * Math.log(2 * Math.PI * Math.E);

  private final Loss loss;

  LinearGaussianLoss(Loss loss) {
    if (loss == Loss.ABSOLUTE) {
      throw new IllegalArgumentException("the linear-Gaussian bound covers quadratic and log loss; for absolute loss"
          + " use ConditionalLosses.knnMedian(k)");
    }
    this.loss = loss;
  }

  @Override
  public String name() {
    return loss == Loss.QUADRATIC ? "linear" : "gaussian";
  }

  @Override
  public Loss loss() {
    return loss;
  }

  @Override
  public LossEstimate.Kind kind() {
    return LossEstimate.Kind.UPPER_BOUND;
  }

  @Override
  public LossEstimate estimate(double[][] x, double[] y) {
    double[][] ym = Samples.column(y);
    int n = Samples.checkPaired(3, "a linear fit", new String[] {"x", "y"}, x, ym);
    LinearModels model = new LinearModels(x, y);
    int p = model.dimensions();
    if (n <= p + 1) {
      throw new IllegalArgumentException(n + " samples are too few for a linear fit on " + p
          + " features; at least " + (p + 2) + " are needed");
    }
    double[] e = model.residuals();
    double correction = (double) n / (n - p - 1);
    double[] terms = new double[n];
    for (int i = 0; i < n; i++) {
      terms[i] = e[i] * e[i] * correction;
    }
    if (loss == Loss.QUADRATIC) {
      return new LossEstimate(loss, name(), kind(), terms, v -> v);
    }
    return new LossEstimate(loss, name(), kind(), terms, v -> HALF_LOG_2_PI_E + 0.5 * Math.log(Math.max(v, 1e-300)));
  }
}
