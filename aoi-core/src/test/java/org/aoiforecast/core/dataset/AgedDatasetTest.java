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
    AgedDataset d = AgedDataset.of(series(100), AgedDatasetSpec.builder().target("y").sources("a", "b").window(3).horizon(2).age(5).build());
    // first anchor t = 5 + 3 - 1 = 7, last anchor = 99 - 2 = 97
    assertEquals(91, d.size());
    assertEquals(List.of("a", "a[-1]", "a[-2]", "b", "b[-1]", "b[-2]"), d.featureNames());
    assertEquals(7, d.anchorRow(0));
    assertArrayEquals(new double[] {2, 1, 0, 1002, 1001, 1000}, d.features(0));
    assertEquals(-9, d.targetValue(0));
    int last = d.size() - 1;
    assertEquals(97, d.anchorRow(last));
    assertEquals(-99, d.targetValue(last));
    assertEquals(92, d.value(last, 0, 0, 0));
    assertFalse(d.spec().hasAgeInput());
  }

  @Test
  void perSourceAgeVector() {
    AgedDataset d = AgedDataset.of(series(50), AgedDatasetSpec.builder().target("y").sources("a", "b").window(2).ageVector(1, 4).build());
    int t = d.anchorRow(0);
    assertEquals(5, t); // oldest age 4 + window 2 - 1
    assertArrayEquals(new double[] {4, 3, 1001, 1000}, d.features(0));
    assertEquals(4, d.age(0, 1));
  }

  @Test
  void pooledViewAppendsAgesAndMatchesTheSingleAgeDataSets() {
    TimeSeries s = series(400);
    AgedDataset pooled = AgedDataset.of(s, AgedDatasetSpec.builder().target("y").sources("a", "b").window(4).ages(AgeSet.range(1, 48)).build());
    assertTrue(pooled.spec().hasAgeInput());
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
        assertEquals(pooled.targetValue(pooled.firstRowOf(k) + r), single.targetValue(r));
      }
    }
    // common targets: every age predicts the same targets
    assertEquals(pooled.anchorRow(0), pooled.anchorRow(pooled.firstRowOf(47)));
    AgedDataset noAge = pooled.withoutAgeInput();
    assertEquals(8, noAge.featureCount());
  }

  @Test
  void withoutCommonTargetsEachAgeUsesAllItsAnchors() {
    AgedDataset d = AgedDataset.of(series(100), AgedDatasetSpec.builder().target("y").sources("a").ages(AgeSet.of(1, 10))
        .anchors(AgedDatasetSpec.Anchors.PER_AGE_VECTOR).build());
    assertEquals(99, d.countOf(0));
    assertEquals(90, d.countOf(1));
    assertEquals(189, d.size());
    assertEquals(1, d.ageVectorIndex(99));
    assertEquals(10, d.anchorRow(99));
    assertEquals(0, d.ageVectorIndex(98));
  }

  @Test
  void knownCovariatesAttachAtTheTargetTime() {
    AgedDataset d = AgedDataset.of(series(60), AgedDatasetSpec.builder().target("y").sources("a").window(1).horizon(3).age(2)
        .covariates(KnownCovariates.hourOfDay(ZoneOffset.UTC)).covariate(KnownCovariates.column("b")).build());
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
    AgedDataset d = AgedDataset.of(s, AgedDatasetSpec.builder().target("y").sources("a", "b").window(6).horizon(1).ages(AgeSet.range(1, 24)).build());
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
        int targetRow = (int) -part.targetValue(r);
        assertTrue(targetRow >= lo && targetRow < hi);
      }
    }
    DataException e = assertThrows(DataException.class, () -> d.split(new ChronologicalSplit(0.9, 0.08, 0.02)));
    assertTrue(e.getMessage().contains("test part") && e.getMessage().contains("need at least 31"), e.getMessage());
  }

  @Test
  void standardizationIsFittedOnTheTrainingPartOnly() {
    TimeSeries s = series(1000);
    AgedDataset d = AgedDataset.of(s, AgedDatasetSpec.builder().target("y").sources("a").window(2).ages(AgeSet.of(1, 3)).build());
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
    assertEquals(raw.test().targetValue(5), st.unscale("y", std.test().targetValue(5)), 1e-9);
    // the test part's values lie far outside the training range: standardised values > 1.7
    assertTrue(f[0] > 1.7);
  }

  @Test
  void clearErrorsForBadRequests() {
    TimeSeries s = series(30);
    DataException tooLong = assertThrows(DataException.class,
        () -> AgedDataset.of(s, AgedDatasetSpec.builder().target("y").sources("a").window(24).age(10).build()));
    assertTrue(tooLong.getMessage().contains("has 30 rows") && tooLong.getMessage().contains("need at least 34"),
        tooLong.getMessage());
    DataException unknown = assertThrows(DataException.class,
        () -> AgedDataset.of(s, AgedDatasetSpec.builder().target("power").sources("a").age(1).build()));
    assertTrue(unknown.getMessage().contains("[a, b, y]"), unknown.getMessage());
    assertThrows(DataException.class, () -> AgedDataset.of(s,
        AgedDatasetSpec.builder().target("y").source(Source.of("w", "a", "zz")).age(1).build()));
    AgedDatasetSpec.Builder b = AgedDatasetSpec.builder().target("y").sources("a", "b");
    IllegalArgumentException negative = assertThrows(IllegalArgumentException.class,
        () -> b.ageVector(1, -2).build());
    assertTrue(negative.getMessage().contains("age -2 in [1, -2] is negative"), negative.getMessage());
    assertThrows(IllegalArgumentException.class, () -> b.ageVectors(List.of()));
    assertThrows(IllegalArgumentException.class, () -> b.window(0));
    assertThrows(IllegalArgumentException.class, () -> b.horizon(-1));
    assertThrows(IllegalStateException.class, () -> AgedDatasetSpec.builder().sources("a").age(1).build());
    IllegalArgumentException count = assertThrows(IllegalArgumentException.class,
        () -> AgedDatasetSpec.builder().target("y").sources("a", "b").ageVector(1).build());
    assertTrue(count.getMessage().contains("give one age per source"), count.getMessage());
  }

  @Test
  void specBuilderCanBeReusedWithoutChangingBuiltSpecs() {
    AgedDatasetSpec.Builder b = AgedDatasetSpec.builder().target("y").sources("a").ages(AgeSet.of(1, 2));
    AgedDatasetSpec first = b.build();
    b.ages(AgeSet.of(5));
    AgedDatasetSpec second = b.build();
    assertEquals(2, first.ageVectorCount());
    assertEquals(1, second.ageVectorCount());
    AgedDataset data = AgedDataset.of(series(100), first);
    assertEquals(2, data.split(ChronologicalSplit.defaults()).train().ageVectorCount());
  }

  @Test
  void specIsAValueWithModifiedCopies() {
    AgedDatasetSpec spec = AgedDatasetSpec.builder().target("y").sources("a", "b").window(3)
        .ages(AgeSet.range(1, 4)).covariates(KnownCovariates.calendar(ZoneOffset.UTC)).build();
    AgedDatasetSpec same = AgedDatasetSpec.builder().target("y").sources("a", "b").window(3)
        .ages(AgeSet.range(1, 4)).covariates(KnownCovariates.calendar(ZoneOffset.UTC)).build();
    assertEquals(spec, same);
    assertEquals(spec.hashCode(), same.hashCode());
    assertTrue(spec.hasAgeInput(), "pooling several ages turns the age input on by default");
    assertEquals(AgeSet.range(1, 4), spec.sharedAges().orElseThrow());
    assertEquals(2 * 3 + 4 + 2, spec.featureCount());
    AgedDatasetSpec narrow = spec.withWindow(1).withoutAgeInput();
    assertEquals(2 + 4, narrow.featureCount());
    assertEquals(3, spec.window(), "the original is unchanged");
    assertEquals(List.of(4, 4), List.of(spec.withOnlyAgeVector(3).ageVector(0)[0], spec.maxAge(1)));
    AgedDatasetSpec mixed = spec.withAgeVectors(List.of(new int[] {1, 5}, new int[] {2, 3}));
    assertTrue(mixed.sharedAges().isEmpty());
    assertEquals(5, mixed.oldestAge());
    assertEquals(3, mixed.minAge(1));
    assertEquals(1, spec.sourceIndex("b"));
    IllegalArgumentException unknown = assertThrows(IllegalArgumentException.class, () -> spec.sourceIndex("c"));
    assertTrue(unknown.getMessage().contains("[a, b]"), unknown.getMessage());
  }

  @Test
  void encoderWritesLiveInputsLikeTrainingRows() {
    TimeSeries s = series(200);
    AgedDatasetSpec spec = AgedDatasetSpec.builder().target("y").sources("a", "b").window(3).horizon(2)
        .ages(AgeSet.of(1, 4)).covariates(KnownCovariates.hourOfDay(ZoneOffset.UTC))
        .covariate(KnownCovariates.column("b")).ageEncoding(AgeEncoding.periodic(24)).build();
    Splits std = AgedDataset.of(s, spec).split(new ChronologicalSplit(0.5, 0.25, 0.25)).standardized();
    AgedDataset test = std.test();
    Standardization st = test.standardization().orElseThrow();
    FeatureEncoder live = FeatureEncoder.standardized(spec, st);
    for (int row : new int[] {0, test.size() / 2, test.size() - 1}) {
      int t = test.anchorRow(row);
      int[] ages = {test.age(row, 0), test.age(row, 1)};
      double[][][] windows = new double[2][1][3];
      for (int lag = 0; lag < 3; lag++) {
        windows[0][0][lag] = t - ages[0] - lag; // raw a = row index
        windows[1][0][lag] = 1000 + t - ages[1] - lag; // raw b = 1000 + row index
      }
      double[] encoded = live.encodeLive(s.time(t + 2), windows, new double[] {ages[0], ages[1]},
          java.util.Map.of("b", 1000.0 + t + 2));
      assertArrayEquals(test.features(row), encoded, 1e-9, "row " + row);
    }
    IllegalArgumentException shortWindow = assertThrows(IllegalArgumentException.class,
        () -> live.encodeLive(s.time(10), new double[][][] {{{1, 2}}, {{1, 2, 3}}}, new double[] {1, 1},
            java.util.Map.of("b", 0.0)));
    assertTrue(shortWindow.getMessage().contains("column 'a': 2 values given, the window is 3"),
        shortWindow.getMessage());
    IllegalArgumentException missing = assertThrows(IllegalArgumentException.class,
        () -> live.encodeLive(s.time(10), new double[][][] {{{1, 2, 3}}, {{1, 2, 3}}}, new double[] {1, 1},
            java.util.Map.of()));
    assertTrue(missing.getMessage().contains("covariate 'b' is a data column"), missing.getMessage());
  }
}
