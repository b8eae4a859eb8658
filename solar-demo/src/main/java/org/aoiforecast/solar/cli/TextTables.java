package org.aoiforecast.solar.cli;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.aoiforecast.core.dataset.AgeSet;
import org.aoiforecast.core.dataset.FoldLayout;
import org.aoiforecast.forecasting.evaluation.AgeBand;
import org.aoiforecast.forecasting.evaluation.BacktestReport;
import org.aoiforecast.forecasting.Strategies;
import org.aoiforecast.forecasting.evaluation.EvaluationReport;
import org.aoiforecast.forecasting.evaluation.HorizonReport;
import org.aoiforecast.forecasting.evaluation.FoldResult;
import org.aoiforecast.forecasting.evaluation.MeanSpread;
import org.aoiforecast.forecasting.evaluation.ProbabilisticMetrics;
import org.aoiforecast.forecasting.evaluation.ProbabilisticResult;
import org.aoiforecast.forecasting.evaluation.StrategySummary;
import org.aoiforecast.forecasting.evaluation.StrategyResult;
import org.aoiforecast.info.profile.MarkovGapCurve;
import org.aoiforecast.info.profile.ProfileCurve;
import org.aoiforecast.info.profile.ProfileReport;
import org.aoiforecast.solar.report.ClosedLoop;
import org.aoiforecast.solar.report.Study;

/** Plain-text tables for the terminal: one row per age, one column per curve. */
final class TextTables {
  private TextTables() {}

  static void profiles(ProfileReport r, PrintWriter out) {
    List<String> headers = new ArrayList<>();
    List<double[]> columns = new ArrayList<>();
    for (ProfileCurve p : r.profiles()) {
      headers.add("u=" + p.window() + " " + (p.stale().equals(ProfileCurve.ALL) ? "all" : p.stale()));
      columns.add(p.values());
    }
    for (MarkovGapCurve g : r.markov()) {
      headers.add("eps u=" + g.window());
      columns.add(g.cmi());
    }
    out.printf("Estimated %s loss H_L(%s | features of age Δ) (%s), and ε-Markov gaps (nats)%n", r.loss().id(),
        r.target(), r.loss().unit());
    print(headers, r.profiles().get(0).ages(), columns, out);
    out.println();
    for (ProfileCurve p : r.profiles()) {
      out.println("  " + p.verdict(r.target()) + " [" + p.estimator() + "]");
    }
  }

  /**
   * The results of training: the per-age test MSE and skill, and with a backtest first which fold
   * they are of, then every fold and the summary over folds.
   */
  static void training(Study.Training t, PrintWriter out) {
    t.backtestReport().ifPresent(b -> out.printf("Per-age results of the last fold (fold %d of %d, the latest"
        + " forecast origin):%n", b.folds().size(), b.folds().size()));
    if (t.horizonReport().isPresent()) {
      HorizonReport h = t.horizonReport().get();
      evaluation(t.report(), "horizons " + AgeSet.of(h.horizons()) + " pooled", out);
      skill(t.report(), out);
      horizons(h, out);
    } else {
      evaluation(t.report(), out);
      skill(t.report(), out);
    }
    t.backtestReport().ifPresent(b -> backtest(b, out));
  }

  /**
   * Results per horizon: each strategy's test MSE per horizon over all ages, then the skill of
   * the pooled network (or of the first strategy) per (age, horizon) against smart persistence.
   */
  static void horizons(HorizonReport h, PrintWriter out) {
    List<String> headers = new ArrayList<>();
    List<double[]> columns = new ArrayList<>();
    for (HorizonReport.Entry s : h.strategies()) {
      headers.add(s.name());
      double[] byHorizon = new double[h.horizons().length];
      for (int j = 0; j < byHorizon.length; j++) {
        byHorizon[j] = s.test().mseOfHorizon(j);
      }
      columns.add(byHorizon);
    }
    out.printf("Test MSE per horizon (rows: horizon in steps; every age pooled)%n");
    print("h", headers, h.horizons(), columns, out);
    String shown = h.strategies().stream().map(HorizonReport.Entry::name)
        .filter(n -> n.equals(Strategies.POOLED_WITH_AGE)).findFirst().orElse(h.strategies().get(0).name());
    h.skill(shown).ifPresent(skill -> {
      out.printf("Skill of %s per age (rows) and horizon (columns) against smart persistence%n", shown);
      List<String> hs = new ArrayList<>();
      List<double[]> cs = new ArrayList<>();
      int[] horizons = h.horizons();
      for (int j = 0; j < horizons.length; j++) {
        hs.add("h=" + horizons[j]);
        double[] col = new double[skill.length];
        for (int i = 0; i < col.length; i++) {
          col[i] = skill[i][j];
        }
        cs.add(col);
      }
      print(hs, h.ages(), cs, out);
    });
  }

  static void evaluation(EvaluationReport e, PrintWriter out) {
    evaluation(e, "horizon " + e.horizon(), out);
  }

  static void evaluation(EvaluationReport e, String horizonLabel, PrintWriter out) {
    List<String> headers = new ArrayList<>();
    List<double[]> columns = new ArrayList<>();
    for (StrategyResult s : e.strategies()) {
      headers.add(s.name());
      columns.add(s.test().mse());
    }
    out.printf("Test MSE per age of %s (window %d, %s)%n", e.target(), e.window(), horizonLabel);
    print(headers, e.ages(), columns, out);
    out.print(String.format(Locale.ROOT, "%6s", "mean"));
    for (StrategyResult s : e.strategies()) {
      out.print(String.format(Locale.ROOT, " %" + width(s.name()) + "s", format(s.test().meanMse())));
    }
    out.println();
    out.print(String.format(Locale.ROOT, "%6s", "secs"));
    for (StrategyResult s : e.strategies()) {
      out.print(String.format(Locale.ROOT, " %" + width(s.name()) + ".1f", s.trainSeconds()));
    }
    out.println();
  }
  /** Skill per age against smart persistence, when it ran: {@code 1 - RMSE / RMSE_smart}. */
  static void skill(EvaluationReport e, PrintWriter out) {
    if (e.skill(e.strategies().get(0).name()).isEmpty()) {
      return;
    }
    out.printf("Skill per age against smart persistence, 1 - RMSE / RMSE_smart (higher is better)%n");
    List<String> headers = new ArrayList<>();
    List<double[]> columns = new ArrayList<>();
    for (StrategyResult r : e.strategies()) {
      headers.add(r.name());
      columns.add(e.skill(r.name()).orElseThrow());
    }
    print(headers, e.ages(), columns, out);
    out.print(String.format(Locale.ROOT, "%6s", "all"));
    for (StrategyResult r : e.strategies()) {
      out.print(String.format(Locale.ROOT, " %" + width(r.name()) + "s", format(e.meanSkill(r.name()).orElseThrow())));
    }
    out.println();
  }

  /**
   * A backtest: each fold's rows, then per strategy the mean test MSE of each fold and the mean ±
   * standard deviation over folds, overall and per age band.
   */
  static void backtest(BacktestReport b, PrintWriter out) {
    out.printf("Backtest over %d forecast origins (rolling origin, gaps of %d steps)%n", b.folds().size(),
        b.folds().get(0).layout().gap());
    for (FoldResult f : b.folds()) {
      FoldLayout l = f.layout();
      out.printf("  fold %d: trains on rows %d-%d%s, tests on rows %d-%d (%s to %s)%n", l.number(), l.trainFrom(),
          l.trainTo() - 1, l.hasValidation() ? ", validates on " + l.validationFrom() + "-" + (l.validationTo() - 1)
          : "", l.testFrom(), l.testTo() - 1, b.time(l.testFrom()), b.time(l.testTo() - 1));
    }
    out.printf("Mean test MSE over ages per fold; mean ± standard deviation over folds, overall and per age band%n");
    StringBuilder h = new StringBuilder(String.format(Locale.ROOT, "%-20s", "strategy"));
    for (FoldResult f : b.folds()) {
      h.append(String.format(Locale.ROOT, " %10s", "fold " + f.number()));
    }
    h.append(String.format(Locale.ROOT, " %21s", "mean ± sd"));
    for (AgeBand band : b.bands()) {
      h.append(String.format(Locale.ROOT, " %21s", "ages " + band.label()));
    }
    out.println(h);
    for (StrategySummary s : b.summaries()) {
      StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%-20s", s.name()));
      for (FoldResult f : b.folds()) {
        row.append(String.format(Locale.ROOT, " %10s", format(f.evaluation().strategy(s.name()).test().meanMse())));
      }
      row.append(String.format(Locale.ROOT, " %21s", format(s.meanMse())));
      for (MeanSpread m : s.bandMse()) {
        row.append(String.format(Locale.ROOT, " %21s", format(m)));
      }
      out.println(row);
    }
    for (String name : b.strategyNames()) {
      b.coverage(name).ifPresent(c -> out.printf(Locale.ROOT, "Coverage of the central 80 %% interval of %s per"
          + " fold: %s (calibrated on each fold's validation part), %s (recalibrated online)%n", name, percents(c[0]),
          percents(c[1])));
    }
  }

  /** "65.5 / 75.8 / 81.8 %". */
  static String percents(double[] shares) {
    return java.util.Arrays.stream(shares).mapToObj(v -> String.format(Locale.ROOT, "%.1f", 100 * v))
        .collect(java.util.stream.Collectors.joining(" / ")) + " %";
  }

  /** "mean ± sd", or the mean alone when one fold has no spread. */
  static String format(MeanSpread m) {
    return Double.isNaN(m.spread()) ? format(m.mean()) : format(m.mean()) + " ± " + format(m.spread());
  }

  /**
   * The scores of forecast distributions, when a strategy forecasts them: per age band and over
   * all test samples, the coverage of the central 80 % interval, the CRPS, the pinball losses and
   * the log loss, then the coverage and CRPS with the spreads recalibrated online.
   */
  static void intervals(EvaluationReport e, PrintWriter out) {
    for (StrategyResult r : e.strategies()) {
      if (r.probabilistic().isEmpty()) {
        continue;
      }
      ProbabilisticResult p = r.probabilistic().get();
      out.printf(Locale.ROOT, "Forecast distributions of %s (%s; standard deviations scaled per age by factors fitted"
          + " on the validation part, mean %.3f), test part:%n", r.name(), p.distribution(), p.meanCalibration());
      out.printf("%-10s %9s %10s %10s %10s %10s %10s %9s %10s%n", "ages", "coverage", "CRPS", "pinball .1",
          "pinball .5", "pinball .9", "log loss", "online", "CRPS onl.");
      List<AgeBand> bands = new ArrayList<>(e.bands());
      bands.add(new AgeBand("all", 0, Integer.MAX_VALUE));
      for (AgeBand b : bands) {
        ProbabilisticMetrics.Band band = p.test().band(b);
        ProbabilisticMetrics.Band online = p.testOnline().band(b);
        if (band.samples() > 0) {
          double[] pinball = band.pinball();
          out.printf(Locale.ROOT, "%-10s %8.1f%% %10s %10s %10s %10s %10s %8.1f%% %10s%n", b.label(),
              100 * band.coverage(), format(band.crps()), format(pinball[0]), format(pinball[1]), format(pinball[2]),
              format(band.logLoss()), 100 * online.coverage(), format(online.crps()));
        }
      }
      out.printf(Locale.ROOT, "(coverage of the central 80 %% interval; log loss in nats; online: the spreads"
          + " recalibrated from the outcomes known at each forecast, rate %s)%n", p.onlineRate());
    }
  }

  /**
   * The closed loop of update scheduling: per α, the loss each policy is predicted to reach (from
   * the profile) and the test MSE the pooled network reached when fed by it.
   */
  static void scheduling(ClosedLoop.Result r, PrintWriter out) {
    out.printf("Update scheduling, u=%d: average loss predicted by the profile / expected from the network's"
        + " per-age test MSE / realised test MSE%n", r.window());
    out.printf("%6s %4s %-26s %-26s %-26s%n", "alpha", "T", "zero-wait", "periodic", "threshold");
    for (ClosedLoop.Point p : r.sweep()) {
      out.printf(Locale.ROOT, "%6.2f %4d", p.alpha(), p.transmissionSteps());
      for (ClosedLoop.Outcome o : p.outcomes()) {
        out.printf(Locale.ROOT, " %-26s", String.format(Locale.ROOT, "%.4g/%.4g/%.4g", o.predicted(), o.expected(),
            o.realized()));
      }
      out.println();
    }
    out.printf(Locale.ROOT, "at alpha %.2f the optimal policy is %s%n", r.alpha(), r.chosen().optimal().description());
  }

  private static void print(List<String> headers, int[] ages, List<double[]> columns, PrintWriter out) {
    print("age", headers, ages, columns, out);
  }

  /** A table whose rows are labelled by integers under {@code label} (ages, or horizons). */
  private static void print(String label, List<String> headers, int[] ages, List<double[]> columns,
      PrintWriter out) {
    StringBuilder h = new StringBuilder(String.format(Locale.ROOT, "%6s", label));
    for (String name : headers) {
      h.append(String.format(Locale.ROOT, " %" + width(name) + "s", name));
    }
    out.println(h);
    for (int i = 0; i < ages.length; i++) {
      StringBuilder row = new StringBuilder(String.format(Locale.ROOT, "%6d", ages[i]));
      for (int c = 0; c < headers.size(); c++) {
        row.append(String.format(Locale.ROOT, " %" + width(headers.get(c)) + "s", format(columns.get(c)[i])));
      }
      out.println(row);
    }
  }

  private static int width(String header) {
    return Math.max(10, header.length());
  }

  static String format(double v) {
    double a = Math.abs(v);
    if (a == 0) {
      return "0";
    }
    return a >= 1e5 || a < 1e-3 ? String.format(Locale.ROOT, "%.3e", v)
        : a >= 100 ? String.format(Locale.ROOT, "%.1f", v) : String.format(Locale.ROOT, "%.4f", v);
  }
}
