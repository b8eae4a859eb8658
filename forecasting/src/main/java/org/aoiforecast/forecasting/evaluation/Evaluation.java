package org.aoiforecast.forecasting.evaluation;

import java.util.ArrayList;
import java.util.List;
import org.aoiforecast.core.dataset.Splits;
import org.aoiforecast.forecasting.Forecaster;
import org.aoiforecast.forecasting.TrainingListener;
import org.aoiforecast.forecasting.TrainingStrategy;

/**
 * Runs strategies on the same chronological splits and measures each per age: the comparison the
 * study is about (per-age networks vs one pooled network, with baselines beside them).
 */
public final class Evaluation {
  private Evaluation() {}

  /** A strategy's trained forecaster with its evaluation. */
  public record Run(Forecaster forecaster, StrategyResult result) {}

  /**
   * @param splits raw splits of a data set pooled over an age set (all sources sharing each age)
   * @param strategies the strategies to train and evaluate
   * @param listener training progress
   * @return the report, strategies in the given order
   */
  public static EvaluationReport run(Splits splits, List<TrainingStrategy> strategies, TrainingListener listener) {
    List<StrategyResult> results = new ArrayList<>();
    for (TrainingStrategy s : strategies) {
      results.add(run(splits, s, listener).result());
    }
    int[] ages = results.isEmpty() ? new int[0] : results.get(0).test().ages();
    return new EvaluationReport(splits.train().target(), splits.train().window(), splits.train().horizon(), ages,
        results);
  }

  /**
   * Trains one strategy and measures it per age on the training and test parts.
   *
   * @param splits raw splits
   * @param strategy the strategy
   * @param listener training progress
   * @return the forecaster and its result
   */
  public static Run run(Splits splits, TrainingStrategy strategy, TrainingListener listener) {
    long t0 = System.nanoTime();
    Forecaster f = strategy.fit(splits, listener);
    double seconds = (System.nanoTime() - t0) / 1e9;
    AgeMetrics train = AgeMetrics.of(splits.train(), f.predict(splits.train()));
    AgeMetrics test = AgeMetrics.of(splits.test(), f.predict(splits.test()));
    int networks = f instanceof NetworkCount c ? c.networks() : 0;
    return new Run(f, new StrategyResult(strategy.name(), train, test, seconds, networks));
  }

  /** Implemented by forecasters made of networks, to report how many were trained. */
  public interface NetworkCount {
    /** @return the number of networks */
    int networks();
  }
}
