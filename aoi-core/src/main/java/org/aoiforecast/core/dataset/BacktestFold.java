package org.aoiforecast.core.dataset;

import java.util.Objects;

/**
 * One fold of a rolling-origin backtest: its row layout and the raw chronological parts of the
 * data set over those rows, ready for a training strategy (which fits any standardisation on the
 * fold's training part only, see {@link Splits#standardized()}). Made by {@link
 * RollingOrigin#folds}.
 *
 * @param layout where the fold's parts lie in the series
 * @param splits the fold's training, validation (null when the layout has none) and test parts
 */
public record BacktestFold(FoldLayout layout, Splits splits) {

  /** Checks that the parts are the layout's rows. */
  public BacktestFold {
    Objects.requireNonNull(layout, "layout");
    Objects.requireNonNull(splits, "splits");
    if (splits.train().segmentStart() != layout.trainFrom() || splits.train().segmentEnd() != layout.trainTo()
        || splits.test().segmentStart() != layout.testFrom() || splits.test().segmentEnd() != layout.testTo()
        || (splits.validation() == null) == layout.hasValidation()) {
      throw new IllegalArgumentException("the parts of fold " + layout.number() + " do not lie on its layout");
    }
  }

  /** @return the fold's number, 1 for the earliest test block */
  public int number() {
    return layout.number();
  }
}
