package org.aoiforecast.solar.report;

import java.nio.file.Path;
import org.aoiforecast.core.TimeSeries;
import org.aoiforecast.forecasting.evaluation.EvaluationReport;
import org.aoiforecast.info.loss.Loss;
import org.aoiforecast.info.profile.ProfileCurve;
import org.aoiforecast.info.profile.ProfileReport;

/**
 * The study's figures as PNG files: 1-3 from the analysis (loss vs age per window, per-source
 * profiles, ε-Markov gaps), 4-5 from training (test loss vs age with the estimate overlaid, cost),
 * 6 the closed loop of update scheduling, 7 skill, 8 the log loss of forecast distributions.
 */
public final class Figures {
  /** File names of the figures. */
  public static final String LOSS_VS_AGE = "fig1-loss-vs-age.png";
  /** Figure 2. */
  public static final String PER_SOURCE = "fig2-per-source.png";
  /** Figure 3. */
  public static final String MARKOV_GAP = "fig3-markov-gap.png";
  /** Figure 4. */
  public static final String TRAINING = "fig4-training.png";
  /** Figure 5. */
  public static final String COST = "fig5-cost.png";
  /** Figure 7 (with smart persistence). */
  public static final String SKILL = "fig7-skill.png";
  /** Figure 8 (with forecast distributions, the default; not with {@code --no-intervals}). */
  public static final String LOG_LOSS = DistributionReport.FIGURE;
  /** Figure 9: skill per (age, horizon) against smart persistence, a heat map (with {@code --horizons}). */
  public static final String HORIZON_SKILL = "fig9-horizon-skill.png";

  private Figures() {}

  /**
   * Writes figures 1-3.
   *
   * @param study the study (for units and the per-source window)
   * @param analysis its analysis
   * @param dir an existing folder
   */
  public static void analysis(Study study, ProfileReport analysis, Path dir) {
    String unit = lossUnit(study, analysis.loss());
    Charts.profilesByWindow(analysis, unit, dir.resolve(LOSS_VS_AGE));
    Charts.perSource(analysis, study.settings().trainWindow(), unit, dir.resolve(PER_SOURCE));
    Charts.markovGaps(analysis, dir.resolve(MARKOV_GAP));
  }

  /**
   * Writes figures 4-5.
   *
   * @param study the study
   * @param training the evaluation
   * @param estimate the no-training estimate to overlay (quadratic loss), or null
   * @param dir an existing folder
   */
  public static void training(Study study, EvaluationReport training, ProfileCurve estimate, Path dir) {
    Charts.training(training, estimate, lossUnit(study, Loss.QUADRATIC), dir.resolve(TRAINING));
    Charts.cost(training, dir.resolve(COST));
    if (hasSkill(training)) {
      Charts.skill(training, dir.resolve(SKILL));
    }
  }

  /**
   * Writes figure 8, the heat map of skill per (age, horizon), when the study pools horizons and
   * smart persistence ran.
   *
   * @param training the training
   * @param dir an existing folder
   * @return the strategy shown, or empty when there is no figure
   */
  public static java.util.Optional<String> horizons(Study.Training training, Path dir) {
    if (training.horizonReport().isEmpty()) {
      return java.util.Optional.empty();
    }
    org.aoiforecast.forecasting.evaluation.HorizonReport h = training.horizonReport().get();
    String shown = h.strategies().stream().map(e -> e.name())
        .filter(n -> n.equals(org.aoiforecast.forecasting.Strategies.POOLED_WITH_AGE)).findFirst()
        .orElse(h.strategies().get(0).name());
    if (h.skill(shown).isEmpty()) {
      return java.util.Optional.empty();
    }
    Charts.horizonSkill(h, shown, dir.resolve(HORIZON_SKILL));
    return java.util.Optional.of(shown);
  }

  /**
   * @param training an evaluation
   * @return whether it has skill scores (smart persistence ran)
   */
  static boolean hasSkill(EvaluationReport training) {
    return !training.strategies().isEmpty() && training.skill(training.strategies().get(0).name()).isPresent();
  }

  /**
   * @param study the study
   * @param loss a loss
   * @return the unit of that loss on the study's target, e.g. "(W/m^2)^2" or "nats"
   */
  static String lossUnit(Study study, Loss loss) {
    TimeSeries s = study.data().series();
    String unit = s.units().get(s.columnIndex(study.settings().target()));
    String u = unit.isEmpty() ? "units" : unit;
    return switch (loss) {
      case QUADRATIC -> "(" + u + ")^2";
      case LOG -> "nats";
      case ABSOLUTE -> u;
    };
  }
}
