package org.aoiforecast.solar.cli;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;
import org.aoiforecast.core.DataException;
import org.aoiforecast.core.TimeSeries;
import org.aoiforecast.core.dataset.AgedDataset;
import org.aoiforecast.core.dataset.AgedDatasetSpec;
import org.aoiforecast.forecasting.AgeAwareForecaster;
import org.aoiforecast.forecasting.OnlineRecalibration;
import org.aoiforecast.forecasting.evaluation.GaussianForecasts;
import org.aoiforecast.forecasting.evaluation.ProbabilisticMetrics;
import org.aoiforecast.solar.data.ClearSkyColumn;

/**
 * {@code predict --history}: the online factor of a live interval, from the model's forecasts of
 * recent data and their outcomes. The model forecasts every sample of the file at its trained age
 * vector nearest to the request's ages (the vector whose calibration the live forecast uses), and
 * {@link OnlineRecalibration#replay} runs through them in time order up to the last outcome known
 * at the query time: the target's reading that is as old as the request says. A model over several
 * horizons gets one factor per horizon, each from that horizon's forecasts.
 *
 * @param horizons the model's horizons, steps
 * @param factors per horizon, the factor of the live forecast's standard deviation
 * @param outcomes per horizon, the outcomes it was updated with
 * @param coverage per horizon, the share of them inside the interval they were issued with
 * @param lastOutcome the target time of the latest outcome known
 * @param rate the rate of the recalibration
 */
record HistoryRecalibration(int[] horizons, double[] factors, long[] outcomes, double[] coverage,
    Instant lastOutcome, double rate) {

  /**
   * @param model a model with a Gaussian head
   * @param file the recent data, for messages
   * @param series their series (as read, without the model's clear-sky column if not in the file)
   * @param recipe how the model's clear-sky covariate is computed, if it saved one
   * @param at the query time
   * @param ages the request's age per source of the model's layout, steps
   * @return the recalibration
   * @throws DataException when the file holds no outcome known at {@code at}, or does not feed the model
   */
  static HistoryRecalibration of(AgeAwareForecaster model, Path file, TimeSeries series,
      Optional<ClearSkyColumn> recipe, Instant at, int[] ages) {
    AgedDatasetSpec spec = model.layout().spec();
    if (recipe.isPresent() && !series.hasColumn(ClearSkyColumn.COLUMN)
        && spec.covariates().stream().anyMatch(c -> c.name().equals(ClearSkyColumn.COLUMN))) {
      series = recipe.get().addTo(series);
    }
    int vector = model.calibration().nearest(java.util.Arrays.stream(ages).asDoubleStream().toArray());
    AgedDataset data;
    GaussianForecasts forecasts;
    try {
      data = AgedDataset.of(series, spec.withOnlyAgeVector(vector));
      forecasts = model.predictDistribution(data);
    } catch (DataException e) {
      throw e; // already names the file, line and column
    } catch (IllegalArgumentException e) {
      throw new DataException(file.toString(), 0, null, "--history: " + e.getMessage());
    }
    // the target's reading known at the query time is as old as the request says
    Instant known = at.minus(series.step().multipliedBy(spec.reportingAge(ages)));
    long lastRow = Math.floorDiv(known.toEpochMilli() - series.start().toEpochMilli(), series.stepMillis());
    int firstTarget = data.size() == 0 ? Integer.MAX_VALUE : data.targetRow(data.firstRowOfCell(0));
    for (int c = 1; c < data.cellCount(); c++) {
      firstTarget = Math.min(firstTarget, data.targetRow(data.firstRowOfCell(c)));
    }
    if (data.size() == 0 || lastRow < firstTarget) {
      throw new DataException(file.toString(), 0, null, "--history holds no outcome known at " + at + ": with the"
          + " target's reading " + spec.reportingAge(ages) + " steps old, the latest known one is at " + known
          + ", and the file's first forecast target is at "
          + (data.size() == 0 ? "(none: the file is shorter than a window and the oldest age)"
              : series.time(firstTarget).toString()));
    }
    OnlineRecalibration rule = OnlineRecalibration.of(ProbabilisticMetrics.INTERVAL);
    int h = data.horizonCount();
    double[] factors = new double[h];
    long[] outcomes = new long[h];
    double[] coverage = new double[h];
    int lastTarget = 0;
    for (int j = 0; j < h; j++) {
      // one age vector: cell j is horizon j
      OnlineRecalibration.Tracker t = rule.replay(data, forecasts, j, (int) Math.min(Integer.MAX_VALUE, lastRow));
      factors[j] = t.factor();
      outcomes[j] = t.outcomes();
      coverage[j] = t.coverage();
      int cellEnd = data.firstRowOfCell(j) + data.countOfCell(j) - 1;
      lastTarget = Math.max(lastTarget, data.countOfCell(j) == 0 ? 0 : data.targetRow(cellEnd));
    }
    return new HistoryRecalibration(spec.horizons(), factors, outcomes, coverage,
        series.time((int) Math.min(lastRow, lastTarget)), rule.rate());
  }

  /**
   * @param horizon one of the model's horizons, steps
   * @return its factor
   */
  double factor(int horizon) {
    return factors[index(horizon)];
  }

  /**
   * @param horizon one of the model's horizons, steps
   * @return the outcomes its factor was updated with
   */
  long outcomes(int horizon) {
    return outcomes[index(horizon)];
  }

  /**
   * @param horizon one of the model's horizons, steps
   * @return the share of those outcomes inside their intervals
   */
  double coverage(int horizon) {
    return coverage[index(horizon)];
  }

  private int index(int horizon) {
    for (int j = 0; j < horizons.length; j++) {
      if (horizons[j] == horizon) {
        return j;
      }
    }
    throw new IllegalArgumentException("horizon " + horizon + " is not one of " + java.util.Arrays.toString(horizons));
  }
}
