package org.aoiforecast.forecasting;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.aoiforecast.core.dataset.AgedDataset;
import org.aoiforecast.core.dataset.AgedDatasetSpec;
import org.aoiforecast.core.dataset.FeatureEncoder;
import org.aoiforecast.core.dataset.Splits;
import org.aoiforecast.core.dataset.Standardization;
import org.aoiforecast.core.reading.Source;
import org.aoiforecast.forecasting.evaluation.AgeMetrics;
import org.aoiforecast.forecasting.model.ModelFile;
import org.aoiforecast.forecasting.model.ModelFileException;
import org.aoiforecast.forecasting.model.ModelLayout;
import org.aoiforecast.forecasting.model.Provenance;
import org.aoiforecast.forecasting.model.SavedModel;
import org.aoiforecast.forecasting.model.TrainingSummary;
import org.aoiforecast.forecasting.nn.InputLayout;
import org.aoiforecast.forecasting.nn.LinearBase;
import org.aoiforecast.forecasting.nn.LinearPath;
import org.aoiforecast.forecasting.nn.NetworkConfig;
import org.aoiforecast.forecasting.nn.Trainer;
import org.aoiforecast.forecasting.nn.TrainingListener;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One network that forecasts the target from features of any age: trained on data pooled across
 * an age set, with the ages as inputs (the study's recommendation) or without them (the ablation
 * that shows what the age input buys). Trained by {@link Strategies#pooledWithAge} or {@link
 * Strategies#pooledWithoutAge}.
 *
 * <pre>{@code
 * AgedDatasetSpec spec = AgedDatasetSpec.builder().target("GHI").sources("GHI", "Temperature")
 *     .window(6).ages(AgeSet.range(1, 48)).covariates(KnownCovariates.calendar(zone)).build();
 * Splits splits = AgedDataset.of(series, spec).split(ChronologicalSplit.defaults());
 * AgeAwareForecaster model = Strategies.pooledWithAge(NetworkConfig.defaults()).fit(splits, TrainingListener.NONE);
 * AgeMetrics perAge = model.evaluate(splits.test());
 * model.save(Path.of("ghi.aoi"));
 * }</pre>
 *
 * <p>Training standardises with statistics of the training part only, feeds minibatches drawn
 * from the pooled view (no copy per age), stops early on the validation part and keeps the best
 * weights. Same seed, same data, same machine: same weights.
 *
 * <p><b>Live use.</b> {@link #forecast(ForecastRequest)} takes each source's latest window and its
 * age, and encodes them with the same {@link FeatureEncoder} as the training rows. Ages are a
 * continuous input: any age between the smallest and the largest training age of a source is
 * accepted, including ages between the trained ones and fractional steps (the network
 * interpolates; how well depends on how smooth the loss is in age, which the age-loss profile
 * shows). Ages outside that range are extrapolation, which networks do poorly: refused unless
 * {@link #allowingExtrapolation()} is used.
 */
public final class AgeAwareForecaster implements Forecaster {
  private final String name;
  private final ModelLayout layout;
  private final Standardization standardization;
  private final NetworkConfig config;
  private final MultiLayerNetwork network;
  private final InputLayout input;
  private final FeatureEncoder encoder;
  private final TrainingSummary summary;
  private final Optional<Provenance> provenance;
  private final Optional<LinearBase> linearBase;
  private final boolean extrapolate;

  private AgeAwareForecaster(SavedModel m, boolean extrapolate) {
    this.name = m.name();
    this.layout = m.layout();
    this.standardization = m.standardization();
    this.config = m.config();
    this.network = m.network();
    this.summary = m.summary();
    this.provenance = m.provenance();
    this.linearBase = m.linearBase();
    this.extrapolate = extrapolate;
    this.encoder = FeatureEncoder.standardized(layout.spec(), standardization);
    this.input = InputLayout.of(config.architecture(), layout.window(), layout.featureCount(),
        layout.spec().valueColumnCount());
    long expected = input.inputSize();
    long actual = network.layerInputSize(0);
    if (actual != expected) {
      throw new IllegalArgumentException("the network takes " + actual + " inputs but the feature layout has "
          + expected + " (" + layout.featureNames() + "): the model and its layout do not belong together");
    }
  }

  /** Trains one network on the pooled training part (see {@link Strategies}). */
  static AgeAwareForecaster train(String name, Splits splits, NetworkConfig config, boolean ageInput,
      TrainingListener listener) {
    Splits std = splits.standardized();
    AgedDataset train = ageInput ? std.train().withAgeInput() : std.train().withoutAgeInput();
    AgedDataset validation = std.validationPart()
        .map(v -> ageInput ? v.withAgeInput() : v.withoutAgeInput()).orElse(null);
    InputLayout in = InputLayout.of(config.architecture(), train);
    Optional<LinearBase> base = config.linearPath() == LinearPath.RIDGE ? Optional.of(LinearBase.fit(train))
        : Optional.empty();
    Trainer.Residual residual = base.map(b -> Trainer.Residual.of(b, train, validation)).orElse(Trainer.Residual.NONE);
    int rowsPerEpoch = train.size();
    if (train.cellCount() > 1) {
      // an epoch as long as one (age vector, horizon) cell's rows, whatever the number of cells
      long perAge = Math.round(train.countOfCell(0) * config.pooledEpochFactor());
      rowsPerEpoch = (int) Math.min(train.size(), Math.max(config.batchSize(), perAge));
    }
    Trainer.Result r = Trainer.train(config, in, train, rowsPerEpoch, validation, residual,
        new Trainer.Context(name, 0, 1, listener));
    TrainingSummary summary = new TrainingSummary(r.epochs(), r.bestEpoch(), r.bestValidationLoss(), r.samplesSeen(),
        r.seconds());
    SavedModel m = new SavedModel(name, new ModelLayout(train.spec(), train.series().step()),
        std.train().standardization().orElseThrow(), config, summary, Optional.of(Provenance.of(splits.train())),
        base, r.network());
    return new AgeAwareForecaster(m, false);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int networkCount() {
    return 1;
  }

  /** @return what the model expects of its inputs */
  public ModelLayout layout() {
    return layout;
  }

  /** @return the standardisation fitted on the training part */
  public Standardization standardization() {
    return standardization;
  }

  /** @return the hyper-parameters */
  public NetworkConfig config() {
    return config;
  }

  /** @return how training went */
  public TrainingSummary summary() {
    return summary;
  }

  /** @return where the training data came from (absent for models read from format-1 files) */
  public Optional<Provenance> provenance() {
    return provenance;
  }

  /** @return whether ages are inputs */
  public boolean hasAgeInput() {
    return layout.hasAgeInput();
  }

  /** @return the underlying DL4J network (shared, do not modify) */
  public MultiLayerNetwork network() {
    return network;
  }

  /** @return a forecaster sharing this one's network that accepts ages outside the training range */
  public AgeAwareForecaster allowingExtrapolation() {
    return extrapolate ? this : new AgeAwareForecaster(toSavedModel(), true);
  }

  /** @return whether {@link #forecast} accepts ages outside the training range */
  public boolean extrapolates() {
    return extrapolate;
  }

  @Override
  public double[] predict(AgedDataset data) {
    layout.requireCompatible(data);
    if (data.standardization().isPresent()) {
      throw new IllegalArgumentException("give the raw data set; the model applies its own standardisation");
    }
    AgedDataset view = (layout.hasAgeInput() ? data.withAgeInput() : data.withoutAgeInput())
        .standardize(standardization);
    int[] rows = Trainer.allRows(view.size());
    double[] z = Trainer.predict(network, input, view, rows);
    double[] linear = linearBase.map(b -> b.predict(view, rows)).orElse(null);
    for (int i = 0; i < z.length; i++) {
      z[i] = standardization.unscale(layout.target(), z[i] + (linear == null ? 0 : linear[i]));
    }
    return z;
  }

  /**
   * Per-age errors on a data set (e.g. the test part).
   *
   * @param data raw data set pooled over ages
   * @return MSE, MAE and RMSE per age, in target units
   */
  public AgeMetrics evaluate(AgedDataset data) {
    return AgeMetrics.of(data, predict(data));
  }

  /**
   * A live forecast of the target at {@code queryTime + horizon} from the latest readings of every
   * source and their ages.
   *
   * @param request the readings
   * @return the forecast, in the target's units
   * @throws IllegalArgumentException when a source is missing or unknown, a window has the wrong
   *     length, a column covariate is missing, or an age lies outside the training range (unless
   *     extrapolation is allowed)
   */
  public double forecast(ForecastRequest request) {
    if (layout.spec().horizonCount() > 1) {
      throw new IllegalArgumentException("the model pools the horizons " + layout.spec().horizonSet()
          + " steps: use forecastHorizons(request) for the whole vector or forecast(request, horizon)");
    }
    return forecast(request, layout.spec().horizon(0));
  }

  /**
   * Live forecasts for every horizon of the model, from one set of readings: the forecast vector.
   *
   * @param request the readings
   * @return one forecast per horizon of {@link ModelLayout#horizons()}, in the target's units
   * @throws IllegalArgumentException as {@link #forecast(ForecastRequest)}
   */
  public double[] forecastHorizons(ForecastRequest request) {
    int[] horizons = layout.horizons();
    double[] out = new double[horizons.length];
    for (int j = 0; j < horizons.length; j++) {
      out[j] = forecast(request, horizons[j]);
    }
    return out;
  }

  /**
   * A live forecast of the target at {@code queryTime + horizon} for one of the model's horizons.
   *
   * @param request the readings
   * @param horizon one of the model's horizons, in steps
   * @return the forecast, in the target's units
   * @throws IllegalArgumentException as {@link #forecast(ForecastRequest)}, or when the model was
   *     not trained for that horizon
   */
  public double forecast(ForecastRequest request, int horizon) {
    AgedDatasetSpec spec = layout.spec();
    if (!spec.horizonSet().contains(horizon)) {
      throw new IllegalArgumentException("horizon " + horizon + " steps: the model was trained for "
          + spec.horizonSet() + " steps");
    }
    Map<String, ForecastRequest.Entry> given = request.sources();
    List<String> expected = spec.sourceNames();
    for (String s : given.keySet()) {
      if (!expected.contains(s)) {
        throw new IllegalArgumentException("unknown source '" + s + "'; the model's sources are " + expected);
      }
    }
    int n = expected.size();
    double[][][] windows = new double[n][][];
    double[] ages = new double[n];
    double stepMillis = layout.step().toMillis();
    for (int s = 0; s < n; s++) {
      Source src = spec.sources().get(s);
      ForecastRequest.Entry e = given.get(src.name());
      if (e == null) {
        throw new IllegalArgumentException("missing source '" + src.name() + "'; the model needs " + expected);
      }
      ages[s] = e.age().toMillis() / stepMillis;
      checkAge(s, src, ages[s], e.age());
      windows[s] = e.values();
    }
    Instant target = request.queryTime().plus(layout.step().multipliedBy(horizon));
    double[] f = encoder.encodeLive(target, horizon, windows, ages, request.covariates());
    INDArray x = input.single(f);
    double z = network.output(x, false).getDouble(0, 0) + linearBase.map(b -> b.predict(f)).orElse(0.0);
    return standardization.unscale(layout.target(), z);
  }

  private void checkAge(int s, Source src, double ageSteps, Duration age) {
    int lo = layout.spec().minAge(s);
    int hi = layout.spec().maxAge(s);
    if (!extrapolate && layout.hasAgeInput() && (ageSteps < lo || ageSteps > hi)) {
      throw new IllegalArgumentException("source '" + src.name() + "': age " + age + " (" + ageSteps + " steps) is"
          + " outside the training ages " + lo + ".." + hi + " steps; the network would extrapolate."
          + " Use allowingExtrapolation() to allow it");
    }
  }

  /** @return the model as the plain value a model file holds */
  public SavedModel toSavedModel() {
    return new SavedModel(name, layout, standardization, config, summary, provenance, linearBase, network);
  }

  /**
   * Saves the model (network, layout, standardisation, configuration, provenance, library
   * version) in one file.
   *
   * @param file the file to write
   * @throws ModelFileException when it cannot be written
   */
  public void save(Path file) {
    ModelFile.write(file, toSavedModel());
  }

  /**
   * Loads a model written by {@link #save} (of this or an earlier format version).
   *
   * @param file the file
   * @return the model
   * @throws ModelFileException when the file is missing, truncated, not a model, of an unknown
   *     format version or of an inconsistent feature layout
   */
  public static AgeAwareForecaster load(Path file) {
    SavedModel m = ModelFile.read(file);
    try {
      return new AgeAwareForecaster(m, false);
    } catch (IllegalArgumentException e) {
      throw new ModelFileException(file.toString(), e.getMessage(), e);
    }
  }

  @Override
  public String toString() {
    return name + " " + config + ", " + layout.featureCount() + " inputs, trained " + summary.epochs() + " epochs";
  }
}
