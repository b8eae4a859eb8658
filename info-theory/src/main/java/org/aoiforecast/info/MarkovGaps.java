package org.aoiforecast.info;

import org.aoiforecast.core.dataset.AgedDataset;
import org.aoiforecast.info.estimators.Estimator;
import org.aoiforecast.info.estimators.GaussianEstimator;
import org.aoiforecast.info.estimators.KsgEstimator;
import org.aoiforecast.info.estimators.TheilerWindow;
import org.aoiforecast.info.loss.Loss;

/**
 * The ε-Markov gap {@code ε(Δ,ν) = I(Y_{t+h}; X_{t-Δ-ν} | X_{t-Δ})} at one age, and the bound it
 * puts on how much the loss can fall with age: with {@code R} the target's range,
 * {@code H_L(Δ+ν) - H_L(Δ) >= -ε} for the log loss and {@code >= -R²·sqrt(ε/2)} for the quadratic
 * loss ({@code -R·sqrt(ε/2)} for the absolute loss), by Pinsker's inequality.
 */
final class MarkovGaps {
  /** Joint dimensions up to which the default estimator is KSG; the Gaussian estimator beyond. */
  static final int KSG_DIMENSIONS = 10;

  private MarkovGaps() {}

  /**
   * The default CMI estimator for a gap with {@code dx} conditioning and {@code dz} older-window
   * dimensions (and a one-dimensional target).
   */
  static Estimator defaultEstimator(int dx, int dz, int theilerWindow) {
    return 1 + dx + dz <= KSG_DIMENSIONS
        ? KsgEstimator.create(4).withTheilerWindow(TheilerWindow.of(theilerWindow)).withThreads(1)
        : GaussianEstimator.create();
  }

  /**
   * ε(Δ,ν) at one age. The data set has window {@code u+ν}: X is lags {@code 0..u-1} of each
   * source column (plus the known covariates, fresh information), Z the lags of the ν-older
   * window not already in X.
   *
   * @param data the data set of window {@code u+ν} restricted to one age
   * @param u the window of the profile
   * @param nu the lag ν
   * @param estimator the CMI estimator
   * @return the gap in nats (may be slightly negative: estimator noise)
   */
  static double gap(AgedDataset data, int u, int nu, Estimator estimator) {
    int span = u + nu;
    int from = Math.max(u, nu);
    int blocks = data.spec().valueColumnCount();
    int extra = data.spec().covariates().size();
    int dz = span - from;
    int n = data.size();
    double[][] x = new double[n][blocks * u + extra];
    double[][] z = new double[n][blocks * dz];
    double[][] y = new double[n][1];
    double[] f = new double[data.featureCount()];
    for (int r = 0; r < n; r++) {
      data.features(r, f, 0);
      for (int b = 0; b < blocks; b++) {
        System.arraycopy(f, b * span, x[r], b * u, u);
        System.arraycopy(f, b * span + from, z[r], b * dz, dz);
      }
      System.arraycopy(f, blocks * span, x[r], blocks * u, extra);
      y[r][0] = data.targetValue(r);
    }
    return estimator.conditionalMutualInformation(y, z, x);
  }

  /** The bound on the loss decrease that a gap allows (see the class comment). */
  static double bound(Loss loss, double cmi, double range) {
    double eps = Math.max(0, cmi);
    return switch (loss) {
      case LOG -> eps;
      case QUADRATIC -> range * range * Math.sqrt(eps / 2);
      case ABSOLUTE -> range * Math.sqrt(eps / 2);
    };
  }
}
