package org.aoiforecast.forecasting.evaluation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.aoiforecast.core.TimeSeries;
import org.aoiforecast.core.dataset.AgeSet;
import org.aoiforecast.core.dataset.AgedDataset;
import org.aoiforecast.core.dataset.AgedDatasetSpec;
import org.junit.jupiter.api.Test;

/** The report's age bands are durations, converted to steps of the data. */
class AgeBandTest {
  @Test
  void bandsCoverZeroToSixToTwentyFourToFortyEightHoursInSteps() {
    assertEquals(List.of(new AgeBand("1-6 h", 1, 6), new AgeBand("7-24 h", 7, 24), new AgeBand("25-48 h", 25, 48)),
        AgeBand.standard(Duration.ofHours(1)));
    assertEquals(List.of(new AgeBand("1-6 h", 1, 12), new AgeBand("7-24 h", 13, 48), new AgeBand("25-48 h", 49, 96)),
        AgeBand.standard(Duration.ofMinutes(30)));
    // a day holds no whole step of the youngest band: it is left out
    assertEquals(List.of(new AgeBand("7-24 h", 1, 1), new AgeBand("25-48 h", 2, 2)),
        AgeBand.standard(Duration.ofDays(1)));
    assertEquals(List.of(new AgeBand(1, 6), new AgeBand(7, 24), new AgeBand(25, 48)), AgeBand.standard());
    AgeBand b = new AgeBand("x", 7, 24);
    assertTrue(b.contains(7) && b.contains(24) && !b.contains(6) && !b.contains(25));
    assertThrows(IllegalArgumentException.class, () -> new AgeBand("x", 5, 4));
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
    List<AgeBand> bands = AgeBand.standard();
    assertEquals((4 + 25) / 2.0, bands.get(0).meanMse(m), 1e-12);
    assertEquals(64, bands.get(1).meanMse(m), 1e-12);
    assertTrue(Double.isNaN(bands.get(2).meanMse(m)), "no age in 25-48");
  }
}
