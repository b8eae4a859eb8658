package org.aoiforecast.solar.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.ZoneId;
import java.util.List;
import org.aoiforecast.core.io.TimeFormat;
import org.aoiforecast.solar.data.CsvOptions;
import org.aoiforecast.solar.data.SolarData;
import org.aoiforecast.solar.data.SolarFormat;
import org.aoiforecast.solar.data.SolarReaders;
import picocli.CommandLine.Option;

/**
 * How to read a data file: its format and, for CSV, its time columns, zone and site (shared by
 * {@code --data} of the study commands and {@code predict --history}).
 */
final class ReadOptions {
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
   * @param file a data file
   * @param option the option that named it, for messages
   * @return the data, read as the options say
   */
  SolarData read(Path file, String option) {
    if (Files.isDirectory(file)) {
      throw CliException.usage(option + " " + file + " is a folder; give a data file");
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
    return SolarReaders.read(file, f, csv);
  }
}
