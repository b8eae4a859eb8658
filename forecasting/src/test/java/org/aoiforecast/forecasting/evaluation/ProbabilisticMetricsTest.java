package org.aoiforecast.forecasting.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.SplittableRandom;
import org.aoiforecast.core.TimeSeries;
import org.aoiforecast.core.dataset.AgeSet;
import org.aoiforecast.core.dataset.AgedDataset;
import org.aoiforecast.core.dataset.AgedDatasetSpec;
import org.junit.jupiter.api.Test;

/**
 * Scores of the true forecast distribution on data with known Gaussian noise: {@code y_t = x_{t-1}
 * + 0.7 ε_t}, forecast {@code N(x_{t-1}, 0.7²)} at every age. Then the coverage of the central
 * 80 % interval is 80 %, the mean log loss the entropy {@code ½ ln(2πe 0.49)}, the mean CRPS
 * {@code 0.7/√π} and the mean pinball loss at level p {@code 0.7 φ(Φ⁻¹(p))}, up to sampling
 * error.
 */
class ProbabilisticMetricsTest {
  private static final double SD = 0.7;

  @Test
  void theTrueDistributionScoresItsExpectedValues() {
    int n = 40_000;
    SplittableRandom random = new SplittableRandom(5);
    double[] x = new double[n];
    double[] y = new double[n];
    for (int t = 0; t < n; t++) {
      x[t] = random.nextGaussian();
      y[t] = t == 0 ? 0 : x[t - 1] + SD * random.nextGaussian();
    }
    TimeSeries s = TimeSeries.builder(Instant.parse("2020-01-01T00:00:00Z"), Duration.ofHours(1)).column("x", x)
        .column("y", y).build();
    AgedDataset data = AgedDataset.of(s, AgedDatasetSpec.builder().target("y").sources("x").window(1)
        .ages(AgeSet.of(1, 3, 8)).build());
    double[] mean = new double[data.size()];
    double[] sd = new double[data.size()];
    for (int r = 0; r < data.size(); r++) {
      mean[r] = x[data.anchorRow(r) - 1];
      sd[r] = SD;
    }
    ProbabilisticMetrics m = ProbabilisticMetrics.of(data, new GaussianForecasts(mean, sd));
    assertEquals(3, m.size());
    for (int k = 0; k < 3; k++) {
      int count = m.counts()[k];
      double spread = Math.sqrt(0.16 / count);
      assertEquals(0.8, m.coverage()[k], 4 * spread, "coverage");
      assertEquals(0.5 * Math.log(2 * Math.PI * Math.E * SD * SD), m.logLoss()[k], 0.02);
      assertEquals(SD / Math.sqrt(Math.PI), m.crps()[k], 0.01);
      for (double p : ProbabilisticMetrics.QUANTILES) {
        assertEquals(SD * Gaussian.density(Gaussian.standardQuantile(p)), m.pinball(p)[k], 0.01, "pinball " + p);
      }
      assertEquals(2 * 1.2815515655446004 * SD, m.width()[k], 1e-9);
    }
    // a band pools the samples of its ages; an age outside every band is in none
    ProbabilisticMetrics.Band young = m.band(new AgeBand("1-6", 1, 6));
    assertEquals(m.counts()[0] + m.counts()[1], young.samples());
    assertEquals((m.coverage()[0] * m.counts()[0] + m.coverage()[1] * m.counts()[1]) / young.samples(),
        young.coverage(), 1e-12);
    ProbabilisticMetrics.Band none = m.band(new AgeBand("25-48", 25, 48));
    assertEquals(0, none.samples());
    assertTrue(Double.isNaN(none.coverage()));
    assertThrows(IllegalArgumentException.class, () -> m.pinball(0.25));
  }

  /**
   * With per-source ages the scores are grouped by the age of the target's source, as the point
   * errors are ({@code AgeMetrics}): arrays parallel to those ages, bands pooling them, and values
   * given per vector averaged per age by samples.
   */
  @Test
  void perSourceAgesAreScoredByTheTargetSourcesAge() {
    int n = 2000;
    SplittableRandom random = new SplittableRandom(9);
    double[] x = new double[n];
    double[] y = new double[n];
    for (int t = 0; t < n; t++) {
      x[t] = random.nextGaussian();
      y[t] = random.nextGaussian();
    }
    TimeSeries s = TimeSeries.builder(Instant.parse("2020-01-01T00:00:00Z"), Duration.ofHours(1)).column("x", x)
        .column("y", y).build();
    // sources y (the target's) and x; vectors (y age, x age)
    AgedDataset data = AgedDataset.of(s, AgedDatasetSpec.builder().target("y").sources("y", "x").window(1)
        .ageVectors(java.util.List.of(new int[] {2, 30}, new int[] {1, 7}, new int[] {2, 5}, new int[] {1, 40}))
        .build());
    double[] mean = new double[data.size()];
    double[] sd = new double[data.size()];
    java.util.Arrays.fill(sd, 1);
    ProbabilisticMetrics m = ProbabilisticMetrics.of(data, new GaussianForecasts(mean, sd));
    assertEquals(2, m.size());
    assertTrue(java.util.Arrays.equals(new int[] {1, 2}, m.ages()), java.util.Arrays.toString(m.ages()));
    assertEquals(data.countOf(1) + data.countOf(3), m.counts()[0]);
    assertEquals(data.countOf(0) + data.countOf(2), m.counts()[1]);
    double[] byHand = new double[2];
    for (int r = 0; r < data.size(); r++) {
      int age = data.spec().reportingAge(data.ageVector(data.ageVectorIndex(r)));
      byHand[age - 1] += Gaussian.logLoss(data.targetValue(r), 0, 1);
    }
    assertEquals(byHand[0] / m.counts()[0], m.logLoss()[0], 1e-12);
    assertEquals(byHand[1] / m.counts()[1], m.logLoss()[1], 1e-12);
    // the 1-6 band holds both target ages, although x is older than 6 in some vectors
    assertEquals(data.size(), m.band(new AgeBand("1-6", 1, 6)).samples());
    double[] factors = ProbabilisticMetrics.perReportingAge(data, new double[] {1, 2, 3, 4});
    double expected = (2.0 * data.countOf(1) + 4.0 * data.countOf(3)) / (data.countOf(1) + data.countOf(3));
    assertEquals(expected, factors[0], 1e-12);
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ProbabilisticMetrics.perReportingAge(data, new double[] {1}));
    assertTrue(e.getMessage().contains("1 values for 4 age vectors"), e.getMessage());
  }

  @Test
  void scoresNeedOneForecastPerRawSample() {
    TimeSeries s = TimeSeries.builder(Instant.parse("2020-01-01T00:00:00Z"), Duration.ofHours(1))
        .column("y", new double[] {1, 2, 3, 4, 5, 6}).build();
    AgedDataset data = AgedDataset.of(s, AgedDatasetSpec.builder().target("y").sources("y").window(1)
        .ages(AgeSet.of(1)).build());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> ProbabilisticMetrics.of(data, new GaussianForecasts(new double[] {1}, new double[] {1})));
    assertTrue(e.getMessage().contains("1 forecasts for " + data.size() + " samples"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new GaussianForecasts(new double[] {1}, new double[] {0}));
    assertThrows(IllegalArgumentException.class,
        () -> new GaussianForecasts(new double[] {Double.NaN}, new double[] {1}));
  }
}
