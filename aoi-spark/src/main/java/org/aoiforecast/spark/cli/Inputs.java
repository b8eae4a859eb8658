package org.aoiforecast.spark.cli;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import org.aoiforecast.spark.align.QueryGrid;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Model.CommandSpec;

/** Reading the commands' tables and values: Parquet or CSV by name, grids, durations. */
final class Inputs {
  private Inputs() {}

  /**
   * @param spark the session
   * @param path a Parquet or CSV file or folder
   * @param format parquet, csv, or auto (CSV when the path ends with .csv, Parquet otherwise)
   * @return the table (CSV: header line, column types inferred)
   */
  static Dataset<Row> table(SparkSession spark, String path, String format) {
    String f = format.equals("auto") ? (path.toLowerCase(Locale.ROOT).endsWith(".csv") ? "csv" : "parquet") : format;
    return f.equals("csv") ? spark.read().option("header", true).option("inferSchema", true).csv(path)
        : spark.read().parquet(path);
  }

  /**
   * @param spec the command, for usage errors
   * @param option the option's name
   * @param text {@code START/END/STEP}, ISO-8601 instants and a duration
   * @return the grid
   */
  static QueryGrid grid(CommandSpec spec, String option, String text) {
    String[] parts = text.split("/");
    if (parts.length != 3) {
      throw new ParameterException(spec.commandLine(), option + ": expected START/END/STEP such as "
          + "2021-01-01T00:00:00Z/2021-12-31T23:00:00Z/1h, got '" + text + "'");
    }
    try {
      return QueryGrid.of(Instant.parse(parts[0].trim()), Instant.parse(parts[1].trim()),
          duration(parts[2].trim()));
    } catch (DateTimeParseException | IllegalArgumentException e) {
      throw new ParameterException(spec.commandLine(), option + ": " + e.getMessage());
    }
  }

  /**
   * @param text {@code 90s}, {@code 15m}, {@code 1h}, {@code 1d} or ISO-8601 ({@code PT1H})
   * @return the duration
   * @throws IllegalArgumentException for other text
   */
  static Duration duration(String text) {
    String t = text.trim().toUpperCase(Locale.ROOT);
    try {
      if (t.startsWith("P")) {
        return Duration.parse(t);
      }
      return t.endsWith("D") ? Duration.parse("P" + t) : Duration.parse("PT" + t);
    } catch (DateTimeParseException e) {
      throw new IllegalArgumentException("expected a duration such as 15m, 1h or 1d, got '" + text + "'");
    }
  }
}
