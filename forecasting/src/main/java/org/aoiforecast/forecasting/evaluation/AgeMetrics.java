package org.aoiforecast.forecasting.evaluation;

import java.util.Arrays;
import org.aoiforecast.core.dataset.AgedDataset;

/**
 * Forecast errors per age vector of a pooled data set, in the target's units: mean squared error,
 * mean absolute error and root mean squared error, with the number of samples behind each.
 * Arrays are parallel to the data set's age vectors; accessors return copies.
 */
public final class AgeMetrics {
  private final int[][] ageVectors;
  private final int[] count;
  private final double[] mse;
  private final double[] mae;

  private AgeMetrics(int[][] ageVectors, int[] count, double[] mse, double[] mae) {
    this.ageVectors = ageVectors;
    this.count = count;
    this.mse = mse;
    this.mae = mae;
  }

  /**
   * @param data the raw data set the forecasts are for
   * @param forecasts one forecast per sample, target units
   * @return the errors per age vector
   */
  public static AgeMetrics of(AgedDataset data, double[] forecasts) {
    if (forecasts.length != data.size()) {
      throw new IllegalArgumentException(forecasts.length + " forecasts for " + data.size() + " samples");
    }
    if (data.standardization().isPresent()) {
      throw new IllegalArgumentException("measure errors on the raw data set, in the target's units");
    }
    int k = data.ageVectorCount();
    int[][] vectors = new int[k][];
    int[] count = new int[k];
    double[] mse = new double[k];
    double[] mae = new double[k];
    for (int v = 0; v < k; v++) {
      vectors[v] = data.ageVector(v);
      int from = data.firstRowOf(v);
      int n = data.countOf(v);
      double se = 0;
      double ae = 0;
      for (int r = from; r < from + n; r++) {
        double e = forecasts[r] - data.targetValue(r);
        if (!Double.isFinite(e)) {
          throw new IllegalArgumentException("forecast for sample " + r + " is " + forecasts[r]);
        }
        se += e * e;
        ae += Math.abs(e);
      }
      count[v] = n;
      mse[v] = se / n;
      mae[v] = ae / n;
    }
    return new AgeMetrics(vectors, count, mse, mae);
  }

  /** @return the number of age vectors */
  public int size() {
    return mse.length;
  }

  /**
   * The ages, when every vector gives all sources the same age (pooled over an age set).
   *
   * @return one age per vector, in steps
   * @throws IllegalStateException when sources have different ages within a vector
   */
  public int[] ages() {
    int[] out = new int[ageVectors.length];
    for (int v = 0; v < out.length; v++) {
      int[] a = ageVectors[v];
      for (int x : a) {
        if (x != a[0]) {
          throw new IllegalStateException("age vector " + Arrays.toString(a) + " has different ages per source");
        }
      }
      out[v] = a[0];
    }
    return out;
  }

  /**
   * @param v vector index
   * @return that age vector
   */
  public int[] ageVector(int v) {
    return ageVectors[v].clone();
  }

  /** @return samples per age vector */
  public int[] counts() {
    return count.clone();
  }

  /** @return mean squared error per age vector */
  public double[] mse() {
    return mse.clone();
  }

  /** @return mean absolute error per age vector */
  public double[] mae() {
    return mae.clone();
  }

  /** @return root mean squared error per age vector */
  public double[] rmse() {
    return Arrays.stream(mse).map(Math::sqrt).toArray();
  }

  /** @return the MSE averaged over age vectors (each age weighted equally) */
  public double meanMse() {
    return Arrays.stream(mse).average().orElse(Double.NaN);
  }
}
