package org.aoiforecast.forecasting.nn;

import java.util.Arrays;
import org.aoiforecast.core.dataset.AgedDataset;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.CholeskyDecomposition;
import org.apache.commons.math3.linear.NonPositiveDefiniteMatrixException;
import org.apache.commons.math3.linear.RealMatrix;

/**
 * The linear path beside a network's hidden layers: a ridge regression of the standardised target
 * on the sample, which the network's output is added to (the network learns the residual). A
 * linear model is what ordinary least squares fits best and fastest, in closed form; a network
 * trained by minibatches and stopped early gets there slowly. With the linear path the network
 * starts from the best linear forecast and only has to learn what is not linear.
 *
 * <p>Regressors, for a sample laid out by the feature encoder ({@code V} values and covariates,
 * then, with the age input, {@code S} sources × {@code w} encoded and standardised ages): an
 * intercept, the {@code V} values, and with the age input the mean over sources {@code ē} of the
 * {@code w} age columns and the {@code V·w} products {@code x_j · ē_e}: coefficients that vary
 * linearly with the encoded age, so that one model serves every age (including ages between the
 * trained ones). Without the age input the model is plain linear regression on the values.
 *
 * <p>Fitted on at most {@value #MAX_ROWS} rows (every k-th row of the view, deterministic), with a
 * ridge penalty of {@value #RIDGE} × rows on every coefficient but the intercept, which keeps the
 * normal equations positive definite when columns are collinear. Immutable.
 */
public final class LinearBase {
  /** Most training rows the normal equations are accumulated over. */
  public static final int MAX_ROWS = 100_000;
  /** Ridge penalty per row, on standardised regressors. */
  public static final double RIDGE = 1e-6;

  private final int valueFeatures;
  private final int sources;
  private final int ageWidth;
  private final double[] coefficients;

  private LinearBase(int valueFeatures, int sources, int ageWidth, double[] coefficients) {
    if (coefficients.length != regressors(valueFeatures, ageWidth)) {
      throw new IllegalArgumentException("a linear path over " + valueFeatures + " values and age width " + ageWidth
          + " has " + regressors(valueFeatures, ageWidth) + " coefficients, got " + coefficients.length);
    }
    for (double c : coefficients) {
      if (!Double.isFinite(c)) {
        throw new IllegalArgumentException("linear path coefficients must be finite, got " + c);
      }
    }
    this.valueFeatures = valueFeatures;
    this.sources = sources;
    this.ageWidth = ageWidth;
    this.coefficients = coefficients.clone();
  }

  /**
   * Restores a fitted path (e.g. from a model file).
   *
   * @param valueFeatures {@code V}, the leading features that are values and covariates
   * @param sources {@code S}, sources with an age input (0 without the age input)
   * @param ageWidth {@code w}, age inputs per source (0 without the age input)
   * @param coefficients intercept, {@code V} values, {@code w} ages, {@code V·w} products
   * @return the path
   */
  public static LinearBase of(int valueFeatures, int sources, int ageWidth, double[] coefficients) {
    return new LinearBase(valueFeatures, sources, ageWidth, coefficients);
  }

  /**
   * Fits the path on a standardised training view.
   *
   * @param train the standardised training data, with the age input as the network sees it
   * @return the fitted path
   */
  public static LinearBase fit(AgedDataset train) {
    int v = train.spec().valueColumnCount() * train.spec().window() + train.spec().covariates().size();
    boolean ages = train.spec().hasAgeInput();
    int s = ages ? train.spec().sources().size() : 0;
    int w = ages ? train.spec().ageEncoding().width() : 0;
    int p = regressors(v, w);
    int stride = Math.max(1, (int) Math.ceil(train.size() / (double) MAX_ROWS));
    double[][] xtx = new double[p][p];
    double[] xty = new double[p];
    double[] features = new double[train.featureCount()];
    double[] x = new double[p];
    int rows = 0;
    for (int r = 0; r < train.size(); r += stride) {
      train.features(r, features, 0);
      regressors(features, v, s, w, x);
      double y = train.targetValue(r);
      for (int i = 0; i < p; i++) {
        double xi = x[i];
        if (xi == 0) {
          continue;
        }
        xty[i] += xi * y;
        double[] row = xtx[i];
        for (int j = i; j < p; j++) {
          row[j] += xi * x[j];
        }
      }
      rows++;
    }
    for (int i = 0; i < p; i++) {
      for (int j = 0; j < i; j++) {
        xtx[i][j] = xtx[j][i];
      }
      if (i > 0) {
        xtx[i][i] += RIDGE * rows;
      }
    }
    double[] beta;
    try {
      RealMatrix a = new Array2DRowRealMatrix(xtx, false);
      beta = new CholeskyDecomposition(a, 1e-12, 1e-14).getSolver().solve(new ArrayRealVector(xty, false))
          .toArray();
    } catch (NonPositiveDefiniteMatrixException e) {
      throw new IllegalArgumentException("the linear path cannot be fitted: the inputs are degenerate ("
          + e.getMessage() + ")", e);
    }
    return new LinearBase(v, s, w, beta);
  }

  private static int regressors(int v, int w) {
    return 1 + v + w + v * w;
  }

  /** Writes the regressors of one sample: intercept, values, mean encoded age, products. */
  private static void regressors(double[] f, int v, int s, int w, double[] x) {
    x[0] = 1;
    System.arraycopy(f, 0, x, 1, v);
    if (w == 0) {
      return;
    }
    int p = 1 + v;
    for (int e = 0; e < w; e++) {
      double sum = 0;
      for (int src = 0; src < s; src++) {
        sum += f[v + src * w + e];
      }
      x[p + e] = sum / s;
    }
    int q = p + w;
    for (int j = 0; j < v; j++) {
      for (int e = 0; e < w; e++) {
        x[q++] = f[j] * x[p + e];
      }
    }
  }

  /**
   * @param features one standardised sample as the feature encoder lays it out
   * @return the path's forecast, standardised target units
   */
  public double predict(double[] features) {
    double[] x = new double[coefficients.length];
    regressors(features, valueFeatures, sources, ageWidth, x);
    double z = 0;
    for (int i = 0; i < x.length; i++) {
      z += coefficients[i] * x[i];
    }
    return z;
  }

  /**
   * @param data a standardised view laid out like the training data
   * @param rows rows of the view
   * @return the path's forecast of each row, standardised target units
   */
  public double[] predict(AgedDataset data, int[] rows) {
    double[] features = new double[data.featureCount()];
    double[] x = new double[coefficients.length];
    double[] out = new double[rows.length];
    for (int i = 0; i < rows.length; i++) {
      data.features(rows[i], features, 0);
      regressors(features, valueFeatures, sources, ageWidth, x);
      double z = 0;
      for (int k = 0; k < x.length; k++) {
        z += coefficients[k] * x[k];
      }
      out[i] = z;
    }
    return out;
  }

  /** @return {@code V}, the values and covariates among the features */
  public int valueFeatures() {
    return valueFeatures;
  }

  /** @return {@code S}, the sources with an age input (0 without the age input) */
  public int sources() {
    return sources;
  }

  /** @return {@code w}, the age inputs per source (0 without the age input) */
  public int ageWidth() {
    return ageWidth;
  }

  /** @return a copy of the coefficients: intercept, values, ages, products */
  public double[] coefficients() {
    return coefficients.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof LinearBase b && b.valueFeatures == valueFeatures && b.sources == sources
        && b.ageWidth == ageWidth && Arrays.equals(b.coefficients, coefficients);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(coefficients) * 31 + valueFeatures;
  }
}
