package org.aoiforecast.core.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.aoiforecast.core.TimeSeries;
import org.junit.jupiter.api.Test;

/** Pooling over horizons: a view whose rows are (age vector, horizon, anchor) cells. */
class HorizonPoolingTest {
  private static final Instant START = Instant.parse("2021-01-01T00:00:00Z");

  /** a = row, b = 1000 + row, y = -row: every lookup names its row. */
  private static TimeSeries series(int n) {
    double[] a = new double[n];
    double[] b = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
      b[i] = 1000 + i;
      y[i] = -i;
    }
    return TimeSeries.builder(START, Duration.ofHours(1)).column("a", a).column("b", b).column("y", y).build();
  }

  private static AgedDatasetSpec pooled() {
    return AgedDatasetSpec.builder().target("y").sources("a", "b").window(3).ages(AgeSet.of(1, 4, 6))
        .horizons(AgeSet.of(0, 2, 5)).covariates(KnownCovariates.hourOfDay(ZoneOffset.UTC)).build();
  }

  @Test
  void rowsMapToAgeVectorHorizonAndAnchorWithCommonTargets() {
    TimeSeries s = series(200);
    AgedDataset d = AgedDataset.of(s, pooled());
    assertEquals(9, d.cellCount());
    // common targets: oldest age 6 + window 3 - 1 + longest horizon 5 = 13 .. 199, 187 per cell
    assertEquals(9 * 187, d.size());
    Set<String> seen = new HashSet<>();
    for (int row = 0; row < d.size(); row++) {
      int k = d.ageVectorIndex(row);
      int j = d.horizonIndex(row);
      assertEquals(k * 3 + j, d.cellIndex(row));
      assertEquals(d.anchorRow(row) + d.horizon(j), d.targetRow(row));
      assertEquals(d.horizon(j), d.horizonOf(row));
      assertTrue(d.targetRow(row) >= 13 && d.targetRow(row) <= 199, "target row " + d.targetRow(row));
      assertTrue(seen.add(k + "/" + j + "/" + d.anchorRow(row)), "row " + row + " repeats a cell and anchor");
      assertEquals(-d.targetRow(row), d.targetValue(row));
    }
    // each cell covers the same targets
    for (int c = 0; c < d.cellCount(); c++) {
      int first = d.firstRowOfCell(c);
      assertEquals(13, d.targetRow(first));
      assertEquals(199, d.targetRow(first + d.countOfCell(c) - 1));
    }
    // rows of one age vector stay contiguous, across horizons
    assertEquals(3 * 187, d.countOf(1));
    assertEquals(3 * 187, d.firstRowOf(1));
  }

  @Test
  void pooledRowsAreTheSingleHorizonRowsWithLeadTimeInputs() {
    TimeSeries s = series(200);
    AgedDatasetSpec spec = pooled();
    assertTrue(spec.hasAgeInput());
    assertTrue(spec.hasLeadTimeInput());
    assertEquals(List.of("lead:a", "lead:b"), spec.featureNames().subList(spec.featureCount() - 2, spec.featureCount()));
    AgedDataset d = AgedDataset.of(s, spec);
    for (int j = 0; j < 3; j++) {
      int h = spec.horizon(j);
      AgedDataset single = AgedDataset.of(s, spec.withOnlyHorizon(j));
      assertEquals(h, single.spec().horizon());
      assertFalse(single.spec().hasLeadTimeInput());
      for (int k = 0; k < 3; k++) {
        int row = d.firstRowOfCell(k * 3 + j) + 17;
        int anchor = d.anchorRow(row);
        int singleRow = rowWithAnchor(single, k, anchor);
        double[] pooledFeatures = d.features(row);
        double[] singleFeatures = single.features(singleRow);
        int n = pooledFeatures.length;
        // windows and covariates equal; the age inputs carry age + horizon instead of the age
        assertArrayEquals(Arrays.copyOf(singleFeatures, n - 2), Arrays.copyOf(pooledFeatures, n - 2));
        int age = spec.ageVector(k)[0];
        assertArrayEquals(new double[] {age + h, age + h}, Arrays.copyOfRange(pooledFeatures, n - 2, n));
        assertArrayEquals(new double[] {age, age}, Arrays.copyOfRange(singleFeatures, n - 2, n));
        assertEquals(single.targetValue(singleRow), d.targetValue(row));
      }
    }
  }

  @Test
  void aSampleAtAgeAndHorizonIsTheNowcastSampleAtTheLeadTime() {
    // the reason the lead time is the input: (ages Δ, horizon h, anchor t) reads what (Δ + h, 0, t + h) reads
    TimeSeries s = series(200);
    AgedDataset d = AgedDataset.of(s, pooled());
    AgedDatasetSpec nowcast = AgedDatasetSpec.builder().target("y").sources("a", "b").window(3)
        .ages(AgeSet.of(1, 3, 4, 6, 9, 11)).horizons(AgeSet.of(0, 1)) // lead-time input on
        .covariates(KnownCovariates.hourOfDay(ZoneOffset.UTC)).build();
    AgedDataset n = AgedDataset.of(s, nowcast);
    for (int row = 0; row < d.size(); row += 7) {
      int lead = d.spec().ageVector(d.ageVectorIndex(row))[0] + d.horizonOf(row);
      int k = nowcast.sharedAges().orElseThrow().stream().boxed().toList().indexOf(lead);
      if (k < 0 || d.targetRow(row) < n.targetRow(0)) {
        continue; // no such lead time in the nowcast pool, or a target before its first one
      }
      int nRow = rowWithAnchorInCell(n, k * 2, d.targetRow(row));
      assertArrayEquals(n.features(nRow), d.features(row), "row " + row);
      assertEquals(n.targetValue(nRow), d.targetValue(row));
    }
  }

  @Test
  void viewsShareTheSeriesAndKeepThePoolsAnchors() {
    TimeSeries s = series(200);
    AgedDataset d = AgedDataset.of(s, pooled());
    AgedDataset h2 = d.forHorizon(1);
    assertSame(s, h2.series());
    assertEquals(1, h2.horizonCount());
    assertEquals(2, h2.spec().horizon());
    assertEquals(3 * 187, h2.size());
    AgedDataset cell = d.forCell(2, 1);
    assertSame(s, cell.series());
    assertEquals(187, cell.size());
    for (int r = 0; r < cell.size(); r += 11) {
      int pooledRow = d.firstRowOfCell(2 * 3 + 1) + r;
      assertEquals(d.anchorRow(pooledRow), cell.anchorRow(r));
      assertEquals(d.targetValue(pooledRow), cell.targetValue(r));
    }
    AgedDataset age4 = d.forAgeVector(1);
    assertEquals(3, age4.horizonCount());
    assertEquals(d.anchorRow(d.firstRowOf(1)), age4.anchorRow(0));
    // standardisation and splits keep the view: one standardised series shared by all parts
    Splits parts = d.split(new ChronologicalSplit(0.6, 0.2, 0.2)).standardized();
    assertSame(parts.train().series(), parts.test().series());
    assertEquals(9, parts.test().cellCount());
  }

  @Test
  void standardisedLeadTimesMatchLiveEncodingForEachHorizon() {
    TimeSeries s = series(300);
    AgedDatasetSpec spec = pooled();
    Splits parts = AgedDataset.of(s, spec).split(new ChronologicalSplit(0.7, 0.0, 0.3)).standardized();
    AgedDataset test = parts.test();
    Standardization st = test.standardization().orElseThrow();
    FeatureEncoder live = FeatureEncoder.standardized(spec, st);
    for (int row = 0; row < test.size(); row += 13) {
      int t = test.anchorRow(row);
      int[] ages = spec.ageVector(test.ageVectorIndex(row));
      int h = test.horizonOf(row);
      double[][][] windows = new double[2][1][3];
      for (int src = 0; src < 2; src++) {
        for (int lag = 0; lag < 3; lag++) {
          windows[src][0][lag] = s.value(src, t - ages[src] - lag); // raw values: a, b
        }
      }
      double[] encoded = live.encodeLive(s.time(t + h), h, windows, new double[] {ages[0], ages[1]}, Map.of());
      assertArrayEquals(test.features(row), encoded, 1e-9, "row " + row);
    }
  }

  @Test
  void singleHorizonAccessorRefusesSeveralHorizons() {
    AgedDatasetSpec spec = pooled();
    IllegalStateException e = assertThrows(IllegalStateException.class, spec::horizon);
    assertTrue(e.getMessage().contains("3 horizons"), e.getMessage());
    assertArrayEquals(new int[] {0, 2, 5}, spec.horizons());
    assertEquals(5, spec.maxHorizon());
    // one horizon: the spec, layout and data set are the ones of horizon(h)
    AgedDatasetSpec one = AgedDatasetSpec.builder().target("y").sources("a", "b").window(3).ages(AgeSet.of(1, 4, 6))
        .horizons(AgeSet.of(2)).build();
    AgedDatasetSpec classic = AgedDatasetSpec.builder().target("y").sources("a", "b").window(3).ages(AgeSet.of(1, 4, 6))
        .horizon(2).build();
    assertEquals(classic, one);
    assertFalse(one.hasLeadTimeInput());
    assertEquals(classic.featureNames(), one.featureNames());
  }

  private static int rowWithAnchor(AgedDataset single, int k, int anchor) {
    return rowWithAnchorInCell(single, k * single.horizonCount(), anchor);
  }

  private static int rowWithAnchorInCell(AgedDataset data, int cell, int anchor) {
    int first = data.firstRowOfCell(cell);
    int row = first + anchor - data.anchorRow(first);
    assertEquals(anchor, data.anchorRow(row));
    assertEquals(cell, data.cellIndex(row));
    return row;
  }
}
