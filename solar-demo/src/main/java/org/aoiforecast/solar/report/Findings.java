package org.aoiforecast.solar.report;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.aoiforecast.forecasting.Strategies;
import org.aoiforecast.forecasting.evaluation.AgeBand;
import org.aoiforecast.forecasting.evaluation.BacktestReport;
import org.aoiforecast.forecasting.evaluation.EvaluationReport;
import org.aoiforecast.forecasting.evaluation.StrategyResult;
import org.aoiforecast.forecasting.nn.LinearPath;
import org.aoiforecast.info.profile.MarkovGapCurve;
import org.aoiforecast.info.profile.ProfileCurve;
import org.aoiforecast.info.profile.ProfileReport;

/**
 * The report's "Findings" section: what the analysis and the trained strategies show, in
 * sentences a reader can act on (the profiles' verdicts, the pooled network against the per-age
 * networks and without its age input, skill, the lowest strategy overall and per age band, the
 * backtest, the estimate's agreement, whether the hidden layers were kept, the forecast
 * distributions).
 */
final class Findings {
  private Findings() {}

  /**
   * Appends the section.
   *
   * @param agreement the estimate's mean relative deviation from the pooled network's training
   *     loss, NaN when not compared
   */
  static void append(StringBuilder md, Study study, ProfileReport analysis, Study.Training training,
      double agreement, String mseUnit, Optional<BacktestReport> backtest,
      Optional<DistributionReport> distributions) {
    StudySettings s = study.settings();
    EvaluationReport eval = training.report();
    md.append("## Findings\n\n");
    for (ProfileCurve p : analysis.profiles()) {
      md.append("- ").append(p.verdict(s.target())).append(" [").append(p.estimator()).append(", ")
          .append(p.kind().name().toLowerCase(Locale.ROOT).replace('_', ' ')).append("]\n");
    }
    for (MarkovGapCurve g : analysis.markov()) {
      md.append(String.format(Locale.ROOT, "- u=%d: mean epsilon-Markov gap (nu=%d) %.4f nats%s%n", g.window(), g.nu(),
          g.mean(), g.mean() < 0.01 ? " (close to a Markov chain: the loss is nearly monotone in age)" : ""));
    }
    StrategyResult pooled = ReportWriter.find(eval, Strategies.POOLED_WITH_AGE);
    StrategyResult perAge = ReportWriter.find(eval, Strategies.PER_AGE);
    StrategyResult without = ReportWriter.find(eval, Strategies.POOLED_WITHOUT_AGE);
    if (pooled != null && perAge != null) {
      md.append(String.format(Locale.ROOT, "- One pooled network with the age as input reaches a mean test MSE of %s"
          + " against %s for %d per-age networks (%+.1f %%), training in %.1f s instead of %.1f s (%.1fx faster).%n",
          ReportWriter.num(pooled.test().meanMse()), ReportWriter.num(perAge.test().meanMse()), perAge.networks(),
          100 * (pooled.test().meanMse() / perAge.test().meanMse() - 1), pooled.trainSeconds(), perAge.trainSeconds(),
          perAge.trainSeconds() / Math.max(1e-9, pooled.trainSeconds())));
    }
    if (pooled != null && without != null) {
      md.append(String.format(Locale.ROOT, "- Without the age input the pooled network reaches %s (%+.1f %% against"
          + " with the age input%s): %s.%n", ReportWriter.num(without.test().meanMse()),
          100 * (without.test().meanMse() / pooled.test().meanMse() - 1), bandDifferences(without, pooled,
          study.data().series().step()),
          without.test().meanMse() > pooled.test().meanMse() ? "what the age input buys"
              : "the age input does not pay on this data and seed"));
    }
    if (Figures.hasSkill(eval)) {
      md.append("- Forecast skill against smart persistence over all test samples (1 - RMSE / RMSE_smart): ");
      List<String> parts = new ArrayList<>();
      for (StrategyResult r : eval.strategies()) {
        parts.add(String.format(Locale.ROOT, "%s %+.3f", r.name(), eval.meanSkill(r.name()).orElseThrow()));
      }
      md.append(String.join(", ", parts)).append(".\n");
    }
    StrategyResult best = eval.strategies().stream().min(Comparator.comparingDouble(r -> r.test().meanMse()))
        .orElseThrow();
    md.append("- Lowest mean test MSE over ages: ").append(best.name()).append(" (")
        .append(ReportWriter.num(best.test().meanMse()))
        .append(' ').append(mseUnit).append(")");
    // the winner of each age band, as a forecaster choosing for one staleness would read it
    List<String> perBand = new ArrayList<>();
    for (AgeBand band : eval.bands()) {
      StrategyResult b = eval.strategies().stream().filter(r -> Double.isFinite(band.meanMse(r.test())))
          .min(Comparator.comparingDouble(r -> band.meanMse(r.test()))).orElse(null);
      if (b != null) {
        perBand.add(band.label() + " " + b.name() + " (" + ReportWriter.num(band.meanMse(b.test())) + ")");
      }
    }
    md.append(perBand.isEmpty() ? "" : "; per age band: " + String.join(", ", perBand)).append(".\n");
    backtest.ifPresent(b -> md.append(BacktestSection.finding(b, mseUnit)));
    if (Double.isFinite(agreement)) {
      md.append(String.format(Locale.ROOT, "- The no-training estimate (u=%d, seconds of computation), made on the"
          + " training part, deviates from the loss the pooled network reaches there by %.1f %% on average over"
          + " ages.%n",
          s.trainWindow(), 100 * agreement));
    }
    if (training.pooledModel() != null && training.pooledModel().linearBase().isPresent()) {
      // say which model the pooled-with-age results are: the network, or its linear path alone
      md.append(training.pooledModel().summary().networkKept()
          ? String.format(Locale.ROOT, "- The pooled network beat its linear path alone on the validation part (best"
              + " epoch %d), so its hidden layers are kept.%n", training.pooledModel().summary().bestEpoch())
          : String.format(Locale.ROOT, "- The pooled network's hidden layers did not beat its linear path alone on the"
              + " validation part, so the pooled model is that path (%s%s): on this data the network adds"
              + " nothing it can show on held-out data.%n",
              training.pooledModel().linearBase().get().path() == LinearPath.PER_AGE
                  ? "a ridge regression with coefficients per trained age"
                  : "a ridge regression whose coefficients vary with the age",
              training.pooledModel().linearBase().get().smartPersistence().isPresent()
                  ? ", with smart persistence as a regressor at the young ages" : ""));
    }
    distributions.ifPresent(d -> d.findings(md));
    md.append('\n');
  }

  /** "; ages 1-6: +x %, ..." over the standard bands that hold ages, relative to {@code base}. */
  private static String bandDifferences(StrategyResult other, StrategyResult base, Duration step) {
    List<String> parts = new ArrayList<>();
    for (AgeBand band : AgeBand.standard(step)) {
      double o = band.meanMse(other.test());
      double b = band.meanMse(base.test());
      if (Double.isFinite(o) && Double.isFinite(b)) {
        parts.add(String.format(Locale.ROOT, "%s: %+.1f %%", band.label(), 100 * (o / b - 1)));
      }
    }
    return parts.isEmpty() ? "" : "; ages " + String.join(", ", parts);
  }
}
