package org.aoiforecast.forecasting;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.aoiforecast.core.TimeSeries;
import org.aoiforecast.core.dataset.AgeSet;
import org.aoiforecast.core.dataset.AgedDataset;
import org.aoiforecast.core.dataset.AgedDatasetSpec;
import org.aoiforecast.core.dataset.ChronologicalSplit;
import org.aoiforecast.core.dataset.Splits;
import org.aoiforecast.forecasting.baseline.Baselines;
import org.aoiforecast.forecasting.evaluation.EvaluationReport;
import org.aoiforecast.forecasting.nn.NetworkConfig;
import org.aoiforecast.forecasting.nn.TrainingListener;
import org.junit.jupiter.api.Test;

/**
 * On a Gaussian AR(1) + seasonal (period 24) series the optimal forecaster is linear and its MMSE
 * per age is known in closed form. The pooled network with age input must come within 10 % of
 * that optimum at every age tested and never be worse than the per-age linear baseline by more
 * than 5 %.
 */
class SyntheticOptimalityTest {
  @Test
  void pooledNetworkIsNearOptimalAtEveryAge() {
    SyntheticProcess process = new SyntheticProcess(0.6, 0.8);
    TimeSeries series = process.sample(40_000, 3);
    int window = 24;
    Splits splits = AgedDataset.of(series, AgedDatasetSpec.builder().target("x").sources("x").window(window)
        .ages(AgeSet.of(1, 6, 12, 23)).build()).split(ChronologicalSplit.defaults());
    // 4 ages: two ages' worth of rows per epoch is half the pooled rows (the default factor is
    // sized for dozens of ages)
    NetworkConfig config = NetworkConfig.defaults().toBuilder().pooledEpochFactor(2).build();
    EvaluationReport report = Evaluation.run(splits, List.of(Baselines.linear(), Strategies.pooledWithAge(config)),
        TrainingListener.NONE);
    double[] network = report.strategy(Strategies.POOLED_WITH_AGE).test().mse();
    double[] linear = report.strategy(Baselines.LINEAR).test().mse();
    int[] ages = report.ages();
    for (int i = 0; i < ages.length; i++) {
      double optimal = process.optimalMse(ages[i], window);
      System.out.printf("age %2d: optimal %.4f, linear %.4f, pooled-with-age %.4f (%.1f%% above optimal)%n", ages[i],
          optimal, linear[i], network[i], 100 * (network[i] / optimal - 1));
      assertTrue(network[i] <= 1.10 * optimal, "age " + ages[i] + ": " + network[i] + " vs optimal " + optimal);
      assertTrue(network[i] <= 1.05 * linear[i], "age " + ages[i] + ": " + network[i] + " vs linear " + linear[i]);
    }
  }
}
