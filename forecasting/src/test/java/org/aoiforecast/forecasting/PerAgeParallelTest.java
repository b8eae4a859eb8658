package org.aoiforecast.forecasting;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.aoiforecast.core.TimeSeries;
import org.aoiforecast.core.dataset.AgeSet;
import org.aoiforecast.core.dataset.AgedDataset;
import org.aoiforecast.core.dataset.AgedDatasetSpec;
import org.aoiforecast.core.dataset.ChronologicalSplit;
import org.aoiforecast.core.dataset.Splits;
import org.aoiforecast.forecasting.nn.LinearPath;
import org.aoiforecast.forecasting.nn.NetworkConfig;
import org.aoiforecast.forecasting.nn.TrainingListener;
import org.junit.jupiter.api.Test;

/** Per-age networks trained side by side give the networks trained one after another. */
class PerAgeParallelTest {
  private static final NetworkConfig FAST = NetworkConfig.builder().hidden(8).maxEpochs(4).patience(2).build();

  private static Splits splits() {
    TimeSeries s = new SyntheticProcess(0.8, 0).sample(2000, 4);
    return AgedDataset.of(s, AgedDatasetSpec.builder().target("x").sources("x").window(3).ages(AgeSet.of(1, 2, 4, 6))
        .build()).split(ChronologicalSplit.defaults());
  }

  @Test
  void theResultDoesNotDependOnTheThreadCount() {
    Splits splits = splits();
    List<TrainingListener.EpochProgress> seen = new ArrayList<>();
    PerAgeForecaster one = Strategies.perAge(FAST, 1).fit(splits, TrainingListener.NONE);
    PerAgeForecaster two = Strategies.perAge(FAST, 2).fit(splits, p -> seen.add(p)); // not thread-safe on purpose
    assertArrayEquals(one.predict(splits.test()), two.predict(splits.test()), 0.0);
    assertEquals(4, two.networkCount());
    assertTrue(seen.size() >= 4, "every network reports its epochs: " + seen.size());
    assertThrows(IllegalArgumentException.class, () -> Strategies.perAge(FAST, 0));
  }

  @Test
  void theLinearPathMakesPerAgeNetworksNoWorseThanLinearRegressionOnTraining() {
    Splits splits = splits();
    PerAgeForecaster withPath = Strategies.perAge(FAST.toBuilder().maxEpochs(1).build(), 2)
        .fit(splits, TrainingListener.NONE);
    PerAgeForecaster without = Strategies.perAge(FAST.toBuilder().maxEpochs(1).linearPath(LinearPath.NONE).build(), 2)
        .fit(splits, TrainingListener.NONE);
    double a = org.aoiforecast.forecasting.evaluation.AgeMetrics.of(splits.test(), withPath.predict(splits.test()))
        .meanMse();
    double b = org.aoiforecast.forecasting.evaluation.AgeMetrics.of(splits.test(), without.predict(splits.test()))
        .meanMse();
    // one epoch is far from converged: the path starts the networks from the best linear forecast
    assertTrue(a < b, "with the linear path " + a + ", without " + b);
  }
}
