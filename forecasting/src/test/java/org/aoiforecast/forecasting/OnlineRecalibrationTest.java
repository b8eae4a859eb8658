package org.aoiforecast.forecasting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.aoiforecast.core.TimeSeries;
import org.aoiforecast.core.dataset.AgeSet;
import org.aoiforecast.core.dataset.AgedDataset;
import org.aoiforecast.core.dataset.AgedDatasetSpec;
import org.aoiforecast.forecasting.evaluation.AgeBand;
import org.aoiforecast.forecasting.evaluation.GaussianForecasts;
import org.aoiforecast.forecasting.evaluation.ProbabilisticMetrics;
import org.junit.jupiter.api.Test;

/**
 * Online recalibration on outcomes with a known spread that drifts: {@code y ~ N(0, 1)} for the
 * first half of the series and {@code N(0, 3²)} for the second, forecast throughout as
 * {@code N(0, 1)}, a calibration that is right at first and then far too narrow (the central 80 %
 * interval of the forecast covers {@code 2Φ(1.2816 / 3) − 1 = 33 %} of the second half).
 */
class OnlineRecalibrationTest {
  private static final int N = 20_000;
  private static final double HALF = 1.2815515655446004;

  /** Series of N hours: the target y with the drifting spread; ages 1 and 3, window 1, horizon 0. */
  private static AgedDataset data() {
    SplittableRandom random = new SplittableRandom(5);
    double[] y = new double[N];
    for (int t = 0; t < N; t++) {
      y[t] = (t < N / 2 ? 1 : 3) * random.nextGaussian();
    }
    TimeSeries series = TimeSeries.builder(Instant.parse("2020-01-01T00:00:00Z"), Duration.ofHours(1))
        .column("y", y).build();
    return AgedDataset.of(series, AgedDatasetSpec.builder().target("y").sources("y").window(1)
        .ages(AgeSet.of(1, 3)).build());
  }

  private static GaussianForecasts standardNormal(int n) {
    double[] mean = new double[n];
    double[] sd = new double[n];
    java.util.Arrays.fill(sd, 1);
    return new GaussianForecasts(mean, sd);
  }

  @Test
  void holdsTheLevelWhenTheSpreadDrifts() {
    AgedDataset data = data();
    GaussianForecasts fixed = standardNormal(data.size());
    ProbabilisticMetrics before = ProbabilisticMetrics.of(data, fixed);
    ProbabilisticMetrics after = ProbabilisticMetrics.of(data, OnlineRecalibration.of(0.8).apply(data, fixed));
    AgeBand all = new AgeBand("all", 0, Integer.MAX_VALUE);
    // the fixed forecasts cover (80 % + 33 %) / 2 overall
    assertEquals((0.8 + 0.3300) / 2, before.band(all).coverage(), 0.01);
    for (double c : after.coverage()) {
      assertEquals(0.8, c, 0.01, "coverage per age with online recalibration");
    }
    // in the second half the factor has settled near 3, the ratio of the true spread to the forecast's
    double[] g = OnlineRecalibration.of(0.8).factors(data, fixed);
    int lastOfFirstAge = data.firstRowOf(0) + data.countOf(0) - 1;
    assertEquals(3, g[lastOfFirstAge], 0.6);
    assertEquals(1, g[data.firstRowOf(0) + N / 2 - 10], 0.25, "before the drift the factor stays near 1");
  }

  @Test
  void theShareOfMissesTelescopes() {
    // ln g_n = rate · (misses − (1 − level) · n): the guarantee the rule rests on, whatever the outcomes
    OnlineRecalibration rule = OnlineRecalibration.of(0.8, 0.03);
    OnlineRecalibration.Tracker tracker = rule.tracker();
    SplittableRandom random = new SplittableRandom(9);
    GaussianForecast model = new GaussianForecast(0, 1);
    for (int i = 0; i < 5_000; i++) {
      double spread = i < 2_500 ? 0.5 : 4; // too wide, then far too narrow
      tracker.observe(tracker.adjust(model), spread * random.nextGaussian());
    }
    double missShare = 1 - tracker.coverage();
    assertEquals(5_000, tracker.outcomes());
    assertEquals(Math.log(tracker.factor()) / (rule.rate() * 5_000), missShare - 0.2, 1e-12);
    assertEquals(0.2, missShare, 0.01);
  }

  @Test
  void aMissWidensAndAHitNarrowsByTheRuleFactors() {
    OnlineRecalibration rule = OnlineRecalibration.of(0.8, 0.1);
    OnlineRecalibration.Tracker t = rule.tracker();
    assertEquals(1, t.factor(), 0);
    assertTrue(Double.isNaN(t.coverage()));
    GaussianForecast issued = t.adjust(new GaussianForecast(2, 0.5));
    assertEquals(2, issued.mean(), 0);
    assertEquals(0.5, issued.sd(), 0);
    assertFalse(t.observe(issued, 2 + 0.5 * HALF + 1e-9), "just outside the interval");
    assertEquals(Math.exp(0.1 * 0.8), t.factor(), 1e-12);
    GaussianForecast wider = t.adjust(new GaussianForecast(2, 0.5));
    assertEquals(0.5 * Math.exp(0.08), wider.sd(), 1e-12);
    assertTrue(t.observe(wider, 2 - 0.5 * HALF), "inside the wider interval");
    assertEquals(Math.exp(0.08 - 0.02), t.factor(), 1e-12);
    assertEquals(0.5, t.coverage(), 0);
  }

  @Test
  void aFactorUsesOnlyOutcomesKnownWhenItsForecastIsIssued() {
    AgedDataset data = data();
    double[] mean = data.targetValues(); // every forecast exact: every outcome inside
    double[] sd = new double[data.size()];
    java.util.Arrays.fill(sd, 1);
    OnlineRecalibration rule = OnlineRecalibration.of(0.8);
    double[] g = rule.factors(data, new GaussianForecasts(mean, sd));
    for (int v = 0; v < 2; v++) {
      int age = data.ageVector(v)[0];
      int k = data.firstRowOf(v) + 100;
      double[] moved = mean.clone();
      moved[k] += 1_000; // the outcome of sample k becomes a miss
      double[] h = rule.factors(data, new GaussianForecasts(moved, sd));
      // issued at its anchor with the target's readings age steps old, sample k + j knows outcome k
      // only once j >= age
      for (int j = 0; j < age; j++) {
        assertEquals(g[k + j], h[k + j], 0, "age " + age + ", sample k + " + j);
      }
      assertNotEquals(g[k + age], h[k + age], "age " + age + ": the miss is known " + age + " samples later");
      assertEquals(g[k + age] * Math.exp(rule.rate()), h[k + age], 1e-12);
    }
    assertEquals(1, g[data.firstRowOf(1)], 0, "every cell starts at factor 1");
  }

  @Test
  void aReplayStopsAtTheLastKnownOutcome() {
    AgedDataset data = data();
    double[] sd = new double[data.size()];
    java.util.Arrays.fill(sd, 1);
    GaussianForecasts exact = new GaussianForecasts(data.targetValues(), sd); // every outcome inside
    OnlineRecalibration rule = OnlineRecalibration.of(0.8, 0.01);
    int cell = 1; // age 3
    int from = data.firstRowOfCell(cell);
    int limit = data.targetRow(from) + 499;
    OnlineRecalibration.Tracker t = rule.replay(data, exact, cell, limit);
    assertEquals(500, t.outcomes(), "the outcomes of the first 500 targets");
    assertEquals(1.0, t.coverage(), 0);
    assertEquals(Math.exp(-0.01 * 0.2 * 500), t.factor(), 1e-12, "500 hits narrow by e^(-rate (1 - level)) each");
    OnlineRecalibration.Tracker all = rule.replay(data, exact, cell, Integer.MAX_VALUE);
    assertEquals(data.countOfCell(cell), all.outcomes());
    assertEquals(0, rule.replay(data, exact, cell, data.targetRow(from) - 1).outcomes(), "nothing known yet");
    assertThrows(IllegalArgumentException.class, () -> rule.replay(data, exact, 2, limit));
  }

  @Test
  void badArgumentsAreRefusedWithTheValue() {
    assertTrue(assertThrows(IllegalArgumentException.class, () -> OnlineRecalibration.of(1.0)).getMessage()
        .contains("1.0"));
    assertTrue(assertThrows(IllegalArgumentException.class, () -> OnlineRecalibration.of(0.8, 0)).getMessage()
        .contains("rate"));
    assertThrows(IllegalArgumentException.class, () -> OnlineRecalibration.of(0.8, Double.NaN));
    AgedDataset data = data();
    assertTrue(assertThrows(IllegalArgumentException.class,
        () -> OnlineRecalibration.of(0.8).factors(data, standardNormal(3))).getMessage().contains("3 forecasts"));
    OnlineRecalibration.Tracker t = OnlineRecalibration.of(0.8).tracker();
    assertThrows(IllegalArgumentException.class, () -> t.observe(new GaussianForecast(0, 1), Double.NaN));
    assertEquals(0, t.outcomes());
  }
}
