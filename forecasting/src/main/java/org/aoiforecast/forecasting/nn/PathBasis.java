package org.aoiforecast.forecasting.nn;

/**
 * How the linear path ({@link LinearBase}) turns one sample into its regressors: the columns of the
 * least-squares problem it solves. A sample is given as the feature vector the encoder lays out and
 * the lead time of each source (its age, plus the horizon when several horizons are pooled), in
 * steps. Implementations are immutable.
 */
sealed interface PathBasis permits AgeLinearBasis, AgeKnotBasis {

  /** @return the form of linear path this basis makes */
  LinearPath path();

  /** @return {@code V}, the leading features that are values and covariates */
  int valueFeatures();

  /** @return the number of regressors, i.e. of coefficients */
  int size();

  /** @return the most regressors one sample can make non-zero */
  int maxNonZero();

  /** @return the most training rows worth accumulating: the rest are skipped evenly */
  int maxRows();

  /**
   * @param index a regressor
   * @return whether it is an intercept, which the ridge penalty leaves free
   */
  boolean isIntercept(int index);

  /**
   * Writes the sample's regressors that may be non-zero.
   *
   * @param features one standardised sample as the feature encoder lays it out
   * @param leads each source's lead time in steps (fractional between trained ones)
   * @param index receives the regressors' indices, distinct, at least {@link #maxNonZero()} long
   * @param value receives their values
   * @return how many were written
   */
  int regressors(double[] features, double[] leads, int[] index, double[] value);
}
