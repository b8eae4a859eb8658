package org.aoiforecast.solar.cli;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.aoiforecast.info.profile.ProfileCurve;
import org.aoiforecast.info.profile.ProfileReport;
import org.aoiforecast.solar.data.SolarData;
import org.aoiforecast.solar.report.ClosedLoop;
import org.aoiforecast.solar.report.ReportLock;
import org.aoiforecast.solar.report.ReportWriter;
import org.aoiforecast.solar.report.Study;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code run}: the whole study into a report folder. */
@Command(name = "run", mixinStandardHelpOptions = true,
    description = {"Run the whole study (analysis, training, figures) into a report folder: report.md, six PNG"
        + " figures, CSV and JSON of every curve. With no options it runs on the embedded default data set."})
final class RunCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  DataOptions data;

  @Mixin
  ColumnOptions columns;

  @Mixin
  StudyOptions.Common common;

  @Mixin
  StudyOptions.Analysis analysis;

  @Mixin
  StudyOptions.Network network;

  @Option(names = "--out", paramLabel = "DIR", defaultValue = "report",
      description = "The report folder (default: ${DEFAULT-VALUE}); replaced when it holds a previous report.")
  Path out;

  @Option(names = "--quiet", description = "No progress bars.")
  boolean quiet;

  @Option(names = "--alpha", paramLabel = "A", defaultValue = "" + ClosedLoop.DEFAULT_ALPHA,
      description = "Update scheduling in the study's closed loop: a window of u readings takes ceil(A*u) steps to"
          + " send (default: ${DEFAULT-VALUE}).")
  double alpha;

  @Override
  public Integer call() {
    if (!(alpha > 0) || Double.isInfinite(alpha)) {
      throw CliException.usage("--alpha: expected a positive number of steps per reading, got " + alpha);
    }
    try {
      ReportWriter.checkOutput(out);
    } catch (IllegalArgumentException e) {
      throw CliException.usage(e.getMessage());
    }
    OutputPaths.folder(out, "--out");
    // the folder is ours from before the study starts: a second run is refused at once, not after
    // minutes of work, and the two can never mix their files
    ReportLock lock;
    try {
      lock = ReportLock.acquire(out);
    } catch (ReportLock.InUseException e) {
      throw CliException.usage(e.getMessage());
    }
    try (lock) {
      return run(lock);
    }
  }

  private int run(ReportLock lock) {
    var w = spec.commandLine().getOut();
    SolarData d = data.load(spec.commandLine().getErr());
    Study study = new Study(d, StudyOptions.settings(common, analysis, network, columns.target(d),
        columns.features(d), d));
    Integer folds = StudyOptions.backtest(network, study);
    w.printf("study of %s on %s: %d rows, sources %s, ages %s%s%n", study.settings().target(), data.name(),
        d.series().size(), study.settings().features(), study.settings().ages(),
        folds == null ? "" : ", backtest of " + folds + " fold" + (folds == 1 ? "" : "s"));
    if (study.settings().hasSourceAges()) {
      w.printf("per-source training ages %s, %d age vectors%n", study.settings().sourceAges(),
          study.settings().ageVectorSamples());
    }
    long t0 = System.nanoTime();
    ProfileReport report;
    try (Progress progress = Progress.start("analyze", 1, Progress.interactive(quiet), System.err)) {
      report = study.analyze(progress.listener());
    }
    double analysisSeconds = (System.nanoTime() - t0) / 1e9;
    w.printf("analysis done in %.1f s%n", analysisSeconds);
    long t1 = System.nanoTime();
    Study.Training training = TrainCommand.train(study, folds, quiet);
    double trainingSeconds = (System.nanoTime() - t1) / 1e9;
    w.printf("training done in %.1f s%n", trainingSeconds);
    long t2 = System.nanoTime();
    Optional<ClosedLoop.Result> loop = ClosedLoop.run(study, report, training, alpha, ClosedLoop.SWEEP);
    ClosedLoop.whyNot(study, report, training).ifPresent(why -> w.println("update scheduling skipped: " + why));
    loop.ifPresent(l -> w.printf("update scheduling done in %.1f s%n", (System.nanoTime() - t2) / 1e9));
    long t3 = System.nanoTime();
    Study.Estimates estimates;
    try (Progress progress = Progress.start("estimates on the training part", 1, Progress.interactive(quiet),
        System.err)) {
      estimates = study.trainingEstimates(report, training, progress.listener());
    }
    if (!estimates.isEmpty()) {
      w.printf("estimates on the training part done in %.1f s%n", (System.nanoTime() - t3) / 1e9);
    }
    Path file = ReportWriter.write(lock, study, report, training, loop, estimates, new ReportWriter.RunInfo(
        commandLine(), data.name(), analysisSeconds, trainingSeconds));
    TextTables.training(training, w);
    TextTables.intervals(training.report(), w);
    loop.ifPresent(l -> TextTables.scheduling(l, w));
    w.println("report: " + file);
    return 0;
  }

  private String commandLine() {
    return "aoi-solar " + String.join(" ", spec.commandLine().getParseResult().originalArgs());
  }
}
