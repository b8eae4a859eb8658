package org.aoiforecast.forecasting.evaluation;

import java.util.Arrays;
import org.aoiforecast.core.dataset.AgedDataset;

/**
 * Forecast errors per age of a pooled data set, in the target's units: mean squared error, mean
 * absolute error and root mean squared error, with the number of samples behind each.
 *
 * <p>Samples are grouped by their reporting age ({@link
 * org.aoiforecast.core.dataset.AgedDatasetSpec#reportingAge}): for a data set pooled over an age
 * set shared by all sources, one group per age; for per-source age vectors, the age of the
 * target's own source, so that a table over ages reads the same way in both cases (each group
 * then pools every vector with that target age). Groups are in increasing age; accessors return
 * copies.
 */
public final class AgeMetrics {
  private final int[] ages;
  private final int[] count;
  private final double[] mse;
  private final double[] mae;

  /**
   * The checks every score of this package makes first: one forecast per sample, on the raw data
   * set (scores are in the target's units).
   *
   * @param data the data set the forecasts are for
   * @param forecasts how many forecasts there are
   * @param what what the caller does, for the message ("measure errors", "score forecasts")
   * @throws IllegalArgumentException when the counts differ or the data set is standardised
   */
  static void requireRawForecasts(AgedDataset data, int forecasts, String what) {
    if (forecasts != data.size()) {
      throw new IllegalArgumentException(forecasts + " forecasts for " + data.size() + " samples");
    }
    if (data.standardization().isPresent()) {
      throw new IllegalArgumentException(what + " on the raw data set, in the target's units");
    }
  }

  private AgeMetrics(int[] ages, int[] count, double[] mse, double[] mae) {
    this.ages = ages;
    this.count = count;
    this.mse = mse;
    this.mae = mae;
  }

  /**
   * @param data the raw data set the forecasts are for
   * @param forecasts one forecast per sample, target units
   * @return the errors per reporting age
   */
  public static AgeMetrics of(AgedDataset data, double[] forecasts) {
    requireRawForecasts(data, forecasts.length, "measure errors");
    ReportingAges groups = ReportingAges.of(data);
    int k = groups.size();
    int[] count = new int[k];
    double[] mse = new double[k];
    double[] mae = new double[k];
    for (int v = 0; v < data.ageVectorCount(); v++) {
      int g = groups.groupOf(v);
      int from = data.firstRowOf(v);
      int n = data.countOf(v);
      for (int r = from; r < from + n; r++) {
        double e = forecasts[r] - data.targetValue(r);
        if (!Double.isFinite(e)) {
          throw new IllegalArgumentException("forecast for sample " + r + " is " + forecasts[r]);
        }
        mse[g] += e * e;
        mae[g] += Math.abs(e);
      }
      count[g] += n;
    }
    for (int g = 0; g < k; g++) {
      mse[g] /= count[g];
      mae[g] /= count[g];
    }
    return new AgeMetrics(groups.ages(), count, mse, mae);
  }

  /** @return the number of ages reported */
  public int size() {
    return mse.length;
  }

  /**
   * @return the reporting ages, increasing, in steps: the shared age of each vector, or the age of
   *     the target's source for per-source age vectors
   */
  public int[] ages() {
    return ages.clone();
  }

  /** @return samples per age */
  public int[] counts() {
    return count.clone();
  }

  /** @return mean squared error per age */
  public double[] mse() {
    return mse.clone();
  }

  /** @return mean absolute error per age */
  public double[] mae() {
    return mae.clone();
  }

  /** @return root mean squared error per age */
  public double[] rmse() {
    return Arrays.stream(mse).map(Math::sqrt).toArray();
  }

  /** @return the MSE averaged over the reported ages (each age weighted equally) */
  public double meanMse() {
    return Arrays.stream(mse).average().orElse(Double.NaN);
  }
}
