package org.aoiforecast.spark.align;

import java.io.Serializable;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.aoiforecast.core.reading.AsOfAligner;
import org.aoiforecast.core.reading.MissingPolicy;

/**
 * What to align for every site, in the words of {@link AsOfAligner}: which sources (all in the
 * data by default), the window {@code u} of each (a default and per-source overrides), the
 * nominal period of a source (to detect readings lost inside a window) and the
 * {@link MissingPolicy}. The same settings serve every site. Immutable and serializable.
 */
public final class FleetAlignment implements Serializable {
  private static final long serialVersionUID = 1L;

  private final List<String> sources;
  private final int window;
  private final HashMap<String, Integer> windows;
  private final HashMap<String, Long> periodMillis;
  private final MissingPolicy policy;

  private FleetAlignment(Builder b) {
    this.sources = List.copyOf(b.sources);
    this.window = b.window;
    this.windows = new HashMap<>(b.windows);
    this.periodMillis = new HashMap<>(b.periodMillis);
    this.policy = b.policy;
  }

  /** @return a builder: every source, window 1, {@link MissingPolicy#ERROR} (as AsOfAligner) */
  public static Builder builder() {
    return new Builder();
  }

  /** @return the sources to align, in output order; empty for every source in the data */
  public List<String> sources() {
    return sources;
  }

  /**
   * @param source a source name
   * @return its window length u
   */
  public int window(String source) {
    return windows.getOrDefault(source, window);
  }

  /**
   * @param source a source name
   * @return its declared sampling period, if any
   */
  public Optional<Duration> period(String source) {
    Long p = periodMillis.get(source);
    return p == null ? Optional.empty() : Optional.of(Duration.ofMillis(p));
  }

  /** @return the missing policy */
  public MissingPolicy missing() {
    return policy;
  }

  @Override
  public String toString() {
    return "FleetAlignment[sources " + (sources.isEmpty() ? "all" : sources) + ", window " + window + " " + windows
        + ", " + policy + "]";
  }

  /** Builds {@link FleetAlignment}. */
  public static final class Builder {
    private final List<String> sources = new ArrayList<>();
    private int window = 1;
    private final Map<String, Integer> windows = new HashMap<>();
    private final Map<String, Long> periodMillis = new HashMap<>();
    private MissingPolicy policy = MissingPolicy.ERROR;

    private Builder() {}

    /**
     * @param names the sources to align, in output order (default: every source in the data,
     *     by name)
     * @return this builder
     */
    public Builder sources(String... names) {
      for (String n : names) {
        if (n == null || n.isBlank()) {
          throw new IllegalArgumentException("a source needs a non-blank name");
        }
        if (sources.contains(n)) {
          throw new IllegalArgumentException("source '" + n + "' is listed twice");
        }
        sources.add(n);
      }
      return this;
    }

    /**
     * @param u the window of every source without its own, at least 1
     * @return this builder
     */
    public Builder window(int u) {
      this.window = checkWindow(u);
      return this;
    }

    /**
     * @param source a source name
     * @param u its window, at least 1
     * @return this builder
     */
    public Builder window(String source, int u) {
      windows.put(Objects.requireNonNull(source, "source"), checkWindow(u));
      return this;
    }

    /**
     * @param source a source name
     * @param period its nominal sampling period, positive
     * @return this builder
     */
    public Builder period(String source, Duration period) {
      if (period == null || period.isNegative() || period.isZero()) {
        throw new IllegalArgumentException("source '" + source + "': the period must be positive, got " + period);
      }
      periodMillis.put(Objects.requireNonNull(source, "source"), period.toMillis());
      return this;
    }

    /**
     * @param policy what to do with query times lacking a complete window
     * @return this builder
     */
    public Builder missing(MissingPolicy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** @return the settings */
    public FleetAlignment build() {
      return new FleetAlignment(this);
    }

    private static int checkWindow(int u) {
      if (u < 1) {
        throw new IllegalArgumentException("a window must hold at least 1 reading, got " + u);
      }
      return u;
    }
  }
}
