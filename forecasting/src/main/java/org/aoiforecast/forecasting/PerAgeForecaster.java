package org.aoiforecast.forecasting;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.aoiforecast.core.dataset.AgedDataset;
import org.aoiforecast.core.dataset.Splits;
import org.aoiforecast.core.dataset.Standardization;
import org.aoiforecast.forecasting.model.ModelLayout;
import org.aoiforecast.forecasting.nn.InputLayout;
import org.aoiforecast.forecasting.nn.LinearBase;
import org.aoiforecast.forecasting.nn.LinearPath;
import org.aoiforecast.forecasting.nn.NetworkConfig;
import org.aoiforecast.forecasting.nn.Parallel;
import org.aoiforecast.forecasting.nn.Trainer;
import org.aoiforecast.forecasting.nn.TrainingListener;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * The classic recipe: one network per age vector, each trained only on the samples of its age
 * and without an age input. It can forecast only at the ages it was trained on. Trained by
 * {@link Strategies#perAge}.
 */
public final class PerAgeForecaster implements Forecaster {
  private final ModelLayout layout;
  private final Standardization standardization;
  private final InputLayout input;
  private final Map<List<Integer>, MultiLayerNetwork> networks;
  private final Map<List<Integer>, LinearBase> bases;
  private final double seconds;

  private PerAgeForecaster(ModelLayout layout, Standardization standardization, InputLayout input,
      Map<List<Integer>, MultiLayerNetwork> networks, Map<List<Integer>, LinearBase> bases, double seconds) {
    this.layout = layout;
    this.standardization = standardization;
    this.input = input;
    this.networks = Map.copyOf(networks);
    this.bases = Map.copyOf(bases);
    this.seconds = seconds;
  }

  /**
   * Trains one network per age vector (see {@link Strategies#perAge}), side by side on {@code
   * threads} threads: each network trains on one native thread (the backend's setting), so a
   * machine with several cores trains several at once. Every network is seeded alike whatever the
   * thread count, so the result does not depend on it.
   */
  static PerAgeForecaster train(Splits splits, NetworkConfig config, int threads, TrainingListener listener) {
    if (splits.train().horizonCount() > 1) {
      throw new IllegalArgumentException("per-age networks are trained for one horizon, but the data pool the horizons "
          + splits.train().spec().horizonSet() + " steps; use pooled-with-age, or one horizon");
    }
    long t0 = System.nanoTime();
    Splits std = splits.standardized();
    AgedDataset train = std.train().withoutAgeInput();
    AgedDataset validation = std.validationPart().map(AgedDataset::withoutAgeInput).orElse(null);
    InputLayout input = InputLayout.of(config.architecture(), train);
    int models = train.ageVectorCount();
    // listeners need not be thread-safe: calls are serialised here
    Object lock = new Object();
    TrainingListener serial = p -> {
      synchronized (lock) {
        listener.onEpoch(p);
      }
    };
    List<Trained> trained = Parallel.map(models, Math.min(threads, models), k -> {
      AgedDataset t = train.forAgeVector(k);
      AgedDataset v = validation == null ? null : validation.forAgeVector(k);
      LinearBase base = config.linearPath() == LinearPath.NONE ? null
          : LinearBase.fit(t, config.linearPath(), config.smartPersistence());
      Trainer.Residual residual = base == null ? Trainer.Residual.NONE : Trainer.Residual.of(base, t, v);
      Trainer.Result r = Trainer.train(config, input, t, t.size(), v, residual,
          new Trainer.Context(Strategies.PER_AGE, k, models, serial));
      return new Trained(r.network(), base);
    });
    Map<List<Integer>, MultiLayerNetwork> nets = new HashMap<>();
    Map<List<Integer>, LinearBase> bases = new HashMap<>();
    for (int k = 0; k < models; k++) {
      nets.put(key(train.ageVector(k)), trained.get(k).network());
      if (trained.get(k).base() != null) {
        bases.put(key(train.ageVector(k)), trained.get(k).base());
      }
    }
    return new PerAgeForecaster(ModelLayout.of(train), std.train().standardization().orElseThrow(), input, nets,
        bases, (System.nanoTime() - t0) / 1e9);
  }

  /** One age's network and its linear path (null without one). */
  private record Trained(MultiLayerNetwork network, LinearBase base) {}

  @Override
  public String name() {
    return Strategies.PER_AGE;
  }

  @Override
  public int networkCount() {
    return networks.size();
  }

  /** @return total training time of all networks, seconds */
  public double trainSeconds() {
    return seconds;
  }

  /** @return the model layout (without age input) */
  public ModelLayout layout() {
    return layout;
  }

  @Override
  public double[] predict(AgedDataset data) {
    layout.requireCompatible(data);
    AgedDataset view = data.withoutAgeInput().standardize(standardization);
    double[] out = new double[view.size()];
    for (int k = 0; k < view.ageVectorCount(); k++) {
      int[] vector = view.ageVector(k);
      MultiLayerNetwork net = networks.get(key(vector));
      if (net == null) {
        throw new IllegalArgumentException("no per-age network for ages " + Arrays.toString(vector)
            + ": per-age networks only forecast at the ages they were trained on");
      }
      int from = view.firstRowOf(k);
      int[] rows = new int[view.countOf(k)];
      for (int i = 0; i < rows.length; i++) {
        rows[i] = from + i;
      }
      double[] z = Trainer.predict(net, input, view, rows);
      LinearBase base = bases.get(key(vector));
      double[] linear = base == null ? null : base.predict(view, rows);
      for (int i = 0; i < rows.length; i++) {
        out[rows[i]] = standardization.unscale(layout.target(), z[i] + (linear == null ? 0 : linear[i]));
      }
    }
    return out;
  }

  private static List<Integer> key(int[] vector) {
    return Arrays.stream(vector).boxed().toList();
  }
}
