package org.aoiforecast.forecasting;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.aoiforecast.core.dataset.AgedDataset;
import org.aoiforecast.core.dataset.BacktestFold;
import org.aoiforecast.core.dataset.RollingOrigin;
import org.aoiforecast.forecasting.evaluation.AgeBand;
import org.aoiforecast.forecasting.evaluation.BacktestReport;
import org.aoiforecast.forecasting.evaluation.EvaluationReport;
import org.aoiforecast.forecasting.evaluation.FoldResult;
import org.aoiforecast.forecasting.evaluation.StrategyResult;
import org.aoiforecast.forecasting.nn.TrainingListener;

/**
 * A rolling-origin backtest of strategies: every strategy trained and measured per age on every
 * fold of a {@link RollingOrigin} (each fold's standardisation fitted on its own training part,
 * as the strategies do on any splits), then summarised over folds. Immutable; {@code with...}
 * methods return modified copies.
 *
 * <pre>{@code
 * BacktestReport report = Backtest.of(RollingOrigin.of(4))
 *     .run(AgedDataset.of(series, spec), List.of(Strategies.pooledWithAge(config), Baselines.linear()),
 *         TrainingListener.NONE);
 * MeanSpread mse = report.summary("pooled-with-age").meanMse();
 * }</pre>
 */
public final class Backtest {
  private final RollingOrigin origin;
  private final List<AgeBand> bands;

  private Backtest(RollingOrigin origin, List<AgeBand> bands) {
    this.origin = Objects.requireNonNull(origin, "origin");
    this.bands = List.copyOf(bands);
  }

  /**
   * @param origin the folds' layout
   * @return a backtest summarised over the {@linkplain AgeBand#standard() standard age bands}
   */
  public static Backtest of(RollingOrigin origin) {
    return new Backtest(origin, AgeBand.standard());
  }

  /**
   * @param bands the age bands of the summaries (in steps)
   * @return this backtest with those bands
   */
  public Backtest withBands(List<AgeBand> bands) {
    return new Backtest(origin, bands);
  }

  /** @return the folds' layout */
  public RollingOrigin origin() {
    return origin;
  }

  /** Receives each fold's trained forecasters, e.g. to keep the last fold's model. */
  @FunctionalInterface
  public interface FoldListener {
    /**
     * @param fold the fold just evaluated
     * @param runs every strategy's forecaster and result on it, in the order run
     */
    void foldDone(BacktestFold fold, List<Evaluation.Run<?>> runs);
  }

  /**
   * @param data a raw data set pooled over an age set (all sources sharing each age), and over
   *     horizons if it has several (each age's errors then pool its horizons, and the gaps cover
   *     the longest horizon)
   * @param strategies the strategies to train and evaluate on every fold
   * @param listener training progress
   * @return the per-fold results and their summary
   * @throws IllegalArgumentException when the folds do not fit the data (the message says what the
   *     first fold would have and how many folds fit)
   */
  public BacktestReport run(AgedDataset data, List<? extends TrainingStrategy<?>> strategies,
      TrainingListener listener) {
    return run(data, strategies, listener, (fold, runs) -> { });
  }

  /**
   * @param data a raw data set pooled over an age set
   * @param strategies the strategies to train and evaluate on every fold
   * @param listener training progress
   * @param folds receives each fold's forecasters once the fold is evaluated (they are not kept)
   * @return the per-fold results and their summary
   */
  public BacktestReport run(AgedDataset data, List<? extends TrainingStrategy<?>> strategies,
      TrainingListener listener, FoldListener folds) {
    if (strategies.isEmpty()) {
      throw new IllegalArgumentException("give at least one strategy to backtest");
    }
    List<FoldResult> results = new ArrayList<>();
    for (BacktestFold fold : origin.folds(data)) {
      List<Evaluation.Run<?>> runs = new ArrayList<>();
      for (TrainingStrategy<?> s : strategies) {
        runs.add(Evaluation.run(fold.splits(), s, listener));
      }
      List<StrategyResult> fr = runs.stream().map(Evaluation.Run::result).toList();
      int[] ages = fr.get(0).test().ages();
      results.add(new FoldResult(fold.layout(), new EvaluationReport(data.spec().target(), data.spec().window(),
          data.spec().horizon(0), ages, fr)));
      folds.foldDone(fold, runs);
    }
    return new BacktestReport(origin, data.series().start(), data.series().step(), bands, results);
  }
}
