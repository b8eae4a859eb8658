package org.aoiforecast.core.dataset;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Random;
import org.aoiforecast.core.TimeSeries;
import org.junit.jupiter.api.Test;

/**
 * The folds of a rolling-origin backtest: their layout in closed form, and the proof that they do
 * not leak: every row a training or validation sample reads lies more than a gap before every row
 * a test sample reads, and each fold's standardisation is that of its training rows alone.
 */
class RollingOriginTest {
  /** Every column holds its row index, so every value a sample reads says which row it read. */
  private static TimeSeries indexSeries(int n) {
    double[] row = new double[n];
    for (int i = 0; i < n; i++) {
      row[i] = i;
    }
    return TimeSeries.builder(Instant.parse("2021-01-01T00:00:00Z"), Duration.ofHours(1))
        .column("a", row).column("b", row.clone()).column("c", row.clone()).column("y", row.clone()).build();
  }

  /** Target y, sources a and b, the clear-sky-like column c as a known covariate at the target row. */
  private static AgedDatasetSpec spec(int window, int horizon, AgedDatasetSpec.Anchors anchors) {
    return AgedDatasetSpec.builder().target("y").sources("a", "b").window(window).horizon(horizon)
        .ages(AgeSet.range(1, 12)).withoutAgeInput().covariate(KnownCovariates.column("c")).anchors(anchors).build();
  }

  /** The smallest and largest row a part reads: every feature (windows and covariates) and target. */
  private static int[] rowsRead(AgedDataset part) {
    int lo = Integer.MAX_VALUE;
    int hi = Integer.MIN_VALUE;
    for (int r = 0; r < part.size(); r++) {
      for (double v : part.features(r)) {
        lo = Math.min(lo, (int) v);
        hi = Math.max(hi, (int) v);
      }
      lo = Math.min(lo, (int) part.targetValue(r));
      hi = Math.max(hi, (int) part.targetValue(r));
    }
    return new int[] {lo, hi};
  }

  @Test
  void theLayoutIsTheDocumentedExpandingWindow() {
    // 1000 rows, 4 folds: test blocks of 150 rows from row 400; the rows before a block are cut
    // 70 : 15, and a gap of window 4 + oldest age 12 + horizon 3 = 19 rows ends each earlier part
    List<FoldLayout> folds = RollingOrigin.of(4).layout(0, 1000, spec(4, 3, AgedDatasetSpec.Anchors.COMMON));
    int[] testFrom = {400, 550, 700, 850};
    int[] cut = {329, 453, 576, 700}; // round(testFrom * 70 / 85)
    assertEquals(4, folds.size());
    for (int k = 0; k < 4; k++) {
      FoldLayout f = folds.get(k);
      assertEquals(k + 1, f.number());
      assertEquals(19, f.gap());
      assertEquals(0, f.trainFrom());
      assertEquals(cut[k] - 19, f.trainTo());
      assertEquals(cut[k], f.validationFrom());
      assertEquals(testFrom[k] - 19, f.validationTo());
      assertEquals(testFrom[k], f.testFrom());
      assertEquals(k == 3 ? 1000 : testFrom[k + 1], f.testTo());
    }
  }

  @Test
  void oneFoldIsTheChronologicalSplitWithGaps() {
    AgedDataset data = AgedDataset.of(indexSeries(1000), spec(4, 3, AgedDatasetSpec.Anchors.COMMON));
    Splits split = data.split(ChronologicalSplit.defaults());
    List<BacktestFold> one = RollingOrigin.of(1).folds(data);
    assertEquals(1, one.size());
    Splits fold = one.get(0).splits();
    int gap = 19;
    assertEquals(split.train().segmentStart(), fold.train().segmentStart());
    assertEquals(split.train().segmentEnd() - gap, fold.train().segmentEnd());
    assertEquals(split.validation().segmentStart(), fold.validation().segmentStart());
    assertEquals(split.validation().segmentEnd() - gap, fold.validation().segmentEnd());
    assertEquals(split.test().segmentStart(), fold.test().segmentStart());
    assertEquals(split.test().segmentEnd(), fold.test().segmentEnd());
    assertEquals(split.test().size(), fold.test().size());
    // and the last fold of any backtest is the same fold
    List<BacktestFold> four = RollingOrigin.of(4).folds(data);
    assertEquals(one.get(0).layout().trainTo(), four.get(3).layout().trainTo());
    assertEquals(one.get(0).layout().testFrom(), four.get(3).layout().testFrom());
  }

  @Test
  void noRowReadByTrainingOrValidationLiesWithinAGapOfARowReadByTheTest() {
    for (int folds : new int[] {1, 2, 3, 5}) {
      for (int horizon : new int[] {0, 3}) {
        for (AgedDatasetSpec.Anchors anchors : AgedDatasetSpec.Anchors.values()) {
          for (int extra : new int[] {0, 7}) {
            AgedDatasetSpec spec = spec(4, horizon, anchors);
            RollingOrigin origin = RollingOrigin.of(folds).withExtraGap(extra);
            int gap = origin.gap(spec);
            assertEquals(4 + 12 + horizon + extra, gap);
            AgedDataset data = AgedDataset.of(indexSeries(1200), spec);
            List<BacktestFold> all = origin.folds(data);
            assertEquals(folds, all.size());
            for (BacktestFold fold : all) {
              String where = folds + " folds, horizon " + horizon + ", " + anchors + ", extra gap " + extra + ", fold "
                  + fold.number();
              int[] train = rowsRead(fold.splits().train());
              int[] validation = rowsRead(fold.splits().validation());
              int[] test = rowsRead(fold.splits().test());
              assertTrue(train[1] < validation[0] - gap, where + ": training reads row " + train[1]
                  + ", validation row " + validation[0]);
              assertTrue(Math.max(train[1], validation[1]) < test[0] - gap, where + ": training and validation read up"
                  + " to row " + Math.max(train[1], validation[1]) + ", the test from row " + test[0]);
              // the parts read only their own rows, and the test reads its whole block
              assertTrue(train[0] >= fold.layout().trainFrom() && train[1] < fold.layout().trainTo(), where);
              assertTrue(validation[0] >= fold.layout().validationFrom()
                  && validation[1] < fold.layout().validationTo(), where);
              assertEquals(fold.layout().testFrom(), test[0], where);
              assertEquals(fold.layout().testTo() - 1, test[1], where);
            }
            // test blocks follow each other without overlap, and the origins move forward
            for (int k = 1; k < all.size(); k++) {
              assertEquals(all.get(k - 1).layout().testTo(), all.get(k).layout().testFrom());
              assertTrue(all.get(k - 1).layout().fitTo() < all.get(k).layout().fitTo());
            }
            assertEquals(1200, all.get(all.size() - 1).layout().testTo());
          }
        }
      }
    }
  }

  @Test
  void eachFoldsStandardisationIsThatOfItsTrainingRowsAlone() {
    AgedDatasetSpec spec = spec(4, 3, AgedDatasetSpec.Anchors.COMMON);
    TimeSeries series = indexSeries(1000);
    List<BacktestFold> folds = RollingOrigin.of(3).folds(AgedDataset.of(series, spec));
    double previousMean = -1;
    for (BacktestFold fold : folds) {
      Standardization st = fold.splits().standardized().train().standardization().orElseThrow();
      // column a holds its row index: over rows [from, to) its mean is (from + to - 1) / 2 and its
      // population standard deviation sqrt((m^2 - 1) / 12) with m = to - from
      int from = fold.layout().trainFrom();
      int to = fold.layout().trainTo();
      int m = to - from;
      assertEquals((from + to - 1) / 2.0, st.means()[series.columnIndex("a")], 1e-9);
      assertEquals(Math.sqrt((m * (double) m - 1) / 12), st.scales()[series.columnIndex("a")], 1e-9);
      assertTrue(st.means()[0] > previousMean, "refitted per fold on a growing window");
      previousMean = st.means()[0];
      // validation and test parts are standardised with the training part's statistics
      assertArrayEquals(st.means(), fold.splits().standardized().test().standardization().orElseThrow().means());
    }
  }

  @Test
  void changingTheTestBlockAndTheGapChangesNothingTrainingSees() {
    AgedDatasetSpec spec = spec(4, 3, AgedDatasetSpec.Anchors.COMMON);
    TimeSeries series = indexSeries(1000);
    List<BacktestFold> folds = RollingOrigin.of(3).folds(AgedDataset.of(series, spec));
    Random random = new Random(7);
    for (BacktestFold fold : folds) {
      // overwrite every row from the gap before the test block onwards with other values
      int from = fold.layout().testFrom() - fold.layout().gap();
      TimeSeries.Builder b = TimeSeries.builder(series.start(), series.step());
      for (String name : series.names()) {
        double[] v = series.column(name);
        for (int r = from; r < v.length; r++) {
          v[r] = 1e4 * random.nextGaussian();
        }
        b.column(name, v);
      }
      BacktestFold changed = RollingOrigin.of(3).folds(AgedDataset.of(b.build(), spec)).get(fold.number() - 1);
      Splits original = fold.splits().standardized();
      Splits other = changed.splits().standardized();
      Standardization st = original.train().standardization().orElseThrow();
      Standardization st2 = other.train().standardization().orElseThrow();
      assertArrayEquals(st.means(), st2.means());
      assertArrayEquals(st.scales(), st2.scales());
      assertArrayEquals(st.ageMeans(), st2.ageMeans());
      for (AgedDataset[] part : new AgedDataset[][] {{original.train(), other.train()},
          {original.validation(), other.validation()}}) {
        assertEquals(part[0].size(), part[1].size());
        for (int r = 0; r < part[0].size(); r++) {
          assertArrayEquals(part[0].features(r), part[1].features(r));
          assertEquals(part[0].targetValue(r), part[1].targetValue(r));
        }
      }
    }
  }

  @Test
  void withoutValidationTheTrainingPartEndsAGapBeforeTheTest() {
    AgedDatasetSpec spec = spec(4, 0, AgedDatasetSpec.Anchors.COMMON);
    RollingOrigin origin = new RollingOrigin(2, new ChronologicalSplit(0.8, 0, 0.2), 0);
    List<BacktestFold> folds = origin.folds(AgedDataset.of(indexSeries(1000), spec));
    assertEquals(List.of(600, 800), folds.stream().map(f -> f.layout().testFrom()).toList());
    for (BacktestFold f : folds) {
      assertNull(f.splits().validation());
      assertEquals(f.layout().testFrom() - 16, f.layout().trainTo());
    }
  }

  @Test
  void tooManyFoldsSayWhatEachFoldWouldHaveAndHowManyFit() {
    AgedDatasetSpec spec = spec(4, 3, AgedDatasetSpec.Anchors.COMMON);
    // 300 rows, 4 folds: fold 1 tests on rows 120-164 and validates on rows 99-100 only
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
        () -> RollingOrigin.of(4).folds(AgedDataset.of(indexSeries(300), spec)));
    assertTrue(e.getMessage().contains("a backtest of 4 folds does not fit 300 rows"), e.getMessage());
    assertTrue(e.getMessage().contains("fold 1 would train on 80 rows, validate on 2 and test on 45"), e.getMessage());
    assertTrue(e.getMessage().contains("every part needs at least 19 rows"), e.getMessage());
    assertTrue(e.getMessage().contains("At most 1 fold fit"), e.getMessage());
    assertEquals(1, RollingOrigin.of(1).folds(AgedDataset.of(indexSeries(300), spec)).size());
    IllegalArgumentException tooFew = assertThrows(IllegalArgumentException.class,
        () -> RollingOrigin.of(1).layout(0, 60, spec));
    assertTrue(tooFew.getMessage().contains("No backtest fits these rows"), tooFew.getMessage());
    // training must not be shorter than the test block
    IllegalArgumentException shortTraining = assertThrows(IllegalArgumentException.class,
        () -> RollingOrigin.of(6).layout(0, 8760, spec));
    assertTrue(shortTraining.getMessage().contains("at least as many training rows as test rows"),
        shortTraining.getMessage());
    assertTrue(shortTraining.getMessage().contains("At most 5 folds fit"), shortTraining.getMessage());
    IllegalArgumentException blocks = assertThrows(IllegalArgumentException.class, () -> RollingOrigin.of(7));
    assertTrue(blocks.getMessage().contains("at most 6 folds"), blocks.getMessage());
    assertThrows(IllegalArgumentException.class, () -> RollingOrigin.of(0));
    assertThrows(IllegalArgumentException.class, () -> RollingOrigin.of(2).withExtraGap(-1));
  }
}
