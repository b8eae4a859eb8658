package org.aoiforecast.core.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.aoiforecast.core.TimeSeries;
import org.junit.jupiter.api.Test;

class AgeEncodingTest {
  @Test
  void encodesAgesAsDocumented() {
    double[] out = new double[4];
    AgeEncoding.periodic(24).encode(6, out, 0);
    assertArrayEquals(new double[] {6, Math.log(7), 1, Math.cos(Math.PI / 2)}, out, 1e-12);
    assertEquals(List.of("age:s", "log_age:s", "age_sin:s", "age_cos:s"), AgeEncoding.periodic(24).names("s"));
    assertEquals(1, AgeEncoding.linear().width());
    assertEquals(2, AgeEncoding.logarithmic().width());
    for (AgeEncoding e : List.of(AgeEncoding.linear(), AgeEncoding.logarithmic(), AgeEncoding.periodic(48))) {
      assertEquals(e, AgeEncoding.parse(e.describe()));
    }
    assertThrows(IllegalArgumentException.class, () -> AgeEncoding.parse("cubic"));
    assertThrows(IllegalArgumentException.class, () -> AgeEncoding.periodic(1));
  }

  @Test
  void encodedAgesAreInputsAndStandardisedOnTheTrainingAges() {
    double[] v = new double[500];
    for (int i = 0; i < v.length; i++) {
      v[i] = i;
    }
    TimeSeries s = TimeSeries.builder(Instant.EPOCH, Duration.ofHours(1)).column("x", v).build();
    AgedDataset d = AgedDataset.of(s, AgedDatasetSpec.builder().target("x").sources("x").ages(AgeSet.of(1, 3))
        .ageEncoding(AgeEncoding.logarithmic()).build());
    assertEquals(List.of("x", "age:x", "log_age:x"), d.featureNames());
    assertArrayEquals(new double[] {d.anchorRow(0) - 1, 1, Math.log(2)}, d.features(0), 1e-12);
    Splits std = d.split(new ChronologicalSplit(0.5, 0.2, 0.3)).standardized();
    Standardization st = std.train().standardization().orElseThrow();
    // ages 1 and 3 equally often: log(2) and log(4) have mean log(8)/2 and sd log(2)/2
    assertEquals(Math.log(8) / 2, st.ageMeans()[1], 1e-12);
    assertEquals(Math.log(2) / 2, st.ageScales()[1], 1e-12);
    double[] f = std.test().features(std.test().firstRowOf(1));
    assertEquals(1.0, f[1], 1e-12);
    assertEquals(1.0, f[2], 1e-12);
  }
}
