package org.aoiforecast.solar.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.aoiforecast.core.io.Json;
import org.aoiforecast.forecasting.evaluation.BacktestReport;
import org.aoiforecast.forecasting.evaluation.EvaluationReport;

/**
 * The report folder's {@code run.json} (schema {@value ReportWriter#RUN_SCHEMA}, docs/json.md):
 * what was run, the settings, the agreement of the estimate with the trained network, the closed
 * loop, the backtest, forecast distributions and horizons when present, and the files written.
 */
final class RunJson {
  private RunJson() {}

  /** Writes the file; see the class comment. */
  static void write(Path file, Study study, ReportWriter.RunInfo info, double agreement,
      EvaluationReport training, Optional<ClosedLoop.Result> loop, Optional<BacktestReport> backtest,
      Optional<DistributionReport> distributions, Study.Training trained, Optional<String> horizonFigure)
      throws IOException {
    ObjectNode root = Json.object();
    StudySettings s = study.settings();
    root.put("schema", ReportWriter.RUN_SCHEMA);
    root.put("command", "run");
    root.put("data", info.dataName());
    root.put("format", study.data().format().name().toLowerCase(Locale.ROOT));
    root.put("rows", study.data().series().size());
    root.put("step_seconds", study.data().series().step().toSeconds());
    root.put("target", s.target());
    Json.add(root.putArray("features"), s.features());
    ArrayNode a = root.putArray("ages");
    s.ages().stream().forEach(a::add);
    ObjectNode perSource = root.putObject("source_ages");
    s.sourceAges().forEach((name, set) -> set.stream().forEach(perSource.putArray(name)::add));
    if (s.hasSourceAges()) {
      root.put("age_samples", s.ageVectorSamples());
    } else {
      root.putNull("age_samples");
    }
    Json.add(root.putArray("windows"), s.windows());
    root.put("train_window", s.trainWindow());
    root.put("horizon", s.horizonSet().min()); // the first horizon with --horizons (see "horizons")
    root.put("loss", s.loss().id());
    root.put("estimator", s.estimator());
    Json.add(root.putArray("covariates"), s.covariates());
    root.put("seed", s.network().seed());
    root.put("intervals", s.intervals());
    if (Double.isFinite(agreement)) {
      root.put("agreement", agreement);
    } else {
      root.putNull("agreement");
    }
    root.put("analysis_seconds", info.analysisSeconds());
    root.put("training_seconds", info.trainingSeconds());
    root.put("command_line", info.command());
    if (loop.isPresent()) {
      root.set("scheduling", ClosedLoopReport.json(loop.get()));
    } else {
      root.putNull("scheduling");
    }
    if (backtest.isPresent()) {
      root.set("backtest", backtest.get().toJson());
    } else {
      root.putNull("backtest");
    }
    if (distributions.isPresent()) {
      root.set("probabilistic", distributions.get().json());
    } else {
      root.putNull("probabilistic");
    }
    ArrayNode files = root.putArray("files");
    for (String name : List.of(ReportWriter.REPORT, Figures.LOSS_VS_AGE, Figures.PER_SOURCE, Figures.MARKOV_GAP, Figures.TRAINING,
        Figures.COST, "profiles.csv", "markov.csv", "training.csv", "analysis.json", "training.json")) {
      files.add(name);
    }
    if (Figures.hasSkill(training)) {
      files.add(Figures.SKILL);
    }
    if (loop.isPresent()) {
      files.add(ClosedLoopReport.FIGURE);
      files.add(ClosedLoopReport.CSV);
    }
    if (backtest.isPresent()) {
      files.add(BacktestSection.CSV);
    }
    if (distributions.isPresent()) {
      files.add(DistributionReport.FIGURE);
      if (Files.exists(file.resolveSibling(FanChart.FIGURE))) {
        files.add(FanChart.FIGURE);
      }
    }
    if (trained.horizonReport().isPresent()) {
      // additive: only with --horizons (docs/json.md)
      Json.add(root.putArray("horizons"), trained.horizonReport().get().horizons());
      root.set("horizon_grid", trained.horizonReport().get().toJson());
      files.add(HorizonSection.CSV);
      if (horizonFigure.isPresent()) {
        files.add(Figures.HORIZON_SKILL);
      }
    }
    Json.write(file, root);
  }
}
