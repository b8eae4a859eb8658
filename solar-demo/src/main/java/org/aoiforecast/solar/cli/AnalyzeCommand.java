package org.aoiforecast.solar.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import org.aoiforecast.info.profile.ProfileReport;
import org.aoiforecast.solar.data.SolarData;
import org.aoiforecast.solar.report.Figures;
import org.aoiforecast.solar.report.Study;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code analyze}: the age-loss profiles, ε-Markov gaps and verdicts, from data alone. */
@Command(name = "analyze", mixinStandardHelpOptions = true,
    description = {"Estimate from the data alone (no training) how the best achievable loss grows with the age of the"
        + " features: profiles with all sources stale (per window) and with each source alone stale (at --window),"
        + " epsilon-Markov gaps, and verdicts (monotone or not, best age)."})
final class AnalyzeCommand implements Callable<Integer> {
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

  @Option(names = "--json", paramLabel = "FILE", description = "Write the results as JSON (schema 1, docs/json.md).")
  Path json;

  @Option(names = "--plots", paramLabel = "DIR", description = "Write figures 1-3 as PNG into this folder.")
  Path plots;

  @Option(names = "--quiet", description = "No progress bar.")
  boolean quiet;

  @Override
  public Integer call() {
    if (plots != null) {
      OutputPaths.folder(plots, "--plots");
    }
    if (json != null) {
      OutputPaths.file(json, "--json");
    }
    SolarData d = data.load(spec.commandLine().getErr());
    Study study = new Study(d, StudyOptions.settings(common, analysis, null, columns.target(d),
        columns.features(d), d));
    ProfileReport report;
    try (Progress progress = Progress.start("analyze", 1, Progress.interactive(quiet), System.err)) {
      report = study.analyze(progress.listener());
    }
    TextTables.profiles(report, spec.commandLine().getOut());
    if (json != null) {
      report.writeJson(json, "analyze");
    }
    if (plots != null) {
      try {
        Files.createDirectories(plots);
      } catch (IOException e) {
        throw new UncheckedIOException("cannot create " + plots + ": " + e.getMessage(), e);
      }
      Figures.analysis(study, report, plots);
    }
    return 0;
  }
}
