package org.aoiforecast.solar.report;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.aoiforecast.core.TimeSeries;
import org.aoiforecast.core.io.Json;
import org.aoiforecast.forecasting.Strategies;
import org.aoiforecast.forecasting.evaluation.BacktestReport;
import org.aoiforecast.forecasting.evaluation.EvaluationReport;
import org.aoiforecast.forecasting.evaluation.StrategyResult;
import org.aoiforecast.info.loss.Loss;
import org.aoiforecast.info.profile.ProfileCurve;
import org.aoiforecast.info.profile.ProfileReport;

/**
 * Writes a study's report folder: {@code report.md} (what was run, the figures with captions, the
 * verdicts in words, the per-age table, timings), six PNG figures (the sixth when the closed loop of update
 * scheduling runs; the seventh with smart persistence, the eighth with forecast distributions), CSV and JSON of
 * every curve, and {@code run.json} (schema 2).
 *
 * <p>Everything is written into a sibling folder of its own ({@code <out>.partial-<random>}) and
 * moved into place at the end, under the folder's {@link ReportLock}, so a run that fails half-way
 * never leaves a report that looks complete, and two runs never mix their files. An existing
 * output folder is replaced only when it holds a previous report ({@code run.json}); any other
 * existing folder or file is refused.
 */
public final class ReportWriter {
  /** File names in the report folder. */
  static final String REPORT = "report.md";
  static final String RUN_JSON = "run.json";
  /** The schema of {@code run.json}: 2 since it carries {@code intervals} and {@code probabilistic}. */
  public static final int RUN_SCHEMA = 2;

  private ReportWriter() {}

  /**
   * What describes a run beyond its results.
   *
   * @param command the command line, for the record
   * @param dataName the data file's name (or the embedded data's)
   * @param analysisSeconds wall time of the analysis
   * @param trainingSeconds wall time of the training
   */
  public record RunInfo(String command, String dataName, double analysisSeconds, double trainingSeconds) {}

  /**
   * Checks that a folder can take a report.
   *
   * @param out the output folder
   * @throws IllegalArgumentException when it is a file, or an existing folder that holds something
   *     other than a previous report
   */
  public static void checkOutput(Path out) {
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw new IllegalArgumentException("output folder " + out + " is a file; choose a folder with --out");
    }
    if (Files.isDirectory(out)) {
      try (Stream<Path> entries = Files.list(out)) {
        if (entries.findAny().isPresent() && !Files.isRegularFile(out.resolve(RUN_JSON))) {
          throw new IllegalArgumentException("output folder " + out + " exists and does not hold a previous report;"
              + " choose an empty or new folder with --out");
        }
      } catch (IOException e) {
        throw new UncheckedIOException("cannot read " + out + ": " + e.getMessage(), e);
      }
    }
  }

  /**
   * Writes the report, holding the folder's lock for the time of writing.
   *
   * @param out the output folder
   * @param study the study
   * @param analysis the age-loss analysis
   * @param training the training comparison
   * @param loop the closed loop of update scheduling, if it ran
   * @param estimates the no-training estimates the networks are compared with ({@link
   *     Study#trainingEstimates})
   * @param info the run's description
   * @return the report file
   * @throws ReportLock.InUseException when another run holds the folder
   */
  public static Path write(Path out, Study study, ProfileReport analysis, Study.Training training,
      Optional<ClosedLoop.Result> loop, Study.Estimates estimates, RunInfo info) {
    try (ReportLock lock = ReportLock.acquire(out)) {
      return write(lock, study, analysis, training, loop, estimates, info);
    }
  }

  /**
   * Writes the report into the folder of a held lock: first into a folder of its own beside the
   * target ({@code <out>.partial-<random>}), then published by renames, so that no reader ever
   * sees a half-written report or one that mixes files of two runs.
   *
   * @param lock the held lock of the output folder (taken before the study started)
   * @param study the study
   * @param analysis the age-loss analysis
   * @param training the training comparison
   * @param loop the closed loop of update scheduling, if it ran
   * @param estimates the no-training estimates the networks are compared with
   * @param info the run's description
   * @return the report file
   */
  public static Path write(ReportLock lock, Study study, ProfileReport analysis, Study.Training training,
      Optional<ClosedLoop.Result> loop, Study.Estimates estimates, RunInfo info) {
    if (!lock.isHeld()) {
      throw new IllegalStateException("the lock of " + lock.folder() + " was released before the report was written");
    }
    Path absolute = lock.folder();
    checkOutput(absolute);
    String name = absolute.getFileName().toString();
    Path partial = null;
    try {
      partial = Files.createTempDirectory(absolute.getParent(), name + ".partial-");
      writeContents(partial, study, analysis, training, loop, estimates, info);
      publish(partial, absolute);
      return absolute.resolve(REPORT);
    } catch (IOException e) {
      deleteQuietly(partial);
      throw new UncheckedIOException("cannot write the report to " + absolute + ": " + e.getMessage(), e);
    } catch (RuntimeException e) {
      deleteQuietly(partial);
      throw e;
    }
  }

  /**
   * Moves a finished report into place. A new folder is one atomic rename; a previous report is
   * first renamed aside ({@code <out>.old-<random>}), and put back if the second rename fails.
   */
  private static void publish(Path partial, Path target) throws IOException {
    if (!Files.exists(target)) {
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
      return;
    }
    Path old = Files.createTempDirectory(target.getParent(), target.getFileName() + ".old-");
    Files.delete(old); // only its unique name is wanted: the move below creates it
    Files.move(target, old, StandardCopyOption.ATOMIC_MOVE);
    try {
      Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      Files.move(old, target, StandardCopyOption.ATOMIC_MOVE);
      throw e;
    }
    deleteRecursively(old);
  }

  private static void deleteQuietly(Path p) {
    if (p == null) {
      return;
    }
    try {
      deleteRecursively(p);
    } catch (IOException ignored) {
      // the original failure matters more
    }
  }

  private static void writeContents(Path dir, Study study, ProfileReport analysis, Study.Training training,
      Optional<ClosedLoop.Result> loop, Study.Estimates estimates, RunInfo info) throws IOException {
    StudySettings s = study.settings();
    String mseUnit = Figures.lossUnit(study, Loss.QUADRATIC);
    EvaluationReport eval = training.report();
    // H_L is the least achievable *training* loss: the estimate is of the rows the networks trained
    // on, and it is compared with the pooled network's loss on them
    ProfileCurve estimate = estimates.mse().orElse(null);
    StrategyResult pooled = find(eval, Strategies.POOLED_WITH_AGE);
    double agreement = estimate != null && pooled != null ? agreement(estimate, pooled.train().mse()) : Double.NaN;

    Figures.analysis(study, analysis, dir);
    Figures.training(study, eval, estimate, dir);
    analysis.toTable().write().csv(dir.resolve("profiles.csv").toFile());
    analysis.markovTable().write().csv(dir.resolve("markov.csv").toFile());
    eval.toTable().write().csv(dir.resolve("training.csv").toFile());
    analysis.writeJson(dir.resolve("analysis.json"), "analyze");
    Json.write(dir.resolve("training.json"), training.toJson("train"));
    Optional<BacktestReport> backtest = training.backtestReport();
    if (backtest.isPresent()) {
      backtest.get().toTable().write().csv(dir.resolve(BacktestSection.CSV).toFile());
    }
    Optional<DistributionReport> distributions = DistributionReport.of(eval, estimates.logLoss(), s.pooledHorizons());
    distributions.ifPresent(d -> Charts.logLoss(d, dir.resolve(DistributionReport.FIGURE)));
    String unit = study.data().series().units().get(study.data().series().columnIndex(s.target()));
    Optional<FanChart> fan = distributions.isPresent() && training.pooledModel() != null
        ? FanChart.of(training.pooledModel(), study.splits().test()) : Optional.empty();
    fan.ifPresent(f -> Charts.fan(f, unit, dir.resolve(FanChart.FIGURE)));
    Optional<String> horizonFigure = Figures.horizons(training, dir);
    if (training.horizonReport().isPresent()) {
      training.horizonReport().get().toTable().write().csv(dir.resolve(HorizonSection.CSV).toFile());
    }
    RunJson.write(dir.resolve(RUN_JSON), study, info, agreement, eval, loop, backtest, distributions, training,
        horizonFigure);
    StringBuilder sections = new StringBuilder();
    if (distributions.isPresent()) {
      distributions.get().markdown(unit, sections);
      fan.ifPresent(f -> figure(sections, FanChart.FIGURE, String.format(Locale.ROOT, "Figure 10. One test week from"
          + " %s forecast by the Gaussian network with fresh inputs (age %d, left) and with inputs about a day old"
          + " (age %d, right): observed (black), median (blue) and the central 80 %% interval (shaded).",
          f.start(), f.freshAge(), f.staleAge())));
    }
    if (training.horizonReport().isPresent()) {
      sections.append(HorizonSection.markdown(training.horizonReport().get(), horizonFigure, mseUnit));
    }
    if (loop.isPresent()) {
      Charts.scheduling(loop.get(), mseUnit, dir.resolve(ClosedLoopReport.FIGURE));
      ClosedLoopReport.table(loop.get()).write().csv(dir.resolve(ClosedLoopReport.CSV).toFile());
      ClosedLoopReport.markdown(loop.get(), mseUnit, sections);
      figure(sections, ClosedLoopReport.FIGURE, "Figure 6. Average loss vs alpha for zero-wait, periodic and the"
          + " optimal threshold policy: predicted from the profile before training (dashed) and realised by the"
          + " pooled network on the test part (solid).");
    } else {
      sections.append("## Update scheduling: closed loop\n\nNot run: ")
          .append(ClosedLoop.whyNot(study, analysis, training).orElse("no result")).append(".\n\n");
    }
    String md = markdown(study, analysis, training, info, estimate, agreement, mseUnit, backtest, distributions,
        sections.toString());
    Files.writeString(dir.resolve(REPORT), md);
  }

  static ProfileCurve findAll(ProfileReport r, int window) {
    for (ProfileCurve p : r.profiles()) {
      if (p.window() == window && p.stale().equals(ProfileCurve.ALL)) {
        return p;
      }
    }
    return null;
  }

  static StrategyResult find(EvaluationReport e, String name) {
    return e.strategies().stream().filter(r -> r.name().equals(name)).findFirst().orElse(null);
  }

  /** The source by whose age per-source results are reported (see AgedDatasetSpec#reportingAge). */
  private static String reportingSource(Study study) {
    var spec = study.spec();
    return spec.targetSource().isPresent() ? spec.sourceNames().get(spec.targetSource().getAsInt())
        : "the freshest source";
  }

  /**
   * Mean relative deviation over ages between the no-training estimate and a trained network's
   * loss: {@code mean |estimate − network| / |network|} (the absolute value matters for the log
   * loss, which can be negative).
   *
   * @param estimate the estimated profile
   * @param networkLoss the network's loss per age in the same loss and units, parallel to the
   *     estimate's ages
   * @return the deviation (0.1 = 10 %)
   */
  public static double agreement(ProfileCurve estimate, double[] networkLoss) {
    double[] v = estimate.values();
    if (v.length != networkLoss.length) {
      throw new IllegalArgumentException("the estimate has " + v.length + " ages, the network " + networkLoss.length);
    }
    double s = 0;
    for (int i = 0; i < v.length; i++) {
      s += Math.abs(v[i] - networkLoss[i]) / Math.abs(networkLoss[i]);
    }
    return s / v.length;
  }


  /**
   * The report's text, section by section; {@code sections} are the optional sections that
   * precede the timings (forecast distributions, horizons, update scheduling).
   */
  private static String markdown(Study study, ProfileReport analysis, Study.Training training, RunInfo info,
      ProfileCurve estimate, double agreement, String mseUnit, Optional<BacktestReport> backtest,
      Optional<DistributionReport> distributions, String sections) {
    EvaluationReport eval = training.report();
    StudySettings s = study.settings();
    TimeSeries series = study.data().series();
    StringBuilder md = new StringBuilder();
    md.append("# Age of information and solar forecasting: study report\n\n");
    md.append("How the age of each input changes what ").append(s.target()).append(" can be forecast, estimated from")
        .append(" the data alone, and what trained networks reach.\n\n");
    md.append("## What was run\n\n");
    md.append("| | |\n|---|---|\n");
    row(md, "command", "`" + info.command() + "`");
    row(md, "data", info.dataName() + " (" + study.data().format().name().toLowerCase(Locale.ROOT) + ", "
        + series.size() + " rows every " + human(series.step()) + ", " + series.start() + " to "
        + series.time(series.size() - 1) + ")");
    study.data().site().ifPresent(site -> row(md, "site", String.format(Locale.ROOT, "%s (%.3f, %.3f), UTC%s",
        site.name(), site.latitude(), site.longitude(), site.zone().getId())));
    row(md, "target", s.target() + " (" + series.units().get(series.columnIndex(s.target())) + ")");
    row(md, "sources", String.join(", ", s.features()) + " (each with its own age)");
    row(md, "known covariates", s.covariates().isEmpty() ? "none" : String.join(", ", s.covariates()));
    row(md, "ages", s.ages() + " steps");
    if (s.hasSourceAges()) {
      List<String> own = new ArrayList<>();
      s.sourceAges().forEach((name, set) -> own.add(name + " " + set));
      row(md, "per-source ages (training)", String.join("; ", own) + " steps, the others " + s.ages() + "; "
          + s.ageVectorSamples() + " age vectors drawn with each source's age independent (seed "
          + s.network().seed() + "); per-age results are by the age of " + reportingSource(study));
    }
    row(md, "windows u", intList(s.windows()) + " (analysis); " + s.trainWindow() + " (training)");
    row(md, s.pooledHorizons() ? "horizons" : "horizon", s.horizonSet() + " steps");
    row(md, "analysis", s.loss().id() + " loss, estimator " + s.estimator() + ", " + analysis.replicates()
        + " block-bootstrap replicates (blocks of " + analysis.blockLength() + "), Theiler window "
        + analysis.theilerWindow());
    row(md, "networks", s.network().toString());
    if (s.strategies().contains(Strategies.POOLED_WITH_AGE)) {
      row(md, "pooled network's head", s.intervals()
          ? "Gaussian (mean and standard deviation, trained by the log-likelihood; 80 % intervals calibrated per age"
              + (s.pooledHorizons() ? " and horizon" : "") + " on the validation part)"
          : "point (squared error); --intervals gives a Gaussian head");
    }
    row(md, "split", backtest.map(BacktestSection::layout).orElse("chronological 70 % / 15 % / 15 % (train /"
        + " validation / test), standardised on training data"));
    md.append('\n');

    Findings.append(md, study, analysis, training, agreement, mseUnit, backtest, distributions);

    md.append("## Figures\n\n");
    figure(md, Figures.LOSS_VS_AGE, "Figure 1. Estimated best achievable loss vs age, all sources stale, for each"
        + " window u (dashed: 95 % block-bootstrap interval). Short windows can give non-monotone curves"
        + " (an older reading beats a newer one); longer windows flatten them towards a monotone curve.");
    figure(md, Figures.PER_SOURCE, "Figure 2. Per-source profiles at u = " + s.trainWindow() + ": only that source"
        + " is stale, the others are fresh (age " + s.ages().min() + "); the steepest curve is the source whose"
        + " freshness matters most.");
    figure(md, Figures.MARKOV_GAP, "Figure 3. epsilon-Markov gap I(Y; X(t-age-1) | X(t-age)) vs age for each"
        + " window: how much an older reading still adds; 0 means a Markov chain and a monotone loss.");
    figure(md, Figures.TRAINING, "Figure 4. Test MSE vs age of the trained networks and baselines" + (estimate != null
        ? ", with the no-training estimate (u = " + s.trainWindow() + ", dashed black) overlaid. The estimate is of"
        + " the least achievable loss on the training part, the rows the networks trained on, so it is compared with"
        + " the pooled network's loss on them (thin dashed grey): mean relative deviation "
        + String.format(Locale.ROOT, "%.1f %%", 100 * agreement) + ". Test losses are measured on the last 15 % of"
        + " the data, which may be another season." : "."));
    figure(md, Figures.COST, "Figure 5. Training time of the whole age curve: one network per age against one"
        + " pooled network.");
    if (Figures.hasSkill(eval)) {
      figure(md, Figures.SKILL, "Figure 7. Forecast skill against smart persistence (the last known clear-sky"
          + " index carried to the target time), 1 - RMSE / RMSE_smart per age: above 0 a strategy beats the"
          + " solar forecaster's reference, 0 is smart persistence itself.");
    }

    md.append("## Per-age test MSE (").append(mseUnit).append(")\n\n");
    md.append(s.hasSourceAges() ? "| age of " + reportingSource(study) + " |" : "| age |");
    for (StrategyResult r : eval.strategies()) {
      md.append(' ').append(r.name()).append(" |");
    }
    if (estimate != null) {
      md.append(" estimate (training part) |");
    }
    md.append("\n|---:|");
    for (int i = 0; i < eval.strategies().size() + (estimate != null ? 1 : 0); i++) {
      md.append("---:|");
    }
    md.append('\n');
    int[] ages = eval.ages();
    for (int i = 0; i < ages.length; i++) {
      md.append("| ").append(ages[i]).append(" |");
      for (StrategyResult r : eval.strategies()) {
        md.append(' ').append(num(r.test().mse()[i])).append(" |");
      }
      if (estimate != null) {
        md.append(' ').append(num(estimate.values()[i])).append(" |");
      }
      md.append('\n');
    }
    md.append("| **mean** |");
    for (StrategyResult r : eval.strategies()) {
      md.append(" **").append(num(r.test().meanMse())).append("** |");
    }
    if (estimate != null) {
      md.append(" **").append(num(java.util.Arrays.stream(estimate.values()).average().orElse(Double.NaN)))
          .append("** |");
    }
    md.append("\n\n");
    backtest.ifPresent(b -> BacktestSection.markdown(b, mseUnit, md));
    md.append(sections);

    md.append("## Timings\n\n");
    md.append(String.format(Locale.ROOT, "- analysis (no training): %.1f s%n", info.analysisSeconds()));
    for (StrategyResult r : eval.strategies()) {
      md.append(String.format(Locale.ROOT, "- %s: %.1f s (%d network%s)%n", r.name(), r.trainSeconds(), r.networks(),
          r.networks() == 1 ? "" : "s"));
    }
    md.append(String.format(Locale.ROOT, "- training and evaluation in all: %.1f s%n%n", info.trainingSeconds()));
    md.append("## Files\n\n");
    md.append("- `profiles.csv`, `markov.csv`, `analysis.json`: every estimated curve (JSON schema 1, see"
        + " docs/json.md)\n");
    md.append("- `training.csv`, `training.json`: per-age train and test errors of every strategy, and the scores of"
        + " forecast distributions (JSON schema 2)\n");
    backtest.ifPresent(b -> md.append("- `").append(BacktestSection.CSV).append("`: per-age train and test errors"
        + " of every strategy on every fold of the backtest\n"));
    md.append("- `run.json`: the settings, timings and agreement of this run\n");
    return md.toString();
  }

  private static void row(StringBuilder md, String key, String value) {
    md.append("| ").append(key).append(" | ").append(value.replace("|", "\\|")).append(" |\n");
  }

  private static void figure(StringBuilder md, String file, String caption) {
    md.append("![").append(file).append("](").append(file).append(")\n\n").append(caption).append("\n\n");
  }

  private static String intList(int[] v) {
    List<String> out = new ArrayList<>();
    for (int x : v) {
      out.add(Integer.toString(x));
    }
    return String.join(", ", out);
  }

  static String num(double v) {
    if (!Double.isFinite(v)) {
      return "n/a";
    }
    double a = Math.abs(v);
    return a >= 100 ? String.format(Locale.ROOT, "%.0f", v) : a >= 1 ? String.format(Locale.ROOT, "%.3f", v)
        : String.format(Locale.ROOT, "%.4g", v);
  }

  private static String human(Duration d) {
    if (d.toMinutes() % 60 == 0) {
      return d.toHours() + " h";
    }
    return d.toMinutes() + " min";
  }

  static void deleteRecursively(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(p)) {
      for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(q);
      }
    }
  }
}
