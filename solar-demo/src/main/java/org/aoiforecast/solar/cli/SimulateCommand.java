package org.aoiforecast.solar.cli;

import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.concurrent.Callable;
import org.aoiforecast.core.TimeSeries;
import org.aoiforecast.core.io.TimeSeriesCsvWriter;
import org.aoiforecast.solar.sim.Site;
import org.aoiforecast.solar.sim.SolarSimulator;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;

/** {@code simulate}: writes a synthetic solar data set (CSV). */
@Command(name = "simulate", mixinStandardHelpOptions = true,
    description = {"Write a synthetic solar data set (CSV): sun position, clear-sky irradiance, persistent clouds,"
        + " temperature, humidity and PV power of a site, seeded.",
        "The default data set is: simulate --days 365 --seed 1 --out data/solar-default.csv"})
final class SimulateCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--out", required = true, paramLabel = "FILE", description = "The CSV file to write.")
  Path out;

  @Option(names = "--days", defaultValue = "365", description = "Number of days (default: ${DEFAULT-VALUE}).")
  int days;

  @Option(names = "--start", defaultValue = "2021-01-01",
      description = "First local date, yyyy-mm-dd (default: ${DEFAULT-VALUE}).")
  String start;

  @Option(names = "--step", defaultValue = "1h",
      description = "Sampling step dividing a day, e.g. 1h, 30m, 15m (default: ${DEFAULT-VALUE}).")
  String step;

  @Option(names = "--latitude", defaultValue = "39.74", description = "Degrees north (default: ${DEFAULT-VALUE}).")
  double latitude;

  @Option(names = "--longitude", defaultValue = "-105.18",
      description = "Degrees east (default: ${DEFAULT-VALUE}, Golden CO).")
  double longitude;

  @Option(names = "--utc-offset", defaultValue = "-7",
      description = "Standard time offset in hours (default: ${DEFAULT-VALUE}).")
  int utcOffset;

  @Option(names = "--capacity", defaultValue = "4", description = "PV system size, kW (default: ${DEFAULT-VALUE}).")
  double capacity;

  @Option(names = "--seed", defaultValue = "1", description = "Random seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() {
    OutputPaths.file(out, "--out");
    Site site;
    LocalDate first;
    Duration d;
    try {
      site = new Site("simulated", latitude, longitude, 0, ZoneOffset.ofHours(utcOffset), capacity);
      first = LocalDate.parse(start);
      d = Duration.ofMinutes(StudyOptions.one(step, Duration.ofMinutes(1), "--step", 1));
    } catch (DateTimeParseException e) {
      throw CliException.usage("--start: expected a date like 2021-01-01, got '" + start + "'");
    } catch (DateTimeException | IllegalArgumentException e) {
      throw CliException.usage(e.getMessage());
    }
    SolarSimulator simulator;
    try {
      simulator = SolarSimulator.of(site, first, days, d, seed);
    } catch (IllegalArgumentException e) {
      throw CliException.usage(e.getMessage());
    }
    TimeSeries series = simulator.simulate();
    TimeSeriesCsvWriter.decimals(6).write(series, out);
    spec.commandLine().getOut().printf("wrote %s: %d rows every %s from %s, columns %s%n", out, series.size(), d,
        series.start(), series.names());
    return 0;
  }
}
