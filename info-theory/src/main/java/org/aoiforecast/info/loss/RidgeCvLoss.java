package org.aoiforecast.info.loss;

import org.aoiforecast.info.estimators.Samples;
import org.aoiforecast.info.estimators.TheilerWindow;

/**
 * Quadratic loss from a cross-validated predictor: ridge regression on the features, contiguous
 * folds (5 by default) with a gap of the Theiler window on each side of each held-out fold, the
 * penalty chosen on a grid by the cross-validated error. The value is that held-out MSE: an upper
 * bound on the MMSE (what one linear model actually achieves out of sample), for windows too wide
 * for nearest neighbours. Cost O(N p²) per penalty.
 */
final class RidgeCvLoss implements ConditionalLossEstimator {
  private static final double[] PENALTIES = {1e-6, 1e-4, 1e-3, 1e-2, 1e-1, 1};

  private final int folds;
  private final TheilerWindow theiler;

  RidgeCvLoss(int folds, TheilerWindow theiler) {
    if (folds < 2) {
      throw new IllegalArgumentException("cross-validation needs at least 2 folds, got " + folds);
    }
    this.folds = folds;
    this.theiler = theiler;
  }

  @Override
  public String name() {
    return "ridge-cv(folds=" + folds + ")";
  }

  @Override
  public Loss loss() {
    return Loss.QUADRATIC;
  }

  @Override
  public LossEstimate.Kind kind() {
    return LossEstimate.Kind.UPPER_BOUND;
  }

  @Override
  public LossEstimate estimate(double[][] x, double[] y) {
    double[][] ym = Samples.column(y);
    int n = Samples.checkPaired(4 * folds, folds + "-fold cross-validation", new String[] {"x", "y"}, x, ym);
    int gap = theiler.resolve(ym);
    if (n / folds <= 2 * gap + 2) {
      gap = Math.max(0, (n / folds - 2) / 2);
    }
    LinearModels model = new LinearModels(x, y);
    double[] best = null;
    double bestMse = Double.POSITIVE_INFINITY;
    for (double lambda : PENALTIES) {
      double[] e = model.crossValidatedResiduals(folds, gap, lambda);
      double mse = 0;
      for (double v : e) {
        mse += v * v;
      }
      mse /= n;
      if (mse < bestMse) {
        bestMse = mse;
        best = e;
      }
    }
    double[] terms = new double[n];
    for (int i = 0; i < n; i++) {
      terms[i] = best[i] * best[i];
    }
    return new LossEstimate(Loss.QUADRATIC, name(), kind(), terms, v -> v);
  }
}
