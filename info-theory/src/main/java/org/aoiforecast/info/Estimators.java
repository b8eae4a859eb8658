package org.aoiforecast.info;

import org.aoiforecast.info.estimators.DiscreteEstimator;
import org.aoiforecast.info.estimators.Estimator;
import org.aoiforecast.info.estimators.GaussianEstimator;
import org.aoiforecast.info.estimators.KozachenkoLeonenkoEstimator;
import org.aoiforecast.info.estimators.KsgEstimator;

/**
 * Entry point to the estimators. Each factory returns an immutable estimator whose options can be
 * changed with {@code with...}-style methods returning a new instance.
 *
 * <table>
 *   <caption>Which estimator for which data</caption>
 *   <tr><th>factory</th><th>for</th><th>cost</th></tr>
 *   <tr><td>{@link #gaussian()}</td><td>exact for jointly Gaussian data; a fast linear baseline
 *       otherwise (it measures linear dependence only)</td><td>O(N d²)</td></tr>
 *   <tr><td>{@link #ksg(int)}</td><td>continuous data of any distribution, up to ~10 dimensions
 *       (Kraskov-Stögbauer-Grassberger MI and Frenzel-Pompe CMI; entropy by
 *       Kozachenko-Leonenko)</td><td>O(N log N) in low dimensions</td></tr>
 *   <tr><td>{@link #kozachenkoLeonenko(int)}</td><td>differential entropy only</td>
 *       <td>O(N log N)</td></tr>
 *   <tr><td>{@link #discrete()}</td><td>categorical columns (each distinct row is a category);
 *       plug-in with Miller-Madow correction</td><td>O(N)</td></tr>
 * </table>
 */
public final class Estimators {
  private Estimators() {}

  /** @return the Gaussian (covariance log-determinant) estimator */
  public static GaussianEstimator gaussian() {
    return GaussianEstimator.create();
  }

  /**
   * The KSG estimator, algorithm 1, max norm, with a seeded jitter of 1e-8 (in standard
   * deviations) against ties and no Theiler window (rows are taken as independent samples; use
   * {@link KsgEstimator#theilerWindow} for time series).
   *
   * @param k neighbours, at least 1 (4 is the usual choice)
   * @return the estimator
   */
  public static KsgEstimator ksg(int k) {
    return KsgEstimator.create(k);
  }

  /**
   * The Kozachenko-Leonenko k-nearest-neighbour entropy estimator (max norm).
   *
   * @param k neighbours, at least 1
   * @return the estimator
   */
  public static KozachenkoLeonenkoEstimator kozachenkoLeonenko(int k) {
    return KozachenkoLeonenkoEstimator.create(k);
  }

  /** @return the discrete plug-in estimator with Miller-Madow bias correction */
  public static DiscreteEstimator discrete() {
    return DiscreteEstimator.create();
  }
}
