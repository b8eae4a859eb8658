package org.aoiforecast.solar.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.aoiforecast.core.io.Json;
import org.aoiforecast.forecasting.AgeAwareForecaster;
import org.aoiforecast.forecasting.evaluation.EvaluationReport;
import org.aoiforecast.solar.data.ClearSkyColumn;
import org.aoiforecast.solar.data.SolarData;
import org.aoiforecast.solar.report.Study;
import org.aoiforecast.solar.report.StudySettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code train}: per-age vs pooled networks vs baselines, per-age test loss; saves the pooled model.
 * With {@code --backtest K}, on every fold of a rolling-origin backtest.
 */
@Command(name = "train", mixinStandardHelpOptions = true,
    description = {"Train one network per age, one pooled network with the age as input and one without, next to"
        + " baselines (linear, persistence, seasonal persistence); print the per-age test MSE and save the pooled"
        + " network with age input."})
final class TrainCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  DataOptions data;

  @Mixin
  ColumnOptions columns;

  @Mixin
  StudyOptions.Common common;

  @Mixin
  StudyOptions.Network network;

  @Option(names = "--model", paramLabel = "FILE", defaultValue = "model.aoi",
      description = "Where to save the pooled-with-age model (default: ${DEFAULT-VALUE}); 'none' to skip.")
  Path model;

  @Option(names = "--json", paramLabel = "FILE",
      description = "Write the results as JSON (schema " + EvaluationReport.SCHEMA + ", docs/json.md).")
  Path json;

  @Option(names = "--quiet", description = "No progress bar.")
  boolean quiet;

  @Override
  public Integer call() {
    boolean save = !model.toString().equals("none");
    // both outputs are checked before training: minutes of work must not end in "no such folder"
    if (save) {
      OutputPaths.file(model, "--model");
    }
    if (json != null) {
      OutputPaths.file(json, "--json");
    }
    SolarData d = data.load(spec.commandLine().getErr());
    StudySettings settings = StudyOptions.settings(common, null, network, columns.target(d),
        columns.features(d), d);
    Study study = new Study(d, settings);
    Integer folds = StudyOptions.backtest(network, study);
    Study.Training training = train(study, folds, quiet);
    TextTables.training(training, spec.commandLine().getOut());
    TextTables.intervals(training.report(), spec.commandLine().getOut());
    // the model first: it is the expensive result, and a later failure must not lose it
    if (save && training.pooledModel() != null) {
      withClearSkyRecipe(training.pooledModel(), d).save(model);
      spec.commandLine().getOut().println("saved the pooled-with-age model to " + model);
    }
    if (json != null) {
      try {
        Json.write(json, training.toJson("train"));
      } catch (RuntimeException e) {
        throw new CliException(CliException.FAILURE, SolarCli.message(e) + (save && training.pooledModel() != null
            ? " (the model was saved to " + model + ")" : ""));
      }
    }
    return 0;
  }

  /**
   * The model with the recipe of its clear-sky covariate in its provenance, when it reads that
   * column and the reader computed it: {@code predict} then computes the value at the target time
   * itself.
   */
  static AgeAwareForecaster withClearSkyRecipe(AgeAwareForecaster pooled, SolarData d) {
    boolean reads = pooled.layout().spec().covariates().stream()
        .anyMatch(c -> c.name().equals(ClearSkyColumn.COLUMN));
    if (!reads || d.clearSky().isEmpty() || pooled.provenance().isEmpty()) {
      return pooled;
    }
    return pooled.withProvenance(pooled.provenance().get().withProperties(d.clearSky().get().properties()));
  }

  /**
   * Trains (on the chronological split, or on every fold of a backtest) with a progress bar over
   * all networks' epochs.
   */
  static Study.Training train(Study study, Integer folds, boolean quiet) {
    StudySettings s = study.settings();
    int ages = s.hasSourceAges() ? s.ageVectorSamples() : s.ages().size(); // networks of per-age
    long epochs = 0;
    for (String name : s.strategies()) {
      epochs += name.equals("per-age") ? (long) ages * s.network().maxEpochs()
          : name.startsWith("pooled") ? s.network().maxEpochs() : 0;
    }
    epochs *= folds == null ? 1 : folds;
    try (Progress progress = Progress.start("train", Math.max(1, epochs), Progress.interactive(quiet), System.err)) {
      Study.Training training = folds == null ? study.train(progress.training())
          : study.backtest(folds, progress.training());
      progress.stepTo(epochs);
      return training;
    }
  }
}
