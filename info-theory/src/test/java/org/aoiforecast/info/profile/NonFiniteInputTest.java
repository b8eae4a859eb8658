package org.aoiforecast.info.profile;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.aoiforecast.core.DataException;
import org.aoiforecast.core.TimeSeries;
import org.aoiforecast.core.dataset.AgeSet;
import org.aoiforecast.core.dataset.AgedDatasetSpec;
import org.aoiforecast.info.AgeLossProfile;
import org.aoiforecast.info.Estimators;
import org.aoiforecast.info.estimators.Estimator;
import org.aoiforecast.info.loss.Loss;
import org.junit.jupiter.api.Test;

/** Values too large for a variance give an error naming the column, never Infinity or a verdict. */
class NonFiniteInputTest {
  private static TimeSeries series(double scale) {
    int n = 600;
    double[] y = new double[n];
    double[] big = new double[n];
    for (int i = 0; i < n; i++) {
      y[i] = Math.sin(i * 2 * Math.PI / 24) + 0.1 * Math.cos(i * 0.7);
      big[i] = scale * Math.cos(i * 2 * Math.PI / 24 + 0.3);
    }
    return TimeSeries.builder(Instant.parse("2021-01-01T00:00:00Z"), Duration.ofHours(1)).origin("d.csv")
        .column("y", y).column("big", big).build();
  }

  @Test
  void everyEstimatorNamesTheColumnInsteadOfReturningInfinity() {
    double[][] x = new double[200][2];
    for (int i = 0; i < x.length; i++) {
      x[i][0] = Math.sin(i);
      x[i][1] = 1.3e154 * Math.cos(i);
    }
    for (Estimator e : List.of(Estimators.gaussian(), Estimators.ksg(4), Estimators.kozachenkoLeonenko(4))) {
      IllegalArgumentException ex = assertThrows(IllegalArgumentException.class, () -> e.entropy(x), e.name());
      assertTrue(ex.getMessage().contains("column 1") && ex.getMessage().contains("too large"), ex.getMessage());
    }
  }

  @Test
  void theProfileNamesTheColumnThatOverflows() {
    AgedDatasetSpec spec = AgedDatasetSpec.builder().target("y").sources("y", "big").ages(AgeSet.range(1, 3)).build();
    for (Loss loss : Loss.values()) {
      DataException e = assertThrows(DataException.class, () -> AgeLossProfile.builder(spec).windows(1).loss(loss)
          .bootstrap(10).build().estimate(series(1.3e154)));
      assertEquals("big", e.column(), e.getMessage());
    }
    // the same data at a sane scale gives finite curves
    ProfileReport ok = AgeLossProfile.builder(spec).windows(1).bootstrap(10).build().estimate(series(1e3));
    for (ProfileCurve c : ok.profiles()) {
      for (double v : c.values()) {
        assertTrue(Double.isFinite(v));
      }
    }
  }

  @Test
  void perSourceWindowsOutsideTheCurveWindowsAreStillEstimated() {
    AgedDatasetSpec spec = AgedDatasetSpec.builder().target("y").sources("y", "big").ages(AgeSet.range(1, 3)).build();
    ProfileReport r = AgeLossProfile.builder(spec).windows(1).perSourceWindows(4).bootstrap(10).build()
        .estimate(series(1));
    assertEquals(List.of("1/all", "4/y", "4/big"), r.profiles().stream().map(c -> c.window() + "/" + c.stale())
        .toList());
    assertThrows(DataException.class, () -> AgeLossProfile.builder(spec).windows(1).perSourceWindows(100_000)
        .bootstrap(10).build().estimate(series(1)));
  }
}
