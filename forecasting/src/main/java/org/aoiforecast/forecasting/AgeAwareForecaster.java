package org.aoiforecast.forecasting;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import org.aoiforecast.core.dataset.AgeEncoding;
import org.aoiforecast.core.dataset.AgedDataset;
import org.aoiforecast.core.dataset.KnownCovariate;
import org.aoiforecast.core.dataset.KnownCovariates;
import org.aoiforecast.core.dataset.Splits;
import org.aoiforecast.core.dataset.Standardization;
import org.aoiforecast.core.reading.Source;
import org.aoiforecast.forecasting.evaluation.AgeMetrics;
import org.aoiforecast.forecasting.evaluation.Evaluation;
import org.aoiforecast.forecasting.io.ModelFile;
import org.aoiforecast.forecasting.nn.InputLayout;
import org.aoiforecast.forecasting.nn.Trainer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.nd4j.linalg.api.ndarray.INDArray;

/**
 * One network that forecasts the target from features of any age: trained on data pooled across
 * an age set, with the ages as inputs (the study's recommendation) or without them (the ablation
 * that shows what the age input buys).
 *
 * <pre>{@code
 * Splits splits = AgedDataset.builder(series).target("GHI").sources("GHI", "Temperature")
 *     .window(6).ages(AgeSet.range(1, 48)).covariates(KnownCovariates.calendar(zone))
 *     .build().split(ChronologicalSplit.defaults());
 * AgeAwareForecaster model = AgeAwareForecaster.fit(splits, NetworkConfig.defaults(), true, TrainingListener.NONE);
 * AgeMetrics perAge = model.evaluate(splits.test());
 * model.save(Path.of("ghi.aoi"));
 * }</pre>
 *
 * <p>Training standardises with statistics of the training part only, feeds minibatches drawn
 * from the pooled view (no copy per age), stops early on the validation part and keeps the best
 * weights. Same seed, same data, same machine: same weights.
 *
 * <p><b>Live use.</b> {@link #forecast(ForecastRequest)} takes each source's latest window and its
 * age. Ages are a continuous input: any age between the smallest and the largest training age of
 * a source is accepted, including ages between the trained ones and fractional steps (the network
 * interpolates; how well depends on how smooth the loss is in age, which the age-loss profile
 * shows). Ages outside that range are extrapolation, which networks do poorly: refused unless
 * {@link #withExtrapolation(boolean)} allows it.
 */
public final class AgeAwareForecaster implements Forecaster, Evaluation.NetworkCount {
  private final String name;
  private final ModelLayout layout;
  private final Standardization standardization;
  private final NetworkConfig config;
  private final MultiLayerNetwork network;
  private final InputLayout input;
  private final TrainingSummary summary;
  private final boolean extrapolate;

  /**
   * How training went.
   *
   * @param epochs epochs run
   * @param bestEpoch the epoch whose weights were kept
   * @param bestValidationLoss its validation loss (standardised units)
   * @param samplesSeen training samples processed
   * @param seconds wall time of training
   */
  public record TrainingSummary(int epochs, int bestEpoch, double bestValidationLoss, long samplesSeen,
      double seconds) {}

  AgeAwareForecaster(String name, ModelLayout layout, Standardization standardization, NetworkConfig config,
      MultiLayerNetwork network, TrainingSummary summary, boolean extrapolate) {
    this.name = name;
    this.layout = layout;
    this.standardization = standardization;
    this.config = config;
    this.network = network;
    this.summary = summary;
    this.extrapolate = extrapolate;
    this.input = InputLayout.of(config.architecture(), layout.window(), layout.featureCount(),
        layout.sources().stream().mapToInt(Source::width).sum());
    long expected = input.inputSize();
    long actual = network.layerInputSize(0);
    if (actual != expected) {
      throw new IllegalArgumentException("the network takes " + actual + " inputs but the feature layout has "
          + expected + " (" + layout.featureNames() + "): the model and its layout do not belong together");
    }
  }

  /**
   * Trains one network on the pooled training part.
   *
   * @param splits raw chronological splits of a data set pooled over the age set
   * @param config hyper-parameters
   * @param ageInput true to give the ages as inputs ("pooled-with-age"), false for the ablation
   *     ("pooled-without-age")
   * @param listener progress receiver
   * @return the trained forecaster
   */
  public static AgeAwareForecaster fit(Splits splits, NetworkConfig config, boolean ageInput,
      TrainingListener listener) {
    String name = ageInput ? Strategies.POOLED_WITH_AGE : Strategies.POOLED_WITHOUT_AGE;
    Splits std = splits.standardized();
    AgedDataset train = std.train().withAgeInput(ageInput);
    AgedDataset validation = std.validation() == null ? null : std.validation().withAgeInput(ageInput);
    InputLayout in = InputLayout.of(config.architecture(), train);
    int rowsPerEpoch = train.size();
    if (train.ageVectorCount() > 1) {
      long perAge = Math.round(train.countOf(0) * config.pooledEpochFactor());
      rowsPerEpoch = (int) Math.min(train.size(), Math.max(config.batchSize(), perAge));
    }
    Trainer.Result r = Trainer.train(config, in, train, rowsPerEpoch, validation,
        new Trainer.Context(name, 0, 1, listener));
    return new AgeAwareForecaster(name, ModelLayout.of(splits.train(), ageInput),
        std.train().standardization().orElseThrow(), config, r.network(),
        new TrainingSummary(r.epochs(), r.bestEpoch(), r.bestValidationLoss(), r.samplesSeen(), r.seconds()), false);
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public int networks() {
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

  /** @return whether ages are inputs */
  public boolean hasAgeInput() {
    return layout.ageInput();
  }

  /** @return the underlying DL4J network (shared, do not modify) */
  public MultiLayerNetwork network() {
    return network;
  }

  /**
   * @param allowed true to accept ages outside the training range in {@link #forecast}
   * @return a forecaster sharing this one's network
   */
  public AgeAwareForecaster withExtrapolation(boolean allowed) {
    return new AgeAwareForecaster(name, layout, standardization, config, network, summary, allowed);
  }

  @Override
  public double[] predict(AgedDataset data) {
    layout.requireCompatible(data);
    if (data.standardization().isPresent()) {
      throw new IllegalArgumentException("give the raw data set; the model applies its own standardisation");
    }
    AgedDataset view = data.withAgeInput(layout.ageInput()).standardize(standardization);
    double[] z = Trainer.predict(network, input, view, Trainer.allRows(view.size()));
    for (int i = 0; i < z.length; i++) {
      z[i] = standardization.unscale(layout.target(), z[i]);
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
    Map<String, ForecastRequest.Entry> given = request.sources();
    List<String> expected = layout.sources().stream().map(Source::name).toList();
    for (String s : given.keySet()) {
      if (!expected.contains(s)) {
        throw new IllegalArgumentException("unknown source '" + s + "'; the model's sources are " + expected);
      }
    }
    double[] f = new double[layout.featureCount()];
    int p = 0;
    double stepMillis = layout.step().toMillis();
    double[] ages = new double[expected.size()];
    int u = layout.window();
    for (int s = 0; s < expected.size(); s++) {
      Source src = layout.sources().get(s);
      ForecastRequest.Entry e = given.get(src.name());
      if (e == null) {
        throw new IllegalArgumentException("missing source '" + src.name() + "'; the model needs " + expected);
      }
      if (e.values().length != src.width()) {
        throw new IllegalArgumentException("source '" + src.name() + "' has columns " + src.columns() + " but "
            + e.values().length + " value arrays were given");
      }
      ages[s] = e.age().toMillis() / stepMillis;
      checkAge(s, src, ages[s], e.age());
      for (int c = 0; c < src.width(); c++) {
        double[] window = e.values()[c];
        if (window.length != u) {
          throw new IllegalArgumentException("source '" + src.name() + "', column '" + src.columns().get(c) + "': "
              + window.length + " values given, the model's window is " + u + " (freshest first)");
        }
        for (int lag = 0; lag < u; lag++) {
          f[p++] = standardization.scale(src.columns().get(c), window[lag]);
        }
      }
    }
    java.time.Instant target = request.queryTime().plus(layout.step().multipliedBy(layout.horizon()));
    for (int k = 0; k < layout.covariateNames().size(); k++) {
      String cname = layout.covariateNames().get(k);
      String description = layout.covariates().get(k);
      KnownCovariate c = description == null ? null : KnownCovariates.parse(description);
      OptionalDouble computed = c == null ? OptionalDouble.empty() : c.valueAt(target);
      if (computed.isPresent()) {
        f[p++] = computed.getAsDouble();
      } else {
        Double v = request.covariates().get(cname);
        if (v == null) {
          throw new IllegalArgumentException("covariate '" + cname + "' is a data column: give its value at "
              + target + " with ForecastRequest.Builder.covariate(\"" + cname + "\", value)");
        }
        f[p++] = standardization.scale(cname, v);
      }
    }
    if (layout.ageInput()) {
      AgeEncoding encoding = AgeEncoding.parse(layout.ageEncoding());
      int width = encoding.width();
      for (int s = 0; s < ages.length; s++) {
        encoding.encode(ages[s], f, p);
        for (int e = 0; e < width; e++) {
          f[p + e] = standardization.scaleAge(s * width + e, f[p + e]);
        }
        p += width;
      }
    }
    INDArray x = input.single(f);
    double z = network.output(x, false).getDouble(0, 0);
    return standardization.unscale(layout.target(), z);
  }

  private void checkAge(int s, Source src, double ageSteps, Duration age) {
    int[] range = layout.ageRange(s);
    if (!extrapolate && layout.ageInput() && (ageSteps < range[0] || ageSteps > range[1])) {
      throw new IllegalArgumentException("source '" + src.name() + "': age " + age + " (" + ageSteps + " steps) is"
          + " outside the training ages " + range[0] + ".." + range[1] + " steps; the network would extrapolate."
          + " Use withExtrapolation(true) to allow it");
    }
  }

  /**
   * Saves the model (network, layout, standardisation, configuration, library version) in one
   * file.
   *
   * @param file the file to write
   */
  public void save(Path file) {
    ModelFile.write(file, this);
  }

  /**
   * Loads a model written by {@link #save}.
   *
   * @param file the file
   * @return the model
   * @throws IllegalArgumentException when the file is truncated, not a model, of another format
   *     version or of an inconsistent feature layout
   */
  public static AgeAwareForecaster load(Path file) {
    return ModelFile.read(file);
  }

  /** Used by {@link ModelFile}: rebuilds a forecaster from its stored parts. */
  public static AgeAwareForecaster restore(String name, ModelLayout layout, Standardization standardization,
      NetworkConfig config, MultiLayerNetwork network, TrainingSummary summary) {
    return new AgeAwareForecaster(name, layout, standardization, config, network, summary, false);
  }

  @Override
  public String toString() {
    return name + " " + config + ", " + layout.featureCount() + " inputs, trained " + summary.epochs() + " epochs";
  }
}
