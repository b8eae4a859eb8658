package org.aoiforecast.core.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.aoiforecast.core.DataException;
import org.aoiforecast.core.TimeSeries;
import org.aoiforecast.core.reading.Source;
import org.junit.jupiter.api.Test;

class AgedDatasetTest {
  /** Values encode their row: a = row, b = 1000 + row, y = -row; so every lookup can be checked. */
  private static TimeSeries series(int n) {
    double[] a = new double[n];
    double[] b = new double[n];
    double[] y = new double[n];
    for (int i = 0; i < n; i++) {
      a[i] = i;
      b[i] = 1000 + i;
      y[i] = -i;
    }
    return TimeSeries.builder(Instant.parse("2021-01-01T00:00:00Z"), Duration.ofHours(1))
        .column("a", a).column("b", b).column("y", y).build();
  }

  @Test
  void singleAgeSamplesAreTheWindowAtTheAgeAndTheTargetAtTheHorizon() {
    AgedDataset d = AgedDataset.builder(series(100)).target("y").sources("a", "b").window(3).horizon(2).age(5).build();
    // first anchor t = 5 + 3 - 1 = 7, last anchor = 99 - 2 = 97
    assertEquals(91, d.size());
    assertEquals(List.of("a", "a[-1]", "a[-2]", "b", "b[-1]", "b[-2]"), d.featureNames());
    assertEquals(7, d.anchorRow(0));
    assertArrayEquals(new double[] {2, 1, 0, 1002, 1001, 1000}, d.features(0));
    assertEquals(-9, d.target(0));
    int last = d.size() - 1;
    assertEquals(97, d.anchorRow(last));
    assertEquals(-99, d.target(last));
    assertEquals(92, d.value(last, 0, 0, 0));
    assertFalse(d.hasAgeInput());
  }

  @Test
  void perSourceAgeVector() {
    AgedDataset d = AgedDataset.builder(series(50)).target("y").sources("a", "b").window(2).ageVector(1, 4).build();
    int t = d.anchorRow(0);
    assertEquals(5, t); // oldest age 4 + window 2 - 1
    assertArrayEquals(new double[] {4, 3, 1001, 1000}, d.features(0));
    assertEquals(4, d.age(0, 1));
  }

  @Test
  void pooledViewAppendsAgesAndMatchesTheSingleAgeDataSets() {
    TimeSeries s = series(400);
    AgedDataset pooled = AgedDataset.builder(s).target("y").sources("a", "b").window(4).ages(AgeSet.range(1, 48))
        .build();
    assertTrue(pooled.hasAgeInput());
    assertEquals(48, pooled.ageVectorCount());
    assertEquals(List.of("age:a", "age:b"), pooled.featureNames().subList(8, 10));
    int perAge = pooled.countOf(0);
    assertEquals(48 * perAge, pooled.size());
    for (int k = 0; k < 48; k++) {
      AgedDataset single = pooled.forAgeVector(k);
      assertEquals(perAge, single.size());
      for (int r = 0; r < perAge; r += 37) {
        double[] f = pooled.features(pooled.firstRowOf(k) + r);
        double[] g = single.features(r);
        assertArrayEquals(g, f);
        assertEquals(k + 1, f[8]);
        assertEquals(pooled.target(pooled.firstRowOf(k) + r), single.target(r));
      }
    }
    // common targets: every age predicts the same targets
    assertEquals(pooled.anchorRow(0), pooled.anchorRow(pooled.firstRowOf(47)));
    AgedDataset noAge = pooled.withAgeInput(false);
    assertEquals(8, noAge.featureCount());
  }

  @Test
  void withoutCommonTargetsEachAgeUsesAllItsAnchors() {
    AgedDataset d = AgedDataset.builder(series(100)).target("y").sources("a").ages(AgeSet.of(1, 10))
        .commonTargets(false).build();
    assertEquals(99, d.countOf(0));
    assertEquals(90, d.countOf(1));
    assertEquals(189, d.size());
    assertEquals(1, d.ageVectorIndex(99));
    assertEquals(10, d.anchorRow(99));
    assertEquals(0, d.ageVectorIndex(98));
  }

  @Test
  void knownCovariatesAttachAtTheTargetTime() {
    AgedDataset d = AgedDataset.builder(series(60)).target("y").sources("a").window(1).horizon(3).age(2)
        .covariates(KnownCovariates.hourOfDay(ZoneOffset.UTC)).covariate(KnownCovariates.column("b")).build();
    int row = 10;
    int target = d.targetRow(row);
    double hour = target % 24;
    assertEquals(Math.sin(2 * Math.PI * hour / 24), d.features(row)[1], 1e-12);
    assertEquals(Math.cos(2 * Math.PI * hour / 24), d.features(row)[2], 1e-12);
    assertEquals(1000 + target, d.features(row)[3]);
    assertEquals(List.of("a", "hour_sin", "hour_cos", "b"), d.featureNames());
  }

  @Test
  void splitsAreChronologicalWithoutLeakage() {
    TimeSeries s = series(1000);
    AgedDataset d = AgedDataset.builder(s).target("y").sources("a", "b").window(6).horizon(1).ages(AgeSet.range(1, 24))
        .build();
    Splits parts = d.split(new ChronologicalSplit(0.6, 0.2, 0.2));
    assertEquals(0, parts.train().segmentStart());
    assertEquals(600, parts.train().segmentEnd());
    assertEquals(600, parts.validation().segmentStart());
    assertEquals(800, parts.test().segmentStart());
    for (AgedDataset part : List.of(parts.train(), parts.validation(), parts.test())) {
      int lo = part.segmentStart();
      int hi = part.segmentEnd();
      for (int r = 0; r < part.size(); r++) {
        double[] f = part.features(r);
        for (int j = 0; j < 12; j++) {
          double row = j < 6 ? f[j] : f[j] - 1000;
          assertTrue(row >= lo && row < hi, "feature row " + row + " outside " + lo + ".." + hi);
        }
        int targetRow = (int) -part.target(r);
        assertTrue(targetRow >= lo && targetRow < hi);
      }
    }
    DataException e = assertThrows(DataException.class, () -> d.split(new ChronologicalSplit(0.9, 0.08, 0.02)));
    assertTrue(e.getMessage().contains("test part") && e.getMessage().contains("need at least 31"), e.getMessage());
  }

  @Test
  void standardizationIsFittedOnTheTrainingPartOnly() {
    TimeSeries s = series(1000);
    AgedDataset d = AgedDataset.builder(s).target("y").sources("a").window(2).ages(AgeSet.of(1, 3)).build();
    Splits raw = d.split(new ChronologicalSplit(0.5, 0.25, 0.25));
    Splits std = raw.standardized();
    Standardization st = std.train().standardization().orElseThrow();
    // column a over rows 0..499: mean 249.5, population sd sqrt((500^2 - 1) / 12)
    assertEquals(249.5, st.means()[0], 1e-9);
    assertEquals(Math.sqrt((500.0 * 500 - 1) / 12), st.scales()[0], 1e-9);
    // ages 1 and 3 equally often: mean 2, sd 1
    assertEquals(2, st.ageMeans()[0], 1e-12);
    assertEquals(1, st.ageScales()[0], 1e-12);
    double[] f = std.test().features(0);
    double raw0 = raw.test().features(0)[0];
    assertEquals((raw0 - 249.5) / st.scales()[0], f[0], 1e-9);
    assertEquals(st.scaleAge(0, raw.test().age(0, 0)), f[2], 1e-12);
    assertEquals(raw.test().target(5), st.unscale("y", std.test().target(5)), 1e-9);
    // the test part's values lie far outside the training range: standardised values > 1.7
    assertTrue(f[0] > 1.7);
  }

  @Test
  void clearErrorsForBadRequests() {
    TimeSeries s = series(30);
    DataException tooLong = assertThrows(DataException.class,
        () -> AgedDataset.builder(s).target("y").sources("a").window(24).age(10).build());
    assertTrue(tooLong.getMessage().contains("has 30 rows") && tooLong.getMessage().contains("need at least 34"),
        tooLong.getMessage());
    DataException unknown = assertThrows(DataException.class, () -> AgedDataset.builder(s).target("power"));
    assertTrue(unknown.getMessage().contains("[a, b, y]"), unknown.getMessage());
    assertThrows(DataException.class, () -> AgedDataset.builder(s).source(Source.of("w", "a", "zz")));
    assertThrows(IllegalArgumentException.class, () -> AgedDataset.builder(s).ageVector(1, -2));
    assertThrows(IllegalArgumentException.class, () -> AgedDataset.builder(s).ageVectors(List.of()));
    assertThrows(IllegalArgumentException.class, () -> AgedDataset.builder(s).window(0));
    assertThrows(IllegalArgumentException.class, () -> AgedDataset.builder(s).horizon(-1));
    assertThrows(IllegalStateException.class, () -> AgedDataset.builder(s).sources("a").age(1).build());
    assertThrows(IllegalArgumentException.class,
        () -> AgedDataset.builder(s).target("y").sources("a", "b").ageVector(1).build());
  }

  @Test
  void builderCanBeReusedWithoutChangingBuiltDataSets() {
    AgedDataset.Builder b = AgedDataset.builder(series(100)).target("y").sources("a").ages(AgeSet.of(1, 2));
    AgedDataset first = b.build();
    b.ages(AgeSet.of(5));
    AgedDataset second = b.build();
    assertEquals(2, first.ageVectorCount());
    assertEquals(1, second.ageVectorCount());
    assertEquals(2, first.split(ChronologicalSplit.defaults()).train().ageVectorCount());
  }
}
