package org.aoiforecast.solar.report;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.aoiforecast.core.ProgressListener;
import org.aoiforecast.core.TimeSeries;
import org.aoiforecast.core.io.Json;
import org.aoiforecast.core.dataset.AgeCombinations;
import org.aoiforecast.core.dataset.AgeEncoding;
import org.aoiforecast.core.dataset.AgedDataset;
import org.aoiforecast.core.dataset.AgedDatasetSpec;
import org.aoiforecast.core.dataset.ChronologicalSplit;
import org.aoiforecast.core.dataset.FoldLayout;
import org.aoiforecast.core.dataset.KnownCovariate;
import org.aoiforecast.core.dataset.KnownCovariates;
import org.aoiforecast.core.dataset.RollingOrigin;
import org.aoiforecast.core.dataset.Splits;
import org.aoiforecast.core.reading.Source;
import org.aoiforecast.forecasting.AgeAwareForecaster;
import org.aoiforecast.forecasting.Backtest;
import org.aoiforecast.forecasting.Evaluation;
import org.aoiforecast.forecasting.Strategies;
import org.aoiforecast.forecasting.TrainingStrategy;
import org.aoiforecast.forecasting.baseline.Baselines;
import org.aoiforecast.forecasting.evaluation.AgeBand;
import org.aoiforecast.forecasting.evaluation.BacktestReport;
import org.aoiforecast.forecasting.evaluation.EvaluationReport;
import org.aoiforecast.forecasting.evaluation.HorizonReport;
import org.aoiforecast.forecasting.evaluation.StrategyResult;
import org.aoiforecast.forecasting.nn.LinearPath;
import org.aoiforecast.forecasting.nn.OutputHead;
import org.aoiforecast.forecasting.nn.TrainingListener;
import org.aoiforecast.info.AgeLossProfile;
import org.aoiforecast.info.estimators.TheilerWindow;
import org.aoiforecast.info.loss.ConditionalLosses;
import org.aoiforecast.info.loss.Loss;
import org.aoiforecast.info.profile.ProfileCurve;
import org.aoiforecast.info.profile.ProfileReport;
import org.aoiforecast.solar.data.SolarData;

/**
 * The solar study: the age-loss analysis (no training) and the training comparison (per-age
 * networks, one pooled network with and without the age input, baselines), on the same data and
 * settings. Each step is usable alone (the analyze and train commands) or together (run).
 */
public final class Study {
  /** The clear-sky column the readers add when the site's position is known. */
  public static final String CLEAR_SKY = "ClearSkyGHI";

  private final SolarData data;
  private final StudySettings settings;

  /**
   * Whether the networks' linear path takes smart persistence on {@link #CLEAR_SKY} (see {@link
   * org.aoiforecast.forecasting.nn.SmartPersistenceRegressor}): wherever it can, i.e. with a
   * linear path, the clear-sky covariate and the target among the sources.
   *
   * @param path the linear path
   * @param covariates the covariate names of the settings ({@code calendar}, {@code clearsky})
   * @param features the sources
   * @param target the target
   * @return the clear-sky column for {@code NetworkConfig.Builder#smartPersistence}, or null
   */
  public static String smartPersistenceColumn(LinearPath path, List<String> covariates, List<String> features,
      String target) {
    return path != LinearPath.NONE && smartPersistencePossible(covariates, features, target) ? CLEAR_SKY : null;
  }

  /**
   * The linear path of {@code --linear-path auto}, the default: per age ({@link LinearPath#PER_AGE})
   * where the path takes smart persistence, age-linear otherwise. With the regressor the best
   * coefficients of the other inputs change sharply over the young ages, where it fades out, which
   * coefficients linear in the encoded age cannot follow (docs/decisions.md, "Smart persistence in
   * the linear path").
   *
   * @param covariates the covariate names of the settings
   * @param features the sources
   * @param target the target
   * @return the path
   */
  public static LinearPath defaultLinearPath(List<String> covariates, List<String> features, String target) {
    return smartPersistencePossible(covariates, features, target) ? LinearPath.PER_AGE : LinearPath.AGE_LINEAR;
  }

  private static boolean smartPersistencePossible(List<String> covariates, List<String> features, String target) {
    return covariates.contains("clearsky") && features.contains(target);
  }

  /**
   * @param data the data
   * @param settings what to do
   */
  public Study(SolarData data, StudySettings settings) {
    this.data = data;
    this.settings = settings;
    TimeSeries s = data.series();
    s.columnIndex(settings.target());
    settings.features().forEach(s::columnIndex);
    if (settings.covariates().contains("clearsky") && !s.hasColumn(CLEAR_SKY)) {
      throw new IllegalArgumentException("the clearsky covariate needs the site's position; this data has no"
          + " ClearSkyGHI column (give --latitude and --longitude for a generic CSV)");
    }
  }

  /** @return the data */
  public SolarData data() {
    return data;
  }

  /** @return the settings */
  public StudySettings settings() {
    return settings;
  }

  /** @return the known covariates the settings ask for */
  public List<KnownCovariate> covariates() {
    List<KnownCovariate> out = new ArrayList<>();
    if (settings.covariates().contains("calendar")) {
      out.addAll(KnownCovariates.calendar(data.site().map(site -> (java.time.ZoneId) site.zone())
          .orElse(java.time.ZoneOffset.UTC)));
    }
    if (settings.covariates().contains("clearsky")) {
      out.add(KnownCovariates.column(CLEAR_SKY));
    }
    return out;
  }

  /**
   * The study's training samples: the target from the feature sources (one per column) with the
   * training window, the horizon, the known covariates and the age encoding, over the shared age
   * set, or, with per-source ages, over a seeded stratified sample of per-source age vectors
   * ({@link AgeCombinations#stratified}, seeded by the study's seed).
   *
   * @return the spec
   */
  public AgedDatasetSpec spec() {
    AgedDatasetSpec.Builder b = specBuilder();
    if (settings.hasSourceAges()) {
      b.ageVectors(AgeCombinations.stratified(settings.agesPerSource(), settings.ageVectorSamples(),
          settings.network().seed())).withAgeInput();
    } else {
      b.ages(settings.ages());
    }
    return b.build();
  }

  /**
   * The samples of the no-training analysis: as {@link #spec()}, with every source sharing each age
   * of the age set (the per-source profiles then vary one source's age at a time).
   *
   * @return the spec
   */
  public AgedDatasetSpec analysisSpec() {
    // with several horizons, the analysis profiles the shortest one
    return specBuilder().horizon(settings.horizonSet().min()).ages(settings.ages()).build();
  }

  private AgedDatasetSpec.Builder specBuilder() {
    TimeSeries series = data.series();
    List<Source> sources = new ArrayList<>();
    for (String column : settings.features()) {
      // with its unit, so that a saved model can print its forecasts in the data's unit
      sources.add(Source.builder(column).column(column, series.units().get(series.columnIndex(column))).build());
    }
    return AgedDatasetSpec.builder().target(settings.target()).sources(sources)
        .window(settings.trainWindow()).horizons(settings.horizonSet()).covariates(covariates())
        .ageEncoding(ageEncoding());
  }

  /**
   * The age-loss analysis: all-sources profiles for every window, per-source profiles for the
   * training window, ε-Markov gaps with ν = 1.
   *
   * @param progress progress receiver
   * @return the report
   */
  public ProfileReport analyze(ProgressListener progress) {
    AgeLossProfile.Builder b = AgeLossProfile.builder(analysisSpec()).windows(settings.windows())
        .perSourceWindows(settings.trainWindow()).loss(settings.loss()).bootstrap(settings.bootstrap())
        .threads(settings.threads()).seed(settings.network().seed()).progress(progress);
    if (!settings.estimator().equalsIgnoreCase("auto")) {
      b.estimator(ConditionalLosses.named(settings.estimator(), settings.loss(), 0, TheilerWindow.auto(), 1));
    }
    return b.build().estimate(data.series());
  }

  /**
   * The no-training estimates a run compares its trained networks with, both estimated on the
   * rows those networks trained on ({@link #trainingEstimate}): in quadratic loss ((target unit)²),
   * for the per-age MSE table and figure 4, when the analysis is of the quadratic loss; in log loss
   * (nats), for a Gaussian head on one horizon. Neither with per-source ages: the profile is of
   * samples whose sources share each age, which such networks do not learn.
   *
   * @param mse the quadratic-loss curve, if estimated
   * @param logLoss the log-loss curve, if estimated
   */
  public record Estimates(Optional<ProfileCurve> mse, Optional<ProfileCurve> logLoss) {
    /** No estimate. */
    public static final Estimates NONE = new Estimates(Optional.empty(), Optional.empty());

    /** Checks for nulls. */
    public Estimates {
      Objects.requireNonNull(mse, "mse");
      Objects.requireNonNull(logLoss, "logLoss");
    }

    /** @return whether neither curve was estimated */
    public boolean isEmpty() {
      return mse.isEmpty() && logLoss.isEmpty();
    }
  }

  /**
   * The estimates a run compares its networks with, as {@link Estimates} says when each is made.
   *
   * @param analysis the study's analysis (its loss decides the quadratic-loss estimate)
   * @param training the training whose networks are compared (its training part is estimated)
   * @param progress progress receiver
   * @return the estimates, {@link Estimates#NONE} when none applies
   */
  public Estimates trainingEstimates(ProfileReport analysis, Training training, ProgressListener progress) {
    if (settings.hasSourceAges()) {
      return Estimates.NONE;
    }
    boolean mse = analysis.loss() == Loss.QUADRATIC;
    // the log-loss estimate is for one horizon; a network pooled over horizons reports its log loss
    // per age over all of them, which it is not compared with
    boolean log = !settings.pooledHorizons()
        && training.report().strategies().stream().anyMatch(r -> r.probabilistic().isPresent());
    if (!mse && !log) {
      return Estimates.NONE;
    }
    AgedDataset part = trainingPart(training);
    return new Estimates(mse ? Optional.of(trainingEstimate(part, Loss.QUADRATIC, progress)) : Optional.empty(),
        log ? Optional.of(trainingEstimate(part, Loss.LOG, progress)) : Optional.empty());
  }

  /**
   * A no-training estimate a trained network is compared with: the all-sources profile at the
   * training window, in one loss, estimated on the rows of a training part (the same target,
   * sources, covariates, horizon and ages as {@link #analysisSpec()}), with the study's estimator
   * when it is one of that loss, else the automatic one. Under the empirical distribution of the
   * training pairs, {@code H_L(Y | X)} is the least <em>training</em> loss (docs/theory.md, section
   * 2), so the estimate must see the rows the network saw: estimated on the whole series it would
   * describe other data (a year whose test months are darker than its training part has a lower
   * least loss over the year than over that part).
   *
   * @param trainingPart the rows the network trained on, raw (e.g. {@code splits().train()})
   * @param loss the loss
   * @param progress progress receiver
   * @return the curve, in the loss's unit for the target in its own units
   * @throws IllegalStateException with per-source ages (the profile is of shared ages)
   */
  public ProfileCurve trainingEstimate(AgedDataset trainingPart, Loss loss, ProgressListener progress) {
    if (settings.hasSourceAges()) {
      throw new IllegalStateException("the age-loss profile is of shared ages; this study trains on per-source ages");
    }
    AgeLossProfile.Builder b = AgeLossProfile.builder(analysisSpec()).windows(settings.trainWindow())
        .withoutPerSourceProfiles().markovLags().loss(loss).bootstrap(settings.bootstrap())
        .threads(settings.threads()).seed(settings.network().seed()).progress(progress);
    if (settings.loss() == loss && !settings.estimator().equalsIgnoreCase("auto")) {
      b.estimator(ConditionalLosses.named(settings.estimator(), loss, 0, TheilerWindow.auto(), 1));
    }
    return b.build().estimate(trainingPart.withSpec(analysisSpec())).profiles().get(0);
  }

  /**
   * The rows the reported comparison trained on: the training part of the chronological split, or
   * of the last fold when the study was backtested (the fold whose comparison is reported).
   *
   * @param training the training
   * @return the training part, raw
   */
  public AgedDataset trainingPart(Training training) {
    return training.backtestReport().map(b -> {
      FoldLayout last = b.folds().get(b.folds().size() - 1).layout();
      return AgedDataset.of(data.series(), spec(), last.trainFrom(), last.trainTo());
    }).orElseGet(() -> splits().train());
  }

  /**
   * The study's pooled data set for the training window, split chronologically (70/15/15).
   *
   * @return the raw splits
   */
  public Splits splits() {
    return AgedDataset.of(data.series(), spec()).split(ChronologicalSplit.defaults());
  }

  /** The daily periodic age encoding when a day is a whole number of steps, else logarithmic. */
  AgeEncoding ageEncoding() {
    long day = java.time.Duration.ofDays(1).toMillis();
    long step = data.series().stepMillis();
    return day % step == 0 && day / step >= 2 ? AgeEncoding.periodic((int) (day / step)) : AgeEncoding.logarithmic();
  }

  /**
   * The outcome of training: the per-age comparison, the pooled model worth saving and, when the
   * study was backtested, every fold.
   *
   * @param report the per-age comparison on the chronological split, or on the last fold of a
   *     backtest
   * @param pooledModel the pooled-with-age model trained for {@code report}, null when that
   *     strategy was not run
   * @param backtest the backtest, null when there was none
   * @param horizons the comparison per (age, horizon) when the study pools several horizons, else
   *     null
   */
  public record Training(EvaluationReport report, AgeAwareForecaster pooledModel, BacktestReport backtest,
      HorizonReport horizons) {

    /**
     * @param report the per-age comparison on the chronological split
     * @param pooledModel the pooled-with-age model, or null
     */
    public Training(EvaluationReport report, AgeAwareForecaster pooledModel) {
      this(report, pooledModel, null, null);
    }

    /**
     * @param report the per-age comparison
     * @param pooledModel the pooled-with-age model, or null
     * @param backtest the backtest, or null
     */
    public Training(EvaluationReport report, AgeAwareForecaster pooledModel, BacktestReport backtest) {
      this(report, pooledModel, backtest, null);
    }

    /** @return the comparison per (age, horizon), when the study pools several horizons */
    public Optional<HorizonReport> horizonReport() {
      return Optional.ofNullable(horizons);
    }

    /** @return the backtest, if the study was backtested */
    public Optional<BacktestReport> backtestReport() {
      return Optional.ofNullable(backtest);
    }

    /**
     * The train JSON (docs/json.md): the comparison's fields and {@code backtest}, every fold with
     * the mean and spread over folds, or null without a backtest.
     *
     * @param command the value of the {@code "command"} field
     * @return a new JSON object
     */
    public ObjectNode toJson(String command) {
      ObjectNode root = report.toJson(command);
      if (backtest != null) {
        root.set("backtest", backtest.toJson());
      } else {
        root.putNull("backtest");
      }
      if (horizons != null) {
        Json.add(root.putArray("horizons"), horizons.horizons());
        root.set("horizon_grid", horizons.toJson());
      }
      return root;
    }
  }

  /**
   * Trains and evaluates the strategies of the settings on the chronological split.
   *
   * @param listener training progress
   * @return the comparison and the pooled-with-age model (null when that strategy was not run)
   */
  public Training train(TrainingListener listener) {
    Splits splits = splits();
    if (settings.pooledHorizons()) {
      List<TrainingStrategy<?>> strategies = settings.strategies().stream()
          .<TrainingStrategy<?>>map(this::strategy).toList();
      Evaluation.HorizonRun run = Evaluation.runWithHorizons(splits, strategies, listener);
      AgeAwareForecaster model = run.forecasters().stream()
          .filter(f -> f instanceof AgeAwareForecaster a && a.hasAgeInput()).map(f -> (AgeAwareForecaster) f)
          .findFirst().orElse(null);
      return new Training(run.perAge(), model, null, run.perCell());
    }
    List<StrategyResult> results = new ArrayList<>();
    AgeAwareForecaster pooled = null;
    for (String name : settings.strategies()) {
      Evaluation.Run<?> run = Evaluation.run(splits, strategy(name), listener);
      results.add(run.result());
      pooled = pooled != null ? pooled : pooledWithAge(run);
    }
    int[] ages = results.get(0).test().ages();
    return new Training(new EvaluationReport(settings.target(), settings.trainWindow(), settings.horizon(), ages,
        results, AgeBand.standard(data.series().step())), pooled);
  }

  /**
   * The rows of a rolling-origin backtest of the study's data set, checked before any work.
   *
   * @param folds the number of folds
   * @return the folds' rows
   * @throws IllegalArgumentException when that many folds do not fit the data (the message says
   *     what the first fold would have and how many fit)
   */
  public List<FoldLayout> backtestLayout(int folds) {
    return RollingOrigin.of(folds).layout(0, data.series().size(), spec());
  }

  /**
   * Trains and evaluates the strategies of the settings on every fold of a rolling-origin
   * backtest ({@link RollingOrigin#of}: test blocks of 15 % of the rows, expanding training
   * windows, gaps of window + oldest age + horizon), summarised over the age bands 1-6, 7-24 and
   * 25-48 hours. The comparison and model of the result are the last fold's, whose layout is the
   * chronological split's with the gaps cut out.
   *
   * @param folds the number of folds
   * @param listener training progress
   * @return the last fold's comparison and pooled-with-age model, and the backtest
   */
  public Training backtest(int folds, TrainingListener listener) {
    List<TrainingStrategy<?>> strategies = settings.strategies().stream().<TrainingStrategy<?>>map(this::strategy)
        .toList();
    AgeAwareForecaster[] last = new AgeAwareForecaster[1];
    HorizonReport[] grid = new HorizonReport[1];
    BacktestReport report = Backtest.of(RollingOrigin.of(folds)).withBands(ageBands()).run(
        AgedDataset.of(data.series(), spec()), strategies, listener, (fold, runs) -> {
          last[0] = null; // only the last fold's model (and grid) is kept
          for (Evaluation.Run<?> run : runs) {
            last[0] = last[0] != null ? last[0] : pooledWithAge(run);
          }
          // the grid is reported for the last fold only: no other fold pays its predictions
          if (settings.pooledHorizons() && fold.layout().number() == folds) {
            grid[0] = Evaluation.horizonReport(fold.splits(), runs);
          }
        });
    return new Training(report.last(), last[0], report, grid[0]);
  }

  private static AgeAwareForecaster pooledWithAge(Evaluation.Run<?> run) {
    return run.forecaster() instanceof AgeAwareForecaster f && f.hasAgeInput() ? f : null;
  }

  /** The age bands up to 6 h, up to a day and the second day, in the data's steps. */
  List<AgeBand> ageBands() {
    return AgeBand.standard(data.series().step());
  }

  private TrainingStrategy<?> strategy(String name) {
    return switch (name) {
      case "per-age" -> Strategies.perAge(settings.network());
      case "pooled-with-age" -> Strategies.pooledWithAge(settings.intervals()
          ? settings.network().toBuilder().head(OutputHead.GAUSSIAN).build() : settings.network());
      case "pooled-without-age" -> Strategies.pooledWithoutAge(settings.network());
      case "linear" -> Baselines.linear();
      case "persistence" -> Baselines.persistence();
      case "smart-persistence" -> Baselines.smartPersistence(CLEAR_SKY);
      default -> Baselines.seasonalPersistence();
    };
  }
}
