package org.aoiforecast.forecasting;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.aoiforecast.core.dataset.AgedDataset;
import org.aoiforecast.core.dataset.Splits;
import org.aoiforecast.forecasting.nn.InputLayout;
import org.aoiforecast.forecasting.nn.Trainer;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;

/**
 * The network training strategies, all through {@link TrainingStrategy}:
 * <ul>
 *   <li>{@link #perAge} ("per-age"): one network per age, the classic baseline;
 *   <li>{@link #pooledWithAge} ("pooled-with-age"): one network on data pooled across ages with
 *       the ages as inputs, the recommendation;
 *   <li>{@link #pooledWithoutAge} ("pooled-without-age"): the same without the age input, the
 *       ablation that shows what the age input buys.
 * </ul>
 * Baselines (persistence, seasonal persistence, per-age linear regression) are in
 * {@link org.aoiforecast.forecasting.baseline.Baselines}.
 */
public final class Strategies {
  /** Name of the per-age strategy in reports and JSON. */
  public static final String PER_AGE = "per-age";
  /** Name of the pooled strategy with age input. */
  public static final String POOLED_WITH_AGE = "pooled-with-age";
  /** Name of the pooled strategy without age input. */
  public static final String POOLED_WITHOUT_AGE = "pooled-without-age";

  private Strategies() {}

  /**
   * @param config hyper-parameters of every network
   * @return one network per age vector
   */
  public static TrainingStrategy perAge(NetworkConfig config) {
    Objects.requireNonNull(config, "config");
    return new TrainingStrategy() {
      @Override
      public String name() {
        return PER_AGE;
      }

      @Override
      public Forecaster fit(Splits splits, TrainingListener listener) {
        long t0 = System.nanoTime();
        Splits std = splits.standardized();
        AgedDataset train = std.train().withAgeInput(false);
        AgedDataset validation = std.validation() == null ? null : std.validation().withAgeInput(false);
        InputLayout input = InputLayout.of(config.architecture(), train);
        Map<List<Integer>, MultiLayerNetwork> nets = new HashMap<>();
        int models = train.ageVectorCount();
        for (int k = 0; k < models; k++) {
          AgedDataset t = train.forAgeVector(k);
          AgedDataset v = validation == null ? null : validation.forAgeVector(k);
          Trainer.Result r = Trainer.train(config, input, t, t.size(), v,
              new Trainer.Context(PER_AGE, k, models, listener));
          nets.put(PerAgeForecaster.key(train.ageVector(k)), r.network());
        }
        return new PerAgeForecaster(ModelLayout.of(splits.train(), false), std.train().standardization().orElseThrow(),
            input, nets, (System.nanoTime() - t0) / 1e9);
      }
    };
  }

  /**
   * @param config hyper-parameters
   * @return one network on the pooled data with the ages as inputs
   */
  public static TrainingStrategy pooledWithAge(NetworkConfig config) {
    return pooled(config, true);
  }

  /**
   * @param config hyper-parameters
   * @return one network on the pooled data without age input
   */
  public static TrainingStrategy pooledWithoutAge(NetworkConfig config) {
    return pooled(config, false);
  }

  private static TrainingStrategy pooled(NetworkConfig config, boolean ageInput) {
    Objects.requireNonNull(config, "config");
    return new TrainingStrategy() {
      @Override
      public String name() {
        return ageInput ? POOLED_WITH_AGE : POOLED_WITHOUT_AGE;
      }

      @Override
      public Forecaster fit(Splits splits, TrainingListener listener) {
        return AgeAwareForecaster.fit(splits, config, ageInput, listener);
      }
    };
  }
}
