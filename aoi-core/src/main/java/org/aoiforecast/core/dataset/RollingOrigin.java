package org.aoiforecast.core.dataset;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

/**
 * A rolling-origin backtest: several forecast origins over the data instead of the one of a
 * {@link ChronologicalSplit}, each fold trained on an expanding window of everything before its
 * test block.
 *
 * <p><b>Layout.</b> The last {@code folds × shares.test()} of the rows are cut into {@code folds}
 * consecutive test blocks of {@code shares.test()} of the rows each (the block of fold {@code k}
 * starts at row {@code round(n (1 - (folds - k + 1) test))} of the {@code n} rows). Fold {@code k}
 * learns from the rows before its block, cut in the chronological split's proportion
 * {@code train : validation}: the earlier part trains, the later validates (early stopping). A
 * gap of {@link #gap} rows is dropped at the end of the training part and at the end of the
 * validation part, so that no row any training or validation sample reads (window at its ages,
 * target at the horizon) lies within {@code gap} rows of a row any test sample reads. The last
 * fold's layout is that of the chronological split with the same shares, with these gaps cut out
 * (up to a row of rounding), so a backtest of one fold is the chronological split with gaps.
 *
 * <p><b>Why the gap is window + oldest age + horizon.</b> That is the span of rows one sample
 * reads: its oldest input is {@code window + age - 1} rows before the query time and its target
 * {@code horizon} rows after. Each part already reads only its own rows; the gap also keeps a whole
 * sample's span between the last target that training fits and the first input a test sample sees,
 * so no test sample is a near copy of a training one.
 *
 * <p><b>Standardisation</b> is not part of the layout: the strategies fit it on each fold's
 * training part ({@link Splits#standardized()}), so it is refitted per fold.
 *
 * @param folds the number of folds (forecast origins), at least 1
 * @param shares the proportions: {@code test} is the share of all rows in each test block;
 *     {@code train : validation} is how the rows before a block are divided (validation 0: no
 *     validation part)
 * @param extraGap rows added to the least gap, at least 0
 */
public record RollingOrigin(int folds, ChronologicalSplit shares, int extraGap) {

  /** Validates. */
  public RollingOrigin {
    Objects.requireNonNull(shares, "shares");
    if (folds < 1) {
      throw new IllegalArgumentException("a backtest needs at least 1 fold, got " + folds);
    }
    if (folds * shares.test() >= 1 - 1e-9) {
      throw new IllegalArgumentException(String.format(Locale.ROOT, "%d test blocks of %.0f %% of the rows leave no"
          + " rows to train the first fold; at most %d folds fit test blocks of that size", folds,
          100 * shares.test(), maxFoldsOfShare(shares.test())));
    }
    if (extraGap < 0) {
      throw new IllegalArgumentException("the extra gap must be at least 0 rows, got " + extraGap);
    }
  }

  /**
   * @param folds the number of folds
   * @return a backtest with the library's proportions (test blocks of 15 % of the rows, the rows
   *     before each block divided 70 : 15 into training and validation) and the least gap
   */
  public static RollingOrigin of(int folds) {
    return new RollingOrigin(folds, ChronologicalSplit.defaults(), 0);
  }

  private static int maxFoldsOfShare(double test) {
    int k = (int) Math.floor(1 / test);
    return k * test >= 1 - 1e-9 ? k - 1 : k;
  }

  /**
   * @param steps rows added to the least gap
   * @return this backtest with that extra gap
   */
  public RollingOrigin withExtraGap(int steps) {
    return new RollingOrigin(folds, shares, steps);
  }

  /**
   * @param spec what a sample is
   * @return the rows dropped between two parts of a fold: window + oldest age + horizon + the
   *     extra gap, in steps
   */
  public int gap(AgedDatasetSpec spec) {
    return spec.window() + spec.oldestAge() + spec.maxHorizon() + extraGap;
  }

  /** @return the share of the rows before a test block that validates, {@code validation / (train + validation)} */
  public double validationShare() {
    return shares.validation() / (shares.train() + shares.validation());
  }

  /**
   * The row layout of every fold over rows {@code [fromRow, toRow)}.
   *
   * @param fromRow first row of the data (inclusive)
   * @param toRow end row (exclusive)
   * @param spec what a sample is (its window, oldest age and horizon set the gap and the least
   *     length of a part)
   * @return the folds, earliest test block first
   * @throws IllegalArgumentException when the folds do not fit the rows: a fold would have fewer
   *     training rows than test rows, or a part too short for one sample; the message gives the
   *     rows the first such fold would have and how many folds fit
   */
  public List<FoldLayout> layout(int fromRow, int toRow, AgedDatasetSpec spec) {
    if (fromRow < 0 || toRow <= fromRow) {
      throw new IllegalArgumentException("no rows to backtest: " + fromRow + ".." + toRow);
    }
    List<FoldLayout> out = new ArrayList<>();
    String problem = tryLayout(fromRow, toRow, spec, out);
    if (problem == null) {
      return List.copyOf(out);
    }
    int fit = 0;
    for (int k = folds - 1; k >= 1 && fit == 0; k--) {
      if (new RollingOrigin(k, shares, extraGap).tryLayout(fromRow, toRow, spec, new ArrayList<>()) == null) {
        fit = k;
      }
    }
    throw new IllegalArgumentException(String.format(Locale.ROOT, "a backtest of %d fold%s does not fit %d rows"
        + " (test blocks of %.0f %% of the rows, gaps of %d rows = window %d + oldest age %d + horizon %d%s): %s. %s",
        folds, folds == 1 ? "" : "s", toRow - fromRow, 100 * shares.test(), gap(spec), spec.window(), spec.oldestAge(),
        spec.maxHorizon(), extraGap > 0 ? " + " + extraGap : "", problem, fit > 0 ? "At most " + fit + " fold"
        + (fit == 1 ? "" : "s") + " fit these rows; use fewer folds or more data" : "No backtest fits these rows with"
        + " this spec; use more data, a smaller window, age or horizon"));
  }

  /** Fills {@code out} with the layout; returns what is wrong with it, or null. */
  private String tryLayout(int fromRow, int toRow, AgedDatasetSpec spec, List<FoldLayout> out) {
    int n = toRow - fromRow;
    int g = gap(spec);
    int span = spec.window() + spec.oldestAge() + spec.maxHorizon();
    double trainShare = 1 - validationShare();
    for (int k = 1; k <= folds; k++) {
      int testFrom = fromRow + (int) Math.round(n * (1 - (folds - k + 1) * shares.test()));
      int testTo = k == folds ? toRow : fromRow + (int) Math.round(n * (1 - (folds - k) * shares.test()));
      int before = testFrom - fromRow;
      int cut = shares.validation() > 0 ? fromRow + (int) Math.round(before * trainShare) : testFrom;
      int trainTo = cut - g;
      int validationFrom = shares.validation() > 0 ? cut : trainTo;
      int validationTo = shares.validation() > 0 ? testFrom - g : trainTo;
      int trainRows = trainTo - fromRow;
      int validationRows = validationTo - validationFrom;
      int testRows = testTo - testFrom;
      String rows = "fold " + k + " would train on " + Math.max(0, trainRows) + " rows"
          + (shares.validation() > 0 ? ", validate on " + Math.max(0, validationRows) : "")
          + " and test on " + testRows;
      if (trainRows < testRows) {
        return rows + ", but a fold needs at least as many training rows as test rows";
      }
      if (testRows < span || (shares.validation() > 0 && validationRows < span)) {
        return rows + ", but every part needs at least " + span + " rows (window + oldest age + horizon)";
      }
      out.add(new FoldLayout(k, fromRow, trainTo, validationFrom, validationTo, testFrom, testTo, g));
    }
    return null;
  }

  /**
   * The folds of a data set: its segment's rows laid out by {@link #layout}, each part a view of
   * the data set over its own rows (raw, like {@link AgedDataset#split}).
   *
   * @param data the data set (not standardised)
   * @return the folds, earliest test block first
   * @throws IllegalArgumentException when the folds do not fit the data set's rows
   */
  public List<BacktestFold> folds(AgedDataset data) {
    if (data.standardization().isPresent()) {
      throw new IllegalArgumentException("backtest raw data: each fold fits its own standardisation on its training"
          + " part");
    }
    List<BacktestFold> out = new ArrayList<>();
    for (FoldLayout f : layout(data.segmentStart(), data.segmentEnd(), data.spec())) {
      String name = "fold " + f.number() + " ";
      AgedDataset train = data.part(f.trainFrom(), f.trainTo(), name + "training");
      AgedDataset validation = f.hasValidation() ? data.part(f.validationFrom(), f.validationTo(), name + "validation")
          : null;
      AgedDataset test = data.part(f.testFrom(), f.testTo(), name + "test");
      out.add(new BacktestFold(f, new Splits(train, validation, test)));
    }
    return List.copyOf(out);
  }
}
