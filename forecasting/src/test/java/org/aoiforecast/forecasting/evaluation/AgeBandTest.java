package org.aoiforecast.forecasting.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.aoiforecast.core.TimeSeries;
import org.aoiforecast.core.dataset.AgeSet;
import org.aoiforecast.core.dataset.AgedDataset;
import org.aoiforecast.core.dataset.AgedDatasetSpec;
import org.junit.jupiter.api.Test;

class AgeBandTest {
  @Test
  void scaledBandsTileTheFinerSteps() {
    assertEquals(new AgeBand(1, 12), AgeBand.standard().get(0).scaled(2));
    assertEquals(new AgeBand(13, 48), AgeBand.standard().get(1).scaled(2));
    assertEquals(new AgeBand(49, 96), AgeBand.standard().get(2).scaled(2));
    assertEquals(AgeBand.standard().get(1), AgeBand.standard().get(1).scaled(1));
    assertThrows(IllegalArgumentException.class, () -> new AgeBand(5, 4));
  }

  @Test
  void theBandMeanWeightsEachAgeEqually() {
    double[] zero = new double[80];
    TimeSeries s = TimeSeries.builder(Instant.parse("2021-01-01T00:00:00Z"), Duration.ofHours(1))
        .column("y", zero).build();
    AgedDataset data = AgedDataset.of(s, AgedDatasetSpec.builder().target("y").sources("y")
        .ages(AgeSet.of(2, 5, 8)).build());
    double[] f = new double[data.size()];
    for (int r = 0; r < f.length; r++) {
      f[r] = data.age(r, 0); // squared error = age²
    }
    AgeMetrics m = AgeMetrics.of(data, f);
    assertEquals((4 + 25) / 2.0, AgeBand.standard().get(0).meanMse(m), 1e-12);
    assertEquals(64, AgeBand.standard().get(1).meanMse(m), 1e-12);
    assertTrue(Double.isNaN(AgeBand.standard().get(2).meanMse(m)), "no age in 25-48");
  }
}
