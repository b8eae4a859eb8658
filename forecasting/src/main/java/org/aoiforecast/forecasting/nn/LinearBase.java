package org.aoiforecast.forecasting.nn;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;
import org.aoiforecast.core.dataset.AgedDataset;
import org.aoiforecast.core.dataset.AgedDatasetSpec;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;

/**
 * The linear path beside a network's hidden layers: a ridge regression of the standardised target
 * on the sample, which the network's output is added to (the network learns the residual). A
 * linear model is what ordinary least squares fits best and fastest, in closed form; a network
 * trained by minibatches and stopped early gets there slowly. With the linear path the network
 * starts from the best linear forecast and only has to learn what is not linear.
 *
 * <p>How the coefficients depend on the age is the path's {@link LinearPath}:
 * <ul>
 *   <li>{@link LinearPath#AGE_LINEAR} (the default): coefficients linear in the mean encoded age
 *       of the sources ({@code AgeLinearBasis});
 *   <li>{@link LinearPath#PER_AGE}: one coefficient per value and per trained lead time of its
 *       source, interpolated linearly between neighbouring ones ({@code AgeKnotBasis}); with all
 *       sources at the same age this is per-age linear regression.
 * </ul>
 * Without the age input both are plain linear regression on the values.
 *
 * <p>Optionally the path takes one more regressor after the values and covariates, the smart
 * persistence forecast faded out over the young lead times ({@link SmartPersistenceRegressor}):
 * a value feature of the age-linear path (so its coefficient is linear in the age too), a
 * covariate of the per-age path (one coefficient per anchor knot).
 *
 * <p>Fitted by the normal equations over the training rows (every k-th row of the view when there
 * are more than the basis takes, deterministic), with a ridge penalty on every coefficient but
 * the intercepts of {@value #RIDGE} × the rows it appears in (so that a coefficient of one age is
 * penalised as in a fit on that age alone), which keeps them positive definite when columns are
 * collinear. Regressors that never appear in one sample together are solved apart (with shared
 * ages, one small system per age). Immutable.
 */
public final class LinearBase {
  /** Ridge penalty per row, on standardised regressors. */
  public static final double RIDGE = 1e-6;

  private final PathBasis basis;
  private final boolean leadTimes; // whether a live sample's lead time is its age plus the horizon
  private final double[] coefficients;
  private final SmartPersistenceRegressor smart; // null: the path has no such regressor
  private final int smartAt; // where the regressor sits among the regressors' inputs: after the covariates

  private LinearBase(PathBasis basis, AgedDatasetSpec spec, double[] coefficients,
      Optional<SmartPersistenceRegressor> smart) {
    if (coefficients.length != basis.size()) {
      throw new IllegalArgumentException("a " + basis.path() + " linear path over this layout has " + basis.size()
          + " coefficients, got " + coefficients.length);
    }
    for (double c : coefficients) {
      if (!Double.isFinite(c)) {
        throw new IllegalArgumentException("linear path coefficients must be finite, got " + c);
      }
    }
    this.basis = basis;
    this.leadTimes = spec.hasLeadTimeInput();
    this.coefficients = coefficients.clone();
    this.smart = smart.orElse(null);
    this.smartAt = valueAndCovariateFeatures(spec);
  }

  private static int valueAndCovariateFeatures(AgedDatasetSpec spec) {
    return spec.valueColumnCount() * spec.window() + spec.covariates().size();
  }

  /**
   * Restores a fitted path whose coefficients are linear in the encoded age (e.g. from a model
   * file).
   *
   * @param spec the data set the path was fitted on, with or without the age input as the network
   *     sees it
   * @param coefficients intercept, {@code V} values, {@code w} ages, {@code V·w} products
   * @return the path
   */
  public static LinearBase ageLinear(AgedDatasetSpec spec, double[] coefficients) {
    return ageLinear(spec, coefficients, Optional.empty());
  }

  /**
   * Restores a fitted path whose coefficients are linear in the encoded age, with or without the
   * smart-persistence regressor (e.g. from a model file).
   *
   * @param spec the data set the path was fitted on, with or without the age input as the network
   *     sees it
   * @param coefficients intercept, {@code V} values (the regressor last among them, if any),
   *     {@code w} ages, {@code V·w} products
   * @param smart the smart-persistence regressor, if the path has one
   * @return the path
   */
  public static LinearBase ageLinear(AgedDatasetSpec spec, double[] coefficients,
      Optional<SmartPersistenceRegressor> smart) {
    return new LinearBase(ageLinearBasis(spec, smart.isPresent() ? 1 : 0), spec, coefficients, smart);
  }

  /**
   * Restores a fitted path with coefficients per trained age (e.g. from a model file).
   *
   * @param spec the data set the path was fitted on, with or without the age input as the network
   *     sees it
   * @param coefficients per source, per knot, its value features; then per anchor knot the
   *     intercept and the covariates
   * @return the path
   */
  public static LinearBase perAge(AgedDatasetSpec spec, double[] coefficients) {
    return perAge(spec, coefficients, Optional.empty());
  }

  /**
   * Restores a fitted path with coefficients per trained age, with or without the
   * smart-persistence regressor (e.g. from a model file).
   *
   * @param spec the data set the path was fitted on, with or without the age input as the network
   *     sees it
   * @param coefficients per source, per knot, its value features; then per anchor knot the
   *     intercept, the covariates and the regressor, if any
   * @param smart the smart-persistence regressor, if the path has one
   * @return the path
   */
  public static LinearBase perAge(AgedDatasetSpec spec, double[] coefficients,
      Optional<SmartPersistenceRegressor> smart) {
    return new LinearBase(AgeKnotBasis.of(spec, smart.isPresent() ? 1 : 0), spec, coefficients, smart);
  }

  /**
   * Fits the path on a standardised training view.
   *
   * @param train the standardised training data, with the age input as the network sees it
   * @param path the path's form ({@link LinearPath#NONE} is refused)
   * @return the fitted path
   */
  public static LinearBase fit(AgedDataset train, LinearPath path) {
    return fit(train, path, Optional.empty());
  }

  /**
   * Fits the path on a standardised training view, with the smart-persistence regressor when a
   * clear-sky column is given.
   *
   * @param train the standardised training data, with the age input as the network sees it
   * @param path the path's form ({@link LinearPath#NONE} is refused)
   * @param smartPersistence the clear-sky column of the smart-persistence regressor, if any (see
   *     {@link SmartPersistenceRegressor#requireUsable} for what the data must hold)
   * @return the fitted path
   */
  public static LinearBase fit(AgedDataset train, LinearPath path, Optional<String> smartPersistence) {
    AgedDatasetSpec spec = train.spec();
    Optional<SmartPersistenceRegressor> smart = smartPersistence.map(c -> SmartPersistenceRegressor.fit(train, c));
    int extra = smart.isPresent() ? 1 : 0;
    PathBasis basis = switch (path) {
      case PER_AGE -> AgeKnotBasis.of(spec, extra);
      case AGE_LINEAR -> ageLinearBasis(spec, extra);
      case NONE -> throw new IllegalArgumentException("no linear path to fit for LinearPath.NONE");
    };
    int p = basis.size();
    int stride = Math.max(1, (int) Math.ceil(train.size() / (double) basis.maxRows()));
    double[][] xtx = new double[p][];
    for (int i = 0; i < p; i++) {
      xtx[i] = new double[p - i]; // upper triangle, row i from column i
    }
    double[] xty = new double[p];
    long[] seen = new long[p]; // rows each regressor appears in, which its ridge penalty scales with
    int smartAt = valueAndCovariateFeatures(spec);
    double[] features = new double[train.featureCount() + extra];
    double[] leads = new double[spec.sources().size()];
    int[] index = new int[basis.maxNonZero()];
    double[] x = new double[basis.maxNonZero()];
    for (int r = 0; r < train.size(); r += stride) {
      features(train, r, features, smart.orElse(null), smartAt);
      leads(train, r, leads);
      int n = basis.regressors(features, leads, index, x);
      double y = train.targetValue(r);
      for (int a = 0; a < n; a++) {
        double xa = x[a];
        int i = index[a];
        seen[i]++;
        if (xa == 0) {
          continue;
        }
        xty[i] += xa * y;
        for (int b = a; b < n; b++) {
          int j = index[b];
          if (j >= i) {
            xtx[i][j - i] += xa * x[b];
          } else {
            xtx[j][i - j] += xa * x[b];
          }
        }
      }
    }
    for (int i = 0; i < p; i++) {
      if (!basis.isIntercept(i)) {
        xtx[i][0] += RIDGE * Math.max(1, seen[i]);
      }
    }
    return new LinearBase(basis, spec, solve(xtx, xty), smart);
  }

  /**
   * A row's features as the path reads them: the encoder's, with the smart-persistence regressor
   * (if any) inserted after the values and covariates.
   */
  private static void features(AgedDataset view, int row, double[] out, SmartPersistenceRegressor smart,
      int smartAt) {
    if (smart == null) {
      view.features(row, out, 0);
      return;
    }
    view.features(row, out, 1); // shifted by one, then the values and covariates moved back into place
    System.arraycopy(out, 1, out, 0, smartAt);
    out[smartAt] = smart.regressor(view, row);
  }

  private static AgeLinearBasis ageLinearBasis(AgedDatasetSpec spec, int extra) {
    int v = valueAndCovariateFeatures(spec) + extra;
    boolean ages = spec.hasAgeInput();
    return new AgeLinearBasis(v, ages ? spec.sources().size() : 0, ages ? spec.ageEncoding().width() : 0);
  }

  /**
   * Solves the normal equations one connected group of regressors at a time (regressors that share
   * no sample have a zero cross product): with shared ages the groups are the ages.
   */
  private static double[] solve(double[][] xtx, double[] xty) {
    int p = xty.length;
    int[] parent = new int[p];
    for (int i = 0; i < p; i++) {
      parent[i] = i;
    }
    for (int i = 0; i < p; i++) {
      for (int j = i + 1; j < p; j++) {
        if (xtx[i][j - i] != 0) {
          int a = root(parent, i);
          int b = root(parent, j);
          if (a != b) {
            parent[Math.max(a, b)] = Math.min(a, b);
          }
        }
      }
    }
    double[] beta = new double[p];
    boolean[] done = new boolean[p];
    for (int i = 0; i < p; i++) {
      int g = root(parent, i);
      if (done[g]) {
        continue;
      }
      done[g] = true;
      int[] members = IntStream.range(i, p).filter(k -> root(parent, k) == g).toArray();
      int m = members.length;
      double[][] a = new double[m][m];
      double[] b = new double[m];
      for (int r = 0; r < m; r++) {
        b[r] = xty[members[r]];
        for (int c = r; c < m; c++) {
          a[r][c] = xtx[members[r]][members[c] - members[r]];
          a[c][r] = a[r][c];
        }
      }
      if (m == 1 && a[0][0] == 0) {
        continue; // an intercept no sample reaches: leave it at 0
      }
      double[] solution;
      try {
        solution = new CholeskyDecomposition(new Array2DRowRealMatrix(a, false), 1e-12, 1e-14).getSolver()
            .solve(new ArrayRealVector(b, false)).toArray();
      } catch (NonPositiveDefiniteMatrixException e) {
        throw new IllegalArgumentException("the linear path cannot be fitted: the inputs are degenerate ("
            + e.getMessage() + ")", e);
      }
      for (int r = 0; r < m; r++) {
        beta[members[r]] = solution[r];
      }
    }
    return beta;
  }

  private static int root(int[] parent, int i) {
    while (parent[i] != i) {
      parent[i] = parent[parent[i]];
      i = parent[i];
    }
    return i;
  }

  /** Each source's lead time in a row of a view, as the spec feeds it to the age input. */
  private static void leads(AgedDataset view, int row, double[] out) {
    AgedDatasetSpec spec = view.spec();
    int h = view.horizonOf(row);
    for (int s = 0; s < out.length; s++) {
      out[s] = spec.inputAge(view.age(row, s), h);
    }
  }

  /**
   * The path's forecast of one live sample.
   *
   * @param features one standardised sample as the feature encoder lays it out
   * @param ages each source's age, in steps (fractional between trained ages)
   * @param horizon the horizon, in steps
   * @return the path's forecast, standardised target units
   */
  public double predict(double[] features, double[] ages, int horizon) {
    if (smart != null) {
      throw new IllegalStateException("the linear path takes smart persistence as a regressor: use predict(features,"
          + " ages, horizon, regressor)");
    }
    return predict(features, ages, horizon, 0);
  }

  /**
   * The path's forecast of one live sample, with the smart-persistence regressor's value.
   *
   * @param features one standardised sample as the feature encoder lays it out
   * @param ages each source's age, in steps (fractional between trained ages)
   * @param horizon the horizon, in steps
   * @param regressor the regressor's value ({@link SmartPersistenceRegressor#regressor(double,
   *     double, org.aoiforecast.core.dataset.Standardization, String)}); ignored when the path
   *     has no such regressor
   * @return the path's forecast, standardised target units
   */
  public double predict(double[] features, double[] ages, int horizon, double regressor) {
    if (smart != null) {
      double[] f = new double[features.length + 1];
      System.arraycopy(features, 0, f, 0, smartAt);
      f[smartAt] = regressor;
      System.arraycopy(features, smartAt, f, smartAt + 1, features.length - smartAt);
      features = f;
    }
    double[] leads = new double[ages.length];
    for (int s = 0; s < ages.length; s++) {
      leads[s] = leadTimes ? ages[s] + horizon : ages[s];
    }
    return predict(features, leads, new int[basis.maxNonZero()], new double[basis.maxNonZero()]);
  }

  private double predict(double[] features, double[] leads, int[] index, double[] x) {
    int n = basis.regressors(features, leads, index, x);
    double z = 0;
    for (int a = 0; a < n; a++) {
      z += coefficients[index[a]] * x[a];
    }
    return z;
  }

  /**
   * @param data a standardised view laid out like the training data
   * @return the path's forecasts of that view's rows, one at a time
   */
  public Rows over(AgedDataset data) {
    return new Rows(data);
  }

  /**
   * @param data a standardised view laid out like the training data
   * @param rows rows of the view
   * @return the path's forecast of each row, standardised target units
   */
  public double[] predict(AgedDataset data, int[] rows) {
    Rows view = over(data);
    double[] out = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      out[i] = view.predict(rows[i]);
    }
    return out;
  }

  /**
   * The path's forecasts of the rows of one view, with the buffers a row needs allocated once (a
   * pooled view has hundreds of thousands of rows). Not thread-safe: one per thread.
   */
  public final class Rows {
    private final AgedDataset view;
    private final double[] features;
    private final double[] leads;
    private final int[] index = new int[basis.maxNonZero()];
    private final double[] x = new double[basis.maxNonZero()];

    private Rows(AgedDataset view) {
      this.view = view;
      this.features = new double[view.featureCount() + (smart == null ? 0 : 1)];
      this.leads = new double[view.spec().sources().size()];
    }

    /**
     * @param row a row of the view
     * @return the path's forecast of that row, standardised target units
     */
    public double predict(int row) {
      features(view, row, features, smart, smartAt);
      leads(view, row, leads);
      return LinearBase.this.predict(features, leads, index, x);
    }
  }

  /** @return the path's form: {@link LinearPath#AGE_LINEAR} or {@link LinearPath#PER_AGE} */
  public LinearPath path() {
    return basis.path();
  }

  /** @return {@code V}, the values and covariates among the features, and the smart-persistence regressor if any */
  public int valueFeatures() {
    return basis.valueFeatures();
  }

  /** @return the smart-persistence regressor, if the path takes one */
  public Optional<SmartPersistenceRegressor> smartPersistence() {
    return Optional.ofNullable(smart);
  }

  /** @return the number of coefficients */
  public int size() {
    return coefficients.length;
  }

  /** @return a copy of the coefficients, in the order of the path's form (see the factories) */
  public double[] coefficients() {
    return coefficients.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LinearBase b && b.leadTimes == leadTimes && b.basis.equals(basis)
        && Arrays.equals(b.coefficients, coefficients) && Objects.equals(b.smart, smart);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(coefficients) * 31 + basis.hashCode();
  }
}
