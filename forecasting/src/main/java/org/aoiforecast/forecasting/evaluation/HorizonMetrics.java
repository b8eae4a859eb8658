package org.aoiforecast.forecasting.evaluation;

import java.util.Arrays;
import org.aoiforecast.core.dataset.AgedDataset;

/**
 * Forecast errors per (age, horizon) cell of a data set pooled over ages and horizons, in the
 * target's units: mean squared and mean absolute error with the number of samples behind each.
 * Ages are reporting ages ({@link org.aoiforecast.core.dataset.AgedDatasetSpec#reportingAge}),
 * grouped as {@link AgeMetrics} groups them; horizons are in steps. Grids are indexed {@code
 * [age][horizon]}, both increasing; accessors return copies.
 *
 * <p>{@link AgeMetrics} stays the measure of single-horizon data sets; this one adds the horizon
 * axis when a spec pools several horizons.
 */
public final class HorizonMetrics {
  private final int[] ages;
  private final int[] horizons;
  private final int[][] count;
  private final double[][] mse;
  private final double[][] mae;

  private HorizonMetrics(int[] ages, int[] horizons, int[][] count, double[][] mse, double[][] mae) {
    this.ages = ages;
    this.horizons = horizons;
    this.count = count;
    this.mse = mse;
    this.mae = mae;
  }

  /**
   * @param data the raw data set the forecasts are for
   * @param forecasts one forecast per sample, target units
   * @return the errors per (reporting age, horizon)
   * @throws IllegalArgumentException when the counts differ, the data set is standardised or a
   *     forecast is not finite
   */
  public static HorizonMetrics of(AgedDataset data, double[] forecasts) {
    AgeMetrics.requireRawForecasts(data, forecasts.length, "measure errors");
    int nh = data.horizonCount();
    ReportingAges groups = ReportingAges.of(data);
    int na = groups.size();
    int[][] count = new int[na][nh];
    double[][] mse = new double[na][nh];
    double[][] mae = new double[na][nh];
    for (int c = 0; c < data.cellCount(); c++) {
      int i = groups.groupOf(c / nh);
      int j = c % nh;
      int from = data.firstRowOfCell(c);
      int n = data.countOfCell(c);
      for (int r = from; r < from + n; r++) {
        double e = forecasts[r] - data.targetValue(r);
        if (!Double.isFinite(e)) {
          throw new IllegalArgumentException("forecast for sample " + r + " is " + forecasts[r]);
        }
        mse[i][j] += e * e;
        mae[i][j] += Math.abs(e);
      }
      count[i][j] += n;
    }
    for (int i = 0; i < na; i++) {
      for (int j = 0; j < nh; j++) {
        mse[i][j] /= count[i][j];
        mae[i][j] /= count[i][j];
      }
    }
    int[] horizons = new int[nh];
    for (int j = 0; j < nh; j++) {
      horizons[j] = data.horizon(j);
    }
    return new HorizonMetrics(groups.ages(), horizons, count, mse, mae);
  }

  /** @return the reporting ages, steps, increasing */
  public int[] ages() {
    return ages.clone();
  }

  /** @return the horizons, steps, increasing */
  public int[] horizons() {
    return horizons.clone();
  }

  /** @return samples per cell, {@code [age][horizon]} */
  public int[][] counts() {
    return copy(count);
  }

  /** @return mean squared error per cell, target units squared */
  public double[][] mse() {
    return copy(mse);
  }

  /** @return mean absolute error per cell, target units */
  public double[][] mae() {
    return copy(mae);
  }

  /** @return root mean squared error per cell, target units */
  public double[][] rmse() {
    double[][] out = copy(mse);
    for (double[] row : out) {
      for (int j = 0; j < row.length; j++) {
        row[j] = Math.sqrt(row[j]);
      }
    }
    return out;
  }

  /**
   * @param j horizon index
   * @return the MSE over all samples of that horizon (every age), target units squared
   */
  public double mseOfHorizon(int j) {
    double sum = 0;
    long n = 0;
    for (int i = 0; i < ages.length; i++) {
      sum += mse[i][j] * count[i][j];
      n += count[i][j];
    }
    return sum / n;
  }

  /** @return the MSE over all samples, target units squared */
  public double meanMse() {
    double sum = 0;
    long n = 0;
    for (int i = 0; i < ages.length; i++) {
      for (int j = 0; j < horizons.length; j++) {
        sum += mse[i][j] * count[i][j];
        n += count[i][j];
      }
    }
    return sum / n;
  }

  private static int[][] copy(int[][] a) {
    int[][] out = new int[a.length][];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i].clone();
    }
    return out;
  }

  private static double[][] copy(double[][] a) {
    double[][] out = new double[a.length][];
    for (int i = 0; i < a.length; i++) {
      out[i] = a[i].clone();
    }
    return out;
  }

  @Override
  public String toString() {
    return "HorizonMetrics[ages " + Arrays.toString(ages) + ", horizons " + Arrays.toString(horizons) + ", mse "
        + Arrays.deepToString(mse) + "]";
  }
}
