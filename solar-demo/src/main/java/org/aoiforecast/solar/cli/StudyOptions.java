package org.aoiforecast.solar.cli;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aoiforecast.core.TimeSeries;
import org.aoiforecast.core.dataset.AgeCombinations;
import org.aoiforecast.core.dataset.AgeSet;
import org.aoiforecast.forecasting.nn.Architecture;
import org.aoiforecast.forecasting.Strategies;
import org.aoiforecast.forecasting.baseline.Baselines;
import org.aoiforecast.forecasting.nn.LinearPath;
import org.aoiforecast.forecasting.nn.NetworkConfig;
import org.aoiforecast.forecasting.nn.StoppingScore;
import org.aoiforecast.info.estimators.TheilerWindow;
import org.aoiforecast.info.loss.ConditionalLosses;
import org.aoiforecast.info.loss.Loss;
import org.aoiforecast.solar.data.SolarData;
import org.aoiforecast.solar.report.Study;
import org.aoiforecast.solar.report.StudySettings;
import picocli.CommandLine.Option;

/**
 * Study options in three groups, so that each command accepts only the options it uses: the
 * common ones (ages, window, horizon, covariates, seed), the analysis ones and the network ones.
 */
final class StudyOptions {
  static final String DEFAULT_WINDOWS = "1,6h,24h";
  static final String DEFAULT_LOSS = "quadratic";
  static final String DEFAULT_ESTIMATOR = "auto";
  static final int DEFAULT_BOOTSTRAP = 200;
  static final int DEFAULT_EPOCHS = 60;
  static final String DEFAULT_ARCHITECTURE = "mlp";

  private StudyOptions() {}

  /** Options of every study command. */
  static final class Common {
    @Option(names = "--ages", paramLabel = "AGES", defaultValue = "1h-48h",
        description = "Ages: steps or durations, ranges and lists (1-48, 1,6,24, 30m-24h, 1h,6h,24h). Default: "
            + "${DEFAULT-VALUE}.")
    String ages;

    @Option(names = "--window", paramLabel = "WINDOW", defaultValue = "6h",
        description = "Window of the trained networks and of the per-source profiles, in steps or as a duration "
            + "(default: ${DEFAULT-VALUE}).")
    String window;

    @Option(names = "--horizon", paramLabel = "STEPS", defaultValue = "0",
        description = "Steps (or a duration) from the query time to the target; 0 is a nowcast (default: "
            + "${DEFAULT-VALUE}).")
    String horizon;

    @Option(names = "--covariates", paramLabel = "LIST", defaultValue = "auto",
        description = "Known covariates at the target time: auto, none, calendar, clearsky or calendar,clearsky."
            + " auto (the default) is calendar,clearsky when the site's position is known (simulated, TMY3,"
            + " NSRDB, PVWatts with metadata, or --latitude/--longitude) and none otherwise; none is the setting"
            + " of the source paper.")
    String covariates;

    @Option(names = "--seed", paramLabel = "N", defaultValue = "42", description = "Seed (default: ${DEFAULT-VALUE}).")
    long seed;
  }

  /** Options of the age-loss analysis. */
  static final class Analysis {
    @Option(names = "--windows", paramLabel = "WINDOWS", defaultValue = DEFAULT_WINDOWS,
        description = "Analysis windows u, in steps or durations (default: ${DEFAULT-VALUE}).")
    String windows = DEFAULT_WINDOWS;

    @Option(names = "--loss", paramLabel = "LOSS", defaultValue = DEFAULT_LOSS,
        description = "Loss: quadratic, log or absolute (default: ${DEFAULT-VALUE}).")
    String loss = DEFAULT_LOSS;

    @Option(names = "--estimator", paramLabel = "NAME", defaultValue = DEFAULT_ESTIMATOR,
        description = "Estimator: auto, knn, knn-pca, linear-knn, ridge, linear (quadratic loss); ksg, gaussian (log);"
            + " median (absolute)."
            + " Default: ${DEFAULT-VALUE}.")
    String estimator = DEFAULT_ESTIMATOR;

    @Option(names = "--bootstrap", paramLabel = "N", defaultValue = "" + DEFAULT_BOOTSTRAP,
        description = "Bootstrap replicates (default: ${DEFAULT-VALUE}).")
    int bootstrap = DEFAULT_BOOTSTRAP;

    @Option(names = "--threads", paramLabel = "N", description = "Threads (default: all processors).")
    Integer threads;
  }

  /** Options of network training. */
  static final class Network {
    @Option(names = "--epochs", paramLabel = "N", defaultValue = "" + DEFAULT_EPOCHS,
        description = "Most training epochs per network (default: ${DEFAULT-VALUE}).")
    int epochs = DEFAULT_EPOCHS;

    @Option(names = "--architecture", paramLabel = "ARCH", defaultValue = DEFAULT_ARCHITECTURE,
        description = "Network architecture: mlp or lstm (default: ${DEFAULT-VALUE}).")
    String architecture = DEFAULT_ARCHITECTURE;

    @Option(names = "--strategies", paramLabel = "LIST", split = ",",
        description = "Strategies to train and compare (default: all; smart-persistence only when the site's"
            + " position is known): per-age, pooled-with-age, pooled-without-age, linear, persistence,"
            + " seasonal-persistence, smart-persistence.")
    List<String> strategies;

    @Option(names = "--linear-path", paramLabel = "PATH", defaultValue = "auto",
        description = "A linear path beside the networks' hidden layers, whose residual they learn: age-linear (a"
            + " ridge regression on the same inputs with coefficients linear in the encoded age; also 'ridge', its"
            + " earlier name), per-age (coefficients per trained age, interpolated between ages), none, or auto"
            + " (the default): per-age where the path takes smart persistence (the clear-sky covariate is used and"
            + " the target is a feature), age-linear otherwise.")
    String linearPath = "auto";

    @Option(names = "--source-ages", paramLabel = "NAME=AGES",
        description = "A source's own training ages, e.g. CloudCover=1h-6h (repeatable; the other sources take"
            + " --ages). Training then pools a seeded sample of age vectors, each source's age drawn independently"
            + " (see --age-samples), and tables report by the age of the target's own source.")
    List<String> sourceAges = new ArrayList<>();

    @Option(names = "--age-samples", paramLabel = "N",
        description = "How many per-source age vectors the training pools with --source-ages (default: the size of"
            + " the largest per-source age set).")
    Integer ageSamples;

    @Option(names = "--horizons", paramLabel = "HORIZONS",
        description = "Train one network pooled over ages and these horizons (steps or durations, ranges and lists:"
            + " 0-24, 0h-12h, 1,3,6) with each source's lead time (age + horizon) as input, and evaluate per (age,"
            + " horizon). Replaces --horizon; per-age networks are left out. Default: off (one horizon).")
    String horizons;

    @Option(names = "--backtest", paramLabel = "K",
        description = "Evaluate K forecast origins instead of one (a rolling-origin backtest): the last K x 15 %% of"
            + " the rows in K test blocks, each fold trained on the rows before its block (70 : 15 training and"
            + " validation) with gaps of window + oldest age + horizon steps; report every fold and the mean and"
            + " standard deviation over folds. The per-age table, figures and saved model are then the last"
            + " fold's. Default: off (one chronological 70/15/15 split).")
    Integer backtest;

    @Option(names = "--intervals", negatable = true, description = "Train the pooled-with-age network with a"
        + " Gaussian head (mean and standard deviation, trained by the Gaussian log-likelihood) whose 80 %%"
        + " intervals are calibrated on the validation part; reports the log loss, CRPS, pinball losses and"
        + " interval coverage, and the saved model forecasts intervals (with --horizons, calibrated per age and"
        + " horizon). Default: on; --no-intervals trains a point head (squared error) instead.")
    Boolean intervals;

    @Option(names = "--stop-on", paramLabel = "SCORE", defaultValue = "loss",
        description = "The validation score early stopping watches: loss (the training loss: with the Gaussian"
            + " head its log-likelihood) or mse (the squared error of the forecasts, a Gaussian head's means)"
            + " (default: ${DEFAULT-VALUE}).")
    String stopOn = "loss";
  }

  /**
   * The number of backtest folds, checked against the study's data before any work.
   *
   * @param network the network options
   * @param study the study
   * @return the folds, or null when the option is not given
   * @throws CliException (usage) when K is below 1 or the folds do not fit the data
   */
  static Integer backtest(Network network, Study study) {
    if (network.backtest == null) {
      return null;
    }
    atLeast(network.backtest, 1, "--backtest", "fold");
    try {
      study.backtestLayout(network.backtest);
    } catch (IllegalArgumentException e) {
      throw CliException.usage("--backtest " + network.backtest + ": " + e.getMessage());
    }
    return network.backtest;
  }

  /**
   * Builds study settings from the groups a command has (null groups take their defaults). Each
   * option is read on its own, so that an error names the option that holds the bad value.
   *
   * @param common the common options
   * @param analysis the analysis options, or null
   * @param network the network options, or null
   * @param target the target column
   * @param features the feature columns
   * @param data the data (its step converts durations, its length bounds the ages, and whether the
   *     site's position is known sets the default covariates and strategies)
   * @return the settings
   * @throws CliException (usage) for a bad value
   */
  static StudySettings settings(Common common, Analysis analysis, Network network, String target,
      List<String> features, SolarData data) {
    Analysis a = analysis != null ? analysis : new Analysis();
    Network n = network != null ? network : new Network();
    TimeSeries series = data.series();
    boolean clearSky = series.hasColumn(Study.CLEAR_SKY);
    Duration step = series.step();
    AgeSet ageSet = ages(common.ages, step, "--ages");
    int[] w = ages(a.windows, step, "--windows").toArray();
    for (int u : w) {
      if (u < 1) {
        throw CliException.usage("--windows: a window must hold at least 1 reading, got " + u);
      }
    }
    int trainWindow = one(common.window, step, "--window", 1);
    int horizon = one(common.horizon, step, "--horizon", 0);
    atLeast(a.bootstrap, 10, "--bootstrap", "bootstrap replicates");
    if (a.threads != null) {
      atLeast(a.threads, 1, "--threads", "threads");
    }
    atLeast(n.epochs, 1, "--epochs", "epochs");
    List<String> cov = switch (common.covariates) {
      case "none" -> List.of();
      case "auto" -> clearSky ? List.of("calendar", "clearsky") : List.of();
      default -> names(common.covariates, "--covariates");
    };
    AgeSet horizons = horizons(common, n, step);
    boolean pooledHorizons = horizons != null && horizons.size() > 1;
    List<String> strategies = n.strategies == null
        ? StudySettings.ALL_STRATEGIES.stream().filter(name -> clearSky || !name.equals(Baselines.SMART_PERSISTENCE))
            .filter(name -> !pooledHorizons || !name.equals(Strategies.PER_AGE)).toList()
        : names(String.join(",", n.strategies), "--strategies");
    if (pooledHorizons && strategies.contains(Strategies.PER_AGE)) {
      throw CliException.usage("--strategies: per-age trains one network per age for one horizon; with --horizons "
          + horizons + " use pooled-with-age (and the baselines)");
    }
    for (String name : strategies) {
      if (!StudySettings.ALL_STRATEGIES.contains(name)) {
        throw CliException.usage("--strategies: unknown strategy '" + name + "'; expected one of "
            + StudySettings.ALL_STRATEGIES);
      }
    }
    if (strategies.contains(Baselines.SMART_PERSISTENCE) && !clearSky) {
      throw CliException.usage("--strategies: smart-persistence needs the site's position (a " + Study.CLEAR_SKY
          + " column); give --latitude and --longitude for a generic CSV");
    }
    boolean pooledWithAge = strategies.contains(Strategies.POOLED_WITH_AGE);
    if (Boolean.TRUE.equals(n.intervals) && !pooledWithAge) {
      throw CliException.usage("--intervals makes the pooled-with-age network probabilistic; add pooled-with-age to"
          + " --strategies");
    }
    // the Gaussian head is the default wherever there is a pooled network to train (docs/decisions.md)
    boolean intervals = n.intervals != null ? n.intervals : pooledWithAge;
    Architecture arch = switch (n.architecture.toLowerCase(java.util.Locale.ROOT)) {
      case "mlp" -> Architecture.MLP;
      case "lstm" -> Architecture.LSTM;
      default -> throw CliException.usage("--architecture must be mlp or lstm, got '" + n.architecture + "'");
    };
    LinearPath path;
    try {
      path = n.linearPath.equalsIgnoreCase("auto") ? Study.defaultLinearPath(cov, features, target)
          : LinearPath.ofOption(n.linearPath);
    } catch (IllegalArgumentException e) {
      throw CliException.usage("--linear-path must be auto, age-linear, per-age or none, got '" + n.linearPath
          + "'");
    }
    StoppingScore stopOn;
    try {
      stopOn = StoppingScore.ofOption(n.stopOn);
    } catch (IllegalArgumentException e) {
      throw CliException.usage("--stop-on must be loss or mse, got '" + n.stopOn + "'");
    }
    Loss l;
    try {
      l = Loss.parse(a.loss);
    } catch (IllegalArgumentException e) {
      throw CliException.usage("--loss: " + e.getMessage());
    }
    if (!a.estimator.equalsIgnoreCase("auto")) {
      try {
        ConditionalLosses.named(a.estimator, l, 0, TheilerWindow.auto(), 1); // fail early on a bad name
      } catch (IllegalArgumentException e) {
        throw CliException.usage("--estimator: " + e.getMessage());
      }
    }
    Map<String, AgeSet> sourceAges = sourceAges(n.sourceAges, features, step);
    if (n.ageSamples != null) {
      if (sourceAges.isEmpty()) {
        throw CliException.usage("--age-samples: give per-source ages with --source-ages NAME=AGES first; without"
            + " them every source shares --ages and nothing is sampled");
      }
      atLeast(n.ageSamples, 1, "--age-samples", "age vectors");
      if (n.ageSamples > AgeCombinations.MAX_COUNT) {
        throw CliException.usage("--age-samples: give at most " + AgeCombinations.MAX_COUNT + " age vectors, got "
            + n.ageSamples);
      }
    }
    try {
      NetworkConfig.Builder nb = NetworkConfig.defaults().toBuilder().architecture(arch).maxEpochs(n.epochs)
          .seed(common.seed).linearPath(path).stoppingScore(stopOn)
          .smartPersistence(Study.smartPersistenceColumn(path, cov, features, target));
      if (arch == Architecture.LSTM) {
        nb.hidden(32);
      }
      return new StudySettings(target, features, ageSet, w, trainWindow, horizon, l, a.estimator, cov, a.bootstrap,
          nb.build(), strategies, a.threads == null ? Runtime.getRuntime().availableProcessors() : a.threads,
          sourceAges, n.ageSamples == null ? 0 : n.ageSamples, intervals, horizons);
    } catch (IllegalArgumentException e) {
      throw CliException.usage(e.getMessage());
    }
  }

  /**
   * The horizons of {@code --horizons}, or null when the option is not given.
   *
   * @throws CliException (usage) for a bad set, or when combined with {@code --horizon}
   */
  static AgeSet horizons(Common common, Network network, Duration step) {
    if (network.horizons == null) {
      return null;
    }
    if (!common.horizon.equals("0")) {
      throw CliException.usage("--horizons: give either --horizon " + common.horizon + " or --horizons "
          + network.horizons + ", not both");
    }
    return ages(network.horizons, step, "--horizons");
  }

  /** An age set, or a usage error that names the option. */
  static AgeSet ages(String text, Duration step, String option) {
    try {
      return AgeSet.parse(text, step);
    } catch (IllegalArgumentException e) {
      throw CliException.usage(option + ": " + e.getMessage());
    }
  }

  /**
   * The per-source age sets of {@code --source-ages NAME=AGES} items, each naming a feature source
   * once.
   *
   * @param items the option's values
   * @param features the feature sources
   * @param step the data's step, for durations
   * @return age sets by source, in the order given
   * @throws CliException (usage) naming the item at fault
   */
  static Map<String, AgeSet> sourceAges(List<String> items, List<String> features, Duration step) {
    Map<String, AgeSet> out = new LinkedHashMap<>();
    for (String item : items) {
      int eq = item.indexOf('=');
      if (eq <= 0 || eq == item.length() - 1) {
        throw CliException.usage("--source-ages: expected NAME=AGES (e.g. CloudCover=1h-6h), got '" + item + "'");
      }
      String name = item.substring(0, eq).trim();
      if (!features.contains(name)) {
        throw CliException.usage("--source-ages: '" + name + "' is not a feature source; the sources are " + features);
      }
      if (out.containsKey(name)) {
        throw CliException.usage("--source-ages: '" + name + "' is given twice");
      }
      out.put(name, ages(item.substring(eq + 1), step, "--source-ages " + name));
    }
    return out;
  }

  /** One count of steps (or a duration) of at least {@code min}, or a usage error that names the option. */
  static int one(String text, Duration step, String option, int min) {
    if (text.trim().startsWith("-")) {
      throw CliException.usage(option + " must be at least " + min + ", got '" + text.trim() + "'");
    }
    AgeSet set = ages(text, step, option);
    if (set.size() != 1) {
      throw CliException.usage(option + ": give one value, got '" + text + "'");
    }
    if (set.min() < min) {
      throw CliException.usage(option + " must be at least " + min + ", got '" + text.trim() + "'");
    }
    return set.min();
  }

  /** A count option's lower bound, as a usage error that names the option. */
  static void atLeast(int value, int min, String option, String what) {
    if (value < min) {
      throw CliException.usage(option + ": give at least " + min + " " + what + ", got " + value);
    }
  }

  /**
   * A comma-separated list of names: no empty item, no duplicate, at least one.
   *
   * @param text the option's text
   * @param option the option, for messages
   * @return the names
   */
  static List<String> names(String text, String option) {
    List<String> out = new ArrayList<>();
    for (String item : text.split(",", -1)) {
      String name = item.trim();
      if (name.isEmpty()) {
        throw CliException.usage(option + ": empty item in '" + text + "'; give names separated by commas");
      }
      if (out.contains(name)) {
        throw CliException.usage(option + ": '" + name + "' is given twice");
      }
      out.add(name);
    }
    return out;
  }
}
