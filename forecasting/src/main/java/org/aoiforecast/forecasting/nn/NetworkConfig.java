package org.aoiforecast.forecasting.nn;

import java.util.Arrays;
import java.util.Objects;
import java.util.Optional;

/**
 * Hyper-parameters of an age-aware network and of its training. Immutable; change a copy with
 * {@link #toBuilder()}.
 *
 * <p>Defaults, chosen on the solar data (hourly GHI with weather sources, u = 6): an MLP with two
 * hidden layers of 128 ReLU units beside a linear path (a ridge regression with coefficients linear
 * in the encoded age, whose residual the network learns, {@link LinearPath#AGE_LINEAR}; 128 rather
 * than 64 units because over three seeds on the default solar data the pooled network then beats
 * linear regression in every age band), Adam with learning rate 3e-3, L2 1e-5, minibatches of 512
 * (against 1e-3 and 256 before: on the solar data both the per-age and the pooled networks reach a
 * lower test loss, in fewer passes), at most 60 epochs with early stopping after 8 epochs without
 * improvement of the validation loss, a constant learning rate (an optional plateau schedule,
 * {@link Builder#plateauDecay}, lowers it when the validation loss stalls; measured on the solar
 * data it stopped pooled training too early, so it is off by default); early stopping watching the
 * training loss ({@link StoppingScore#LOSS}); seed 42. For pooled training
 * one epoch draws as many rows as one age has, at random from the pooled view; see {@link
 * Builder#pooledEpochFactor}.
 *
 * @param architecture MLP or LSTM
 * @param hidden hidden layer widths (MLP: one per layer; LSTM: the first entry is the state size)
 * @param learningRate Adam's learning rate
 * @param l2 L2 weight penalty
 * @param batchSize minibatch size
 * @param maxEpochs epoch limit
 * @param patience epochs without validation improvement before stopping
 * @param pooledEpochFactor rows per pooled epoch, in units of one age's training rows
 * @param plateauDecay learning-rate factor applied on a validation plateau (1 = constant rate)
 * @param seed seed of weights and minibatch order
 * @param linearPath whether a linear path lies beside the hidden layers
 * @param head what the output layer forecasts: a point (default) or a Gaussian distribution
 * @param stoppingScore the validation score early stopping watches (default: the training loss)
 * @param smartPersistence the clear-sky column whose smart-persistence forecast the linear path
 *     takes as a regressor at the young lead times ({@link SmartPersistenceRegressor}); empty (the
 *     default) for none, since only the caller knows which column is a clear sky
 */
public record NetworkConfig(Architecture architecture, int[] hidden, double learningRate, double l2, int batchSize,
    int maxEpochs, int patience, double pooledEpochFactor, double plateauDecay, long seed, LinearPath linearPath,
    OutputHead head, StoppingScore stoppingScore, Optional<String> smartPersistence) {

  /** Validates and copies. */
  public NetworkConfig {
    Objects.requireNonNull(architecture, "architecture");
    Objects.requireNonNull(linearPath, "linearPath");
    Objects.requireNonNull(head, "head");
    Objects.requireNonNull(stoppingScore, "stoppingScore");
    Objects.requireNonNull(smartPersistence, "smartPersistence");
    if (smartPersistence.isPresent() && linearPath == LinearPath.NONE) {
      throw new IllegalArgumentException("smart persistence on '" + smartPersistence.get() + "' is a regressor of the"
          + " linear path, and the linear path is NONE");
    }
    hidden = hidden.clone();
    if (hidden.length == 0 || Arrays.stream(hidden).anyMatch(h -> h < 1)) {
      throw new IllegalArgumentException("hidden layer widths must be positive, got " + Arrays.toString(hidden));
    }
    if (!(learningRate > 0) || !(l2 >= 0) || batchSize < 1 || maxEpochs < 1 || patience < 1
        || !(pooledEpochFactor > 0) || !(plateauDecay > 0 && plateauDecay <= 1)) {
      throw new IllegalArgumentException("invalid training settings: learning rate " + learningRate + ", l2 " + l2
          + ", batch " + batchSize + ", epochs " + maxEpochs + ", patience " + patience + ", pooled epoch factor "
          + pooledEpochFactor + ", plateau decay " + plateauDecay);
    }
  }

  /** @return the defaults described above */
  public static NetworkConfig defaults() {
    return builder().build();
  }

  /** @return a builder holding the defaults */
  public static Builder builder() {
    return new Builder();
  }

  /** @return a builder holding this configuration */
  public Builder toBuilder() {
    Builder b = new Builder();
    b.architecture = architecture;
    b.hidden = hidden.clone();
    b.learningRate = learningRate;
    b.l2 = l2;
    b.batchSize = batchSize;
    b.maxEpochs = maxEpochs;
    b.patience = patience;
    b.pooledEpochFactor = pooledEpochFactor;
    b.plateauDecay = plateauDecay;
    b.seed = seed;
    b.linearPath = linearPath;
    b.head = head;
    b.stoppingScore = stoppingScore;
    b.smartPersistence = smartPersistence;
    return b;
  }

  @Override
  public int[] hidden() {
    return hidden.clone();
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof NetworkConfig c && c.architecture == architecture && Arrays.equals(c.hidden, hidden)
        && c.learningRate == learningRate && c.l2 == l2 && c.batchSize == batchSize && c.maxEpochs == maxEpochs
        && c.patience == patience && c.pooledEpochFactor == pooledEpochFactor && c.plateauDecay == plateauDecay
        && c.seed == seed && c.linearPath == linearPath && c.head == head
        && c.stoppingScore == stoppingScore && c.smartPersistence.equals(smartPersistence);
  }

  @Override
  public int hashCode() {
    return Objects.hash(architecture, Arrays.hashCode(hidden), learningRate, l2, batchSize, maxEpochs, patience,
        pooledEpochFactor, plateauDecay, seed, linearPath, head, stoppingScore, smartPersistence);
  }

  @Override
  public String toString() {
    return architecture + Arrays.toString(hidden) + " lr=" + learningRate + " l2=" + l2 + " batch=" + batchSize
        + " epochs<=" + maxEpochs + " patience=" + patience + " pooled-epoch=" + pooledEpochFactor + "x plateau-decay="
        + plateauDecay + " seed=" + seed + (linearPath == LinearPath.NONE ? "" : " linear-path=" + linearPath)
        + (head == OutputHead.POINT ? "" : " head=" + head)
        + (stoppingScore == StoppingScore.LOSS ? "" : " stop-on=" + stoppingScore.option())
        + smartPersistence.map(c -> " smart-persistence=" + c).orElse("");
  }

  /** Builds a {@link NetworkConfig}. */
  public static final class Builder {
    private Architecture architecture = Architecture.MLP;
    private int[] hidden = {128, 128};
    private double learningRate = 3e-3;
    private double l2 = 1e-5;
    private int batchSize = 512;
    private int maxEpochs = 60;
    private int patience = 8;
    private double pooledEpochFactor = 1;
    private double plateauDecay = 1.0;
    private long seed = 42;
    private LinearPath linearPath = LinearPath.AGE_LINEAR;
    private OutputHead head = OutputHead.POINT;
    private StoppingScore stoppingScore = StoppingScore.LOSS;
    private Optional<String> smartPersistence = Optional.empty();

    private Builder() {}

    /**
     * @param a the architecture (MLP default)
     * @return this builder
     */
    public Builder architecture(Architecture a) {
      this.architecture = Objects.requireNonNull(a);
      return this;
    }

    /**
     * @param widths hidden widths (LSTM: the state size)
     * @return this builder
     */
    public Builder hidden(int... widths) {
      this.hidden = widths.clone();
      return this;
    }

    /**
     * @param rate Adam's learning rate
     * @return this builder
     */
    public Builder learningRate(double rate) {
      this.learningRate = rate;
      return this;
    }

    /**
     * @param penalty L2 weight penalty
     * @return this builder
     */
    public Builder l2(double penalty) {
      this.l2 = penalty;
      return this;
    }

    /**
     * @param size minibatch size
     * @return this builder
     */
    public Builder batchSize(int size) {
      this.batchSize = size;
      return this;
    }

    /**
     * @param epochs the most epochs to train
     * @return this builder
     */
    public Builder maxEpochs(int epochs) {
      this.maxEpochs = epochs;
      return this;
    }

    /**
     * @param epochs epochs without validation improvement before stopping
     * @return this builder
     */
    public Builder patience(int epochs) {
      this.patience = epochs;
      return this;
    }

    /**
     * Rows drawn per pooled epoch, as a multiple of one age's training rows. With {@code K}
     * ages, a factor of {@code K} would show every pooled row once per epoch. The default 1 makes
     * a pooled epoch as long as a per-age network's, so that early stopping checks the
     * validation loss as often: measured on the solar data (48 ages) the pooled network reaches
     * its best validation loss after about 100,000 rows whatever the factor, and with a factor of
     * 8 it then spent 8 long epochs of patience, 80 % of its training time, without improving
     * (docs/benchmarks.md). Every minibatch mixes all ages.
     *
     * @param factor a positive factor
     * @return this builder
     */
    public Builder pooledEpochFactor(double factor) {
      this.pooledEpochFactor = factor;
      return this;
    }

    /**
     * @param factor learning-rate factor applied after every {@code max(1, patience / 3)} epochs
     *     without validation improvement, in (0, 1]; 1 keeps the rate constant
     * @return this builder
     */
    public Builder plateauDecay(double factor) {
      this.plateauDecay = factor;
      return this;
    }

    /**
     * @param seed seed of the weights and of the minibatch order
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * @param path whether a linear path lies beside the hidden layers (default {@link
     *     LinearPath#AGE_LINEAR}: the network learns the residual of a ridge regression with
     *     coefficients linear in the encoded age)
     * @return this builder
     */
    public Builder linearPath(LinearPath path) {
      this.linearPath = Objects.requireNonNull(path, "path");
      return this;
    }

    /**
     * @param head what the output layer forecasts (default {@link OutputHead#POINT}; {@link
     *     OutputHead#GAUSSIAN} for a mean and a standard deviation per forecast, hence quantiles
     *     and intervals)
     * @return this builder
     */
    public Builder head(OutputHead head) {
      this.head = Objects.requireNonNull(head, "head");
      return this;
    }

    /**
     * @param score the validation score early stopping watches (default {@link
     *     StoppingScore#LOSS}, the training loss; {@link StoppingScore#SQUARED_ERROR} watches a
     *     Gaussian head's means alone)
     * @return this builder
     */
    public Builder stoppingScore(StoppingScore score) {
      this.stoppingScore = Objects.requireNonNull(score, "score");
      return this;
    }

    /**
     * Gives the linear path the smart-persistence forecast on a clear-sky column as a regressor,
     * faded out over the first {@link SmartPersistenceRegressor#FADE} of lead time. The data must
     * have the target among the sources' columns and the clear-sky column among its known
     * covariates ({@link SmartPersistenceRegressor#requireUsable}); live requests then give the
     * column at the target source's reading times as well.
     *
     * @param clearSkyColumn the clear-sky column (e.g. "ClearSkyGHI"), or null for none (the
     *     default)
     * @return this builder
     */
    public Builder smartPersistence(String clearSkyColumn) {
      this.smartPersistence = Optional.ofNullable(clearSkyColumn);
      return this;
    }

    /** @return the configuration */
    public NetworkConfig build() {
      return new NetworkConfig(architecture, hidden, learningRate, l2, batchSize, maxEpochs, patience,
          pooledEpochFactor, plateauDecay, seed, linearPath, head, stoppingScore, smartPersistence);
    }
  }
}
