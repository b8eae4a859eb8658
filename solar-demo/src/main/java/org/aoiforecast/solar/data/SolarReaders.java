package org.aoiforecast.solar.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.aoiforecast.core.DataException;
import org.aoiforecast.core.DataWarning;
import org.aoiforecast.core.Finite;
import org.aoiforecast.core.TimeSeries;
import org.aoiforecast.core.io.CsvFile;
import org.aoiforecast.core.io.PlausibleRange;
import org.aoiforecast.core.io.TimeSeriesCsvReader;
import org.aoiforecast.core.io.ZoneSource;
import org.aoiforecast.solar.sim.Site;
import org.aoiforecast.solar.sim.SolarSimulator;

/**
 * Reads solar data files into {@link SolarData} with canonical column names, on top of aoi-core's
 * CSV reader: TMY3, NSRDB/PSM, PVWatts, any CSV, and the default data set embedded in this jar.
 *
 * <p>Canonical names: GHI, DNI, DHI (W/m²), Temperature and DewPoint (°C), RelativeHumidity (%),
 * CloudCover (tenths), CloudType (NSRDB code), WindSpeed (m/s), Pressure (mbar), Power (the
 * file's unit), ClearSkyGHI (W/m²). When the file gives the site, a ClearSkyGHI column is computed
 * with the Haurwitz model (at the middle of each hour for TMY3's hour-ending averages) unless the
 * file has one. The file's own names of renamed columns ({@code "Relative Humidity"},
 * {@code "Dry-bulb (C)"}) are kept as {@linkplain SolarData#aliases() aliases}.
 *
 * <p>Every number is checked: site metadata must be finite and in range (a NaN UTC offset must not
 * become UTC), data values finite with a finite square; values outside the plausible range of
 * their unit ({@link PlausibleRange}) are kept and listed in {@link SolarData#warnings()}.
 *
 * <p>Decisions (documented in data/README.md): TMY3 rows are moved to the non-leap year 1990
 * (a typical year stitches months of different years); PVWatts files have no year either (1990)
 * and no zone: their standard time offset is taken as {@code round(longitude / 15)} hours.
 */
public final class SolarReaders {
  /** The class-path location of the embedded default data set. */
  public static final String DEFAULT_RESOURCE = "/org/aoiforecast/solar/data/solar-default.csv";
  /** The name the embedded data set goes by in messages and reports. */
  public static final String DEFAULT_NAME = "solar-default.csv (embedded)";
  private static final int FIXED_YEAR = 1990;

  private SolarReaders() {}

  /**
   * The default data set: a year of the simulated default site (see data/README.md), embedded in
   * the jar.
   *
   * @return the data
   */
  public static SolarData defaultData() {
    InputStream in = SolarReaders.class.getResourceAsStream(DEFAULT_RESOURCE);
    if (in == null) {
      throw new IllegalStateException("the default data set is missing from the jar (" + DEFAULT_RESOURCE + ")");
    }
    try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
      TimeSeries s = genericReader(CsvOptions.defaults(), List.of()).read(r, DEFAULT_NAME);
      return simulated(s, Site.golden());
    } catch (IOException e) {
      throw new IllegalStateException("cannot read the embedded default data: " + e.getMessage(), e);
    }
  }

  /**
   * Data written by the simulator: target Power; sources Power, Temperature, RelativeHumidity and
   * CloudCover.
   *
   * @param series the simulated series
   * @param site its site
   * @return the data
   */
  public static SolarData simulated(TimeSeries series, Site site) {
    // the simulator computes the clear-sky column at each timestamp, as the recipe does
    return new SolarData(series, Optional.of(site), SolarFormat.CSV, SolarSimulator.POWER,
        List.of(SolarSimulator.POWER, SolarSimulator.TEMPERATURE, SolarSimulator.HUMIDITY, SolarSimulator.CLOUD),
        Map.of(), List.of(), Optional.of(new ClearSkyColumn(site.latitude(), site.longitude(), Duration.ZERO)));
  }

  /**
   * Reads a file.
   *
   * @param file the file
   * @param format its format, or AUTO to detect it
   * @param csv options for the generic CSV format (ignored by the others)
   * @return the data
   * @throws DataException when the file is unreadable, of another format than claimed, or bad
   */
  public static SolarData read(Path file, SolarFormat format, CsvOptions csv) {
    if (!Files.isRegularFile(file)) {
      throw new DataException(file.toString(), 0, null, Files.isDirectory(file) ? "is a directory, expected a data file"
          : "no such file");
    }
    if (!Files.isReadable(file)) {
      throw new DataException(file.toString(), 0, null, "cannot be read (permissions)");
    }
    SolarFormat f = format == SolarFormat.AUTO ? detect(file) : format;
    return switch (f) {
      case TMY3 -> tmy3(file);
      case NSRDB -> nsrdb(file);
      case PVWATTS -> pvwatts(file);
      default -> csv(file, csv);
    };
  }

  /**
   * Detects the format from the first lines.
   *
   * @param file the file
   * @return TMY3, NSRDB, PVWATTS or CSV
   */
  public static SolarFormat detect(Path file) {
    List<String> head = head(file, 3);
    if (head.size() >= 2 && head.get(1).startsWith("Date (MM/DD/YYYY),Time (HH:MM)")) {
      return SolarFormat.TMY3;
    }
    if (!head.isEmpty() && head.get(0).startsWith("PVWatts")) {
      return SolarFormat.PVWATTS;
    }
    if (head.size() >= 3 && head.get(2).startsWith("Year,Month,Day,Hour")) {
      return SolarFormat.NSRDB;
    }
    return SolarFormat.CSV;
  }

  private static List<String> head(Path file, int lines) {
    List<String> out = new ArrayList<>();
    try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      String line;
      while (out.size() < lines && (line = r.readLine()) != null) {
        out.add(line.startsWith("\uFEFF") ? line.substring(1) : line);
      }
    } catch (IOException e) {
      throw new DataException(file.toString(), 0, null, CsvFile.readProblem(e), e);
    }
    return out;
  }

  private static void expectFormat(Path file, boolean ok, SolarFormat claimed, String expected) {
    if (!ok) {
      throw new DataException(file.toString(), 0, null, "is not a " + claimed + " file: expected " + expected
          + " (detected format: " + detect(file) + ")");
    }
  }

  // ------------------------------------------------------------------ TMY3

  private static final Map<String, String> TMY3_COLUMNS = map("GHI", "GHI", "DNI", "DNI", "DHI", "DHI",
      "Dry-bulb", "Temperature", "Dew-point", "DewPoint", "RHum", "RelativeHumidity", "TotCld", "CloudCover",
      "OpqCld", "OpaqueCloudCover", "Pressure", "Pressure", "Wspd", "WindSpeed");

  static SolarData tmy3(Path file) {
    List<String> head = head(file, 2);
    expectFormat(file, head.size() >= 2 && head.get(1).startsWith("Date (MM/DD/YYYY),Time (HH:MM)"), SolarFormat.TMY3,
        "site metadata on line 1 and a header starting 'Date (MM/DD/YYYY),Time (HH:MM)' on line 2");
    Site site;
    List<String> header;
    try (CsvFile csv = CsvFile.open(file, 1)) {
      List<String> meta = csv.metadataFields(1);
      if (meta.size() < 7) {
        throw new DataException(file.toString(), 1, null, "expected 7 metadata fields (id, name, state, UTC offset,"
            + " latitude, longitude, elevation), found " + meta.size());
      }
      site = new Site(meta.get(1), latitude(file, 1, meta.get(4)), longitude(file, 1, meta.get(5)),
          number(file, 1, meta.get(6), "elevation"), offset(file, 1, meta.get(3), "UTC offset"), 0);
      header = csv.header();
    }
    List<DataWarning> warnings = new ArrayList<>();
    TimeSeries raw = TimeSeriesCsvReader.builder().skipLines(1)
        .dateAndTime("Date (MM/DD/YYYY)", "MM/dd/yyyy", "Time (HH:MM)").year(FIXED_YEAR).zone(site.zone())
        .unitsInHeader().plausibleRangesByUnit().columns(TMY3_COLUMNS.keySet().toArray(String[]::new)).build()
        .read(file, warnings::add);
    // hour-ending averages: the clear-sky value of the hour is taken at its middle
    ClearSkyColumn clearSky = new ClearSkyColumn(site.latitude(), site.longitude(), raw.step().dividedBy(2).negated());
    TimeSeries s = clearSky.addTo(rename(raw, TMY3_COLUMNS));
    return new SolarData(s, Optional.of(site), SolarFormat.TMY3, "GHI",
        List.of("GHI", "Temperature", "RelativeHumidity", "CloudCover"), aliases(header, TMY3_COLUMNS), warnings,
        Optional.of(clearSky));
  }

  // ------------------------------------------------------------------ NSRDB

  private static final Map<String, String> NSRDB_RENAMES = map("Relative Humidity", "RelativeHumidity", "Cloud Type",
      "CloudType", "Dew Point", "DewPoint", "Wind Speed", "WindSpeed", "Clearsky GHI", "ClearSkyGHI", "Clearsky DNI",
      "ClearSkyDNI", "Clearsky DHI", "ClearSkyDHI", "Solar Zenith Angle", "SolarZenith");
  private static final Map<String, String> NSRDB_UNITS = map("GHI", "W/m^2", "DNI", "W/m^2", "DHI", "W/m^2",
      "Temperature", "C", "Dew Point", "C", "Relative Humidity", "%");

  static SolarData nsrdb(Path file) {
    List<String> head = head(file, 3);
    expectFormat(file, head.size() >= 3 && head.get(2).startsWith("Year,Month,Day,Hour"), SolarFormat.NSRDB,
        "two metadata lines (keys, values) and a header starting 'Year,Month,Day,Hour' on line 3");
    Site site;
    List<String> header;
    try (CsvFile csv = CsvFile.open(file, 2)) {
      List<String> keys = csv.metadataFields(1);
      List<String> values = csv.metadataFields(2);
      site = new Site(field(file, keys, values, "Location ID", false).orElse("NSRDB site"),
          latitude(file, 2, field(file, keys, values, "Latitude", true).orElseThrow()),
          longitude(file, 2, field(file, keys, values, "Longitude", true).orElseThrow()),
          field(file, keys, values, "Elevation", false).map(v -> number(file, 2, v, "Elevation")).orElse(0.0),
          offset(file, 2, field(file, keys, values, "Time Zone", true).orElseThrow(), "Time Zone"), 0);
      header = csv.header();
    }
    List<String> numeric = new ArrayList<>();
    for (String h : header) {
      if (!List.of("Year", "Month", "Day", "Hour", "Minute").contains(h) && !h.isEmpty()) {
        numeric.add(h);
      }
    }
    boolean minutes = header.contains("Minute");
    TimeSeriesCsvReader.Builder reader = TimeSeriesCsvReader.builder().skipLines(2)
        .dateParts("Year", "Month", "Day", "Hour", minutes ? "Minute" : null).zone(site.zone())
        .columns(numeric.toArray(String[]::new));
    // NSRDB headers carry no units: the ranges come from the column names
    for (String column : numeric) {
      String unit = column.startsWith("Clearsky ") ? "W/m^2" : NSRDB_UNITS.get(column);
      PlausibleRange.forUnit(unit).ifPresent(range -> reader.plausibleRange(column, range));
    }
    List<DataWarning> warnings = new ArrayList<>();
    TimeSeries raw = reader.build().read(file, warnings::add);
    TimeSeries s = rename(raw, NSRDB_RENAMES);
    // the file's own clear-sky column (NSRDB's model) wins; otherwise the recipe computes one
    Optional<ClearSkyColumn> clearSky = s.hasColumn(ClearSkyColumn.COLUMN) ? Optional.empty()
        : Optional.of(new ClearSkyColumn(site.latitude(), site.longitude(), Duration.ZERO));
    if (clearSky.isPresent()) {
      s = clearSky.get().addTo(s);
    }
    String cloud = s.hasColumn("CloudType") ? "CloudType" : "Temperature";
    List<String> features = new ArrayList<>(List.of("GHI", "Temperature"));
    if (s.hasColumn("RelativeHumidity")) {
      features.add("RelativeHumidity");
    }
    if (!features.contains(cloud)) {
      features.add(cloud);
    }
    return new SolarData(s, Optional.of(site), SolarFormat.NSRDB, "GHI", features, aliases(header, NSRDB_RENAMES),
        warnings, clearSky);
  }

  private static Optional<String> field(Path file, List<String> keys, List<String> values, String key,
      boolean required) {
    int i = keys.indexOf(key);
    if (i < 0 || i >= values.size() || values.get(i).isEmpty()) {
      if (required) {
        throw new DataException(file.toString(), 1, key, "missing NSRDB metadata key; the keys are " + keys);
      }
      return Optional.empty();
    }
    return Optional.of(values.get(i));
  }

  // ------------------------------------------------------------------ PVWatts

  private static final Map<String, String> PVWATTS_COLUMNS = map("Beam Irradiance", "BeamIrradiance",
      "Diffuse Irradiance", "DiffuseIrradiance", "Ambient Temperature", "Temperature", "Wind Speed", "WindSpeed",
      "Plane of Array Irradiance", "PlaneOfArrayIrradiance", "Cell Temperature", "CellTemperature",
      "DC Array Output", "DcPower", "AC System Output", "Power");

  static SolarData pvwatts(Path file) {
    List<String> head = head(file, 18);
    expectFormat(file, !head.isEmpty() && head.get(0).startsWith("PVWatts"), SolarFormat.PVWATTS,
        "a first line starting 'PVWatts'");
    int headerLine = -1;
    for (int i = 0; i < head.size(); i++) {
      if (head.get(i).startsWith("Month,Day,Hour")) {
        headerLine = i + 1;
      }
    }
    if (headerLine < 0) {
      throw new DataException(file.toString(), 0, null, "is not a PVWatts hourly file: no 'Month,Day,Hour' header in"
          + " the first 18 lines");
    }
    double lat = Double.NaN;
    double lonWest = Double.NaN;
    double elevation = 0;
    List<String> header;
    try (CsvFile csv = CsvFile.open(file, headerLine - 1)) {
      header = csv.header();
      for (int line = 1; line < headerLine; line++) {
        List<String> f = csv.metadataFields(line);
        if (f.size() < 2) {
          continue;
        }
        switch (f.get(0)) {
          case "Lat (deg N):" -> lat = latitude(file, line, f.get(1));
          case "Long (deg W):" -> lonWest = longitude(file, line, f.get(1));
          case "Elev (m):" -> elevation = number(file, line, f.get(1), "elevation");
          default -> { }
        }
      }
    }
    if (Double.isNaN(lat) || Double.isNaN(lonWest)) {
      throw new DataException(file.toString(), 0, null, "PVWatts metadata lacks 'Lat (deg N):' or 'Long (deg W):'");
    }
    double lon = -lonWest;
    Site site = new Site("PVWatts site", lat, lon, elevation,
        ZoneOffset.ofHours((int) Math.round(lon / 15)), 0);
    List<DataWarning> warnings = new ArrayList<>();
    TimeSeries raw = TimeSeriesCsvReader.builder().skipLines(headerLine - 1)
        .dateParts(null, "Month", "Day", "Hour", null).year(FIXED_YEAR).zone(site.zone()).footer("Totals")
        .unitsInHeader().plausibleRangesByUnit().columns(PVWATTS_COLUMNS.keySet().toArray(String[]::new)).build()
        .read(file, warnings::add);
    ClearSkyColumn clearSky = new ClearSkyColumn(site.latitude(), site.longitude(), Duration.ZERO);
    TimeSeries s = clearSky.addTo(rename(raw, PVWATTS_COLUMNS));
    return new SolarData(s, Optional.of(site), SolarFormat.PVWATTS, "Power",
        List.of("Power", "Temperature", "WindSpeed"), aliases(header, PVWATTS_COLUMNS), warnings,
        Optional.of(clearSky));
  }

  // ------------------------------------------------------------------ generic CSV

  static SolarData csv(Path file, CsvOptions options) {
    List<DataWarning> warnings = new ArrayList<>();
    TimeSeries s = genericReader(options, List.of()).read(file, warnings::add);
    Optional<Site> site = Optional.empty();
    Optional<ClearSkyColumn> clearSky = Optional.empty();
    if (!Double.isNaN(options.latitude()) && !Double.isNaN(options.longitude())) {
      Site known = new Site(file.getFileName().toString(), options.latitude(), options.longitude(), 0,
          ZoneOffset.UTC, 0);
      site = Optional.of(known);
      if (!s.hasColumn(ClearSkyColumn.COLUMN)) {
        clearSky = Optional.of(new ClearSkyColumn(known.latitude(), known.longitude(), Duration.ZERO));
        s = clearSky.get().addTo(s);
      }
    }
    if (s.hasColumn(SolarSimulator.POWER) && s.hasColumn(SolarSimulator.CLOUD) && s.hasColumn(SolarSimulator.HUMIDITY)
        && s.hasColumn(SolarSimulator.TEMPERATURE)) {
      // the simulator's layout: use its defaults
      return new SolarData(s, site, SolarFormat.CSV, SolarSimulator.POWER, List.of(SolarSimulator.POWER,
          SolarSimulator.TEMPERATURE, SolarSimulator.HUMIDITY, SolarSimulator.CLOUD), headerAliases(s, file, options),
          warnings, clearSky);
    }
    return new SolarData(s, site, SolarFormat.CSV, null, List.of(), headerAliases(s, file, options), warnings,
        clearSky);
  }

  /** A generic CSV keeps its names, less their units: the full headers ({@code "GHI (W/m^2)"}) are aliases. */
  private static Map<String, String> headerAliases(TimeSeries s, Path file, CsvOptions options) {
    Map<String, String> out = new LinkedHashMap<>();
    try (CsvFile csv = CsvFile.open(file, options.skipLines())) {
      for (String h : csv.header()) {
        String name = TimeSeriesCsvReader.nameOf(h);
        if (!h.equals(name) && s.hasColumn(name)) {
          out.put(h, name);
        }
      }
    }
    return out;
  }

  private static TimeSeriesCsvReader genericReader(CsvOptions o, List<String> columns) {
    TimeSeriesCsvReader.Builder b = TimeSeriesCsvReader.builder().skipLines(o.skipLines()).zone(o.zone())
        .unitsInHeader().plausibleRangesByUnit().columns(columns.toArray(String[]::new));
    if (!o.dateParts().isEmpty()) {
      List<String> p = o.dateParts();
      b.dateParts(p.get(0), p.get(1), p.get(2), p.get(3), p.size() > 4 ? p.get(4) : null);
    } else {
      b.timeColumn(o.timeColumn(), o.timeFormat());
    }
    return b.build();
  }

  // ------------------------------------------------------------------ helpers

  private static double number(Path file, long line, String text, String what) {
    double v;
    try {
      v = Double.parseDouble(text.trim());
    } catch (NumberFormatException e) {
      throw new DataException(file.toString(), line, what, "expected a number, found '" + text + "'");
    }
    // "NaN" and "Infinity" parse as numbers; a NaN offset would round to 0 and silently become UTC
    String problem = Finite.problem(v, text.trim());
    if (problem != null) {
      throw new DataException(file.toString(), line, what, problem);
    }
    return v;
  }

  private static double bounded(Path file, long line, String text, String what, double min, double max) {
    double v = number(file, line, text, what);
    if (v < min || v > max) {
      throw new DataException(file.toString(), line, what, text.trim() + " is out of range; expected " + (long) min
          + " to " + (long) max);
    }
    return v;
  }

  private static double latitude(Path file, long line, String text) {
    return bounded(file, line, text, "latitude", -90, 90);
  }

  private static double longitude(Path file, long line, String text) {
    return bounded(file, line, text, "longitude", -180, 180);
  }

  private static ZoneOffset offset(Path file, long line, String text, String what) {
    double hours = number(file, line, text, what);
    return ZoneSource.offsetHours(hours).orElseThrow(() -> new DataException(file.toString(), line, what,
        text.trim() + " is not a UTC offset; expected hours from -18 to 18"));
  }

  /**
   * The file's own names of the renamed columns, with and without their units, mapped to the
   * canonical names: a user may name a column as the file does.
   */
  private static Map<String, String> aliases(List<String> header, Map<String, String> renames) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String h : header) {
      String name = TimeSeriesCsvReader.nameOf(h);
      String canonical = renames.get(name);
      if (canonical != null) {
        if (!name.equals(canonical)) {
          out.put(name, canonical);
        }
        if (!h.equals(canonical)) {
          out.put(h, canonical);
        }
      }
    }
    return out;
  }

  private static Map<String, String> map(String... pairs) {
    Map<String, String> m = new LinkedHashMap<>();
    for (int i = 0; i < pairs.length; i += 2) {
      m.put(pairs[i], pairs[i + 1]);
    }
    return m;
  }

  /** The series with columns renamed (columns not in the map keep their names). */
  static TimeSeries rename(TimeSeries s, Map<String, String> names) {
    TimeSeries.Builder b = TimeSeries.builder(s.start(), s.step()).origin(s.origin());
    for (int c = 0; c < s.names().size(); c++) {
      String name = s.names().get(c);
      b.column(names.getOrDefault(name, name), s.units().get(c), s.column(name));
    }
    return b.build();
  }
}
