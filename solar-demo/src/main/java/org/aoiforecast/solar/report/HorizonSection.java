package org.aoiforecast.solar.report;

import java.util.Locale;
import java.util.Optional;
import org.aoiforecast.forecasting.evaluation.HorizonReport;

/** The report's "Horizons" section, written with {@code --horizons}: a table per horizon and figure 8. */
final class HorizonSection {
  /** Per (strategy, age, horizon) test errors and skill, with {@code --horizons}. */
  static final String CSV = "horizons.csv";

  private HorizonSection() {}

  /**
   * The report's section on horizons: the test MSE per horizon of each strategy (every age
   * pooled) and the heat map of skill per (age, horizon).
   */
  static String markdown(HorizonReport h, Optional<String> figure, String mseUnit) {
    StringBuilder md = new StringBuilder("## Horizons\n\n");
    md.append("One network pooled over ages and the horizons ").append(java.util.Arrays.toString(h.horizons()))
        .append(" steps, with each source's lead time (age + horizon) as input; every (age, horizon) cell is")
        .append(" measured on the same test targets. Per (age, horizon): ").append(CSV).append(".\n\n");
    md.append("| horizon |");
    for (HorizonReport.Entry e : h.strategies()) {
      md.append(' ').append(e.name()).append(" |");
    }
    md.append("\n|---|");
    md.append("---|".repeat(h.strategies().size())).append('\n');
    int[] horizons = h.horizons();
    for (int j = 0; j < horizons.length; j++) {
      md.append("| ").append(horizons[j]).append(" |");
      for (HorizonReport.Entry e : h.strategies()) {
        md.append(' ').append(String.format(Locale.ROOT, "%.4g", e.test().mseOfHorizon(j))).append(" |");
      }
      md.append('\n');
    }
    md.append("\nTest MSE per horizon, every age pooled (").append(mseUnit).append(").\n\n");
    String file = Figures.HORIZON_SKILL;
    figure.ifPresent(name -> md.append("![").append(file).append("](").append(file).append(")\n\n")
        .append("Figure 9. Skill of " + name + " against smart persistence per age (rows) and horizon (columns), 1 - RMSE / RMSE_smart: blue beats the reference, red"
        + " does worse; cells of equal lead time (age + horizon) lie on anti-diagonals.\n\n"));
    return md.toString();
  }
}
