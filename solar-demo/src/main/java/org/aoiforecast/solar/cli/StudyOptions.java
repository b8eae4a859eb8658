package org.aoiforecast.solar.cli;

import java.time.Duration;
import java.util.List;
import org.aoiforecast.core.dataset.AgeSet;
import org.aoiforecast.forecasting.nn.Architecture;
import org.aoiforecast.forecasting.baseline.Baselines;
import org.aoiforecast.forecasting.nn.LinearPath;
import org.aoiforecast.forecasting.nn.NetworkConfig;
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
        description = "Estimator: auto, knn, ridge, linear (quadratic loss); ksg, gaussian (log); median (absolute)."
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

    @Option(names = "--linear-path", paramLabel = "PATH", defaultValue = "ridge",
        description = "A linear path beside the networks' hidden layers: ridge (the networks learn the residual of a"
            + " ridge regression on the same inputs) or none (default: ${DEFAULT-VALUE}).")
    String linearPath = "ridge";
  }

  /**
   * Builds study settings from the groups a command has (null groups take their defaults).
   *
   * @param common the common options
   * @param analysis the analysis options, or null
   * @param network the network options, or null
   * @param target the target column
   * @param features the feature columns
   * @param data the data (its step, and whether the site's position is known)
   * @return the settings
   * @throws CliException (usage) for a bad value
   */
  static StudySettings settings(Common common, Analysis analysis, Network network, String target,
      List<String> features, SolarData data) {
    Duration step = data.series().step();
    boolean clearSky = data.series().hasColumn(Study.CLEAR_SKY);
    Analysis a = analysis != null ? analysis : new Analysis();
    Network n = network != null ? network : new Network();
    try {
      AgeSet ageSet = AgeSet.parse(common.ages, step);
      int[] w = AgeSet.parse(a.windows, step).toArray();
      for (int u : w) {
        if (u < 1) {
          throw new IllegalArgumentException("--windows: a window must hold at least 1 reading, got " + u);
        }
      }
      AgeSet trainWindows = AgeSet.parse(common.window, step);
      if (trainWindows.size() != 1 || trainWindows.min() < 1) {
        throw new IllegalArgumentException("--window: give one window of at least 1 reading, got '" + common.window
            + "'");
      }
      AgeSet horizons = AgeSet.parse(common.horizon, step);
      if (horizons.size() != 1) {
        throw new IllegalArgumentException("--horizon: give one horizon, got '" + common.horizon + "'");
      }
      List<String> cov = switch (common.covariates) {
        case "none" -> List.of();
        case "auto" -> clearSky ? List.of("calendar", "clearsky") : List.of();
        default -> DataOptions.list(common.covariates);
      };
      LinearPath path = switch (n.linearPath.toLowerCase(java.util.Locale.ROOT)) {
        case "ridge" -> LinearPath.RIDGE;
        case "none" -> LinearPath.NONE;
        default -> throw new IllegalArgumentException("--linear-path must be ridge or none, got '" + n.linearPath
            + "'");
      };
      List<String> strategies = n.strategies;
      if (strategies == null) {
        strategies = StudySettings.ALL_STRATEGIES.stream()
            .filter(name -> clearSky || !name.equals(Baselines.SMART_PERSISTENCE)).toList();
      } else if (strategies.contains(Baselines.SMART_PERSISTENCE) && !clearSky) {
        throw new IllegalArgumentException("--strategies: smart-persistence needs the site's position (a "
            + Study.CLEAR_SKY + " column); give --latitude and --longitude for a generic CSV");
      }
      Architecture arch = switch (n.architecture.toLowerCase(java.util.Locale.ROOT)) {
        case "mlp" -> Architecture.MLP;
        case "lstm" -> Architecture.LSTM;
        default -> throw new IllegalArgumentException("--architecture must be mlp or lstm, got '" + n.architecture
            + "'");
      };
      NetworkConfig.Builder nb = NetworkConfig.defaults().toBuilder().architecture(arch).maxEpochs(n.epochs)
          .seed(common.seed).linearPath(path);
      if (arch == Architecture.LSTM) {
        nb.hidden(32);
      }
      Loss l = Loss.parse(a.loss);
      if (!a.estimator.equalsIgnoreCase("auto")) {
        ConditionalLosses.named(a.estimator, l, 0, TheilerWindow.auto(), 1); // fail early on a bad name
      }
      return new StudySettings(target, features, ageSet, w, trainWindows.min(), horizons.min(), l, a.estimator, cov,
          a.bootstrap, nb.build(), strategies,
          a.threads == null ? Runtime.getRuntime().availableProcessors() : a.threads);
    } catch (IllegalArgumentException e) {
      throw CliException.usage(e.getMessage());
    }
  }
}
