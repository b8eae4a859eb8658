package org.aoiforecast.forecasting.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.aoiforecast.core.TimeSeries;
import org.aoiforecast.core.dataset.AgeSet;
import org.aoiforecast.core.dataset.AgedDataset;
import org.aoiforecast.core.dataset.AgedDatasetSpec;
import org.aoiforecast.core.dataset.ChronologicalSplit;
import org.aoiforecast.core.dataset.Splits;
import org.aoiforecast.forecasting.AgeAwareForecaster;
import org.aoiforecast.forecasting.Strategies;
import org.junit.jupiter.api.Test;

/**
 * The network beside a linear path is kept only when it beats the path alone on the validation
 * part: on a linear target plus independent noise nothing is left to learn and the model is the
 * path; on a target with a strong non-linear part the network is kept.
 */
class PathAloneTest {
  private static Splits splits(boolean nonLinear) {
    int n = 6000;
    SplittableRandom r = new SplittableRandom(11);
    double[] x = new double[n];
    double[] y = new double[n];
    for (int t = 0; t < n; t++) {
      x[t] = r.nextGaussian();
    }
    for (int t = 1; t < n; t++) {
      double signal = nonLinear ? 2 * x[t - 1] * x[t - 1] : 2 * x[t - 1];
      y[t] = signal + r.nextGaussian();
    }
    TimeSeries s = TimeSeries.builder(Instant.parse("2021-01-01T00:00:00Z"), Duration.ofHours(1))
        .column("x", x).column("y", y).build();
    return AgedDataset.of(s, AgedDatasetSpec.builder().target("y").sources("x").ages(AgeSet.of(1, 2)).build())
        .split(ChronologicalSplit.defaults());
  }

  private static final NetworkConfig CONFIG = NetworkConfig.defaults().toBuilder().hidden(16, 16).maxEpochs(12)
      .patience(4).build();

  @Test
  void onALinearTargetTheModelIsThePathAlone() {
    Splits splits = splits(false);
    AgeAwareForecaster model = Strategies.pooledWithAge(CONFIG).fit(splits, p -> { });
    assertFalse(model.summary().networkKept(), "best epoch " + model.summary().bestEpoch());
    // the forecasts are the linear path's, unscaled: the network adds exactly 0
    AgedDataset test = splits.test();
    double[] f = model.predict(test);
    AgedDataset std = splits.standardized().test().withAgeInput();
    LinearBase base = model.linearBase().orElseThrow();
    var standardization = splits.standardized().train().standardization().orElseThrow();
    for (int row : new int[] {0, 7, test.size() - 1}) {
      assertEquals(standardization.unscale("y", base.over(std).predict(row)), f[row], 1e-9);
    }
  }

  @Test
  void aNonLinearTargetKeepsTheNetwork() {
    AgeAwareForecaster model = Strategies.pooledWithAge(CONFIG).fit(splits(true), p -> { });
    assertTrue(model.summary().networkKept(), "best epoch " + model.summary().bestEpoch());
  }
}
