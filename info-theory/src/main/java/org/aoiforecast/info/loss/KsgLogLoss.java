package org.aoiforecast.info.loss;

import org.aoiforecast.info.estimators.KozachenkoLeonenkoEstimator;
import org.aoiforecast.info.estimators.KsgEstimator;
import org.aoiforecast.info.estimators.Samples;
import org.aoiforecast.info.estimators.TheilerWindow;

/**
 * Log loss: the conditional entropy {@code H(Y|X) = H(Y) − I(X;Y)}, with {@code H(Y)} by
 * Kozachenko-Leonenko and {@code I(X;Y)} by KSG (algorithm 1), same k and Theiler window. Using
 * the KSG MI rather than a difference of two joint/marginal entropy estimates keeps the biases
 * of the high-dimensional terms cancelling. In nats; an estimate, not a bound.
 */
final class KsgLogLoss implements ConditionalLossEstimator {
  private final int k;
  private final TheilerWindow theiler;
  private final int threads;

  KsgLogLoss(int k, TheilerWindow theiler, int threads) {
    this.k = k;
    this.theiler = theiler;
    this.threads = threads;
  }

  @Override
  public String name() {
    return "ksg(k=" + k + ")";
  }

  @Override
  public Loss loss() {
    return Loss.LOG;
  }

  @Override
  public LossEstimate.Kind kind() {
    return LossEstimate.Kind.ESTIMATE;
  }

  @Override
  public LossEstimate estimate(double[][] x, double[] y) {
    double[][] ym = Samples.column(y);
    Samples.checkPaired(k + 1, "KSG with k = " + k, new String[] {"x", "y"}, x, ym);
    // resolve the window once from the target so both terms exclude the same rows
    TheilerWindow w = TheilerWindow.of(theiler.resolve(ym));
    double[] h = KozachenkoLeonenkoEstimator.create(k).withTheilerWindow(w).withThreads(threads).localEntropy(ym);
    double[] mi = KsgEstimator.create(k).withTheilerWindow(w).withThreads(threads).localMutualInformation(x, ym);
    double[] terms = new double[h.length];
    for (int i = 0; i < terms.length; i++) {
      terms[i] = h[i] - mi[i];
    }
    return new LossEstimate(Loss.LOG, name(), kind(), terms, v -> v);
  }
}
