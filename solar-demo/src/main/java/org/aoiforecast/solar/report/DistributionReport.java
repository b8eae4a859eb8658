package org.aoiforecast.solar.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.aoiforecast.core.io.Json;
import org.aoiforecast.forecasting.evaluation.AgeBand;
import org.aoiforecast.forecasting.evaluation.EvaluationReport;
import org.aoiforecast.forecasting.evaluation.ProbabilisticMetrics;
import org.aoiforecast.forecasting.evaluation.ProbabilisticResult;
import org.aoiforecast.forecasting.evaluation.StrategyResult;
import org.aoiforecast.info.profile.ProfileCurve;

/**
 * The forecast distributions in the report, when a strategy forecasts them (the pooled network
 * with a Gaussian head, {@code --intervals}): the scores per age band, the comparison of the
 * network's log loss per age with the no-training log-loss estimate, their section, findings,
 * figure and JSON.
 *
 * @param strategy the strategy's name
 * @param result its scores
 * @param ages the ages, steps
 * @param bands the age bands
 * @param estimate the log-loss estimate (same target, sources, covariates, window and ages), if
 *     computed
 * @param horizons whether the network pools several horizons (scores per age pool them; no estimate)
 */
record DistributionReport(String strategy, ProbabilisticResult result, int[] ages, List<AgeBand> bands,
    Optional<ProfileCurve> estimate, boolean horizons) {
  /** Figure 8. */
  static final String FIGURE = "fig8-log-loss.png";

  /**
   * @param eval the training comparison
   * @param estimate the log-loss estimate, if computed
   * @param horizons whether the study pools several horizons
   * @return the report of the first strategy that forecasts distributions, or empty
   */
  static Optional<DistributionReport> of(EvaluationReport eval, Optional<ProfileCurve> estimate, boolean horizons) {
    for (StrategyResult r : eval.strategies()) {
      if (r.probabilistic().isPresent()) {
        return Optional.of(new DistributionReport(r.name(), r.probabilistic().get(), eval.ages(), eval.bands(),
            estimate, horizons));
      }
    }
    return Optional.empty();
  }

  /** @return the network's test log loss per age, nats */
  double[] testLogLoss() {
    return result.test().logLoss();
  }

  /** @return the network's training log loss per age, nats */
  double[] trainLogLoss() {
    return result.train().logLoss();
  }

  /**
   * @param network the network's log loss per age
   * @return {@code mean |estimate − network| / |network|} over ages, NaN without an estimate
   */
  double agreement(double[] network) {
    return estimate.map(e -> ReportWriter.agreement(e, network)).orElse(Double.NaN);
  }

  /** @return {@code mean (estimate − network test log loss)} over ages, nats (NaN without an estimate) */
  double meanDifference() {
    if (estimate.isEmpty()) {
      return Double.NaN;
    }
    double[] e = estimate.get().values();
    double[] n = testLogLoss();
    double s = 0;
    for (int i = 0; i < n.length; i++) {
      s += e[i] - n[i];
    }
    return s / n.length;
  }

  /** The findings' bullets. */
  void findings(StringBuilder md) {
    ProbabilisticMetrics test = result.test();
    ProbabilisticMetrics online = result.testOnline();
    md.append(String.format(Locale.ROOT, "- The central 80 %% intervals of %s (Gaussian head) cover %.1f %% of the test"
        + " outcomes (%s; target 80 %%) with the calibration fitted on the validation part, and %.1f %% (%s) when"
        + " their spreads are recalibrated online from the outcomes known at each forecast, at a CRPS %.1f %% %s.%n",
        strategy, 100 * test.meanCoverage(), byBand(test), 100 * online.meanCoverage(), byBand(online),
        100 * Math.abs(online.meanCrps() / test.meanCrps() - 1), online.meanCrps() > test.meanCrps() ? "higher"
            : "lower"));
    if (estimate.isPresent()) {
      ProfileCurve e = estimate.get();
      md.append(String.format(Locale.ROOT, "- Log loss: the network's test log loss deviates from the no-training"
          + " estimate of H(Y | X) (u = %d, %s, %s) by %.1f %% on average over ages (mean relative deviation; on the"
          + " training part %.1f %%); the estimate lies %.3f nats %s the test log loss on average.%n", e.window(),
          e.estimator(), e.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '), 100 * agreement(testLogLoss()),
          100 * agreement(trainLogLoss()), Math.abs(meanDifference()), meanDifference() >= 0 ? "above" : "below"));
    }
  }

  /** "1-6 h 80.3 %, 7-24 h 79.9 %, ...": the coverage per band that holds samples. */
  private String byBand(ProbabilisticMetrics m) {
    StringBuilder text = new StringBuilder();
    for (AgeBand b : bands) {
      ProbabilisticMetrics.Band band = m.band(b);
      if (band.samples() > 0) {
        text.append(text.length() == 0 ? "" : ", ").append(b.label()).append(' ')
            .append(String.format(Locale.ROOT, "%.1f %%", 100 * band.coverage()));
      }
    }
    return text.toString();
  }

  /** The report's section: what the scores mean, a table per age band and figure 8. */
  void markdown(String unit, StringBuilder md) {
    String u = unit.isEmpty() ? "target units" : unit;
    md.append("## Forecast distributions\n\n");
    md.append("The ").append(strategy).append(" network has a Gaussian head: per forecast a mean and a standard"
        + " deviation, trained by the Gaussian log-likelihood; one factor per age").append(horizons ? " and horizon"
        : "").append(", fitted on the validation part, scales the standard deviations so that the central 80 %"
        + " interval covers 80 % of that part (mean factor ")
        .append(String.format(Locale.ROOT, "%.3f", result.meanCalibration())).append("). Scores on the test part"
        + (horizons ? ", per age over every horizon" : "") + ":"
        + " coverage of the central 80 % interval (between the 0.1 and 0.9 quantiles) and its mean width, CRPS and"
        + " pinball losses in ").append(u).append(", log loss in nats (of the density per ").append(u)
        .append("; lower is better for all but coverage). The last three columns score the same forecasts with their"
        + " spreads recalibrated online (adaptive conformal inference, rate ")
        .append(result.onlineRate()).append("): after each outcome that has become known, a factor widens the"
        + " intervals when it fell outside and narrows them slightly when it fell inside, so that coverage follows"
        + " the seasons, which a calibration fitted once cannot (docs/decisions.md, \"Online recalibration\").\n\n");
    md.append("| ages | samples | coverage 80 % | width | CRPS | pinball 0.1 | pinball 0.5 | pinball 0.9 | log loss"
        + " | online: coverage 80 % | width | CRPS |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
    List<AgeBand> rows = new ArrayList<>(bands);
    rows.add(new AgeBand("all", 0, Integer.MAX_VALUE));
    for (AgeBand b : rows) {
      ProbabilisticMetrics.Band band = result.test().band(b);
      if (band.samples() > 0) {
        row(md, b.label(), band, result.testOnline().band(b));
      }
    }
    md.append('\n');
    md.append("![").append(FIGURE).append("](").append(FIGURE).append(")\n\n");
    md.append("Figure 8. Log loss per age: the Gaussian network on the test part (solid) and on its training data"
        + " (thin dashed)");
    estimate.ifPresent(e -> md.append(", and the no-training estimate of the least log loss H(Y | X) on the training"
        + " part, as `analyze --loss log` computes it with the same covariates and window (u = ")
        .append(e.window()).append(", ")
        .append(e.estimator()).append(", ").append(e.kind().name().toLowerCase(Locale.ROOT).replace('_', ' '))
        .append("; dashed black, with its 95 % bootstrap interval)"));
    if (horizons) {
      md.append(", every horizon pooled per age (the no-training estimate is for one horizon, so it is not drawn)");
    }
    md.append(". All in nats of the target in its own units. A target with an exact value on part of the data"
        + " (zero power at night) has no finite differential entropy there: the network's log loss on those"
        + " samples is set by how sharply it forecasts them, and an estimator's by its own resolution (docs/theory.md,"
        + " section 10).\n\n");
  }

  private static void row(StringBuilder md, String label, ProbabilisticMetrics.Band b, ProbabilisticMetrics.Band o) {
    double[] p = b.pinball();
    md.append(String.format(Locale.ROOT, "| %s | %d | %.1f %% | %s | %s | %s | %s | %s | %s | %.1f %% | %s | %s |%n",
        label, b.samples(), 100 * b.coverage(), num(b.width()), num(b.crps()), num(p[0]), num(p[1]), num(p[2]),
        num(b.logLoss()), 100 * o.coverage(), num(o.width()), num(o.crps())));
  }

  private static String num(double v) {
    double a = Math.abs(v);
    return a >= 100 ? String.format(Locale.ROOT, "%.1f", v) : a >= 1 ? String.format(Locale.ROOT, "%.3f", v)
        : String.format(Locale.ROOT, "%.4g", v);
  }

  /** The {@code probabilistic} object of {@code run.json} (docs/json.md). */
  ObjectNode json() {
    ObjectNode o = Json.object();
    o.put("strategy", strategy);
    o.put("distribution", result.distribution());
    o.put("interval", ProbabilisticMetrics.INTERVAL);
    ProbabilisticMetrics test = result.test();
    o.put("test_coverage", test.meanCoverage());
    test.writeBands(bands, o.putArray("bands"));
    ObjectNode online = o.putObject("online");
    online.put("rate", result.onlineRate());
    online.put("test_coverage", result.testOnline().meanCoverage());
    online.put("mean_test_crps", result.testOnline().meanCrps());
    result.testOnline().writeBands(bands, online.putArray("bands"));
    Json.add(o.putArray("test_log_loss"), testLogLoss());
    Json.add(o.putArray("train_log_loss"), trainLogLoss());
    Json.add(o.putArray("calibration"), result.calibration());
    if (estimate.isPresent()) {
      ProfileCurve e = estimate.get();
      ObjectNode j = o.putObject("log_loss_estimate");
      j.put("window", e.window());
      j.put("estimator", e.estimator());
      j.put("kind", e.kind().name().toLowerCase(Locale.ROOT));
      Json.add(j.putArray("loss"), e.values());
      Json.add(j.putArray("lower"), e.lower());
      Json.add(j.putArray("upper"), e.upper());
      o.put("log_loss_agreement", agreement(testLogLoss()));
      o.put("log_loss_agreement_train", agreement(trainLogLoss()));
      o.put("log_loss_mean_difference", meanDifference());
    } else {
      o.putNull("log_loss_estimate");
      o.putNull("log_loss_agreement");
      o.putNull("log_loss_agreement_train");
      o.putNull("log_loss_mean_difference");
    }
    return o;
  }
}
