package org.aoiforecast.forecasting.evaluation;

import java.util.Objects;
import org.aoiforecast.core.dataset.FoldLayout;

/**
 * One fold of a backtest: where its parts lay in the series and every strategy's errors on it.
 *
 * @param layout the fold's rows
 * @param evaluation the strategies' per-age errors on the fold's training and test parts
 */
public record FoldResult(FoldLayout layout, EvaluationReport evaluation) {

  /** Checks for nulls. */
  public FoldResult {
    Objects.requireNonNull(layout, "layout");
    Objects.requireNonNull(evaluation, "evaluation");
  }

  /** @return the fold's number, 1 for the earliest test block */
  public int number() {
    return layout.number();
  }
}
