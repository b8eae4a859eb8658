package org.aoiforecast.spark.cli;

import java.util.List;
import java.util.concurrent.Callable;
import org.aoiforecast.core.reading.MissingPolicy;
import org.aoiforecast.spark.SparkAgeAnalysis;
import org.aoiforecast.spark.align.FleetAlignment;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

/** {@code align}: the freshest arrived readings of every source, their windows and ages, per site. */
@Command(name = "align", mixinStandardHelpOptions = true,
    description = {"As-of alignment of every site: at each query time, per source, the freshest arrived reading,"
        + " its window and its age (aoi-core's AsOfAligner, run per site).",
        "Readings: columns site, source, generation_time, arrival_time and value columns (Parquet or CSV).",
        "Output: one row per (site, query time): site, time, per source its values, <source>.generated,"
        + " <source>.age_ms."})
final class AlignCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  SessionOptions session;

  @Option(names = "--readings", required = true, paramLabel = "PATH", description = "The readings table.")
  String readings;

  @Option(names = "--input-format", defaultValue = "auto", paramLabel = "FORMAT",
      description = "parquet, csv or auto (csv when the path ends with .csv; default: ${DEFAULT-VALUE}).")
  String inputFormat;

  @ArgGroup(exclusive = true, multiplicity = "1")
  Queries queries;

  static final class Queries {
    @Option(names = "--grid", paramLabel = "START/END/STEP",
        description = "Query times of every site, e.g. 2021-01-01T00:00:00Z/2021-12-31T23:00:00Z/1h.")
    String grid;

    @Option(names = "--queries", paramLabel = "PATH", description = "Query times per site: columns site, time.")
    String table;
  }

  @Option(names = "--sources", split = ",", paramLabel = "NAME",
      description = "Sources to align, in output order (default: every source, by name).")
  List<String> sources = List.of();

  @Option(names = "--window", defaultValue = "1", description = "Readings per window u (default: ${DEFAULT-VALUE}).")
  int window;

  @Option(names = "--missing", defaultValue = "drop-row", paramLabel = "POLICY",
      description = "drop-row (leave out query times where a source has no complete window) or error"
          + " (default: ${DEFAULT-VALUE}).")
  String missing;

  @Option(names = "--out", required = true, paramLabel = "DIR", description = "Output folder (replaced).")
  String out;

  @Option(names = "--output-format", defaultValue = "parquet", paramLabel = "FORMAT",
      description = "parquet or csv (default: ${DEFAULT-VALUE}).")
  String outputFormat;

  @Override
  public Integer call() {
    MissingPolicy policy = switch (missing.toLowerCase(java.util.Locale.ROOT)) {
      case "drop-row" -> MissingPolicy.DROP_ROW;
      case "error" -> MissingPolicy.ERROR;
      default -> throw new ParameterException(spec.commandLine(), "--missing: expected drop-row or error, got '"
          + missing + "'");
    };
    if (!outputFormat.equals("parquet") && !outputFormat.equals("csv")) {
      throw new ParameterException(spec.commandLine(), "--output-format: expected parquet or csv, got '"
          + outputFormat + "'");
    }
    FleetAlignment settings;
    try {
      settings = FleetAlignment.builder().sources(sources.toArray(new String[0])).window(window).missing(policy)
          .build();
    } catch (IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), e.getMessage());
    }
    try (SessionOptions.Session s = session.open("aoi-spark align")) {
      SparkAgeAnalysis analysis = SparkAgeAnalysis.on(s.spark());
      Dataset<Row> table = Inputs.table(s.spark(), readings, inputFormat);
      Dataset<Row> aligned = queries.grid != null
          ? analysis.align(table, settings, Inputs.grid(spec, "--grid", queries.grid))
          : analysis.align(table, settings, Inputs.table(s.spark(), queries.table, inputFormat));
      if (outputFormat.equals("csv")) {
        aligned.write().mode(SaveMode.Overwrite).option("header", true).csv(out);
      } else {
        aligned.write().mode(SaveMode.Overwrite).parquet(out);
      }
      Dataset<Row> written = outputFormat.equals("csv")
          ? s.spark().read().option("header", true).csv(out) : s.spark().read().parquet(out);
      long rows = written.count();
      long sites = written.select("site").distinct().count();
      spec.commandLine().getOut().printf("aligned %d sources at %d query times of %d sites into %s (%s)%n",
          countSources(aligned), rows, sites, out, outputFormat);
    }
    return 0;
  }

  private static long countSources(Dataset<Row> aligned) {
    return java.util.Arrays.stream(aligned.columns()).filter(c -> c.endsWith(".age_ms")).count();
  }
}
