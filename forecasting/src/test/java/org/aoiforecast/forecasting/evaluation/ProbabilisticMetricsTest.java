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
