package org.aoiforecast.forecasting.nn;

/**
 * The linear path's regressors with coefficients linear in the encoded age ({@link
 * LinearPath#AGE_LINEAR}): an intercept, the {@code V} values and covariates, the mean over
 * sources {@code ē} of the {@code w} encoded age inputs, and the {@code V·w} products {@code x_j ·
 * ē_e}. The ages are read from the feature vector (the network's age inputs, standardised), so the
 * lead times are not used. Without the age input it is plain linear regression on the values.
 */
record AgeLinearBasis(int valueFeatures, int sources, int ageWidth) implements PathBasis {
  /** Most training rows the normal equations are accumulated over: every regressor is dense. */
  static final int MAX_ROWS = 100_000;

  @Override
  public LinearPath path() {
    return LinearPath.AGE_LINEAR;
  }

  @Override
  public int size() {
    return 1 + valueFeatures + ageWidth + valueFeatures * ageWidth;
  }

  @Override
  public int maxNonZero() {
    return size();
  }

  @Override
  public int maxRows() {
    return MAX_ROWS;
  }

  @Override
  public boolean isIntercept(int index) {
    return index == 0;
  }

  @Override
  public int regressors(double[] f, double[] leads, int[] index, double[] x) {
    int v = valueFeatures;
    int w = ageWidth;
    x[0] = 1;
    System.arraycopy(f, 0, x, 1, v);
    if (w > 0) {
      int p = 1 + v;
      for (int e = 0; e < w; e++) {
        double sum = 0;
        for (int src = 0; src < sources; src++) {
          sum += f[v + src * w + e];
        }
        x[p + e] = sum / sources;
      }
      int q = p + w;
      for (int j = 0; j < v; j++) {
        for (int e = 0; e < w; e++) {
          x[q++] = f[j] * x[p + e];
        }
      }
    }
    int n = size();
    for (int i = 0; i < n; i++) {
      index[i] = i;
    }
    return n;
  }
}
