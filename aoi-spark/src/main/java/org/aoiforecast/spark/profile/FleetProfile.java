package org.aoiforecast.spark.profile;

import java.io.Serializable;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.aoiforecast.core.TimeSeries;
import org.aoiforecast.core.dataset.AgeSet;
import org.aoiforecast.core.dataset.AgedDatasetSpec;
import org.aoiforecast.info.AgeLossProfile;
import org.aoiforecast.info.estimators.TheilerWindow;
import org.aoiforecast.info.loss.ConditionalLosses;
import org.aoiforecast.info.loss.Loss;

/**
 * The age-loss analysis to run on every site of a fleet: the target and feature columns, the ages
 * (in steps, or durations converted with each site's own step), the windows, horizon, loss,
 * estimator, bootstrap and seed of {@link AgeLossProfile}. Per-source profiles are always made:
 * they say which source's freshness matters most. Markov gaps are not computed.
 *
 * <p>Immutable and serializable: it travels with the Spark tasks, each of which builds its
 * {@link AgedDatasetSpec} and {@link AgeLossProfile} from it ({@link #profileFor}).
 */
public final class FleetProfile implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String target;
  private final List<String> features;
  private final String ages;
  private final int[] windows;
  private final int horizon;
  private final Loss loss;
  private final String estimator;
  private final int replicates;
  private final long seed;

  private FleetProfile(Builder b) {
    this.target = b.target;
    this.features = List.copyOf(b.features);
    this.ages = b.ages;
    this.windows = b.windows.clone();
    this.horizon = b.horizon;
    this.loss = b.loss;
    this.estimator = b.estimator;
    this.replicates = b.replicates;
    this.seed = b.seed;
  }

  /**
   * @param target the target column of every site's series
   * @return a builder: every column as a feature, ages 1-48, window 1, horizon 0, quadratic loss,
   *     the automatic estimator, 200 bootstrap replicates, seed 0
   */
  public static Builder builder(String target) {
    return new Builder(target);
  }

  /** @return the target column */
  public String target() {
    return target;
  }

  /** @return the feature columns (sources); empty for every column of each site's series */
  public List<String> features() {
    return features;
  }

  /** @return the windows */
  public int[] windows() {
    return windows.clone();
  }

  /**
   * The analysis of one site.
   *
   * @param series the site's series (its step converts ages given as durations)
   * @return the profile to estimate, on one thread (Spark runs the sites in parallel)
   * @throws IllegalArgumentException when the ages do not fit the series' step or a column is
   *     missing
   */
  public AgeLossProfile profileFor(TimeSeries series) {
    List<String> sources = features.isEmpty() ? series.names() : features;
    AgedDatasetSpec spec = AgedDatasetSpec.builder().target(target).sources(sources.toArray(new String[0]))
        .window(windows[0]).horizon(horizon).ages(AgeSet.parse(ages, series.step())).build();
    spec.requireColumnsOf(series);
    AgeLossProfile.Builder b = AgeLossProfile.builder(spec).windows(windows).loss(loss).markovLags().threads(1)
        .seed(seed);
    if (!estimator.equals("auto")) {
      b.estimator(ConditionalLosses.named(estimator, loss, 0, TheilerWindow.auto(), 1));
    }
    return replicates == 0 ? b.withoutBootstrap().build() : b.bootstrap(replicates).build();
  }

  @Override
  public String toString() {
    return "FleetProfile[target " + target + ", features " + (features.isEmpty() ? "all" : features) + ", ages "
        + ages + ", windows " + java.util.Arrays.toString(windows) + ", horizon " + horizon + ", " + loss.id()
        + " loss, estimator " + estimator + ", " + replicates + " replicates]";
  }

  /** Builds a {@link FleetProfile}; settings are checked as they are given. */
  public static final class Builder {
    private final String target;
    private List<String> features = List.of();
    private String ages = "1-48";
    private int[] windows = {1};
    private int horizon;
    private Loss loss = Loss.QUADRATIC;
    private String estimator = "auto";
    private int replicates = 200;
    private long seed;

    private Builder(String target) {
      if (target == null || target.isBlank()) {
        throw new IllegalArgumentException("give the target column");
      }
      this.target = target;
    }

    /**
     * @param columns feature columns, each a one-column source (the target may be one of them)
     * @return this builder
     */
    public Builder features(String... columns) {
      this.features = List.of(columns);
      return this;
    }

    /**
     * @param ages ages in steps ({@code 1-48}, {@code 1,6,24}) or durations in whole minutes
     *     ({@code 1h-48h}), converted with each site's step
     * @return this builder
     */
    public Builder ages(String ages) {
      // the syntax now, in minutes (a millisecond grid would make "1h-48h" millions of ages, beyond
      // an age set's limit); the steps per site when each site's series is known
      AgeSet.parse(ages, Duration.ofMinutes(1));
      this.ages = ages;
      return this;
    }

    /**
     * @param windows window lengths u, each at least 1
     * @return this builder
     */
    public Builder windows(int... windows) {
      if (windows.length == 0) {
        throw new IllegalArgumentException("give at least one window");
      }
      for (int u : windows) {
        if (u < 1) {
          throw new IllegalArgumentException("a window must hold at least 1 reading, got " + u);
        }
      }
      this.windows = windows.clone();
      return this;
    }

    /**
     * @param steps how far ahead of the query time the target lies, at least 0
     * @return this builder
     */
    public Builder horizon(int steps) {
      if (steps < 0) {
        throw new IllegalArgumentException("the horizon must be at least 0 steps, got " + steps);
      }
      this.horizon = steps;
      return this;
    }

    /**
     * @param loss the loss
     * @return this builder
     */
    public Builder loss(Loss loss) {
      this.loss = Objects.requireNonNull(loss, "loss");
      return this;
    }

    /**
     * @param name an estimator name of {@link ConditionalLosses#named}: auto, knn, knn-pca, linear-knn, median,
     *     ridge, linear, ksg or gaussian
     * @return this builder
     * @throws IllegalArgumentException for an unknown name or one that does not estimate the loss
     *     set so far (set the loss first)
     */
    public Builder estimator(String name) {
      String n = name.trim().toLowerCase(java.util.Locale.ROOT);
      if (!n.equals("auto")) {
        ConditionalLosses.named(n, loss, 0, TheilerWindow.auto(), 1);
      }
      this.estimator = n;
      return this;
    }

    /**
     * @param replicates bootstrap replicates, at least 10
     * @return this builder
     */
    public Builder bootstrap(int replicates) {
      if (replicates < 10) {
        throw new IllegalArgumentException("use at least 10 bootstrap replicates (or none), got " + replicates);
      }
      this.replicates = replicates;
      return this;
    }

    /**
     * No bootstrap: intervals are the estimates and verdicts compare estimates (see
     * {@link AgeLossProfile.Builder#withoutBootstrap()}); for screening many sites fast.
     *
     * @return this builder
     */
    public Builder withoutBootstrap() {
      this.replicates = 0;
      return this;
    }

    /**
     * @param seed the bootstrap's seed, the same for every site
     * @return this builder
     */
    public Builder seed(long seed) {
      this.seed = seed;
      return this;
    }

    /**
     * @return the settings
     * @throws IllegalArgumentException when the estimator does not estimate the loss
     */
    public FleetProfile build() {
      if (!estimator.equals("auto")) {
        ConditionalLosses.named(estimator, loss, 0, TheilerWindow.auto(), 1);
      }
      return new FleetProfile(this);
    }
  }
}
