package org.aoiforecast.forecasting;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.aoiforecast.core.TimeSeries;
import org.aoiforecast.core.dataset.AgeSet;
import org.aoiforecast.core.dataset.AgedDataset;
import org.aoiforecast.core.dataset.AgedDatasetSpec;
import org.aoiforecast.core.dataset.BacktestFold;
import org.aoiforecast.core.dataset.RollingOrigin;
import org.aoiforecast.core.dataset.Standardization;
import org.aoiforecast.forecasting.baseline.Baselines;
import org.aoiforecast.forecasting.evaluation.AgeBand;
import org.aoiforecast.forecasting.evaluation.BacktestReport;
import org.aoiforecast.forecasting.evaluation.FoldResult;
import org.aoiforecast.forecasting.evaluation.MeanSpread;
import org.aoiforecast.forecasting.evaluation.StrategySummary;
import org.aoiforecast.forecasting.nn.NetworkConfig;
import org.aoiforecast.forecasting.nn.TrainingListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Rolling-origin backtests: per-fold results, summaries over folds, per-fold standardisation, JSON. */
class BacktestTest {
  private static final NetworkConfig FAST = NetworkConfig.builder().hidden(8).maxEpochs(3).patience(2).build();
  private static AgedDataset data;
  private static BacktestReport report;
  private static final List<AgeAwareForecaster> pooled = new ArrayList<>();
  private static final List<BacktestFold> seen = new ArrayList<>();

  @BeforeAll
  static void backtest() {
    TimeSeries s = new SyntheticProcess(0.8, 0.5).sample(3000, 1);
    data = AgedDataset.of(s, AgedDatasetSpec.builder().target("x").sources("x").window(3).ages(AgeSet.range(1, 8))
        .build());
    report = Backtest.of(RollingOrigin.of(3)).run(data, List.of(Baselines.persistence(), Baselines.linear(),
        Strategies.pooledWithAge(FAST)), TrainingListener.NONE, (fold, runs) -> {
          seen.add(fold);
          pooled.add((AgeAwareForecaster) runs.get(2).forecaster());
        });
  }

  @Test
  void everyFoldIsTheEvaluationOfItsOwnSplits() {
    List<BacktestFold> folds = RollingOrigin.of(3).folds(data);
    assertEquals(3, report.folds().size());
    assertEquals(List.of("persistence", "linear", "pooled-with-age"), report.strategyNames());
    assertTrue(report.coverage("linear").isEmpty(), "a point forecaster has no interval");
    for (int k = 0; k < 3; k++) {
      FoldResult f = report.folds().get(k);
      assertEquals(folds.get(k).layout(), f.layout());
      assertEquals(seen.get(k).layout(), f.layout());
      for (var strategy : List.of(Baselines.persistence(), Baselines.linear())) {
        assertArrayEquals(Evaluation.run(folds.get(k).splits(), strategy, TrainingListener.NONE).result().test().mse(),
            f.evaluation().strategy(strategy.name()).test().mse(), 1e-12, strategy.name() + " fold " + (k + 1));
      }
      // every fold tests on its own block: as many test samples per age as the block allows
      int rows = f.layout().testRows() - (3 + 8 - 1);
      assertEquals(rows, f.evaluation().strategy("linear").test().counts()[0]);
    }
    // the folds differ: three origins, three different test MSEs
    assertEquals(3, report.folds().stream().map(f -> f.evaluation().strategy("linear").test().meanMse()).distinct()
        .count());
    assertEquals(report.folds().get(2).evaluation(), report.last());
  }

  @Test
  void summariesAreTheMeanAndSampleStandardDeviationOverFolds() {
    MeanSpread m = MeanSpread.of(new double[] {1, 2, 3, 4});
    assertEquals(2.5, m.mean(), 1e-15);
    assertEquals(Math.sqrt(5.0 / 3), m.spread(), 1e-15);
    // ages 1-8: the band 25-48 holds none of them and is dropped
    assertEquals(List.of(new AgeBand(1, 6), new AgeBand(7, 24)), report.bands());
    for (String name : report.strategyNames()) {
      StrategySummary s = report.summary(name);
      double[] means = report.folds().stream().mapToDouble(f -> f.evaluation().strategy(name).test().meanMse())
          .toArray();
      double mean = (means[0] + means[1] + means[2]) / 3;
      double sd = Math.sqrt((Math.pow(means[0] - mean, 2) + Math.pow(means[1] - mean, 2)
          + Math.pow(means[2] - mean, 2)) / 2);
      assertEquals(mean, s.meanMse().mean(), 1e-12);
      assertEquals(sd, s.meanMse().spread(), 1e-12);
      for (int i = 0; i < 8; i++) {
        int age = i;
        double[] v = report.folds().stream().mapToDouble(f -> f.evaluation().strategy(name).test().mse()[age])
            .toArray();
        assertEquals(MeanSpread.of(v), s.ageMse().get(i));
      }
      // band 7-24 is the mean of ages 7 and 8 in each fold, then averaged over folds
      double band = report.folds().stream().mapToDouble(f -> {
        double[] mse = f.evaluation().strategy(name).test().mse();
        return (mse[6] + mse[7]) / 2;
      }).average().orElseThrow();
      assertEquals(band, s.bandMse().get(1).mean(), 1e-12);
      assertTrue(s.skill().isEmpty(), "no smart persistence, no skill");
    }
  }

  @Test
  void eachFoldsNetworkIsStandardisedOnThatFoldsTrainingPartAlone() {
    assertEquals(3, pooled.size());
    for (int k = 0; k < 3; k++) {
      Standardization own = Standardization.fit(seen.get(k).splits().train());
      assertArrayEquals(own.means(), pooled.get(k).standardization().means(), 0);
      assertArrayEquals(own.scales(), pooled.get(k).standardization().scales(), 0);
      // trained on rows before its test block only
      assertEquals(seen.get(k).layout().trainTo() - seen.get(k).layout().trainFrom(),
          seen.get(k).splits().train().segmentEnd());
    }
    assertFalse(Arrays.equals(pooled.get(0).standardization().means(), pooled.get(2).standardization().means()),
        "refitted on each fold's growing training part");
  }

  @Test
  void theJsonHoldsEveryFoldAndTheSummaries() {
    JsonNode json = report.toJson();
    assertEquals(3, json.get("folds").asInt());
    assertEquals(BacktestReport.SPREAD, json.get("spread").asText());
    assertEquals(3 + 8 + 0, json.get("gap").asInt());
    assertEquals(2, json.get("bands").size());
    assertEquals(3, json.get("layout").size());
    JsonNode first = json.get("layout").get(0);
    assertEquals(report.folds().get(0).layout().testFrom(), first.get("test_rows").get(0).asInt());
    assertEquals(report.time(report.folds().get(0).layout().testFrom()).toString(), first.get("test_start").asText());
    JsonNode linear = json.get("strategies").get(1);
    assertEquals("linear", linear.get("name").asText());
    assertEquals(report.summary("linear").meanMse().mean(), linear.get("mean_test_mse").get("mean").asDouble(), 0);
    assertEquals(8, linear.get("test_mse").get("mean").size());
    assertEquals(8, linear.get("test_mse").get("spread").size());
    assertEquals(2, linear.get("band_test_mse").get("mean").size());
    assertTrue(linear.get("mean_skill").isNull());
    assertEquals(3, linear.get("folds").size());
    assertEquals(report.folds().get(1).evaluation().strategy("linear").test().meanMse(),
        linear.get("folds").get(1).get("mean_test_mse").asDouble(), 0);
    assertEquals(3 * 3 * 8, report.toTable().rowCount());
  }

  @Test
  void oneFoldHasNoSpreadAndTooManyFoldsSayHowManyFit() {
    BacktestReport one = Backtest.of(RollingOrigin.of(1)).run(data, List.of(Baselines.persistence()),
        TrainingListener.NONE);
    assertEquals(1, one.folds().size());
    assertTrue(Double.isNaN(one.summary("persistence").meanMse().spread()));
    JsonNode json = one.toJson().get("strategies").get(0);
    assertTrue(json.get("mean_test_mse").get("spread").isNull());
    assertTrue(json.get("test_mse").get("spread").get(0).isNull());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Backtest.of(RollingOrigin.of(6))
        .run(AgedDataset.of(data.series().slice(0, 400), data.spec()), List.of(Baselines.persistence()),
            TrainingListener.NONE));
    assertTrue(e.getMessage().contains("does not fit 400 rows") && e.getMessage().contains("At most"), e.getMessage());
  }
}
