package org.aoiforecast.solar.report;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import org.aoiforecast.core.dataset.FoldLayout;
import org.aoiforecast.forecasting.Strategies;
import org.aoiforecast.forecasting.evaluation.AgeBand;
import org.aoiforecast.forecasting.evaluation.BacktestReport;
import org.aoiforecast.forecasting.evaluation.FoldResult;
import org.aoiforecast.forecasting.evaluation.MeanSpread;
import org.aoiforecast.forecasting.evaluation.StrategyResult;
import org.aoiforecast.forecasting.evaluation.StrategySummary;

/** A rolling-origin backtest in the report: its layout in words, its finding and its section. */
final class BacktestSection {
  /** The backtest's table: one row per strategy, fold and age. */
  static final String CSV = "backtest.csv";

  private BacktestSection() {}

  /** The "split" row of "What was run". */
  static String layout(BacktestReport b) {
    int k = b.folds().size();
    return String.format(Locale.ROOT, "rolling-origin backtest of %d fold%s: test blocks of %.0f %% of the rows each"
        + " (the last %.0f %%), each fold trained on the rows before its block (expanding window, the last %.1f %%"
        + " of them for validation), gaps of %d steps (window + oldest age + horizon), standardised on each fold's"
        + " training rows; the per-age table and figures are the last fold's", k, k == 1 ? "" : "s",
        100 * b.origin().shares().test(), 100 * k * b.origin().shares().test(), 100 * b.origin().validationShare(),
        b.folds().get(0).layout().gap());
  }

  /** The finding: the lowest mean over folds, and in how many folds pooled-with-age is the lowest. */
  static String finding(BacktestReport b, String mseUnit) {
    StrategySummary best = b.summaries().stream().min(Comparator.comparingDouble(s -> s.meanMse().mean()))
        .orElseThrow();
    StringBuilder md = new StringBuilder(String.format(Locale.ROOT, "- Over %d forecast origins (rolling-origin"
        + " backtest), the lowest mean test MSE is %s's: %s %s (mean ± standard deviation over folds).",
        b.folds().size(), best.name(), text(best.meanMse()), mseUnit));
    if (b.strategyNames().contains(Strategies.POOLED_WITH_AGE) && b.strategyNames().size() > 1) {
      int wins = 0;
      for (FoldResult f : b.folds()) {
        StrategyResult lowest = f.evaluation().strategies().stream()
            .min(Comparator.comparingDouble(r -> r.test().meanMse())).orElseThrow();
        wins += lowest.name().equals(Strategies.POOLED_WITH_AGE) ? 1 : 0;
      }
      md.append(String.format(Locale.ROOT, " The pooled network with the age input has the lowest mean test MSE in"
          + " %d of %d folds.", wins, b.folds().size()));
    }
    return md.append('\n').toString();
  }

  /** The report's section: the folds' rows and dates, then per strategy each fold and the summary. */
  static void markdown(BacktestReport b, String mseUnit, StringBuilder md) {
    md.append("## Rolling-origin backtest\n\n");
    md.append(layout(b)).append(". Spread: the sample standard deviation over folds (none for one fold).\n\n");
    md.append("| fold | training rows | validation rows | test rows | test from | test to |\n");
    md.append("|---:|---|---|---|---|---|\n");
    for (FoldResult f : b.folds()) {
      FoldLayout l = f.layout();
      md.append(String.format(Locale.ROOT, "| %d | %d-%d | %s | %d-%d | %s | %s |%n", l.number(), l.trainFrom(),
          l.trainTo() - 1, l.hasValidation() ? l.validationFrom() + "-" + (l.validationTo() - 1) : "none",
          l.testFrom(), l.testTo() - 1, b.time(l.testFrom()), b.time(l.testTo() - 1)));
    }
    md.append("\nMean test MSE over ages (").append(mseUnit).append(") per fold, and over folds:\n\n| strategy |");
    for (FoldResult f : b.folds()) {
      md.append(" fold ").append(f.number()).append(" |");
    }
    md.append(" mean ± sd |");
    List<AgeBand> bands = b.bands();
    for (AgeBand band : bands) {
      md.append(" ages ").append(band.label()).append(" |");
    }
    md.append("\n|---|");
    md.append("---:|".repeat(b.folds().size() + 1 + bands.size()));
    md.append('\n');
    for (StrategySummary s : b.summaries()) {
      md.append("| ").append(s.name()).append(" |");
      for (FoldResult f : b.folds()) {
        md.append(' ').append(number(f.evaluation().strategy(s.name()).test().meanMse())).append(" |");
      }
      md.append(' ').append(text(s.meanMse())).append(" |");
      for (MeanSpread m : s.bandMse()) {
        md.append(' ').append(text(m)).append(" |");
      }
      md.append('\n');
    }
    md.append("\nAge bands in steps. Every fold's per-age errors: `").append(CSV)
        .append("`; `run.json` → `backtest`.\n\n");
    for (String name : b.strategyNames()) {
      b.coverage(name).ifPresent(c -> md.append(String.format(Locale.ROOT, "Coverage of the central 80 %% interval of"
          + " %s per fold: %s with the calibration fitted on each fold's validation part, %s recalibrated online"
          + " (section \"Forecast distributions\").%n%n", name, percents(c[0]), percents(c[1]))));
    }
  }

  /** "65.5 / 75.8 / 81.8 %". */
  private static String percents(double[] shares) {
    return java.util.Arrays.stream(shares).mapToObj(v -> String.format(Locale.ROOT, "%.1f", 100 * v))
        .collect(java.util.stream.Collectors.joining(" / ")) + " %";
  }

  private static String text(MeanSpread m) {
    return Double.isNaN(m.spread()) ? number(m.mean()) : number(m.mean()) + " ± " + number(m.spread());
  }

  private static String number(double v) {
    double a = Math.abs(v);
    return !Double.isFinite(v) ? "n/a" : a >= 100 ? String.format(Locale.ROOT, "%.0f", v)
        : a >= 1 ? String.format(Locale.ROOT, "%.3f", v) : String.format(Locale.ROOT, "%.4g", v);
  }
}
