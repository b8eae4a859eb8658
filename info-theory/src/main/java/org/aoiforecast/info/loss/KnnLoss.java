package org.aoiforecast.info.loss;

import org.aoiforecast.info.estimators.Parallel;
import org.aoiforecast.info.estimators.Samples;
import org.aoiforecast.info.estimators.TheilerWindow;
import org.aoiforecast.info.knn.KdTree;

/**
 * Leave-one-out k-nearest-neighbour estimates of the Bayes risk: each sample's target is
 * predicted from its {@code k} nearest neighbours in the (standardised, max-norm) feature space,
 * excluding the sample itself and its Theiler window.
 * <ul>
 *   <li>quadratic loss: prediction = neighbours' mean; the squared error is divided by
 *       {@code 1 + 1/k}, removing the neighbours' own noise (exact for homoscedastic noise when
 *       the neighbours share the sample's conditional mean);
 *   <li>absolute loss: prediction = neighbours' median; the absolute error is divided by
 *       {@code sqrt(1 + π/(2k))}, the same correction for Gaussian noise (the sample median of
 *       k draws has variance ≈ πσ²/(2k)).
 * </ul>
 * The remaining bias is upward (neighbourhoods of finite size blur the regression function), so
 * the estimate tends to the Bayes risk from above as N grows. Nonparametric: it captures
 * nonlinear dependence, at O(N log N) in low dimensions and up to O(N²) in high ones.
 *
 * <p>With a projection to {@code m} principal components (for wide windows), neighbours are
 * searched among the standardised features projected on their {@code m} leading principal
 * components: a window of a smooth series is highly redundant, so few components keep nearly all
 * of it, and the search stays fast. A projection can only lose information, so it adds to the
 * upward bias.
 *
 * <p>With the linear trend removed first ({@link Trend#LINEAR}, quadratic loss), the neighbours
 * predict the residual of the least-squares fit of the target on all the features (with an
 * intercept), not the target itself: {@code E[Y | X] = βᵀX + E[Y − βᵀX | X]}, so the Bayes risk is
 * unchanged, while the residual's regression function is flatter, and a neighbourhood of a given
 * width blurs it less. The linear part uses every feature, also those the projection drops. The
 * in-sample fit's residuals are smaller than the noise by {@code (N − p − 1) / N} on average
 * (p features), which the terms are scaled back by, as the linear bound does. For jointly Gaussian
 * data the residual is independent of X, and the estimate is unbiased.
 */
final class KnnLoss implements ConditionalLossEstimator {
  /** What the neighbours predict: the target, or its residual after a linear fit. */
  enum Trend {
    /** The target itself. */
    NONE,
    /** The residual of the target's least-squares fit on all features. */
    LINEAR
  }

  private final Loss loss;
  private final int k;
  private final TheilerWindow theiler;
  private final int threads;
  private final int components;
  private final Trend trend;

  KnnLoss(Loss loss, int k, TheilerWindow theiler, int threads) {
    this(loss, k, theiler, threads, 0, Trend.NONE);
  }

  KnnLoss(Loss loss, int k, TheilerWindow theiler, int threads, int components, Trend trend) {
    if (loss == Loss.LOG) {
      throw new IllegalArgumentException("nearest-neighbour regression covers quadratic and absolute loss; for log"
          + " loss use ConditionalLosses.ksg(k)");
    }
    if (k < 1 || threads < 1) {
      throw new IllegalArgumentException("k and threads must be at least 1, got " + k + ", " + threads);
    }
    this.loss = loss;
    this.k = k;
    this.theiler = theiler;
    this.threads = threads;
    if (components < 0) {
      throw new IllegalArgumentException("components must be >= 0, got " + components);
    }
    this.components = components;
    if (trend == Trend.LINEAR && loss != Loss.QUADRATIC) {
      throw new IllegalArgumentException("the linear trend is removed for the quadratic loss only");
    }
    this.trend = trend;
  }

  @Override
  public String name() {
    return (loss == Loss.QUADRATIC ? trend == Trend.LINEAR ? "linear+knn-regression" : "knn-regression"
        : "knn-median") + "(k=" + k
        + (components > 0 ? ", pca=" + components : "") + ")";
  }

  @Override
  public Loss loss() {
    return loss;
  }

  @Override
  public LossEstimate.Kind kind() {
    return LossEstimate.Kind.ESTIMATE;
  }

  @Override
  public LossEstimate estimate(double[][] x, double[] y) {
    double[][] ym = Samples.column(y);
    int n = Samples.checkPaired(k + 1, "k-NN with k = " + k, new String[] {"x", "y"}, x, ym);
    int w = theiler.resolve(ym);
    if (n - 2 * w - 1 < k) {
      throw new IllegalArgumentException(n + " samples are too few for k = " + k + " with a Theiler window of " + w);
    }
    int[] keep = Samples.varyingColumns(x);
    double[] terms = new double[n];
    if (keep.length == 0) {
      // no usable feature: the best predictor is a constant (mean or median of y)
      double c = loss == Loss.QUADRATIC ? mean(y) : median(y.clone(), n);
      for (int i = 0; i < n; i++) {
        double e = y[i] - c;
        terms[i] = loss == Loss.QUADRATIC ? e * e * n / (n - 1.0) : Math.abs(e);
      }
      return new LossEstimate(loss, name(), kind(), terms, v -> v);
    }
    // the target the neighbours predict, and the factor that undoes the linear fit's shrinkage
    LinearModels linear = trend == Trend.LINEAR ? linearFit(x, y) : null;
    double[] t = linear == null ? y : linear.residuals();
    double shrinkage = linear == null ? 1 : (double) n / (n - linear.dimensions() - 1);
    double[][] xs = Samples.standardize(x, keep, 0, null, null);
    if (components > 0 && xs[0].length > components) {
      xs = PrincipalComponents.project(xs, components);
    }
    KdTree tree = new KdTree(xs);
    double quadratic = (1 + 1.0 / k) / shrinkage;
    double absolute = Math.sqrt(1 + Math.PI / (2.0 * k));
    int[] order = tree.spatialOrder();
    Parallel.forRange(n, threads, () -> new Scratch(k), (from, to, s) -> {
      for (int q = from; q < to; q++) {
        int i = order[q];
        tree.nearest(i, w, s.neighbours);
        int found = s.neighbours.found();
        if (loss == Loss.QUADRATIC) {
          double sum = 0;
          for (int j = 0; j < found; j++) {
            sum += t[s.neighbours.row(j)];
          }
          double e = t[i] - sum / found;
          terms[i] = e * e / quadratic;
        } else {
          for (int j = 0; j < found; j++) {
            s.values[j] = y[s.neighbours.row(j)];
          }
          terms[i] = Math.abs(y[i] - median(s.values, found)) / absolute;
        }
      }
    });
    return new LossEstimate(loss, name(), kind(), terms, v -> v);
  }

  /** The least-squares fit of the target on all features, refused when it has too few samples. */
  private static LinearModels linearFit(double[][] x, double[] y) {
    LinearModels linear = new LinearModels(x, y);
    int p = linear.dimensions();
    if (y.length <= p + 1) {
      throw new IllegalArgumentException(y.length + " samples are too few for a linear fit on " + p
          + " features; at least " + (p + 2) + " are needed");
    }
    return linear;
  }

  private static final class Scratch {
    final KdTree.Neighbours neighbours;
    final double[] values;

    Scratch(int k) {
      neighbours = new KdTree.Neighbours(k);
      values = new double[k];
    }
  }

  private static double mean(double[] v) {
    double s = 0;
    for (double a : v) {
      s += a;
    }
    return s / v.length;
  }

  /** Median of the first m values (reorders them). */
  private static double median(double[] v, int m) {
    java.util.Arrays.sort(v, 0, m);
    return m % 2 == 1 ? v[m / 2] : 0.5 * (v[m / 2 - 1] + v[m / 2]);
  }
}
