package org.aoiforecast.solar.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Instant;
import org.aoiforecast.core.io.Json;
import org.aoiforecast.forecasting.GaussianForecast;

/**
 * The JSON of {@code predict --json} (schema {@value #SCHEMA}, docs/json.md): the forecast, and for
 * a model with a Gaussian head its standard deviation, the quantiles at 0.1, 0.5 and 0.9 and the
 * central 80 % interval, in the target's units.
 */
final class PredictionJson {
  /** The schema version: 2, the version of the outputs that carry forecast distributions. */
  static final int SCHEMA = 2;
  /** The probability of the central interval printed and written. */
  static final double INTERVAL = 0.8;
  /** The quantile levels written. */
  static final double[] QUANTILES = {0.1, 0.5, 0.9};

  private PredictionJson() {}

  static ObjectNode of(Path model, String target, String unit, Instant queryTime, Instant targetTime, double forecast,
      GaussianForecast distribution) {
    ObjectNode o = Json.object();
    o.put("schema", SCHEMA);
    o.put("command", "predict");
    o.put("model", model.toString());
    o.put("target", target);
    o.put("unit", unit);
    o.put("query_time", queryTime.toString());
    o.put("target_time", targetTime.toString());
    o.put("forecast", forecast);
    if (distribution == null) {
      o.putNull("distribution");
      o.putNull("sd");
      o.putNull("median");
      o.putNull("quantiles");
      o.putNull("interval");
      return o;
    }
    o.put("distribution", "gaussian");
    o.put("sd", distribution.sd());
    o.put("median", distribution.median());
    ObjectNode q = o.putObject("quantiles");
    Json.add(q.putArray("levels"), QUANTILES);
    var values = q.putArray("values");
    for (double p : QUANTILES) {
      values.add(distribution.quantile(p));
    }
    ObjectNode i = o.putObject("interval");
    i.put("probability", INTERVAL);
    i.put("lower", distribution.lower(INTERVAL));
    i.put("upper", distribution.upper(INTERVAL));
    return o;
  }

  /**
   * Adds {@code online}: how {@code --history} recalibrated the interval of a horizon, the first one
   * printed (the rate, the outcomes and their coverage, the factor already applied to {@code sd},
   * the data file).
   */
  static void online(ObjectNode root, Path history, HistoryRecalibration r, int horizon) {
    ObjectNode o = root.putObject("online");
    o.put("history", history.toString());
    o.put("rate", r.rate());
    o.put("outcomes", r.outcomes(horizon));
    o.put("last_outcome", r.lastOutcome().toString());
    o.put("coverage", r.coverage(horizon));
    o.put("factor", r.factor(horizon));
  }

  /**
   * Adds a distribution's {@code sd}, {@code lower} and {@code upper} (the central {@link #INTERVAL}
   * interval) to one entry of {@code forecasts}.
   */
  static void distribution(ObjectNode entry, GaussianForecast d) {
    entry.put("sd", d.sd());
    entry.put("lower", d.lower(INTERVAL));
    entry.put("upper", d.upper(INTERVAL));
  }
}
