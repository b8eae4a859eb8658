package org.aoiforecast.info.loss;


/**
 * Estimates the L-conditional entropy {@code H_L(Y | X) = min_φ E[L(Y, φ(X))]} of a scalar
 * target from samples: the least expected loss any predictor of {@code Y} from {@code X} can
 * reach. Made by {@link ConditionalLosses}.
 *
 * <p>Rows are samples, in time order when a Theiler window is used. Implementations are
 * immutable and thread-safe.
 */
public interface ConditionalLossEstimator {

  /** @return the estimator's name for reports */
  String name();

  /** @return the loss it estimates */
  Loss loss();

  /** @return whether its results are estimates or upper bounds */
  LossEstimate.Kind kind();

  /**
   * @param x features, rows = samples
   * @param y the target, one value per row
   * @return the estimate with its per-sample terms
   */
  LossEstimate estimate(double[][] x, double[] y);
}
