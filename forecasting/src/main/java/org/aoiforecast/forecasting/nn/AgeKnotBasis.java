package org.aoiforecast.forecasting.nn;

import java.util.Arrays;
import java.util.List;
import java.util.OptionalInt;
import java.util.TreeSet;
import org.aoiforecast.core.dataset.AgedDatasetSpec;

/**
 * The linear path's regressors with coefficients per trained age ({@link LinearPath#PER_AGE}),
 * interpolated linearly between neighbouring ages. Each source's values get one coefficient per
 * value and per <em>knot</em>, the lead times that source was trained at; the intercept and the
 * known covariates get one per knot of the <em>anchor</em>, the lead time of the target's own
 * source (or the youngest source's when no source carries the target). A sample whose lead time
 * lies between two knots weighs their coefficients by its distance to each (a hat function), one
 * beyond the outermost knot takes that knot's.
 *
 * <p>With every source at the same trained age the problem splits into one least-squares fit per
 * age: the path is per-age linear regression, which the pooled network then corrects. With
 * per-source ages each source's coefficients follow its own age. Without the age input every
 * source has one knot, and the path is plain linear regression on the values.
 */
final class AgeKnotBasis implements PathBasis {
  /** Most training rows accumulated: a sample touches at most two knots per source, so rows are cheap. */
  static final int MAX_ROWS = 1_000_000;

  private final int[] sourceStart;
  private final int[] sourceWidth;
  private final int covariateStart;
  private final int covariates;
  private final double[][] knots;
  private final int anchorSource; // -1: the youngest source
  private final double[] anchorKnots;
  private final int[] blockStart; // first regressor of each source's blocks, then of the anchor's
  private final int size;

  private AgeKnotBasis(int[] sourceWidth, int covariates, double[][] knots, int anchorSource,
      double[] anchorKnots) {
    this.sourceWidth = sourceWidth;
    this.covariates = covariates;
    this.knots = knots;
    this.anchorSource = anchorSource;
    this.anchorKnots = anchorKnots;
    int s = sourceWidth.length;
    this.sourceStart = new int[s];
    int f = 0;
    for (int i = 0; i < s; i++) {
      sourceStart[i] = f;
      f += sourceWidth[i];
    }
    this.covariateStart = f;
    this.blockStart = new int[s + 1];
    int r = 0;
    for (int i = 0; i < s; i++) {
      blockStart[i] = r;
      r += knots[i].length * sourceWidth[i];
    }
    blockStart[s] = r;
    this.size = r + anchorKnots.length * (1 + covariates);
  }

  /**
   * The basis of a data set: knots from its age vectors and horizons, value features from its
   * sources and window.
   *
   * @param spec the training data's spec, with or without the age input as the network sees it
   * @return the basis
   */
  static AgeKnotBasis of(AgedDatasetSpec spec) {
    return of(spec, 0);
  }

  /**
   * The basis of a data set whose samples carry extra regressors after the covariates (e.g. smart
   * persistence), which get one coefficient per anchor knot like the covariates.
   *
   * @param spec the training data's spec, with or without the age input as the network sees it
   * @param extra how many regressors follow the covariates in a sample
   * @return the basis
   */
  static AgeKnotBasis of(AgedDatasetSpec spec, int extra) {
    int s = spec.sources().size();
    int[] width = new int[s];
    double[][] knots = new double[s][];
    OptionalInt carrier = spec.targetSource();
    TreeSet<Integer> anchor = new TreeSet<>();
    List<int[]> vectors = spec.ageVectors();
    for (int i = 0; i < s; i++) {
      width[i] = spec.sources().get(i).width() * spec.window();
      TreeSet<Integer> leads = new TreeSet<>();
      for (int[] v : vectors) {
        for (int h : spec.horizons()) {
          leads.add(spec.hasAgeInput() ? spec.inputAge(v[i], h) : 0);
        }
      }
      knots[i] = leads.stream().mapToDouble(Integer::doubleValue).toArray();
    }
    for (int[] v : vectors) {
      for (int h : spec.horizons()) {
        anchor.add(spec.hasAgeInput() ? spec.inputAge(anchorAge(v, carrier), h) : 0);
      }
    }
    return new AgeKnotBasis(width, spec.covariates().size() + extra, knots, carrier.orElse(-1),
        anchor.stream().mapToDouble(Integer::doubleValue).toArray());
  }

  private static int anchorAge(int[] vector, OptionalInt carrier) {
    return carrier.isPresent() ? vector[carrier.getAsInt()] : Arrays.stream(vector).min().orElseThrow();
  }

  @Override
  public LinearPath path() {
    return LinearPath.PER_AGE;
  }

  @Override
  public int valueFeatures() {
    return covariateStart + covariates;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AgeKnotBasis b && Arrays.equals(b.sourceWidth, sourceWidth) && b.covariates == covariates
        && Arrays.deepEquals(b.knots, knots) && b.anchorSource == anchorSource
        && Arrays.equals(b.anchorKnots, anchorKnots);
  }

  @Override
  public int hashCode() {
    return Arrays.deepHashCode(knots) * 31 + Arrays.hashCode(sourceWidth);
  }

  @Override
  public String toString() {
    return "AgeKnotBasis[" + size + " regressors, knots per source " + Arrays.deepToString(knots) + "]";
  }

  @Override
  public int size() {
    return size;
  }

  @Override
  public int maxNonZero() {
    return 2 * (covariateStart + 1 + covariates);
  }

  @Override
  public int maxRows() {
    return MAX_ROWS;
  }

  @Override
  public boolean isIntercept(int index) {
    return index >= blockStart[knots.length] && (index - blockStart[knots.length]) % (1 + covariates) == 0;
  }

  @Override
  public int regressors(double[] f, double[] leads, int[] index, double[] value) {
    int n = 0;
    int[] k = new int[2];
    double[] w = new double[2];
    for (int s = 0; s < knots.length; s++) {
      int m = hat(knots[s], leads[s], k, w);
      for (int t = 0; t < m; t++) {
        int base = blockStart[s] + k[t] * sourceWidth[s];
        for (int j = 0; j < sourceWidth[s]; j++) {
          index[n] = base + j;
          value[n++] = w[t] * f[sourceStart[s] + j];
        }
      }
    }
    double a;
    if (anchorSource >= 0) {
      a = leads[anchorSource];
    } else {
      a = Double.POSITIVE_INFINITY;
      for (double l : leads) {
        a = Math.min(a, l);
      }
    }
    int m = hat(anchorKnots, a, k, w);
    for (int t = 0; t < m; t++) {
      int base = blockStart[knots.length] + k[t] * (1 + covariates);
      index[n] = base;
      value[n++] = w[t];
      for (int j = 0; j < covariates; j++) {
        index[n] = base + 1 + j;
        value[n++] = w[t] * f[covariateStart + j];
      }
    }
    return n;
  }

  /**
   * The knots a lead time weighs and their weights: one knot at or beyond the ends and on a knot,
   * else the two around it, linearly.
   */
  static int hat(double[] knots, double a, int[] k, double[] w) {
    int last = knots.length - 1;
    if (a <= knots[0] || last == 0) {
      k[0] = 0;
      w[0] = 1;
      return 1;
    }
    if (a >= knots[last]) {
      k[0] = last;
      w[0] = 1;
      return 1;
    }
    int i = Arrays.binarySearch(knots, a);
    if (i >= 0) {
      k[0] = i;
      w[0] = 1;
      return 1;
    }
    int hi = -i - 1; // first knot above a
    double span = knots[hi] - knots[hi - 1];
    k[0] = hi - 1;
    w[0] = (knots[hi] - a) / span;
    k[1] = hi;
    w[1] = (a - knots[hi - 1]) / span;
    return 2;
  }
}
