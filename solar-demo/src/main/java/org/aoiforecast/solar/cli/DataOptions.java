package org.aoiforecast.solar.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.List;
import org.aoiforecast.core.DataWarning;
import org.aoiforecast.core.io.TimeFormat;
import org.aoiforecast.solar.data.CsvOptions;
import org.aoiforecast.solar.data.SolarData;
import org.aoiforecast.solar.data.SolarFormat;
import org.aoiforecast.solar.data.SolarReaders;
import picocli.CommandLine.Option;

/** Where the data come from and how to read them (shared by the commands that read data). */
final class DataOptions {
  @Option(names = "--data", paramLabel = "FILE",
      description = "Data file: TMY3, NSRDB/PSM, PVWatts or any CSV (default: the embedded default data set).")
  Path data;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "auto",
      description = "auto, tmy3, nsrdb, pvwatts or csv (default: ${DEFAULT-VALUE}).")
  String format;

  @Option(names = "--time-column", paramLabel = "NAME", defaultValue = "time",
      description = "CSV: the time column (default: ${DEFAULT-VALUE}).")
  String timeColumn;

  @Option(names = "--time-format", paramLabel = "FORMAT", defaultValue = "iso",
      description = "CSV: iso, epoch-s or epoch-ms (default: ${DEFAULT-VALUE}).")
  String timeFormat;

  @Option(names = "--date-parts", paramLabel = "Y,M,D,H[,MIN]", split = ",",
      description = "CSV: Year,Month,Day,Hour[,Minute] column names, instead of a time column.")
  List<String> dateParts;

  @Option(names = "--skip-lines", paramLabel = "N", defaultValue = "0",
      description = "CSV: metadata lines before the header (default: ${DEFAULT-VALUE}).")
  int skipLines;

  @Option(names = "--zone", paramLabel = "ZONE", defaultValue = "UTC",
      description = "CSV: zone of local times, e.g. -05:00 or Europe/Paris (default: ${DEFAULT-VALUE}).")
  String zone;

  @Option(names = "--latitude", paramLabel = "DEG", description = "CSV: site latitude, for the clear-sky covariate.")
  Double latitude;

  @Option(names = "--longitude", paramLabel = "DEG", description = "CSV: site longitude (east positive).")
  Double longitude;

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
    if (Files.isDirectory(data)) {
      throw CliException.usage("--data " + data + " is a folder; give a data file");
    }
    SolarFormat f;
    TimeFormat tf;
    ZoneId z;
    try {
      f = SolarFormat.parse(format);
      tf = switch (timeFormat) {
        case "iso" -> TimeFormat.ISO_8601;
        case "epoch-s" -> TimeFormat.EPOCH_SECONDS;
        case "epoch-ms" -> TimeFormat.EPOCH_MILLIS;
        default -> throw new IllegalArgumentException("--time-format must be iso, epoch-s or epoch-ms, got '"
            + timeFormat + "'");
      };
      z = ZoneId.of(zone);
    } catch (DateTimeException e) {
      throw CliException.usage("--zone: unknown zone '" + zone + "'; use an offset like -05:00 or a zone id");
    } catch (IllegalArgumentException e) {
      throw CliException.usage(e.getMessage());
    }
    // NaN and Infinity parse as doubles; a NaN latitude would give a clear-sky column of NaN
    if (latitude != null && !(Math.abs(latitude) <= 90)) {
      throw CliException.usage("--latitude must be a number from -90 to 90, got " + latitude);
    }
    if (longitude != null && !(Math.abs(longitude) <= 180)) {
      throw CliException.usage("--longitude must be a number from -180 to 180, got " + longitude);
    }
    CsvOptions csv;
    try {
      csv = new CsvOptions(dateParts == null ? timeColumn : null, tf, dateParts == null ? List.of() : dateParts,
          skipLines, z, latitude == null ? Double.NaN : latitude, longitude == null ? Double.NaN : longitude);
    } catch (IllegalArgumentException e) {
      throw CliException.usage(e.getMessage());
    }
    return SolarReaders.read(data, f, csv);
  }

  /** @return the data's name for messages and reports */
  String name() {
    return data == null ? SolarReaders.DEFAULT_NAME : data.toString();
  }

  static List<String> list(String text) {
    return Arrays.stream(text.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
  }
}
