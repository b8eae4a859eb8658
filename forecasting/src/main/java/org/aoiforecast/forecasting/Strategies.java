package org.aoiforecast.forecasting;

import java.util.Objects;
import org.aoiforecast.core.dataset.Splits;
import org.aoiforecast.forecasting.nn.NetworkConfig;
import org.aoiforecast.forecasting.nn.TrainingListener;

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
 *
 * <pre>{@code
 * AgeAwareForecaster model = Strategies.pooledWithAge(NetworkConfig.defaults())
 *     .fit(splits, TrainingListener.NONE);
 * }</pre>
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
   * @return one network per age vector, trained side by side on all processors
   */
  public static TrainingStrategy<PerAgeForecaster> perAge(NetworkConfig config) {
    return perAge(config, Runtime.getRuntime().availableProcessors());
  }

  /**
   * @param config hyper-parameters of every network
   * @param threads networks trained at once, at least 1 (the result does not depend on it)
   * @return one network per age vector
   */
  public static TrainingStrategy<PerAgeForecaster> perAge(NetworkConfig config, int threads) {
    Objects.requireNonNull(config, "config");
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, got " + threads);
    }
    return new Named<>(PER_AGE, (splits, listener) -> PerAgeForecaster.train(splits, config, threads, listener));
  }

  /**
   * @param config hyper-parameters
   * @return one network on the pooled data with the ages as inputs
   */
  public static TrainingStrategy<AgeAwareForecaster> pooledWithAge(NetworkConfig config) {
    Objects.requireNonNull(config, "config");
    return new Named<>(POOLED_WITH_AGE,
        (splits, listener) -> PooledTraining.train(POOLED_WITH_AGE, splits, config, true, listener));
  }

  /**
   * @param config hyper-parameters
   * @return one network on the pooled data without age input
   */
  public static TrainingStrategy<AgeAwareForecaster> pooledWithoutAge(NetworkConfig config) {
    Objects.requireNonNull(config, "config");
    return new Named<>(POOLED_WITHOUT_AGE,
        (splits, listener) -> PooledTraining.train(POOLED_WITHOUT_AGE, splits, config, false, listener));
  }

  /** How a strategy trains. */
  @FunctionalInterface
  private interface Fit<F extends Forecaster> {
    F fit(Splits splits, TrainingListener listener);
  }

  /** A strategy made of a name and a training function. */
  private record Named<F extends Forecaster>(String name, Fit<F> how) implements TrainingStrategy<F> {
    @Override
    public F fit(Splits splits, TrainingListener listener) {
      return how.fit(splits, listener);
    }
  }
}
