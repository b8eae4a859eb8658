package org.aoiforecast.spark.cli;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.desc;
import static org.apache.spark.sql.functions.when;

import java.util.List;
import java.util.concurrent.Callable;
import org.aoiforecast.info.loss.Loss;
import org.aoiforecast.spark.FleetProfiles;
import org.aoiforecast.spark.SparkAgeAnalysis;
import org.aoiforecast.spark.profile.FleetProfile;
import org.aoiforecast.spark.profile.ProfileColumns;
import org.apache.spark.sql.Row;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code analyze-sites}: the age-loss profile and verdicts of every site, from data alone. */
@Command(name = "analyze-sites", mixinStandardHelpOptions = true,
    description = {"Age-loss profiles of every site (info-theory's AgeLossProfile, run per site), with verdicts:"
        + " monotone or not, the best age, the source whose freshness matters most.",
        "Output folder: profiles.parquet, verdicts.parquet, profiles.csv/, verdicts.csv/."})
final class AnalyzeSitesCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  SessionOptions session;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Input input;

  static final class Input {
    @Option(names = "--sites", paramLabel = "DIR",
        description = "A folder of per-site CSV files (site = file name; a time column and value columns,"
            + " as simulate --sites writes).")
    String folder;

    @Option(names = "--series", paramLabel = "PATH",
        description = "A table of per-site regular series: columns site, time and value columns.")
    String series;

    @Option(names = "--readings", paramLabel = "PATH",
        description = "A readings table whose sources are sampled together; each source becomes a column.")
    String readings;
  }

  @Option(names = "--input-format", defaultValue = "auto", paramLabel = "FORMAT",
      description = "For --series and --readings: parquet, csv or auto (default: ${DEFAULT-VALUE}).")
  String inputFormat;

  @Option(names = "--target", required = true, description = "The target column (or source).")
  String target;

  @Option(names = "--features", split = ",", paramLabel = "COLUMN",
      description = "Feature columns (default: every column of each site, the target included).")
  List<String> features = List.of();

  @Option(names = "--ages", defaultValue = "1-48",
      description = "Ages in steps (1-48, 1,6,24) or durations (1h-48h) (default: ${DEFAULT-VALUE}).")
  String ages;

  @Option(names = "--windows", split = ",", defaultValue = "1",
      description = "Window lengths u, in steps (default: ${DEFAULT-VALUE}).")
  int[] windows;

  @Option(names = "--horizon", defaultValue = "0", description = "Steps ahead (default: ${DEFAULT-VALUE}).")
  int horizon;

  @Option(names = "--loss", defaultValue = "quadratic",
      description = "quadratic, log or absolute (default: ${DEFAULT-VALUE}).")
  String loss;

  @Option(names = "--estimator", defaultValue = "auto",
      description = "auto, knn, knn-pca, linear-knn, median, ridge, linear, ksg or gaussian"
          + " (default: ${DEFAULT-VALUE}).")
  String estimator;

  @Option(names = "--bootstrap", defaultValue = "200",
      description = "Bootstrap replicates, at least 10; 0 for none (default: ${DEFAULT-VALUE}).")
  int bootstrap;

  @Option(names = "--seed", defaultValue = "0", description = "Bootstrap seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (results replaced).")
  String out;

  @Override
  public Integer call() {
    FleetProfile settings = settings();
    try (SessionOptions.Session s = session.open("aoi-spark analyze-sites")) {
      SparkAgeAnalysis analysis = SparkAgeAnalysis.on(s.spark());
      FleetProfiles profiles = input.folder != null ? analysis.profilesOfFolder(input.folder, settings)
          : input.series != null ? analysis.profiles(Inputs.table(s.spark(), input.series, inputFormat), settings)
          : analysis.profilesOfReadings(Inputs.table(s.spark(), input.readings, inputFormat), settings);
      profiles.write(out);
      summary(profiles);
    }
    return 0;
  }

  private FleetProfile settings() {
    try {
      FleetProfile.Builder b = FleetProfile.builder(target).features(features.toArray(new String[0])).ages(ages)
          .windows(windows).horizon(horizon).loss(Loss.parse(loss)).estimator(estimator).seed(seed);
      if (bootstrap == 0) {
        b.withoutBootstrap();
      } else {
        b.bootstrap(bootstrap);
      }
      return b.build();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
  }

  /** One line per window: sites, how many monotone, and the sources to refresh first. */
  private void summary(FleetProfiles profiles) {
    java.io.PrintWriter w = spec.commandLine().getOut();
    List<Row> perWindow = profiles.verdicts().groupBy(ProfileColumns.WINDOW)
        .agg(count("*").as("sites"), count(when(col(ProfileColumns.MONOTONE), true)).as("monotone"))
        .orderBy(ProfileColumns.WINDOW).collectAsList();
    for (Row r : perWindow) {
      int u = r.getInt(0);
      List<Row> first = profiles.verdicts().filter(col(ProfileColumns.WINDOW).equalTo(u))
          .groupBy(ProfileColumns.REFRESH_FIRST).count().orderBy(desc("count")).limit(3).collectAsList();
      StringBuilder refresh = new StringBuilder();
      for (Row f : first) {
        refresh.append(refresh.length() == 0 ? "" : ", ").append(f.isNullAt(0) ? "none" : f.getString(0))
            .append(" (").append(f.getLong(1)).append(')');
      }
      w.printf("u=%d: %d sites, %d monotone; refresh first: %s%n", u, r.getLong(1), r.getLong(2), refresh);
    }
    w.printf("wrote %s/profiles.parquet, verdicts.parquet, profiles.csv/, verdicts.csv/%n", out);
  }
}
