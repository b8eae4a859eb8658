package org.aoiforecast.solar.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
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
import org.apache.commons.math3.random.Well19937c;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Option;

/**
 * {@code simulate}: writes a synthetic solar data set (CSV), or with {@code --sites N} a fleet: a
 * folder of one file per site, each at its own position, with its own system size and weather
 * (seed), and an index {@code sites.tsv} of what was drawn.
 */
@Command(name = "simulate", mixinStandardHelpOptions = true,
    description = {"Write a synthetic solar data set (CSV): sun position, clear-sky irradiance, persistent clouds,"
        + " temperature, humidity and PV power of a site, seeded.",
        "With --sites N, --out is a folder of N files site-0001.csv ... (for analyze-sites of aoi-spark), each"
        + " site at a position drawn over the contiguous United States, with its own PV size and weather.",
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

  @Option(names = "--sites", defaultValue = "0", paramLabel = "N",
      description = "Write a fleet of N sites into the folder --out instead of one file; position, time zone, PV"
          + " size and weather seed are drawn per site from --seed (--latitude, --longitude, --utc-offset and"
          + " --capacity then do not apply).")
  int sites;

  @Override
  public Integer call() {
    if (sites < 0) {
      throw CliException.usage("--sites must be at least 1 (or 0 for one file), got " + sites);
    }
    if (sites > 0) {
      return fleet();
    }
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
    TimeSeries series = simulator(site, first, d, seed).simulate();
    TimeSeriesCsvWriter.decimals(6).write(series, out);
    spec.commandLine().getOut().printf("wrote %s: %d rows every %s from %s, columns %s%n", out, series.size(), d,
        series.start(), series.names());
    return 0;
  }

  private SolarSimulator simulator(Site site, LocalDate first, Duration d, long siteSeed) {
    try {
      return SolarSimulator.of(site, first, days, d, siteSeed);
    } catch (IllegalArgumentException e) {
      throw CliException.usage(e.getMessage());
    }
  }

  /** N sites over the contiguous US (25-49 N, 67-124 W), 2-10 kW, each with its own weather seed. */
  private Integer fleet() {
    if (Files.exists(out) && !Files.isDirectory(out)) {
      throw CliException.usage("--out " + out + " is a file; with --sites give a folder");
    }
    LocalDate first;
    Duration d;
    try {
      first = LocalDate.parse(start);
      d = Duration.ofMinutes(StudyOptions.one(step, Duration.ofMinutes(1), "--step", 1));
    } catch (DateTimeParseException e) {
      throw CliException.usage("--start: expected a date like 2021-01-01, got '" + start + "'");
    } catch (IllegalArgumentException e) {
      throw CliException.usage(e.getMessage());
    }
    Well19937c random = new Well19937c(seed);
    StringBuilder index = new StringBuilder("site\tlatitude\tlongitude\tutc_offset\tcapacity_kw\tseed\n");
    try {
      Files.createDirectories(out);
      for (int i = 1; i <= sites; i++) {
        String name = String.format("site-%04d", i);
        double lat = Math.round((25 + 24 * random.nextDouble()) * 100) / 100.0;
        double lon = Math.round((-124 + 57 * random.nextDouble()) * 100) / 100.0;
        int offset = (int) Math.round(lon / 15);
        double kw = Math.round((2 + 8 * random.nextDouble()) * 10) / 10.0;
        long siteSeed = seed * 1_000_003L + i; // distinct weather per site, reproducible from --seed
        Site site = new Site(name, lat, lon, 0, ZoneOffset.ofHours(offset), kw);
        TimeSeriesCsvWriter.decimals(6).write(simulator(site, first, d, siteSeed).simulate(),
            out.resolve(name + ".csv"));
        index.append(String.join("\t", name, String.valueOf(lat), String.valueOf(lon), String.valueOf(offset),
            String.valueOf(kw), String.valueOf(siteSeed))).append('\n');
      }
      Files.writeString(out.resolve("sites.tsv"), index);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write the fleet into " + out + ": " + e.getMessage(), e);
    }
    spec.commandLine().getOut().printf("wrote %d sites into %s: %d days every %s each, index %s%n", sites, out, days,
        d, out.resolve("sites.tsv"));
    return 0;
  }
}
