package org.aoiforecast.forecasting.evaluation;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.aoiforecast.core.TimeSeries;
import org.aoiforecast.core.dataset.AgedDataset;
import org.aoiforecast.core.dataset.AgedDatasetSpec;
import org.junit.jupiter.api.Test;

class AgeMetricsTest {
  /** A target that is 0 everywhere: a forecast of c has squared error c² and absolute error |c|. */
  private static TimeSeries zeros(int n) {
    double[] p = new double[n];
    double[] t = new double[n];
    for (int i = 0; i < n; i++) {
      t[i] = i;
    }
    return TimeSeries.builder(Instant.parse("2021-01-01T00:00:00Z"), Duration.ofHours(1))
        .column("P", p).column("T", t).build();
  }

  @Test
  void perSourceVectorsAreGroupedByTheAgeOfTheTargetsSource() {
    // vectors (P, T): two with P at age 1, one with P at age 2; forecast = 1 + vector index
    AgedDatasetSpec spec = AgedDatasetSpec.builder().target("P").sources("P", "T")
        .ageVectors(List.of(new int[] {2, 3}, new int[] {1, 3}, new int[] {1, 5})).build();
    AgedDataset data = AgedDataset.of(zeros(50), spec);
    double[] forecasts = new double[data.size()];
    for (int r = 0; r < forecasts.length; r++) {
      forecasts[r] = 1 + data.ageVectorIndex(r);
    }
    AgeMetrics m = AgeMetrics.of(data, forecasts);
    int n = data.countOf(0);
    assertArrayEquals(new int[] {1, 2}, m.ages());
    assertArrayEquals(new int[] {2 * n, n}, m.counts());
    // age 1 pools vectors 1 and 2 (forecasts 2 and 3): (4 + 9) / 2; age 2 is vector 0 (forecast 1)
    assertArrayEquals(new double[] {6.5, 1}, m.mse(), 1e-12);
    assertArrayEquals(new double[] {2.5, 1}, m.mae(), 1e-12);
    assertEquals((6.5 + 1) / 2, m.meanMse(), 1e-12);
  }

  @Test
  void sharedAgesKeepOneGroupPerAge() {
    AgedDatasetSpec spec = AgedDatasetSpec.builder().target("P").sources("P", "T")
        .ages(org.aoiforecast.core.dataset.AgeSet.of(4, 1, 9)).build();
    AgedDataset data = AgedDataset.of(zeros(60), spec);
    double[] forecasts = new double[data.size()];
    for (int r = 0; r < forecasts.length; r++) {
      forecasts[r] = data.age(r, 0);
    }
    AgeMetrics m = AgeMetrics.of(data, forecasts);
    assertArrayEquals(new int[] {1, 4, 9}, m.ages());
    assertArrayEquals(new double[] {1, 16, 81}, m.mse(), 1e-12);
  }
}
