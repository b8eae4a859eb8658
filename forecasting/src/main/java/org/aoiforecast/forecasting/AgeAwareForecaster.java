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
import org.aoiforecast.core.dataset.Standardization;
import org.aoiforecast.core.reading.Source;
import org.aoiforecast.forecasting.evaluation.AgeMetrics;
import org.aoiforecast.forecasting.evaluation.GaussianForecasts;
import org.aoiforecast.forecasting.model.ModelFile;
import org.aoiforecast.forecasting.model.ModelFileException;
import org.aoiforecast.forecasting.model.ModelLayout;
import org.aoiforecast.forecasting.model.Provenance;
import org.aoiforecast.forecasting.model.SavedModel;
import org.aoiforecast.forecasting.model.TrainingSummary;
import org.aoiforecast.forecasting.nn.GaussianNll;
import org.aoiforecast.forecasting.nn.InputLayout;
import org.aoiforecast.forecasting.nn.IntervalCalibration;
import org.aoiforecast.forecasting.nn.LinearBase;
import org.aoiforecast.forecasting.nn.NetworkConfig;
import org.aoiforecast.forecasting.nn.OutputHead;
import org.aoiforecast.forecasting.nn.SmartPersistenceRegressor;
import org.aoiforecast.forecasting.nn.Trainer;
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
 *
 * <p><b>Distributions.</b> With a Gaussian head ({@code NetworkConfig.builder().head(OutputHead.GAUSSIAN)})
 * the network forecasts a mean (the linear path's forecast plus the network's) and a standard
 * deviation per sample, trained by the Gaussian negative log-likelihood; one factor fitted on the
 * validation part scales the standard deviations so that the central 80 % interval covers 80 % of
 * that part ({@link IntervalCalibration}). {@link #predictDistribution} and {@link
 * #forecastDistribution} give the distributions, {@link #predict} and {@link #forecast} their
 * means.
 */
public final class AgeAwareForecaster implements ProbabilisticForecaster {
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
  private final Optional<IntervalCalibration> calibration;
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
    this.calibration = m.calibration();
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
    long outputs = network.layerSize(network.getnLayers() - 1);
    if (outputs != config.head().outputs()) {
      throw new IllegalArgumentException("the network has " + outputs + " outputs but a " + config.head() + " head has "
          + config.head().outputs() + ": the model and its configuration do not belong together");
    }
  }

  /** The forecaster of a model trained by {@link PooledTraining}. */
  static AgeAwareForecaster trained(SavedModel m) {
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

  /** @return the linear path beside the network, if the model has one */
  public Optional<LinearBase> linearBase() {
    return linearBase;
  }

  /** @return how training went */
  public TrainingSummary summary() {
    return summary;
  }

  /** @return where the training data came from (absent for models read from format-1 files) */
  public Optional<Provenance> provenance() {
    return provenance;
  }

  /** @return whether the network forecasts a Gaussian distribution (its head is {@link OutputHead#GAUSSIAN}) */
  @Override
  public boolean isProbabilistic() {
    return config.head() == OutputHead.GAUSSIAN;
  }

  /**
   * @return the factors that scale the Gaussian head's standard deviations, one per training age
   *     vector, fitted on the validation part
   * @throws IllegalStateException for a point head
   */
  public IntervalCalibration calibration() {
    return requireCalibration();
  }

  /**
   * {@inheritDoc} With several horizons, the mean of the age vector's factors over the data set's
   * horizons.
   */
  @Override
  public double[] calibration(AgedDataset data) {
    double[] cells = cellFactors(data);
    int h = data.horizonCount();
    double[] f = new double[data.ageVectorCount()];
    for (int c = 0; c < cells.length; c++) {
      f[c / h] += cells[c] / h;
    }
    return f;
  }

  /** The calibration factor of every (age vector, horizon) cell of a data set. */
  private double[] cellFactors(AgedDataset data) {
    IntervalCalibration c = requireCalibration();
    double[] f = new double[data.cellCount()];
    for (int cell = 0; cell < f.length; cell++) {
      int v = cell / data.horizonCount();
      f[cell] = c.factor(java.util.Arrays.stream(data.ageVector(v)).asDoubleStream().toArray(),
          data.horizon(cell % data.horizonCount()));
    }
    return f;
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
    AgedDataset view = view(data);
    int[] rows = Trainer.allRows(view.size());
    double[] z = Trainer.predict(network, input, view, rows);
    double[] linear = linearBase.map(b -> b.predict(view, rows)).orElse(null);
    for (int i = 0; i < z.length; i++) {
      z[i] = standardization.unscale(layout.target(), z[i] + (linear == null ? 0 : linear[i]));
    }
    return z;
  }

  /**
   * The forecast distributions of every sample of a data set: the means of {@link #predict} and
   * the Gaussian head's standard deviations, scaled by the calibration factor, in target units.
   *
   * @param data raw data set built like the training data
   * @return one Gaussian forecast per sample
   * @throws IllegalStateException for a point head
   */
  @Override
  public GaussianForecasts predictDistribution(AgedDataset data) {
    double[] factors = cellFactors(data);
    AgedDataset view = view(data);
    int[] rows = Trainer.allRows(view.size());
    double[][] p = Trainer.predictGaussian(network, input, view, rows);
    double[] linear = linearBase.map(b -> b.predict(view, rows)).orElse(null);
    double scale = standardization.scaleOf(layout.target());
    for (int c = 0; c < view.cellCount(); c++) {
      for (int i = view.firstRowOfCell(c); i < view.firstRowOfCell(c) + view.countOfCell(c); i++) {
        p[0][i] = standardization.unscale(layout.target(), p[0][i] + (linear == null ? 0 : linear[i]));
        p[1][i] *= factors[c] * scale;
      }
    }
    return new GaussianForecasts(p[0], p[1]);
  }

  private AgedDataset view(AgedDataset data) {
    layout.requireCompatible(data);
    if (data.standardization().isPresent()) {
      throw new IllegalArgumentException("give the raw data set; the model applies its own standardisation");
    }
    return (layout.hasAgeInput() ? data.withAgeInput() : data.withoutAgeInput()).standardize(standardization);
  }

  private IntervalCalibration requireCalibration() {
    return calibration.orElseThrow(() -> new IllegalStateException("the model '" + name + "' forecasts points: its"
        + " network has a point head; train it with NetworkConfig.builder().head(OutputHead.GAUSSIAN) (CLI:"
        + " --intervals) for distributions and intervals"));
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
    return forecast(request, onlyHorizon());
  }

  /** The model's one horizon, or an error naming the horizons of a model that pools several. */
  private int onlyHorizon() {
    if (layout.spec().horizonCount() > 1) {
      throw new IllegalArgumentException("the model pools the horizons " + layout.spec().horizonSet()
          + " steps: use forecastHorizons(request) for the whole vector or forecast(request, horizon)");
    }
    return layout.spec().horizon(0);
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
    return standardization.unscale(layout.target(), output(request, horizon).mean());
  }

  /**
   * A live forecast as a distribution: the mean of {@link #forecast} and the Gaussian head's
   * standard deviation, scaled by the calibration factor.
   *
   * @param request the readings
   * @return the forecast distribution, in the target's units
   * @throws IllegalStateException for a point head
   * @throws IllegalArgumentException as {@link #forecast}
   */
  public GaussianForecast forecastDistribution(ForecastRequest request) {
    return forecastDistribution(request, onlyHorizon());
  }

  /**
   * A live forecast distribution for one of the model's horizons: the mean of {@link
   * #forecast(ForecastRequest, int)} and the Gaussian head's standard deviation, scaled by the
   * calibration factor of that (age vector, horizon) cell.
   *
   * @param request the readings
   * @param horizon one of the model's horizons, in steps
   * @return the forecast distribution, in the target's units
   * @throws IllegalStateException for a point head
   * @throws IllegalArgumentException as {@link #forecast(ForecastRequest, int)}
   */
  public GaussianForecast forecastDistribution(ForecastRequest request, int horizon) {
    IntervalCalibration c = requireCalibration();
    Output out = output(request, horizon);
    double mean = standardization.unscale(layout.target(), out.mean());
    double sd = GaussianNll.standardDeviation(out.rawScale()) * c.factor(out.ages(), horizon)
        * standardization.scaleOf(layout.target());
    return new GaussianForecast(mean, sd);
  }

  /**
   * The outputs for a request at one horizon, standardised: the forecast (or mean) with the linear
   * path's share added, the raw scale of a Gaussian head (NaN for a point head), and the request's
   * ages in steps.
   */
  private record Output(double mean, double rawScale, double[] ages) {}

  private Output output(ForecastRequest request, int horizon) {
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
    INDArray out = network.output(input.single(f), false);
    double regressor = linearBase.flatMap(LinearBase::smartPersistence)
        .map(r -> smartPersistence(r, request, windows, ages, horizon)).orElse(0.0);
    double mean = out.getDouble(0, 0) + linearBase.map(b -> b.predict(f, ages, horizon, regressor)).orElse(0.0);
    return new Output(mean, out.size(1) > 1 ? out.getDouble(0, 1) : Double.NaN, ages);
  }

  /**
   * The linear path's smart-persistence regressor for a request: the target source's window and the
   * clear-sky column at its readings' times (which the request must carry) and at the target time.
   */
  private double smartPersistence(SmartPersistenceRegressor r, ForecastRequest request, double[][][] windows,
      double[] ages, int horizon) {
    AgedDatasetSpec spec = layout.spec();
    int s = spec.targetSource().orElseThrow();
    Source carrier = spec.sources().get(s);
    String column = r.index().column();
    double[] clearSky = request.covariatesAtReadings().get(column);
    if (clearSky == null) {
      throw new IllegalArgumentException("the model's linear path takes smart persistence on '" + column + "': give"
          + " that column at the times of source '" + carrier.name() + "''s " + spec.window() + " readings with"
          + " covariateAtReadings(\"" + column + "\", ...), freshest first");
    }
    double forecast = r.forecast(windows[s][carrier.columnIndex(layout.target())], clearSky,
        request.covariates().get(column));
    return r.regressor(forecast, ages[s] + horizon, standardization, layout.target());
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

  /**
   * @param p the provenance to save with the model (e.g. {@link #provenance()} with properties
   *     added)
   * @return this model with that provenance, sharing its network
   */
  public AgeAwareForecaster withProvenance(Provenance p) {
    return new AgeAwareForecaster(new SavedModel(name, layout, standardization, config, summary, Optional.of(p),
        linearBase, calibration, network), extrapolate);
  }

  /** @return the model as the plain value a model file holds */
  public SavedModel toSavedModel() {
    return new SavedModel(name, layout, standardization, config, summary, provenance, linearBase, calibration,
        network);
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
