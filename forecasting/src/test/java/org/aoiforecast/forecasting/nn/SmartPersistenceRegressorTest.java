package org.aoiforecast.forecasting.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.aoiforecast.core.TimeSeries;
import org.aoiforecast.core.dataset.AgeSet;
import org.aoiforecast.core.dataset.AgedDataset;
import org.aoiforecast.core.dataset.AgedDatasetSpec;
import org.aoiforecast.core.dataset.ChronologicalSplit;
import org.aoiforecast.core.dataset.KnownCovariates;
import org.aoiforecast.core.dataset.Splits;
import org.aoiforecast.forecasting.Forecaster;
import org.aoiforecast.forecasting.baseline.Baselines;
import org.junit.jupiter.api.Test;

/**
 * The clear-sky index and the smart-persistence regressor of the linear path, against the
 * smart-persistence baseline and closed-form values.
 */
class SmartPersistenceRegressorTest {
  static final String CLEAR_SKY = "ClearSkyGHI";

  /**
   * Hourly, {@code days} days: a clear sky {@code 1000 max(0, sin)} of a 12-hour day and GHI = k ·
   * clear sky, with a clear-sky index k that wanders (AR(1), fixed seed) between 0.1 and 1.1, or
   * stays at 0.7.
   */
  static TimeSeries series(int days, boolean constantIndex) {
    int n = 24 * days;
    double[] cs = new double[n];
    double[] ghi = new double[n];
    java.util.Random random = new java.util.Random(7);
    double z = 0;
    for (int i = 0; i < n; i++) {
      int hour = i % 24;
      cs[i] = hour >= 6 && hour <= 18 ? 1000 * Math.sin(Math.PI * (hour - 6) / 12) : 0;
      z = 0.9 * z + 0.15 * random.nextGaussian();
      double k = constantIndex ? 0.7 : Math.max(0.1, Math.min(1.1, 0.6 + z));
      ghi[i] = k * cs[i];
    }
    return TimeSeries.builder(Instant.parse("2021-03-01T00:00:00Z"), Duration.ofHours(1))
        .column(CLEAR_SKY, cs).column("GHI", ghi).build();
  }

  static AgedDatasetSpec spec(AgeSet ages) {
    return AgedDatasetSpec.builder().target("GHI").sources("GHI").window(3).ages(ages)
        .covariate(KnownCovariates.column(CLEAR_SKY)).build();
  }

  static Splits splits(TimeSeries s, AgeSet ages) {
    return AgedDataset.of(s, spec(ages)).split(new ChronologicalSplit(0.6, 0.2, 0.2));
  }

  @Test
  void theIndexGuardsAtFivePercentOfTheClearSkyAndFallsBackToTheMedian() {
    Splits splits = splits(series(30, true), AgeSet.of(1));
    ClearSkyIndex index = ClearSkyIndex.fit(splits.train(), CLEAR_SKY);
    assertEquals(0.05 * 1000, index.guard(), 1e-9);
    assertEquals(0.7, index.fallback(), 1e-12);
    // the same on the standardised training part: values are read back in their own units
    ClearSkyIndex standardized = ClearSkyIndex.fit(splits.standardized().train(), CLEAR_SKY);
    assertEquals(index.guard(), standardized.guard(), 1e-9);
    assertEquals(index.fallback(), standardized.fallback(), 1e-9);
    double[] y = {1, 30, 400};
    double[] cs = {10, 49.9, 500};
    assertEquals(0.8, index.freshest(y, cs, 3), 1e-12, "the first reading at or above the guard");
    assertEquals(0.7, index.freshest(y, cs, 2), 1e-12, "none passes among the first two: the fallback");
    assertEquals(0.0, ClearSkyIndex.carry(0.8, 0), 0.0, "night");
    assertEquals(400.0, ClearSkyIndex.carry(0.8, 500), 1e-12);
    assertThrows(IllegalArgumentException.class, () -> new ClearSkyIndex(CLEAR_SKY, 0, 0.5));
  }

  @Test
  void theFadeIsOneAtOneStepAndZeroAtSixHours() {
    assertEquals(6, SmartPersistenceRegressor.fadeSteps(Duration.ofHours(1)));
    assertEquals(12, SmartPersistenceRegressor.fadeSteps(Duration.ofMinutes(30)));
    assertEquals(2, SmartPersistenceRegressor.fadeSteps(Duration.ofHours(6)), "at least two steps");
    SmartPersistenceRegressor r = new SmartPersistenceRegressor(new ClearSkyIndex(CLEAR_SKY, 50, 0.7), 6);
    assertEquals(1.0, r.weight(0), 0.0);
    assertEquals(1.0, r.weight(1), 0.0);
    assertEquals(0.6, r.weight(3), 1e-12);
    assertEquals(0.0, r.weight(6), 0.0);
    assertEquals(0.0, r.weight(30), 0.0);
    assertThrows(IllegalArgumentException.class,
        () -> new SmartPersistenceRegressor(new ClearSkyIndex(CLEAR_SKY, 50, 0.7), 1));
  }

  /**
   * Where the freshest reading has the sun above the guard, the regressor's forecast is the
   * smart-persistence baseline's, on the raw and on the standardised data alike; where no reading of
   * the window passes, it is the median index carried to the target time.
   */
  @Test
  void theForecastIsTheBaselinesWhereTheFreshestReadingPassesTheGuard() {
    Splits splits = splits(series(40, false), AgeSet.of(1, 2, 5));
    SmartPersistenceRegressor r = SmartPersistenceRegressor.fit(splits.train(), CLEAR_SKY);
    Forecaster baseline = Baselines.smartPersistence(CLEAR_SKY).fit(splits, TrainingListener.NONE);
    AgedDataset test = splits.test();
    AgedDataset standardized = splits.standardized().test();
    double[] expected = baseline.predict(test);
    TimeSeries s = test.series();
    int cs = s.columnIndex(CLEAR_SKY);
    int compared = 0;
    int fallbacks = 0;
    for (int row = 0; row < test.size(); row++) {
      double forecast = r.forecast(test, row);
      assertEquals(forecast, r.forecast(standardized, row), 1e-9, "row " + row);
      int observed = test.anchorRow(row) - test.age(row, 0);
      double target = s.value(cs, test.targetRow(row));
      boolean none = true;
      for (int lag = 0; lag < 3; lag++) {
        none &= s.value(cs, observed - lag) < r.index().guard();
      }
      if (s.value(cs, observed) >= r.index().guard()) {
        assertEquals(expected[row], forecast, 1e-9, "row " + row);
        compared++;
      } else if (none) {
        assertEquals(r.index().fallback() * Math.max(0, target), forecast, 1e-9, "row " + row);
        fallbacks++;
      }
    }
    assertTrue(compared > 100 && fallbacks > 10, compared + " rows compared, " + fallbacks + " fallbacks");
  }

  @Test
  void dataThatCannotCarryTheRegressorAreRefusedByName() {
    TimeSeries s = series(30, false);
    AgedDataset noCovariate = AgedDataset.of(s, AgedDatasetSpec.builder().target("GHI").sources("GHI").window(3)
        .ages(AgeSet.of(1)).build());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> SmartPersistenceRegressor.fit(noCovariate, CLEAR_SKY));
    assertTrue(e.getMessage().contains("'ClearSkyGHI' among the known covariates"), e.getMessage());
    TimeSeries withOther = TimeSeries.builder(s.time(0), s.step()).column(CLEAR_SKY, s.column(CLEAR_SKY))
        .column("GHI", s.column("GHI")).column("T", s.column("GHI")).build();
    AgedDataset noCarrier = AgedDataset.of(withOther, AgedDatasetSpec.builder().target("GHI").sources("T").window(3)
        .ages(AgeSet.of(1)).covariate(KnownCovariates.column(CLEAR_SKY)).build());
    IllegalArgumentException c = assertThrows(IllegalArgumentException.class,
        () -> SmartPersistenceRegressor.fit(noCarrier, CLEAR_SKY));
    assertTrue(c.getMessage().contains("target 'GHI' among the sources' columns [T]"), c.getMessage());
    assertThrows(IllegalArgumentException.class,
        () -> NetworkConfig.builder().linearPath(LinearPath.NONE).smartPersistence(CLEAR_SKY).build());
  }

  /**
   * The path with the regressor nests the path without it, so on the rows it is fitted on its
   * squared error is no higher; with a wandering index it is lower at the youngest age, where
   * smart persistence is informative. Restored from its coefficients, it is the same path.
   */
  @Test
  void theRegressorLowersThePathsErrorAtTheYoungAgesAndRoundTrips() {
    Splits splits = splits(series(60, false), AgeSet.of(1, 2, 4, 8));
    AgedDataset train = splits.standardized().train().withAgeInput();
    for (LinearPath path : new LinearPath[] {LinearPath.AGE_LINEAR, LinearPath.PER_AGE}) {
      LinearBase without = LinearBase.fit(train, path);
      LinearBase with = LinearBase.fit(train, path, Optional.of(CLEAR_SKY));
      assertTrue(with.smartPersistence().isPresent() && without.smartPersistence().isEmpty());
      assertEquals(without.valueFeatures() + 1, with.valueFeatures());
      AgedDataset young = train.forAgeVector(0);
      double mseWith = mse(with, young);
      double mseWithout = mse(without, young);
      assertTrue(mseWith < 0.9 * mseWithout, path + ": " + mseWith + " against " + mseWithout);
      LinearBase back = path == LinearPath.PER_AGE
          ? LinearBase.perAge(train.spec(), with.coefficients(), with.smartPersistence())
          : LinearBase.ageLinear(train.spec(), with.coefficients(), with.smartPersistence());
      assertEquals(with, back);
      assertTrue(!with.equals(without));
    }
  }

  private static double mse(LinearBase base, AgedDataset data) {
    int[] rows = java.util.stream.IntStream.range(0, data.size()).toArray();
    double[] p = base.predict(data, rows);
    double sum = 0;
    for (int i = 0; i < rows.length; i++) {
      double e = data.targetValue(i) - p[i];
      sum += e * e;
    }
    return sum / rows.length;
  }
}
