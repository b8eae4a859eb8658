package org.aoiforecast.forecasting;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import org.aoiforecast.core.TimeSeries;
import org.aoiforecast.core.dataset.AgeSet;
import org.aoiforecast.core.dataset.AgedDataset;
import org.aoiforecast.core.dataset.AgedDatasetSpec;
import org.aoiforecast.core.dataset.ChronologicalSplit;
import org.aoiforecast.core.dataset.KnownCovariates;
import org.aoiforecast.core.dataset.Splits;
import org.aoiforecast.forecasting.baseline.Baselines;
import org.aoiforecast.forecasting.evaluation.GaussianForecasts;
import org.aoiforecast.forecasting.evaluation.HorizonMetrics;
import org.aoiforecast.forecasting.evaluation.HorizonReport;
import org.aoiforecast.forecasting.nn.IntervalCalibration;
import org.aoiforecast.forecasting.nn.NetworkConfig;
import org.aoiforecast.forecasting.nn.OutputHead;
import org.aoiforecast.forecasting.nn.TrainingListener;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One network pooled over ages and horizons: persistence, live vectors, evaluation per cell. */
class HorizonForecastTest {
  private static final NetworkConfig FAST = NetworkConfig.builder().hidden(16).maxEpochs(4).patience(2).build();
  private static Splits splits;
  private static AgeAwareForecaster model;

  @TempDir
  Path dir;

  @BeforeAll
  static void train() {
    TimeSeries s = new SyntheticProcess(0.8, 0).sample(2000, 1);
    splits = AgedDataset.of(s, AgedDatasetSpec.builder().target("x").sources("x").window(3)
        .ages(AgeSet.of(1, 3)).horizons(AgeSet.of(0, 2, 4)).covariates(KnownCovariates.hourOfDay(ZoneOffset.UTC))
        .build()).split(ChronologicalSplit.defaults());
    model = Strategies.pooledWithAge(FAST).fit(splits, TrainingListener.NONE);
  }

  @Test
  void saveLoadKeepsTheHorizonsAndThePredictions() {
    Path file = dir.resolve("h.aoi");
    model.save(file);
    AgeAwareForecaster back = AgeAwareForecaster.load(file);
    assertArrayEquals(new int[] {0, 2, 4}, back.layout().horizons());
    assertEquals(model.layout(), back.layout());
    assertTrue(back.layout().featureNames().contains("lead:x"), back.layout().featureNames().toString());
    assertArrayEquals(model.predict(splits.test()), back.predict(splits.test()), 0.0);
  }

  @Test
  void aGaussianHeadIsCalibratedPerAgeAndHorizon() {
    AgeAwareForecaster g = Strategies.pooledWithAge(FAST.toBuilder().head(OutputHead.GAUSSIAN).build())
        .fit(splits, TrainingListener.NONE);
    IntervalCalibration c = g.calibration();
    assertArrayEquals(new int[] {0, 2, 4}, c.horizons());
    assertEquals(2 * 3, c.factors().length, "one factor per (age, horizon) cell");
    // fitted per cell: on the validation part every cell's central 80 % interval covers 80 % of it
    AgedDataset validation = splits.validationPart().orElseThrow();
    GaussianForecasts v = g.predictDistribution(validation);
    for (int cell = 0; cell < validation.cellCount(); cell++) {
      int from = validation.firstRowOfCell(cell);
      int n = validation.countOfCell(cell);
      int inside = 0;
      for (int r = from; r < from + n; r++) {
        inside += Math.abs(validation.targetValue(r) - v.mean(r)) <= 1.2815515655446004 * v.sd(r) ? 1 : 0;
      }
      assertEquals(0.8, (double) inside / n, 2.0 / n, "cell " + cell);
    }
    // live: each horizon's distribution is the data set's at the same anchor, with that cell's factor
    AgedDataset test = splits.test();
    GaussianForecasts t = g.predictDistribution(test);
    TimeSeries s = test.series();
    int anchor = test.anchorRow(test.firstRowOfCell(3) + 20); // age 3
    ForecastRequest request = ForecastRequest.at(s.time(anchor)).source("x", Duration.ofHours(3),
        s.value(0, anchor - 3), s.value(0, anchor - 4), s.value(0, anchor - 5)).build();
    for (int j = 0; j < 3; j++) {
      int first = test.firstRowOfCell(3 + j);
      int row = first + anchor - test.anchorRow(first);
      GaussianForecast live = g.forecastDistribution(request, test.horizon(j));
      assertEquals(t.mean(row), live.mean(), 1e-5);
      assertEquals(t.sd(row), live.sd(), 1e-5 * t.sd(row));
    }
    assertTrue(assertThrows(IllegalArgumentException.class, () -> g.forecastDistribution(request)).getMessage()
        .contains("forecastHorizons"));
    assertThrows(IllegalArgumentException.class, () -> g.forecastDistribution(request, 1));
    // saved and loaded with its factors per cell
    Path file = dir.resolve("gaussian-horizons.aoi");
    g.save(file);
    assertEquals(c, AgeAwareForecaster.load(file).calibration());
  }

  @Test
  void liveVectorMatchesTheDataSetPredictionOfEachHorizon() {
    AgedDataset test = splits.test();
    double[] predicted = model.predict(test);
    TimeSeries s = test.series();
    int k = 1; // age 3
    int anchor = test.anchorRow(test.firstRowOfCell(k * 3) + 20);
    double[] window = {s.value(0, anchor - 3), s.value(0, anchor - 4), s.value(0, anchor - 5)};
    ForecastRequest request = ForecastRequest.at(s.time(anchor)).source("x", Duration.ofHours(3), window).build();
    double[] vector = model.forecastHorizons(request);
    assertEquals(3, vector.length);
    for (int j = 0; j < 3; j++) {
      int first = test.firstRowOfCell(k * 3 + j);
      int row = first + anchor - test.anchorRow(first);
      assertEquals(anchor, test.anchorRow(row));
      assertEquals(predicted[row], vector[j], 1e-5, "horizon " + test.horizon(j));
      assertEquals(vector[j], model.forecast(request, test.horizon(j)), 0.0);
    }
    IllegalArgumentException single = assertThrows(IllegalArgumentException.class, () -> model.forecast(request));
    assertTrue(single.getMessage().contains("forecastHorizons"), single.getMessage());
    IllegalArgumentException other = assertThrows(IllegalArgumentException.class, () -> model.forecast(request, 1));
    assertTrue(other.getMessage().contains("trained for 0,2,4 steps"), other.getMessage());
  }

  @Test
  void evaluationPerCellAgreesWithTheCellViews() {
    Evaluation.HorizonRun run = Evaluation.runWithHorizons(splits,
        List.of(Baselines.persistence(), Baselines.linear()), TrainingListener.NONE);
    HorizonReport cells = run.perCell();
    assertArrayEquals(new int[] {1, 3}, cells.ages());
    assertArrayEquals(new int[] {0, 2, 4}, cells.horizons());
    AgedDataset test = splits.test();
    double[][] mse = cells.strategy(Baselines.PERSISTENCE).test().mse();
    for (int k = 0; k < 2; k++) {
      for (int j = 0; j < 3; j++) {
        // persistence carries x[t - age] to t + h: its error in a cell is computable directly
        AgedDataset cell = test.forCell(k, j);
        double sum = 0;
        for (int r = 0; r < cell.size(); r++) {
          double e = cell.value(r, 0, 0, 0) - cell.targetValue(r);
          sum += e * e;
        }
        assertEquals(sum / cell.size(), mse[k][j], 1e-9, "cell " + k + "," + j);
      }
    }
    // persistence worsens with the lead time on an AR(1) process
    assertTrue(mse[0][0] < mse[0][2] && mse[0][2] < mse[1][2], java.util.Arrays.deepToString(mse));
    // the linear baseline is fitted per cell and beats persistence in every cell
    double[][] linear = cells.strategy(Baselines.LINEAR).test().mse();
    for (int k = 0; k < 2; k++) {
      for (int j = 0; j < 3; j++) {
        assertTrue(linear[k][j] < mse[k][j] * 1.05, "cell " + k + "," + j);
      }
    }
    // the per-age table pools the horizons of each age
    assertArrayEquals(new int[] {1, 3}, run.perAge().ages());
    HorizonMetrics m = cells.strategy(Baselines.PERSISTENCE).test();
    assertEquals(run.perAge().strategy(Baselines.PERSISTENCE).test().mse()[0],
        (mse[0][0] + mse[0][1] + mse[0][2]) / 3, 1e-9); // equal counts: common targets
    assertEquals(m.counts()[0][0], m.counts()[1][2]);
  }

  @Test
  void perAgeNetworksRefuseSeveralHorizons() {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> Strategies.perAge(FAST).fit(splits, TrainingListener.NONE));
    assertTrue(e.getMessage().contains("pooled-with-age"), e.getMessage());
  }
}
