package org.aoiforecast.solar.cli;

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

  /** @return the target, checked against the data */
  String target(SolarData data) {
    String t = target != null ? target : data.defaultTarget();
    if (t == null) {
      throw CliException.usage("give --target for this CSV; its columns are " + data.series().names());
    }
    check(data.series(), t, "--target");
    return t;
  }

  /** @return the features, checked against the data */
  List<String> features(SolarData data) {
    List<String> f = features != null ? features : data.defaultFeatures();
    if (f.isEmpty()) {
      throw CliException.usage("give --features for this CSV; its columns are " + data.series().names());
    }
    for (String c : f) {
      check(data.series(), c, "--features");
    }
    return f;
  }

  static void check(TimeSeries s, String column, String option) {
    if (!s.hasColumn(column)) {
      throw CliException.usage(option + ": unknown column '" + column + "'; the columns are " + s.names());
    }
  }
}
