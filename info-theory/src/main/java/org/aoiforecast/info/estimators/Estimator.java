package org.aoiforecast.info.estimators;

/**
 * An estimator of differential (or discrete) entropy, mutual information and conditional mutual
 * information from samples. Every result is in nats. Arguments are matrices whose rows are
 * samples and whose columns are the dimensions of one variable; the matrices of one call must have
 * the same number of rows (the samples are paired by row).
 *
 * <p>Made by {@link Estimators}. An estimator that cannot compute one of the quantities throws
 * {@link UnsupportedOperationException} saying which estimator to use instead. Bad input (too few
 * rows, mismatched rows, NaN or infinite values) is an {@link IllegalArgumentException} naming the
 * argument, row and column; a result is never NaN.
 */
public interface Estimator {

  /** @return a short name for reports, e.g. {@code "ksg1(k=4)"} */
  String name();

  /**
   * @param x samples of X
   * @return H(X) in nats
   */
  double entropy(double[][] x);

  /**
   * @param x samples of X
   * @param y samples of Y, paired with {@code x} by row
   * @return I(X; Y) in nats
   */
  double mutualInformation(double[][] x, double[][] y);

  /**
   * @param x samples of X
   * @param y samples of Y
   * @param z samples of the conditioning variable Z
   * @return I(X; Y | Z) in nats
   */
  double conditionalMutualInformation(double[][] x, double[][] y, double[][] z);
}
