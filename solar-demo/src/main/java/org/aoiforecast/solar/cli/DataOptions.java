package org.aoiforecast.solar.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.aoiforecast.core.DataWarning;
import org.aoiforecast.solar.data.SolarData;
import org.aoiforecast.solar.data.SolarReaders;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Where the data come from ({@code --data}) and how to read them ({@link ReadOptions}); shared by
 * the commands that study data.
 */
final class DataOptions {
  @Option(names = "--data", paramLabel = "FILE",
      description = "Data file: TMY3, NSRDB/PSM, PVWatts or any CSV (default: the embedded default data set).")
  Path data;

  @Mixin
  ReadOptions read = new ReadOptions();

  /**
   * Reads the data and prints its warnings, one line each.
   *
   * @param err where warnings go (standard error)
   * @return the data, read as the options say
   */
  SolarData load(PrintWriter err) {
    SolarData d = load();
    for (DataWarning w : d.warnings()) {
      err.println("warning: " + w);
    }
    return d;
  }

  /** @return the data, read as the options say */
  SolarData load() {
    if (data == null) {
      return SolarReaders.defaultData();
    }
    return read.read(data, "--data");
  }

  /** @return the data's name for messages and reports */
  String name() {
    return data == null ? SolarReaders.DEFAULT_NAME : data.toString();
  }

  static List<String> list(String text) {
    return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
