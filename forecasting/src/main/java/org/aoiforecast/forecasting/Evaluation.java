package org.aoiforecast.forecasting;

import java.util.ArrayList;
import java.util.List;
import org.aoiforecast.core.dataset.Splits;
import org.aoiforecast.forecasting.evaluation.AgeMetrics;
import org.aoiforecast.forecasting.evaluation.EvaluationReport;
import org.aoiforecast.forecasting.evaluation.StrategyResult;
import org.aoiforecast.forecasting.nn.TrainingListener;

/**
 * Runs strategies on the same chronological splits and measures each per age: the comparison the
 * study is about (per-age networks vs one pooled network, with baselines beside them).
 */
public final class Evaluation {
  private Evaluation() {}

  /**
   * A strategy's trained forecaster with its evaluation.
   *
   * @param forecaster the trained forecaster
   * @param result its errors per age and training time
   * @param <F> the forecaster's type
   */
  public record Run<F extends Forecaster>(F forecaster, StrategyResult result) {}

  /**
   * @param splits raw splits of a data set pooled over an age set (all sources sharing each age)
   * @param strategies the strategies to train and evaluate
   * @param listener training progress
   * @return the report, strategies in the given order
   */
  public static EvaluationReport run(Splits splits, List<? extends TrainingStrategy<?>> strategies,
      TrainingListener listener) {
    List<StrategyResult> results = new ArrayList<>();
    for (TrainingStrategy<?> s : strategies) {
      results.add(run(splits, s, listener).result());
    }
    int[] ages = results.isEmpty() ? new int[0] : results.get(0).test().ages();
    return new EvaluationReport(splits.train().spec().target(), splits.train().spec().window(),
        splits.train().spec().horizon(), ages, results);
  }

  /**
   * Trains one strategy and measures it per age on the training and test parts.
   *
   * @param splits raw splits
   * @param strategy the strategy
   * @param listener training progress
   * @param <F> the forecaster's type
   * @return the forecaster and its result
   */
  public static <F extends Forecaster> Run<F> run(Splits splits, TrainingStrategy<F> strategy,
      TrainingListener listener) {
    long t0 = System.nanoTime();
    F f = strategy.fit(splits, listener);
    double seconds = (System.nanoTime() - t0) / 1e9;
    AgeMetrics train = AgeMetrics.of(splits.train(), f.predict(splits.train()));
    AgeMetrics test = AgeMetrics.of(splits.test(), f.predict(splits.test()));
    return new Run<>(f, new StrategyResult(strategy.name(), train, test, seconds, f.networkCount()));
  }
}
