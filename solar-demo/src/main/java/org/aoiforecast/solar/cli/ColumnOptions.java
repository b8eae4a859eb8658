package org.aoiforecast.solar.cli;

import java.util.ArrayList;
import java.util.List;
import org.aoiforecast.core.TimeSeries;
import org.aoiforecast.solar.data.SolarData;
import picocli.CommandLine.Option;

/** The target and feature columns (defaults depend on the data's format). */
final class ColumnOptions {
  @Option(names = "--target", paramLabel = "COLUMN",
      description = "The column to forecast (default: Power for simulated and PVWatts data, GHI for TMY3 and NSRDB).")
  String target;

  @Option(names = "--features", paramLabel = "COLUMNS", split = ",",
      description = "Source columns, comma-separated, each a source with its own age (default: per format).")
  List<String> features;

  /** @return the target, checked against the data (a file's own column name stands for its canonical one) */
  String target(SolarData data) {
    String t = target != null ? data.canonical(target.trim()) : data.defaultTarget();
    if (t == null) {
      throw CliException.usage("give --target for this CSV; its columns are " + data.series().names());
    }
    check(data.series(), t, "--target");
    return t;
  }

  /** @return the features, checked against the data: known, canonical, none twice */
  List<String> features(SolarData data) {
    if (features == null) {
      if (data.defaultFeatures().isEmpty()) {
        throw CliException.usage("give --features for this CSV; its columns are " + data.series().names());
      }
      return data.defaultFeatures();
    }
    return columns(data, features, "--features");
  }

  /**
   * Columns named by an option, in canonical names: each known, none empty, none twice (also not
   * once by its file name and once by its canonical name).
   *
   * @param data the data
   * @param names the names given
   * @param option the option, for messages
   * @return the canonical names
   */
  static List<String> columns(SolarData data, List<String> names, String option) {
    if (names.isEmpty()) {
      throw CliException.usage(option + ": give at least one column; the columns are " + data.series().names());
    }
    List<String> out = new ArrayList<>();
    for (String given : names) {
      if (given.isBlank()) {
        throw CliException.usage(option + ": empty column name in " + names);
      }
      String c = data.canonical(given.trim());
      check(data.series(), c, option);
      if (out.contains(c)) {
        throw CliException.usage(option + ": column '" + c + "' is given twice");
      }
      out.add(c);
    }
    return out;
  }

  static void check(TimeSeries s, String column, String option) {
    if (!s.hasColumn(column)) {
      throw CliException.usage(option + ": unknown column '" + column + "'; the columns are " + s.names());
    }
  }
}
