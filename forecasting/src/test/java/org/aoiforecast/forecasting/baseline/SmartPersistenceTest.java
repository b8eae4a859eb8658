package org.aoiforecast.forecasting.baseline;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.aoiforecast.core.DataException;
import org.aoiforecast.core.TimeSeries;
import org.aoiforecast.core.dataset.AgeSet;
import org.aoiforecast.core.dataset.AgedDataset;
import org.aoiforecast.core.dataset.AgedDatasetSpec;
import org.aoiforecast.core.dataset.ChronologicalSplit;
import org.aoiforecast.core.dataset.Splits;
import org.aoiforecast.forecasting.Evaluation;
import org.aoiforecast.forecasting.Forecaster;
import org.aoiforecast.forecasting.evaluation.EvaluationReport;
import org.aoiforecast.forecasting.nn.TrainingListener;
import org.junit.jupiter.api.Test;

/** Smart persistence on a series whose clear-sky index is known, and skill against it. */
class SmartPersistenceTest {
  private static final int DAYS = 40;

  /** Hourly clear sky {@code max(0, sin)} of a 12-hour day; power = index of the day × 2 × clear sky. */
  private static TimeSeries series(boolean constantIndex) {
    int n = 24 * DAYS;
    double[] cs = new double[n];
    double[] power = new double[n];
    for (int i = 0; i < n; i++) {
      int hour = i % 24;
      cs[i] = hour >= 6 && hour <= 18 ? 1000 * Math.sin(Math.PI * (hour - 6) / 12) : 0;
      double k = constantIndex ? 0.7 : 0.3 + 0.6 * ((i / 24) % 2);
      power[i] = 2e-3 * k * cs[i];
    }
    return TimeSeries.builder(Instant.parse("2021-03-01T00:00:00Z"), Duration.ofHours(1))
        .column("ClearSkyGHI", cs).column("Power", power).build();
  }

  private static Splits splits(TimeSeries s, AgeSet ages) {
    return AgedDataset.of(s, AgedDatasetSpec.builder().target("Power").sources("Power").ages(ages).build())
        .split(new ChronologicalSplit(0.6, 0.2, 0.2));
  }

  @Test
  void aConstantClearSkyIndexIsForecastExactlyAtEveryAgeAndZeroAtNight() {
    Splits splits = splits(series(true), AgeSet.of(1, 5, 23));
    Forecaster f = Baselines.smartPersistence("ClearSkyGHI").fit(splits, TrainingListener.NONE);
    AgedDataset test = splits.test();
    double[] forecast = f.predict(test);
    assertArrayEquals(test.targetValues(), forecast, 1e-9);
  }

  @Test
  void theIndexIsCarriedWithinTheDayAndTheGuardSkipsLowSun() {
    Splits splits = splits(series(false), AgeSet.of(2));
    Forecaster f = Baselines.smartPersistence("ClearSkyGHI").fit(splits, TrainingListener.NONE);
    AgedDataset test = splits.test();
    double[] forecast = f.predict(test);
    TimeSeries s = test.series();
    for (int r = 0; r < test.size(); r++) {
      int t = test.anchorRow(r);
      int hour = t % 24;
      double cs = s.value(0, t);
      if (cs <= 0) {
        assertEquals(0, forecast[r], 0.0, "night");
      } else if (hour >= 9) {
        // observed 2 hours earlier on the same day with the sun above the guard: that day's index
        assertEquals(test.targetValue(r), forecast[r], 1e-9, "hour " + hour);
      } else {
        // the observation (5:00 or 6:00) is dark: the index comes from the evening before
        double yesterday = 0.3 + 0.6 * (((t - 24) / 24) % 2);
        assertEquals(2e-3 * yesterday * cs, forecast[r], 1e-9, "hour " + hour);
      }
    }
  }

  @Test
  void skillIsOneMinusTheRmseRatioAndZeroForTheReference() {
    Splits splits = splits(series(false), AgeSet.of(1, 3));
    EvaluationReport report = Evaluation.run(splits, List.of(Baselines.smartPersistence("ClearSkyGHI"),
        Baselines.persistence()), TrainingListener.NONE);
    double[] self = report.skill(Baselines.SMART_PERSISTENCE).orElseThrow();
    assertArrayEquals(new double[] {0, 0}, self, 1e-12);
    double[] persistence = report.skill(Baselines.PERSISTENCE).orElseThrow();
    double[] rmse = report.strategy(Baselines.PERSISTENCE).test().rmse();
    double[] ref = report.strategy(Baselines.SMART_PERSISTENCE).test().rmse();
    for (int i = 0; i < 2; i++) {
      assertEquals(1 - rmse[i] / ref[i], persistence[i], 1e-12);
      assertTrue(persistence[i] < 0, "plain persistence ignores the daily cycle: " + persistence[i]);
    }
    assertTrue(report.toJson("train").get("strategies").get(1).get("skill").isArray());
    EvaluationReport without = Evaluation.run(splits, List.of(Baselines.persistence()), TrainingListener.NONE);
    assertTrue(without.skill(Baselines.PERSISTENCE).isEmpty());
    assertTrue(without.toJson("train").get("strategies").get(0).get("skill").isNull());
  }

  @Test
  void aMissingClearSkyColumnIsNamed() {
    TimeSeries s = series(true).select("Power");
    Splits splits = splits(s, AgeSet.of(1));
    DataException e = assertThrows(DataException.class,
        () -> Baselines.smartPersistence("ClearSkyGHI").fit(splits, TrainingListener.NONE));
    assertTrue(e.getMessage().contains("'ClearSkyGHI'") && e.getMessage().contains("[Power]"), e.getMessage());
  }
}
