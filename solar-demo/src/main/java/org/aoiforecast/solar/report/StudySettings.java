package org.aoiforecast.solar.report;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.aoiforecast.core.dataset.AgeCombinations;
import org.aoiforecast.core.dataset.AgeSet;
import org.aoiforecast.forecasting.nn.NetworkConfig;
import org.aoiforecast.info.loss.Loss;

/**
 * What a study does: which columns, ages and windows, which loss and estimator, which known
 * covariates, how networks are trained, and the seed.
 *
 * @param target the target column
 * @param features the source columns (one source per column)
 * @param ages the age set, in steps
 * @param windows the analysis windows, in steps
 * @param trainWindow the window of the trained networks, in steps
 * @param horizon the horizon in steps
 * @param loss the loss of the analysis
 * @param estimator the estimator name ("auto" or one of ConditionalLosses.named)
 * @param covariates known covariates: any of "calendar", "clearsky"
 * @param bootstrap bootstrap replicates of the analysis
 * @param network the networks' hyper-parameters (its seed is the study's seed)
 * @param strategies the training strategies and baselines to run, by name
 * @param threads threads of the analysis
 * @param sourceAges per-source age sets of the training, by feature column (empty: every source
 *     shares {@code ages}); sources not named take {@code ages}
 * @param ageSamples how many per-source age vectors the training pools when {@code sourceAges} is
 *     not empty (0: the size of the largest per-source age set)
 * @param intervals whether the pooled network with the age input forecasts a Gaussian distribution
 *     (intervals, quantiles, log loss) rather than a point
 * @param horizons the horizons the training pools, in steps ({@code --horizons}), or null for the
 *     single {@code horizon}
 */
public record StudySettings(String target, List<String> features, AgeSet ages, int[] windows, int trainWindow,
    int horizon, Loss loss, String estimator, List<String> covariates, int bootstrap, NetworkConfig network,
    List<String> strategies, int threads, Map<String, AgeSet> sourceAges, int ageSamples,
    boolean intervals, AgeSet horizons) {

  /** All strategies, in report order. */
  public static final List<String> ALL_STRATEGIES = List.of("per-age", "pooled-with-age", "pooled-without-age",
      "linear", "persistence", "seasonal-persistence", "smart-persistence");

  /** Validates and copies. */
  public StudySettings {
    Objects.requireNonNull(target, "target");
    features = List.copyOf(features);
    windows = windows.clone();
    covariates = List.copyOf(covariates);
    strategies = List.copyOf(strategies);
    if (features.isEmpty()) {
      throw new IllegalArgumentException("give at least one feature column");
    }
    for (int u : windows) {
      if (u < 1) {
        throw new IllegalArgumentException("a window must hold at least 1 reading, got " + u);
      }
    }
    if (trainWindow < 1) {
      throw new IllegalArgumentException("a window must hold at least 1 reading, got " + trainWindow);
    }
    for (String c : covariates) {
      if (!c.equals("calendar") && !c.equals("clearsky")) {
        throw new IllegalArgumentException("unknown covariate '" + c + "'; expected calendar or clearsky");
      }
    }
    if (strategies.isEmpty()) {
      throw new IllegalArgumentException("give at least one strategy; expected some of " + ALL_STRATEGIES);
    }
    if (strategies.stream().distinct().count() != strategies.size()) {
      throw new IllegalArgumentException("a strategy is given twice in " + strategies);
    }
    sourceAges = Collections.unmodifiableMap(new LinkedHashMap<>(sourceAges));
    for (String name : sourceAges.keySet()) {
      if (!features.contains(name)) {
        throw new IllegalArgumentException("per-source ages for '" + name + "', which is not a feature source; the"
            + " sources are " + features);
      }
    }
    if (ageSamples < 0 || ageSamples > AgeCombinations.MAX_COUNT) {
      throw new IllegalArgumentException("the number of sampled age vectors must be 1.." + AgeCombinations.MAX_COUNT
          + " (0 for the default), got " + ageSamples);
    }
    if (features.stream().distinct().count() != features.size()) {
      throw new IllegalArgumentException("a feature column is given twice in " + features);
    }
    for (String s : strategies) {
      if (!ALL_STRATEGIES.contains(s)) {
        throw new IllegalArgumentException("unknown strategy '" + s + "'; expected one of " + ALL_STRATEGIES);
      }
    }
    if (horizons != null && horizons.size() > 1 && strategies.contains("per-age")) {
      throw new IllegalArgumentException("per-age networks are trained for one horizon; with several horizons "
          + horizons + " use pooled-with-age");
    }
  }

  /**
   * Settings with one horizon (no {@code --horizons}).
   */
  public StudySettings(String target, List<String> features, AgeSet ages, int[] windows, int trainWindow,
      int horizon, Loss loss, String estimator, List<String> covariates, int bootstrap, NetworkConfig network,
      List<String> strategies, int threads, Map<String, AgeSet> sourceAges, int ageSamples) {
    this(target, features, ages, windows, trainWindow, horizon, loss, estimator, covariates, bootstrap, network,
        strategies, threads, sourceAges, ageSamples, false, null);
  }

  /**
   * Settings whose training shares one age set among all sources, as {@code run} does without
   * {@code --source-ages}, and forecasts points only.
   *
   * @param target the target column
   * @param features the source columns
   * @param ages the age set, in steps
   * @param windows the analysis windows, in steps
   * @param trainWindow the window of the trained networks, in steps
   * @param horizon the horizon in steps
   * @param loss the loss of the analysis
   * @param estimator the estimator name
   * @param covariates known covariates
   * @param bootstrap bootstrap replicates of the analysis
   * @param network the networks' hyper-parameters
   * @param strategies the strategies to run
   * @param threads threads of the analysis
   */
  public StudySettings(String target, List<String> features, AgeSet ages, int[] windows, int trainWindow,
      int horizon, Loss loss, String estimator, List<String> covariates, int bootstrap, NetworkConfig network,
      List<String> strategies, int threads) {
    this(target, features, ages, windows, trainWindow, horizon, loss, estimator, covariates, bootstrap, network,
        strategies, threads, Map.of(), 0, false, null);
  }

  @Override
  public int[] windows() {
    return windows.clone();
  }

  /** @return whether the training pools several horizons ({@code --horizons} with more than one) */
  public boolean pooledHorizons() {
    return horizons != null && horizons.size() > 1;
  }

  /** @return the horizons of the training, in steps: {@code horizons}, or the single {@code horizon} */
  public AgeSet horizonSet() {
    return horizons != null ? horizons : AgeSet.of(horizon);
  }

  /** @return whether the training draws per-source age vectors (some source has its own age set) */
  public boolean hasSourceAges() {
    return !sourceAges.isEmpty();
  }

  /**
   * @return each feature source's age set of the training, in feature order: its own when given,
   *     else the shared {@link #ages()}
   */
  public List<AgeSet> agesPerSource() {
    return features.stream().map(f -> sourceAges.getOrDefault(f, ages)).toList();
  }

  /** @return the number of per-source age vectors pooled (see {@code ageSamples}) */
  public int ageVectorSamples() {
    return ageSamples > 0 ? ageSamples : agesPerSource().stream().mapToInt(AgeSet::size).max().orElse(1);
  }
}
