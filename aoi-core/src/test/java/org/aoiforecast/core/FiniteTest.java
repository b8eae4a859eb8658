package org.aoiforecast.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.aoiforecast.core.dataset.AgeSet;
import org.aoiforecast.core.dataset.AgedDataset;
import org.aoiforecast.core.dataset.AgedDatasetSpec;
import org.aoiforecast.core.dataset.ChronologicalSplit;
import org.junit.jupiter.api.Test;

class FiniteTest {
  @Test
  void squarableIsExactlyWhereTheSquareStaysFinite() {
    assertTrue(Finite.isSquarable(Finite.MAX_MAGNITUDE));
    assertTrue(Double.isFinite(Finite.MAX_MAGNITUDE * Finite.MAX_MAGNITUDE));
    double above = Math.nextUp(Finite.MAX_MAGNITUDE);
    assertFalse(Finite.isSquarable(above));
    assertFalse(Double.isFinite(above * above * 2));
    assertFalse(Finite.isSquarable(Double.NaN));
  }

  @Test
  void aSpreadThatOverflowsNamesTheColumn() {
    double[] v = {1.2e154, -1.2e154, 1e154};
    assertTrue(Finite.isSquarable(v[0]));
    assertFalse(Finite.hasFiniteSpread(v, 0, v.length));
    assertTrue(Finite.hasFiniteSpread(v, 0, 1));
    DataException e = assertThrows(DataException.class, () -> Finite.requireFiniteSpread("f.csv", "GHI", v, 0, 3));
    assertEquals("GHI", e.column());
    assertTrue(e.getMessage().startsWith("f.csv, column 'GHI': values up to 1.20e+154 are too large"), e.getMessage());
  }

  @Test
  void standardisationNamesAUsedColumnThatCannotBeScaledAndIgnoresAnUnusedOne() {
    int n = 400;
    double[] big = new double[n];
    double[] small = new double[n];
    for (int i = 0; i < n; i++) {
      big[i] = (i % 2 == 0 ? 1 : -1) * 1.3e154;
      small[i] = Math.sin(i / 5.0);
    }
    TimeSeries s = TimeSeries.builder(Instant.parse("2021-01-01T00:00:00Z"), Duration.ofHours(1)).origin("d.csv")
        .column("y", small).column("big", big).build();
    AgedDatasetSpec unused = AgedDatasetSpec.builder().target("y").sources("y").ages(AgeSet.range(1, 2)).build();
    assertTrue(Double.isFinite(AgedDataset.of(s, unused).split(ChronologicalSplit.defaults()).standardized().train()
        .targetValue(0)));
    AgedDatasetSpec used = AgedDatasetSpec.builder().target("y").sources("y", "big").ages(AgeSet.range(1, 2)).build();
    DataException e = assertThrows(DataException.class, () -> AgedDataset.of(s, used)
        .split(ChronologicalSplit.defaults()).standardized());
    assertEquals("big", e.column(), e.getMessage());
  }
}
