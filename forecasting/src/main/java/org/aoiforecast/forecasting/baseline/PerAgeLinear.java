package org.aoiforecast.forecasting.baseline;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.aoiforecast.core.dataset.AgedDataset;
import org.aoiforecast.core.dataset.Splits;
import org.aoiforecast.core.dataset.Standardization;
import org.aoiforecast.forecasting.Forecaster;
import org.aoiforecast.forecasting.TrainingStrategy;
import org.aoiforecast.forecasting.nn.TrainingListener;
import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;

/**
 * Per-age linear regression: for each age vector, ordinary least squares (Commons Math, QR) of
 * the standardised target on the standardised features of that age (the networks' inputs,
 * without the age), with an intercept. Columns constant on the training part are left out.
 */
final class PerAgeLinear implements TrainingStrategy<Forecaster> {
  @Override
  public String name() {
    return Baselines.LINEAR;
  }

  @Override
  public Forecaster fit(Splits splits, TrainingListener listener) {
    Splits std = splits.standardized();
    Standardization st = std.train().standardization().orElseThrow();
    AgedDataset train = std.train().withoutAgeInput();
    Map<List<Integer>, double[]> coefficients = new HashMap<>();
    Map<List<Integer>, int[]> columns = new HashMap<>();
    // one regression per (age vector, horizon) cell: with one horizon, per age vector
    for (int c = 0; c < train.cellCount(); c++) {
      int k = c / train.horizonCount();
      int h = train.horizon(c % train.horizonCount());
      AgedDataset t = train.forCell(k, c % train.horizonCount());
      double[][] x = t.featureMatrix();
      int[] keep = varying(x);
      double[][] xs = new double[x.length][keep.length];
      for (int i = 0; i < x.length; i++) {
        for (int j = 0; j < keep.length; j++) {
          xs[i][j] = x[i][keep[j]];
        }
      }
      OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
      ols.newSampleData(t.targetValues(), xs);
      try {
        List<Integer> key = key(train.ageVector(k), h);
        coefficients.put(key, ols.estimateRegressionParameters());
        columns.put(key, keep);
      } catch (SingularMatrixException e) {
        throw new IllegalArgumentException("linear baseline: the features of ages "
            + Arrays.toString(train.ageVector(k)) + " at horizon " + h
            + " are linearly dependent; remove redundant sources or covariates", e);
      }
    }
    String target = train.spec().target();
    return new Forecaster() {
      @Override
      public String name() {
        return Baselines.LINEAR;
      }

      @Override
      public double[] predict(AgedDataset data) {
        AgedDataset view = data.withoutAgeInput().standardize(st);
        double[] out = new double[view.size()];
        double[] f = new double[view.featureCount()];
        for (int c = 0; c < view.cellCount(); c++) {
          int k = c / view.horizonCount();
          int h = view.horizon(c % view.horizonCount());
          double[] beta = coefficients.get(key(view.ageVector(k), h));
          if (beta == null) {
            throw new IllegalArgumentException("the linear baseline was not fitted for ages "
                + Arrays.toString(view.ageVector(k)) + " at horizon " + h);
          }
          int[] keep = columns.get(key(view.ageVector(k), h));
          for (int r = view.firstRowOfCell(c); r < view.firstRowOfCell(c) + view.countOfCell(c); r++) {
            view.features(r, f, 0);
            double z = beta[0];
            for (int j = 0; j < keep.length; j++) {
              z += beta[j + 1] * f[keep[j]];
            }
            out[r] = st.unscale(target, z);
          }
        }
        return out;
      }
    };
  }

  /** The ages of a cell followed by its horizon. */
  private static List<Integer> key(int[] v, int horizon) {
    List<Integer> out = new ArrayList<>();
    for (int a : v) {
      out.add(a);
    }
    out.add(horizon);
    return out;
  }

  private static int[] varying(double[][] x) {
    List<Integer> keep = new ArrayList<>();
    for (int c = 0; c < x[0].length; c++) {
      double first = x[0][c];
      for (double[] row : x) {
        if (row[c] != first) {
          keep.add(c);
          break;
        }
      }
    }
    return keep.stream().mapToInt(Integer::intValue).toArray();
  }
}
