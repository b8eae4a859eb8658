package org.aoiforecast.solar.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.aoiforecast.core.DataException;
import org.aoiforecast.core.DataWarning;
import org.aoiforecast.core.Finite;
import org.aoiforecast.core.dataset.AgeSet;
import org.aoiforecast.core.dataset.KnownCovariate;
import org.aoiforecast.core.dataset.KnownCovariates;
import org.aoiforecast.core.io.CsvFile;
import org.aoiforecast.core.io.Json;
import org.aoiforecast.core.reading.Source;
import org.aoiforecast.forecasting.AgeAwareForecaster;
import org.aoiforecast.forecasting.ForecastRequest;
import org.aoiforecast.forecasting.GaussianForecast;
import org.aoiforecast.forecasting.model.Provenance;
import org.aoiforecast.forecasting.nn.LinearBase;
import org.aoiforecast.solar.data.ClearSkyColumn;
import org.aoiforecast.solar.data.SolarData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code predict}: a live forecast from the latest readings of every source and their ages. */
@Command(name = "predict", mixinStandardHelpOptions = true,
    description = {"Load a saved model and forecast from the latest readings of each source and their ages.",
        "Readings come from --readings FILE (CSV with columns source,age,v0,v1,... where v0 is the freshest value)"
            + " or from --source NAME=AGE:v0,v1,... options. Ages are steps or durations (3, 3h, 90m).",
        "A model with a Gaussian head (what train saves by default) prints the median and the central 80 % interval;"
            + " a point model (train --no-intervals, or --horizons without --intervals) prints the forecast alone."})
final class PredictCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--model", required = true, paramLabel = "FILE", description = "A model saved by 'train'.")
  Path model;

  @Option(names = "--at", required = true, paramLabel = "TIME",
      description = "The query time, ISO-8601 (e.g. 2021-06-01T18:00:00Z); each target lies a horizon of the model"
          + " later.")
  String at;

  @Option(names = "--readings", paramLabel = "FILE", description = "CSV: source,age,v0,v1,... (freshest first).")
  Path readings;

  @Option(names = "--source", paramLabel = "NAME=AGE:VALUES",
      description = "A source's age and window, freshest value first, e.g. Power=3h:1.2,1.5,1.9 (repeatable).")
  List<String> sources;

  @Option(names = "--covariate", paramLabel = "NAME=VALUE",
      description = "Value of a column covariate at the target time, e.g. ClearSkyGHI=850 (repeatable); for a model"
          + " with several horizons, one value per forecast horizon, e.g. ClearSkyGHI=850,870,880. ClearSkyGHI is"
          + " computed from the site when the model saved how its training data computed it.")
  List<String> covariates;

  @Option(names = "--covariate-at-readings", paramLabel = "NAME=VALUES",
      description = "Values of a column covariate at the times of the target source's readings, freshest first, one"
          + " per window position, e.g. ClearSkyGHI=612,735,826 (repeatable). A model whose linear path takes smart"
          + " persistence needs its clear-sky column there; ClearSkyGHI is computed from the site when the model"
          + " saved how its training data computed it.")
  List<String> covariatesAtReadings;

  @Option(names = "--horizons", paramLabel = "HORIZONS",
      description = "Which of the model's horizons to forecast (steps or durations: 0-6, 0h-3h, 1,3); default:"
          + " all of them, one line each with its target time.")
  String horizons;

  @Option(names = "--history", paramLabel = "FILE",
      description = "Recent data of the site (any format train reads, with the same --format and CSV options): the"
          + " model forecasts them and the 80 % interval is recalibrated online from the outcomes known at --at, so"
          + " that it keeps its coverage through the seasons. Only for a model with a Gaussian head.")
  Path history;

  @Mixin
  ReadOptions historyFormat = new ReadOptions();

  @Option(names = "--allow-extrapolation", description = "Accept ages outside the training age range.")
  boolean extrapolate;

  @Option(names = "--json", paramLabel = "FILE",
      description = "Also write the forecast as JSON (schema " + PredictionJson.SCHEMA + ", docs/json.md): the first"
          + " horizon's forecast (and distribution) at the top, every horizon's under \"forecasts\".")
  Path json;

  @Override
  public Integer call() {
    if (Files.isDirectory(model)) {
      throw CliException.usage("--model " + model + " is a folder; give a model file saved by 'train'");
    }
    if (json != null) {
      OutputPaths.file(json, "--json");
    }
    AgeAwareForecaster loaded = AgeAwareForecaster.load(model);
    AgeAwareForecaster f = extrapolate ? loaded.allowingExtrapolation() : loaded;
    Instant time;
    try {
      time = Instant.parse(at);
    } catch (DateTimeParseException e) {
      throw CliException.usage("--at: expected an ISO-8601 instant like 2021-06-01T18:00:00Z, got '" + at + "'");
    }
    Duration step = f.layout().step();
    Map<String, Entry> entries = new LinkedHashMap<>();
    if (readings != null) {
      entries.putAll(fromFile(readings, step));
    }
    if (sources != null) {
      for (String s : sources) {
        Entry e = fromOption(s, step);
        if (entries.put(e.source, e) != null) {
          throw CliException.usage("source '" + e.source + "' is given twice");
        }
      }
    }
    if (entries.isEmpty()) {
      throw CliException.usage("give the readings with --readings FILE or --source NAME=AGE:VALUES; the model needs "
          + f.layout().sources().stream().map(Source::name).toList());
    }
    if (json != null) {
      OutputPaths.file(json, "--json");
    }
    Optional<ClearSkyColumn> clearSky = requireColumnCovariates(f, time);
    double[] clearSkyAtReadings = clearSkyAtReadings(f, time, entries, step);
    Optional<HistoryRecalibration> online = recalibration(f, time, entries, step);
    ForecastRequest.Builder request = ForecastRequest.at(time);
    try {
      for (Entry e : entries.values()) {
        request.source(e.source, e.age, e.values);
      }
      int[] chosen = chosenHorizons(f, step);
      String target = f.layout().target();
      String unit = f.layout().sources().stream().filter(s -> s.columns().contains(target)).findFirst()
          .map(s -> s.units().get(s.columnIndex(target))).orElse("");
      String u = unit.isEmpty() ? "" : " " + unit;
      boolean several = f.layout().horizons().length > 1;
      ObjectNode root = null;
      ArrayNode list = null;
      for (int j = 0; j < chosen.length; j++) {
        int h = chosen[j];
        ForecastRequest.Builder one = ForecastRequest.at(time); // covariates differ per target time
        for (Entry e : entries.values()) {
          one.source(e.source, e.age, e.values);
        }
        for (Map.Entry<String, double[]> c : covariateValues(chosen.length).entrySet()) {
          one.covariate(c.getKey(), c.getValue().length == 1 ? c.getValue()[0] : c.getValue()[j]);
        }
        if (clearSky.isPresent()) {
          one.covariate(ClearSkyColumn.COLUMN, clearSky.get().at(time.plus(step.multipliedBy(h))));
        }
        if (clearSkyAtReadings != null) {
          one.covariateAtReadings(ClearSkyColumn.COLUMN, clearSkyAtReadings);
        }
        ForecastRequest built = one.build();
        double forecast = f.forecast(built, h);
        GaussianForecast distribution = null;
        if (f.isProbabilistic()) {
          double sd = f.forecastDistribution(built, h).sd();
          if (!Double.isFinite(forecast) || !(sd > 0) || Double.isInfinite(sd)) {
            throw notFinite("N(" + forecast + ", " + sd + "^2)");
          }
          distribution = new GaussianForecast(forecast, sd * (online.isPresent() ? online.get().factor(h) : 1.0));
        } else if (!Double.isFinite(forecast)) {
          throw notFinite(Double.toString(forecast));
        }
        Instant targetTime = time.plus(step.multipliedBy(h));
        String label = several ? " (horizon " + h + ")" : "";
        if (distribution == null) {
          spec.commandLine().getOut().printf(Locale.ROOT, "%s at %s%s: %.4f%s%n", target, targetTime, label, forecast,
              u);
        } else {
          spec.commandLine().getOut().printf(Locale.ROOT, "%s at %s%s: %.4f%s (median), 80 %% interval %.4f to %.4f%s%n",
              target, targetTime, label, distribution.median(), u, distribution.lower(PredictionJson.INTERVAL),
              distribution.upper(PredictionJson.INTERVAL), u);
        }
        if (online.isPresent()) {
          HistoryRecalibration r = online.get();
          spec.commandLine().getOut().printf(Locale.ROOT, "(interval recalibrated online from %d outcomes of %s up to"
              + " %s: %.1f %% of them inside their intervals, standard deviation x %.3f)%n", r.outcomes(h), history,
              r.lastOutcome(), 100 * r.coverage(h), r.factor(h));
        }
        if (root == null) {
          // the top-level fields are the first horizon's; "forecasts" lists every horizon
          root = PredictionJson.of(model, target, unit, time, targetTime, forecast, distribution);
          if (online.isPresent()) {
            PredictionJson.online(root, history, online.get(), h);
          }
          list = root.putArray("forecasts");
        }
        ObjectNode o = list.addObject();
        o.put("horizon", h);
        o.put("time", targetTime.toString());
        o.put("value", forecast);
        if (distribution != null) {
          PredictionJson.distribution(o, distribution);
          if (online.isPresent()) {
            o.put("online_factor", online.get().factor(h));
          }
        }
      }
      if (json != null) {
        Json.write(json, root);
      }
    } catch (DataException e) {
      throw e; // bad data (exit 1), although it is an IllegalArgumentException
    } catch (NumberFormatException e) {
      throw CliException.usage("not a number: " + e.getMessage());
    } catch (IllegalArgumentException e) {
      throw CliException.usage(e.getMessage());
    }
    return 0;
  }

  /**
   * Covariates read from data columns (such as the site's clear-sky irradiance) are not in the
   * readings: the user gives them with {@code --covariate}, except the clear-sky column of a model
   * that saved its recipe, which is computed; any other missing one is a usage error that says how,
   * before any forecast.
   *
   * @return the clear-sky recipe to compute the covariate with, or empty when it is given or not read
   */
  private Optional<ClearSkyColumn> requireColumnCovariates(AgeAwareForecaster f, Instant time) {
    Set<String> given = covariates == null ? Set.of() : covariates.stream()
        .map(c -> c.split("=", 2)[0].strip()).collect(Collectors.toSet());
    Optional<ClearSkyColumn> recipe = savedRecipe(f);
    Optional<ClearSkyColumn> computed = Optional.empty();
    for (KnownCovariate c : f.layout().spec().covariates()) {
      boolean column = KnownCovariates.describe(c).map(d -> d.startsWith("column:")).orElse(false);
      if (column && !given.contains(c.name()) && c.name().equals(ClearSkyColumn.COLUMN) && recipe.isPresent()) {
        computed = recipe; // the model knows how its training data computed the column
      } else if (column && !given.contains(c.name())) {
        throw CliException.usage("the model reads the covariate '" + c.name() + "' at the target time: give it with"
            + " --covariate " + c.name() + "=VALUE (its value at " + time + (c.name().equals(ClearSkyColumn.COLUMN)
                ? ", the site's clear-sky GHI in W/m^2" : "") + ")");
      }
    }
    return computed;
  }

  /**
   * The clear-sky GHI at the times of the target source's readings, which a model whose linear path
   * takes smart persistence needs, computed from the site saved with the model; null for other
   * models.
   */
  private double[] clearSkyAtReadings(AgeAwareForecaster f, Instant time, Map<String, Entry> entries,
      Duration step) {
    Optional<String> column = f.linearBase().flatMap(LinearBase::smartPersistence).map(r -> r.index().column());
    Map<String, double[]> given = covariatesAtReadings(f.layout().window());
    for (String name : given.keySet()) {
      if (column.isEmpty() || !column.get().equals(name)) {
        throw CliException.usage("--covariate-at-readings " + name + ": the model reads no covariate at the readings'"
            + " times" + column.map(c -> " but '" + c + "'").orElse(""));
      }
    }
    if (column.isEmpty()) {
      return null;
    }
    String target = f.layout().spec().sources().get(f.layout().spec().targetSource().orElseThrow()).name();
    if (given.containsKey(column.get())) {
      return given.get(column.get()); // a value given always wins
    }
    Optional<ClearSkyColumn> recipe = column.get().equals(ClearSkyColumn.COLUMN) ? savedRecipe(f) : Optional.empty();
    if (recipe.isEmpty()) {
      throw CliException.usage("the model's linear path takes smart persistence on '" + column.get() + "': give the"
          + " column at the times of source '" + target + "''s " + f.layout().window() + " readings with"
          + " --covariate-at-readings " + column.get() + "=V0,V1,... (freshest first); it is computed only for a"
          + " model whose training data computed " + ClearSkyColumn.COLUMN + " from the site");
    }
    Entry e = entries.get(target);
    if (e == null) {
      return null; // the forecaster names the missing source
    }
    double[] out = new double[f.layout().window()];
    for (int lag = 0; lag < out.length; lag++) {
      out[lag] = recipe.get().at(time.minus(e.age).minus(step.multipliedBy(lag)));
    }
    return out;
  }

  /** {@code --covariate-at-readings}: per name, one value per window position. */
  private Map<String, double[]> covariatesAtReadings(int window) {
    Map<String, double[]> out = namedValues(covariatesAtReadings, "--covariate-at-readings",
        "NAME=V0,V1,... (freshest first)");
    for (Map.Entry<String, double[]> e : out.entrySet()) {
      if (e.getValue().length != window) {
        throw CliException.usage("--covariate-at-readings " + e.getKey() + ": " + e.getValue().length + " values"
            + " given, the window is " + window + " (freshest first)");
      }
    }
    return out;
  }

  /** The clear-sky recipe the model saved with its provenance, if any; a damaged one names the model file. */
  private Optional<ClearSkyColumn> savedRecipe(AgeAwareForecaster f) {
    try {
      return ClearSkyColumn.fromProperties(f.provenance().map(Provenance::properties).orElse(Map.of()));
    } catch (IllegalArgumentException e) {
      throw new DataException(model.toString(), 0, null, e.getMessage());
    }
  }

  /**
   * {@code --history}: the online factor of the interval from the model's forecasts of the recent
   * data, or empty without the option.
   */
  private Optional<HistoryRecalibration> recalibration(AgeAwareForecaster f, Instant time, Map<String, Entry> entries,
      Duration step) {
    if (history == null) {
      return Optional.empty();
    }
    if (!f.isProbabilistic()) {
      throw CliException.usage("--history recalibrates the interval of a model with a Gaussian head; " + model
          + " forecasts points (trained with --no-intervals, or --horizons without --intervals)");
    }
    List<Source> sources = f.layout().sources();
    int[] ages = new int[sources.size()];
    for (int i = 0; i < ages.length; i++) {
      Entry e = entries.get(sources.get(i).name());
      if (e == null) {
        throw CliException.usage("missing source '" + sources.get(i).name() + "'; the model needs "
            + sources.stream().map(Source::name).toList());
      }
      ages[i] = (int) (e.age.toMillis() / step.toMillis());
    }
    SolarData recent = historyFormat.read(history, "--history");
    for (DataWarning w : recent.warnings()) {
      spec.commandLine().getErr().println("warning: " + w);
    }
    return Optional.of(HistoryRecalibration.of(f, history, recent.series(), savedRecipe(f), time, ages));
  }

  private DataException notFinite(String what) {
    return new DataException(model.toString(), 0, null, "the forecast is " + what + ": the readings are far"
        + " outside the values the model was trained on");
  }

  /** The horizons to forecast: {@code --horizons}, each one of the model's, or all of the model's. */
  private int[] chosenHorizons(AgeAwareForecaster f, Duration step) {
    int[] all = f.layout().horizons();
    if (horizons == null) {
      return all;
    }
    AgeSet model = AgeSet.of(all);
    AgeSet asked = StudyOptions.ages(horizons, step, "--horizons");
    for (int h : asked.toArray()) {
      if (!model.contains(h)) {
        throw CliException.usage("--horizons: horizon " + h + " steps is not one of the model's horizons " + model
            + " steps");
      }
    }
    return asked.toArray();
  }

  /**
   * The values of {@code --covariate NAME=VALUE[,VALUE...]} by name: one value for every horizon,
   * or one per forecast horizon.
   */
  private Map<String, double[]> covariateValues(int horizonCount) {
    Map<String, double[]> out = namedValues(covariates, "--covariate", "NAME=VALUE");
    for (Map.Entry<String, double[]> e : out.entrySet()) {
      int n = e.getValue().length;
      if (n != 1 && n != horizonCount) {
        throw CliException.usage("--covariate " + e.getKey() + ": give one value, or one per forecast horizon ("
            + horizonCount + "), got " + n);
      }
    }
    return out;
  }

  /** The items {@code NAME=V0,V1,...} of a repeatable option, by name in order; a name given twice is refused. */
  private static Map<String, double[]> namedValues(List<String> items, String option, String form) {
    Map<String, double[]> out = new LinkedHashMap<>();
    if (items == null) {
      return out;
    }
    for (String item : items) {
      int eq = item.indexOf('=');
      if (eq <= 0) {
        throw CliException.usage(option + ": expected " + form + ", got '" + item + "'");
      }
      String name = item.substring(0, eq).strip();
      String[] parts = item.substring(eq + 1).split(",", -1);
      double[] values = new double[parts.length];
      for (int i = 0; i < values.length; i++) {
        values[i] = number(parts[i], option + " " + item);
      }
      if (out.put(name, values) != null) {
        throw CliException.usage(option + " " + name + " is given twice");
      }
    }
    return out;
  }

  private record Entry(String source, Duration age, double[] values) {}

  private static Entry fromOption(String text, Duration step) {
    int eq = text.indexOf('=');
    int colon = text.indexOf(':', eq + 1);
    if (eq <= 0 || colon < 0) {
      throw CliException.usage("--source: expected NAME=AGE:v0,v1,..., got '" + text + "'");
    }
    String[] parts = text.substring(colon + 1).split(",", -1);
    double[] v = new double[parts.length];
    for (int i = 0; i < v.length; i++) {
      v[i] = number(parts[i], "--source " + text);
    }
    return new Entry(text.substring(0, eq), age(text.substring(eq + 1, colon), step), v);
  }

  private static Map<String, Entry> fromFile(Path file, Duration step) {
    Map<String, Entry> out = new LinkedHashMap<>();
    try (CsvFile csv = CsvFile.open(file, 0)) {
      if (csv.header().size() < 3 || !csv.header().get(0).equals("source") || !csv.header().get(1).equals("age")) {
        throw new DataException(file.toString(), 1, null, "expected the header source,age,v0,v1,... ; found "
            + csv.header());
      }
      for (CsvFile.Row row : csv) {
        if (row.isBlank()) {
          continue;
        }
        // trailing empty cells end a window shorter than the header; an empty cell between values
        // is a missing reading, and skipping it would shift every older value by one step
        int end = row.size();
        while (end > 2 && row.text(end - 1).isEmpty()) {
          end--;
        }
        List<Double> values = new ArrayList<>();
        for (int c = 2; c < end; c++) {
          if (row.text(c).isEmpty()) {
            throw row.error(c, "empty value inside the window; a window lists consecutive readings, freshest"
                + " first, with no gaps");
          }
          values.add(row.number(c));
        }
        String name = row.text(0);
        Duration age;
        try {
          age = age(row.text(1), step);
        } catch (CliException e) {
          throw row.error(1, e.getMessage());
        }
        if (out.put(name, new Entry(name, age, values.stream().mapToDouble(Double::doubleValue).toArray())) != null) {
          throw row.error(0, "source '" + name + "' is given twice");
        }
      }
    }
    return out;
  }

  /** A value of a reading: a number whose square is finite, or a usage error naming the option. */
  private static double number(String text, String option) {
    String t = text.trim();
    double v;
    try {
      v = Double.parseDouble(t);
    } catch (NumberFormatException e) {
      throw CliException.usage(option + ": '" + t + "' is not a number");
    }
    String problem = Finite.problem(v, t);
    if (problem != null) {
      throw CliException.usage(option + ": " + problem);
    }
    return v;
  }

  private static Duration age(String text, Duration step) {
    try {
      return step.multipliedBy(AgeSet.parse(text.trim(), step).min());
    } catch (IllegalArgumentException e) {
      throw CliException.usage("age '" + text + "': " + e.getMessage());
    }
  }
}
