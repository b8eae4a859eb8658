package org.aoiforecast.forecasting;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.aoiforecast.core.DataException;
import org.aoiforecast.core.Finite;
import org.aoiforecast.core.TimeSeries;
import org.aoiforecast.core.dataset.AgedDataset;
import org.aoiforecast.core.dataset.AgedDatasetSpec;
import org.aoiforecast.core.reading.Source;
import org.aoiforecast.core.dataset.Splits;
import org.aoiforecast.forecasting.evaluation.AgeBand;
import org.aoiforecast.forecasting.evaluation.AgeMetrics;
import org.aoiforecast.forecasting.evaluation.EvaluationReport;
import org.aoiforecast.forecasting.evaluation.GaussianForecasts;
import org.aoiforecast.forecasting.evaluation.ProbabilisticMetrics;
import org.aoiforecast.forecasting.evaluation.ProbabilisticResult;
import org.aoiforecast.forecasting.evaluation.HorizonMetrics;
import org.aoiforecast.forecasting.evaluation.HorizonReport;
import org.aoiforecast.forecasting.evaluation.StrategyResult;
import org.aoiforecast.forecasting.nn.TrainingListener;

/**
 * Runs strategies on the same chronological splits and measures each per age: the comparison the
 * study is about (per-age networks vs one pooled network, with baselines beside them). A
 * {@link ProbabilisticForecaster} that forecasts distributions is also scored as such (log loss,
 * CRPS, pinball losses, interval coverage; {@link ProbabilisticMetrics}), its point errors being
 * those of its means, and scored again with its spreads recalibrated online through the test part
 * ({@link OnlineRecalibration} at the default rate), as a forecaster that keeps its intervals
 * calibrated from the outcomes it sees would issue them.
 */
public final class Evaluation {
  /** The online recalibration the test part is scored with beside the fixed calibration. */
  static final OnlineRecalibration ONLINE = OnlineRecalibration.of(ProbabilisticMetrics.INTERVAL);

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
   * @param splits raw splits of a pooled data set (ages shared by all sources, or per-source age vectors)
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
        splits.train().spec().horizon(0), ages, results, AgeBand.standard(splits.train().series().step()));
  }

  /**
   * The evaluation of data pooled over several horizons: per age over every horizon, as {@link
   * #run(Splits, List, TrainingListener)} reports it (its {@code horizon} is the first horizon),
   * and per (age, horizon) cell on the test part.
   *
   * @param perAge errors per age, all horizons pooled
   * @param perCell test errors per (age, horizon)
   * @param forecasters the trained forecasters, in the order of the strategies
   */
  public record HorizonRun(EvaluationReport perAge, HorizonReport perCell, List<Forecaster> forecasters) {}

  /**
   * Runs strategies on splits pooled over ages and horizons and measures each per age and per
   * (age, horizon) cell, from one prediction per part.
   *
   * @param splits raw splits of a data set pooled over ages and horizons
   * @param strategies the strategies to train and evaluate (per-age networks refuse several
   *     horizons)
   * @param listener training progress
   * @return both reports, strategies in the given order
   */
  public static HorizonRun runWithHorizons(Splits splits, List<? extends TrainingStrategy<?>> strategies,
      TrainingListener listener) {
    List<StrategyResult> results = new ArrayList<>();
    List<HorizonReport.Entry> cells = new ArrayList<>();
    List<Forecaster> forecasters = new ArrayList<>();
    for (TrainingStrategy<?> strategy : strategies) {
      long t0 = System.nanoTime();
      Forecaster f = strategy.fit(splits, listener);
      double seconds = (System.nanoTime() - t0) / 1e9;
      Measured m = measure(strategy.name(), f, splits, seconds);
      results.add(m.result());
      forecasters.add(f);
      cells.add(new HorizonReport.Entry(strategy.name(), HorizonMetrics.of(splits.test(), m.testForecasts()),
          seconds));
    }
    AgedDatasetSpec spec = splits.train().spec();
    int[] ages = results.isEmpty() ? new int[0] : results.get(0).test().ages();
    EvaluationReport perAge = new EvaluationReport(spec.target(), spec.window(), spec.horizon(0), ages, results,
        AgeBand.standard(splits.train().series().step()));
    return new HorizonRun(perAge, new HorizonReport(ages, spec.horizons(), cells), List.copyOf(forecasters));
  }

  /**
   * The (age, horizon) grid of trained forecasters on the test part of data pooled over horizons,
   * as {@link #runWithHorizons} reports it: e.g. for the last fold of a backtest.
   *
   * @param splits raw splits of a data set pooled over ages and horizons
   * @param runs the strategies' forecasters and results on them, in the order run
   * @return the per-cell report
   */
  public static HorizonReport horizonReport(Splits splits, List<? extends Run<?>> runs) {
    List<HorizonReport.Entry> cells = new ArrayList<>();
    for (Run<?> r : runs) {
      cells.add(new HorizonReport.Entry(r.result().name(), HorizonMetrics.of(splits.test(),
          r.forecaster().predict(splits.test())), r.result().trainSeconds()));
    }
    int[] ages = runs.isEmpty() ? new int[0] : runs.get(0).result().test().ages();
    return new HorizonReport(ages, splits.train().spec().horizons(), cells);
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
    return new Run<>(f, measure(strategy.name(), f, splits, seconds).result());
  }

  /** A strategy's result and its point forecasts of the test part (the means of distributions). */
  private record Measured(StrategyResult result, double[] testForecasts) {}

  /**
   * Measures a trained forecaster per age on the training and test parts; one that forecasts
   * distributions is also scored as such, with the fixed and the online calibration.
   */
  private static Measured measure(String name, Forecaster f, Splits splits, double seconds) {
    if (f instanceof ProbabilisticForecaster p && p.isProbabilistic()) {
      GaussianForecasts trainForecasts = p.predictDistribution(splits.train());
      GaussianForecasts testForecasts = p.predictDistribution(splits.test());
      AgeMetrics train = AgeMetrics.of(splits.train(), trainForecasts.mean());
      AgeMetrics test = AgeMetrics.of(splits.test(), testForecasts.mean());
      requireFinite(name, "training", train, splits.train());
      requireFinite(name, "test", test, splits.test());
      ProbabilisticResult scores = new ProbabilisticResult("gaussian",
          ProbabilisticMetrics.of(splits.train(), trainForecasts), ProbabilisticMetrics.of(splits.test(), testForecasts),
          ProbabilisticMetrics.of(splits.test(), ONLINE.apply(splits.test(), testForecasts)), ONLINE.rate(),
          ProbabilisticMetrics.perReportingAge(splits.test(), p.calibration(splits.test())));
      return new Measured(new StrategyResult(name, train, test, seconds, f.networkCount(), Optional.of(scores)),
          testForecasts.mean());
    }
    AgeMetrics train = AgeMetrics.of(splits.train(), f.predict(splits.train()));
    double[] testForecasts = f.predict(splits.test());
    AgeMetrics test = AgeMetrics.of(splits.test(), testForecasts);
    requireFinite(name, "training", train, splits.train());
    requireFinite(name, "test", test, splits.test());
    return new Measured(new StrategyResult(name, train, test, seconds, f.networkCount()), testForecasts);
  }

  /**
   * A loss that is not finite is an error that names the column behind it, never a number in a
   * report: the first column the samples read whose squares overflow, or else the strategy.
   */
  private static void requireFinite(String strategy, String part, AgeMetrics metrics, AgedDataset data) {
    double[] mse = metrics.mse();
    for (int k = 0; k < mse.length; k++) {
      if (Double.isFinite(mse[k])) {
        continue;
      }
      AgedDatasetSpec spec = data.spec();
      Set<String> columns = new LinkedHashSet<>();
      columns.add(spec.target());
      for (Source source : spec.sources()) {
        columns.addAll(source.columns());
      }
      TimeSeries series = data.series();
      for (String column : columns) {
        Finite.requireFiniteSpread(series.origin(), column, series.column(column), data.segmentStart(),
            data.segmentEnd());
      }
      throw new DataException(series.origin().isEmpty() ? null : series.origin(), 0, spec.target(), "strategy "
          + strategy + " has a " + part + " MSE of " + mse[k] + " at age " + metrics.ages()[k]
          + ": its forecasts are not finite");
    }
  }
}
