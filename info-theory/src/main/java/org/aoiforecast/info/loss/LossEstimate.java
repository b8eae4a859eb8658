package org.aoiforecast.info.loss;

import java.util.function.DoubleUnaryOperator;

/**
 * An estimate of the L-conditional entropy {@code H_L(Y | X)}, with the estimator that produced
 * it, whether it is an estimate or an upper bound, and its per-sample terms.
 *
 * <p>The value is {@code finish(mean(terms))}: keeping the terms lets a bootstrap resample them
 * cheaply (the fitted neighbourhoods or regression held fixed) to give a confidence interval.
 */
public final class LossEstimate {
  /** What the number is. */
  public enum Kind {
    /** A consistent estimate of {@code H_L(Y|X)}. */
    ESTIMATE,
    /**
     * An upper bound: the loss of a restricted predictor (linear, or a cross-validated model) or
     * a Gaussian maximum-entropy bound. The true {@code H_L(Y|X)} is at most this (up to noise).
     */
    UPPER_BOUND
  }

  private final Loss loss;
  private final String estimator;
  private final Kind kind;
  private final double[] terms;
  private final DoubleUnaryOperator finish;
  private final double value;

  /**
   * @param loss the loss
   * @param estimator the estimator's name
   * @param kind estimate or bound
   * @param terms per-sample terms, copied
   * @param finish maps the mean of the terms to the value (identity for plain averages)
   */
  public LossEstimate(Loss loss, String estimator, Kind kind, double[] terms, DoubleUnaryOperator finish) {
    this.loss = loss;
    this.estimator = estimator;
    this.kind = kind;
    this.terms = terms.clone();
    this.finish = finish;
    this.value = finish.applyAsDouble(mean(terms));
  }

  /** @return the loss */
  public Loss loss() {
    return loss;
  }

  /** @return the estimate of {@code H_L(Y|X)} in the loss's unit */
  public double value() {
    return value;
  }

  /** @return the estimator's name, e.g. {@code "knn-regression(k=10)"} */
  public String estimator() {
    return estimator;
  }

  /** @return whether this is an estimate or an upper bound */
  public Kind kind() {
    return kind;
  }

  /** @return the number of samples */
  public int size() {
    return terms.length;
  }

  /**
   * The value recomputed on a resample of the samples.
   *
   * @param rows sample indices, with repetitions
   * @return {@code finish(mean(terms[rows]))}
   */
  public double resample(int[] rows) {
    double s = 0;
    for (int r : rows) {
      s += terms[r];
    }
    return finish.applyAsDouble(s / rows.length);
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double a : v) {
      s += a;
    }
    return s / v.length;
  }

  @Override
  public String toString() {
    return String.format("%s %.6g (%s, %s)", loss.id(), value, estimator, kind.name().toLowerCase());
  }
}
