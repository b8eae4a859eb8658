package org.aoiforecast.info.loss;

import org.aoiforecast.info.estimators.TheilerWindow;

/**
 * Factories of {@link ConditionalLossEstimator}s, and the automatic choice used by the age-loss
 * profile.
 *
 * <table>
 *   <caption>Estimators of H_L(Y|X)</caption>
 *   <tr><th>factory</th><th>loss</th><th>result</th><th>use when</th></tr>
 *   <tr><td>{@link #linear(Loss)}</td><td>quadratic, log</td><td>upper bound (exact if Gaussian)</td>
 *       <td>any width; fast baseline</td></tr>
 *   <tr><td>{@link #knnRegression(int)}</td><td>quadratic</td><td>estimate</td>
 *       <td>up to ~8 feature dimensions (more with {@link #knnRegressionPca})</td></tr>
 *   <tr><td>{@link #linearKnnRegression}</td><td>quadratic</td><td>estimate</td>
 *       <td>wide windows: the linear fit on all features, k-NN on its residual</td></tr>
 *   <tr><td>{@link #ridgeCv(int)}</td><td>quadratic</td><td>upper bound</td>
 *       <td>wide windows (many dimensions)</td></tr>
 *   <tr><td>{@link #ksg(int)}</td><td>log</td><td>estimate</td><td>up to ~8 dimensions</td></tr>
 *   <tr><td>{@link #knnMedian(int)}</td><td>absolute</td><td>estimate</td><td>up to ~8 dimensions</td></tr>
 * </table>
 */
public final class ConditionalLosses {
  /** Feature dimensions up to which {@link #auto} picks a nearest-neighbour estimator. */
  public static final int NEIGHBOUR_DIMENSIONS = 8;

  private ConditionalLosses() {}

  /**
   * @param loss quadratic or log
   * @return the linear-Gaussian bound
   */
  public static ConditionalLossEstimator linear(Loss loss) {
    return new LinearGaussianLoss(loss);
  }

  /**
   * @param k neighbours (10 is a good default)
   * @return leave-one-out k-NN regression, quadratic loss, no Theiler window, one thread
   */
  public static ConditionalLossEstimator knnRegression(int k) {
    return knnRegression(k, TheilerWindow.none(), 1);
  }

  /**
   * @param k neighbours
   * @param theiler rows excluded around each sample (time series)
   * @param threads threads
   * @return leave-one-out k-NN regression, quadratic loss
   */
  public static ConditionalLossEstimator knnRegression(int k, TheilerWindow theiler, int threads) {
    return new KnnLoss(Loss.QUADRATIC, k, theiler, threads);
  }

  /**
   * k-NN regression on the features projected to their leading principal components, for wide
   * windows.
   *
   * @param k neighbours
   * @param components principal components kept (e.g. 8)
   * @param theiler rows excluded around each sample
   * @param threads threads
   * @return leave-one-out k-NN regression on the projection, quadratic loss
   */
  public static ConditionalLossEstimator knnRegressionPca(int k, int components, TheilerWindow theiler, int threads) {
    return new KnnLoss(Loss.QUADRATIC, k, theiler, threads, components, KnnLoss.Trend.NONE);
  }

  /**
   * k-NN regression of the residual of a linear fit: the target's least-squares fit on all the
   * features is removed first, and the neighbours, searched on the features (projected to their
   * leading principal components when there are more than {@code components}), predict what it
   * leaves. The same Bayes risk, with less of the neighbourhoods' upward bias where the target
   * depends on the features nearly linearly; unbiased for jointly Gaussian data.
   *
   * @param k neighbours
   * @param components principal components kept for the neighbour search (0: none)
   * @param theiler rows excluded around each sample
   * @param threads threads
   * @return leave-one-out k-NN regression of the linear fit's residual, quadratic loss
   */
  public static ConditionalLossEstimator linearKnnRegression(int k, int components, TheilerWindow theiler,
      int threads) {
    return new KnnLoss(Loss.QUADRATIC, k, theiler, threads, components, KnnLoss.Trend.LINEAR);
  }

  /**
   * @param k neighbours (an odd number, e.g. 9)
   * @return leave-one-out k-NN median, absolute loss, no Theiler window, one thread
   */
  public static ConditionalLossEstimator knnMedian(int k) {
    return knnMedian(k, TheilerWindow.none(), 1);
  }

  /**
   * @param k neighbours
   * @param theiler rows excluded around each sample
   * @param threads threads
   * @return leave-one-out k-NN median, absolute loss
   */
  public static ConditionalLossEstimator knnMedian(int k, TheilerWindow theiler, int threads) {
    return new KnnLoss(Loss.ABSOLUTE, k, theiler, threads);
  }

  /**
   * @param folds contiguous cross-validation folds (5 is a good default)
   * @return cross-validated ridge regression, quadratic loss, no gap between folds
   */
  public static ConditionalLossEstimator ridgeCv(int folds) {
    return ridgeCv(folds, TheilerWindow.none());
  }

  /**
   * @param folds contiguous folds
   * @param theiler rows left out on each side of a held-out fold
   * @return cross-validated ridge regression, quadratic loss
   */
  public static ConditionalLossEstimator ridgeCv(int folds, TheilerWindow theiler) {
    return new RidgeCvLoss(folds, theiler);
  }

  /**
   * @param k neighbours (4 is the usual KSG choice)
   * @return KSG conditional entropy, log loss, no Theiler window, one thread
   */
  public static ConditionalLossEstimator ksg(int k) {
    return ksg(k, TheilerWindow.none(), 1);
  }

  /**
   * @param k neighbours
   * @param theiler rows excluded around each sample
   * @param threads threads
   * @return KSG conditional entropy, log loss
   */
  public static ConditionalLossEstimator ksg(int k, TheilerWindow theiler, int threads) {
    return new KsgLogLoss(k, theiler, threads);
  }

  /**
   * An estimator by name, for command lines and configuration files.
   *
   * @param name auto, knn, knn-pca, linear-knn, median, ridge, linear, ksg or gaussian
   * @param loss the loss (for "auto" and "linear"/"gaussian")
   * @param dimensions feature dimensions (for "auto")
   * @param theiler rows excluded around each sample
   * @param threads threads per estimate
   * @return the estimator
   * @throws IllegalArgumentException for an unknown name or one that does not estimate this loss
   */
  public static ConditionalLossEstimator named(String name, Loss loss, int dimensions, TheilerWindow theiler,
      int threads) {
    ConditionalLossEstimator e = switch (name.trim().toLowerCase(java.util.Locale.ROOT)) {
      case "auto" -> auto(loss, dimensions, theiler, threads);
      case "knn" -> knnRegression(10, theiler, threads);
      case "knn-pca" -> knnRegressionPca(10, NEIGHBOUR_DIMENSIONS, theiler, threads);
      case "linear-knn" -> linearKnnRegression(10, NEIGHBOUR_DIMENSIONS, theiler, threads);
      case "median" -> knnMedian(9, theiler, threads);
      case "ridge" -> ridgeCv(5, theiler);
      case "linear" -> linear(loss == Loss.ABSOLUTE ? Loss.QUADRATIC : loss);
      case "gaussian" -> linear(Loss.LOG);
      case "ksg" -> ksg(4, theiler, threads);
      default -> throw new IllegalArgumentException("unknown estimator '" + name
          + "'; expected auto, knn, knn-pca, linear-knn, median, ridge, linear, ksg or gaussian");
    };
    if (e.loss() != loss) {
      throw new IllegalArgumentException("estimator '" + name + "' estimates " + e.loss().id() + " loss, not "
          + loss.id() + "; for " + loss.id() + " loss use " + switch (loss) {
            case QUADRATIC -> "knn, knn-pca, linear-knn, ridge or linear";
            case LOG -> "ksg or gaussian";
            case ABSOLUTE -> "median";
          });
    }
    return e;
  }

  /**
   * The automatic choice: a nearest-neighbour estimator (k-NN regression with k = 10, KSG with
   * k = 4, k-NN median with k = 9) when the features have at most
   * {@value #NEIGHBOUR_DIMENSIONS} dimensions. Wider features (long windows, many sources) are
   * projected on their {@value #NEIGHBOUR_DIMENSIONS} leading principal components for the
   * k-NN estimators (quadratic, absolute); for the quadratic loss the neighbours then predict the
   * residual of the target's linear fit on all the features ({@link #linearKnnRegression}), which
   * keeps the linear information of the components the projection drops; for log loss the
   * Gaussian bound is used.
   *
   * @param loss the loss
   * @param dimensions the number of feature columns
   * @param theiler rows excluded around each sample
   * @param threads threads per estimate
   * @return the estimator
   */
  public static ConditionalLossEstimator auto(Loss loss, int dimensions, TheilerWindow theiler, int threads) {
    boolean neighbours = dimensions <= NEIGHBOUR_DIMENSIONS;
    return switch (loss) {
      case QUADRATIC -> neighbours ? knnRegression(10, theiler, threads)
          : linearKnnRegression(10, NEIGHBOUR_DIMENSIONS, theiler, threads);
      case LOG -> neighbours ? ksg(4, theiler, threads) : linear(Loss.LOG);
      case ABSOLUTE -> new KnnLoss(Loss.ABSOLUTE, 9, theiler, threads, neighbours ? 0 : NEIGHBOUR_DIMENSIONS,
          KnnLoss.Trend.NONE);
    };
  }
}
