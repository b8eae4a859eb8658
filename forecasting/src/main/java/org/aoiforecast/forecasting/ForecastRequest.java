package org.aoiforecast.forecasting;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A live forecast request: for each source its latest window of readings and their age, the
 * query time, the values of column covariates at the target time and, for a model whose linear
 * path takes smart persistence ({@link
 * org.aoiforecast.forecasting.nn.NetworkConfig.Builder#smartPersistence}), the clear-sky column at
 * the times of the target source's readings.
 *
 * <pre>{@code
 * ForecastRequest r = ForecastRequest.at(Instant.parse("2024-06-01T12:00:00Z"))
 *     .source("GHI", Duration.ofHours(3), 610, 540, 420)       // newest first, window u = 3
 *     .source("Temperature", Duration.ofHours(1), 24.5, 24.1, 23.0)
 *     .covariate("clearsky", 880)                             // only for column covariates
 *     .covariateAtReadings("clearsky", 905, 870, 800)         // only with smart persistence
 *     .build();
 * }</pre>
 *
 * <p>Ages may differ per source and need not be ages the model was trained on (see
 * {@link AgeAwareForecaster#forecast(ForecastRequest)} for what is accepted).
 */
public final class ForecastRequest {
  private final Instant queryTime;
  private final Map<String, Entry> sources;
  private final Map<String, Double> covariates;
  private final Map<String, double[]> atReadings;

  /** One source's readings: the age of the freshest one and values[column][lag], lag 0 = freshest. */
  record Entry(Duration age, double[][] values) {}

  private ForecastRequest(Builder b) {
    this.queryTime = b.queryTime;
    this.sources = Collections.unmodifiableMap(new LinkedHashMap<>(b.sources));
    this.covariates = Collections.unmodifiableMap(new LinkedHashMap<>(b.covariates));
    this.atReadings = Collections.unmodifiableMap(new LinkedHashMap<>(b.atReadings));
  }

  /**
   * @param queryTime the time the forecast is made (the target lies the model's horizon later)
   * @return a builder
   */
  public static Builder at(Instant queryTime) {
    return new Builder(queryTime);
  }

  /** @return the query time */
  public Instant queryTime() {
    return queryTime;
  }

  Map<String, Entry> sources() {
    return sources;
  }

  Map<String, Double> covariates() {
    return covariates;
  }

  /** @return per column, its values at the target source's reading times, freshest first (do not modify) */
  Map<String, double[]> covariatesAtReadings() {
    return atReadings;
  }

  /** Builds a {@link ForecastRequest}. */
  public static final class Builder {
    private final Instant queryTime;
    private final Map<String, Entry> sources = new LinkedHashMap<>();
    private final Map<String, Double> covariates = new LinkedHashMap<>();
    private final Map<String, double[]> atReadings = new LinkedHashMap<>();

    private Builder(Instant queryTime) {
      this.queryTime = Objects.requireNonNull(queryTime, "queryTime");
    }

    /**
     * A single-column source.
     *
     * @param name the source name
     * @param age the age of its freshest reading, >= 0
     * @param newestFirst the window's values, freshest first
     * @return this builder
     */
    public Builder source(String name, Duration age, double... newestFirst) {
      return source(name, age, new double[][] {newestFirst});
    }

    /**
     * A source with several columns.
     *
     * @param name the source name
     * @param age the age of its freshest reading, >= 0
     * @param columnsNewestFirst per column (in the source's column order) the window's values,
     *     freshest first
     * @return this builder
     */
    public Builder source(String name, Duration age, double[][] columnsNewestFirst) {
      Objects.requireNonNull(age, "age");
      if (age.isNegative()) {
        throw new IllegalArgumentException("source '" + name + "': age " + age + " is negative; a reading cannot be"
            + " generated after the query time");
      }
      if (sources.containsKey(name)) {
        throw new IllegalArgumentException("source '" + name + "' is given twice");
      }
      double[][] copy = new double[columnsNewestFirst.length][];
      for (int c = 0; c < copy.length; c++) {
        copy[c] = columnsNewestFirst[c].clone();
        for (double v : copy[c]) {
          if (!Double.isFinite(v)) {
            throw new IllegalArgumentException("source '" + name + "': value " + v + " is not a finite number");
          }
        }
      }
      sources.put(name, new Entry(age, copy));
      return this;
    }

    /**
     * The value of a column covariate (e.g. a clear-sky irradiance) at the target time.
     *
     * @param name the covariate's name
     * @param value its value, in the column's units
     * @return this builder
     */
    public Builder covariate(String name, double value) {
      if (!Double.isFinite(value)) {
        throw new IllegalArgumentException("covariate '" + name + "': value " + value + " is not a finite number");
      }
      covariates.put(name, value);
      return this;
    }

    /**
     * A column's values at the times of the target source's window readings, which a model whose
     * linear path takes smart persistence needs for its clear-sky column (it reads the clear-sky
     * index of the freshest reading with the sun high enough). With the target source at age
     * {@code a} and a step {@code Δ}, the times are {@code queryTime - a - lag·Δ} for lag {@code 0}
     * to {@code u - 1}.
     *
     * @param name the column's name, e.g. the clear-sky covariate's
     * @param newestFirst its values, freshest reading's time first, one per window position
     * @return this builder
     */
    public Builder covariateAtReadings(String name, double... newestFirst) {
      Objects.requireNonNull(name, "name");
      double[] copy = newestFirst.clone();
      for (double v : copy) {
        if (!Double.isFinite(v)) {
          throw new IllegalArgumentException("covariate '" + name + "' at the readings: value " + v + " is not a"
              + " finite number");
        }
      }
      if (atReadings.put(name, copy) != null) {
        throw new IllegalArgumentException("covariate '" + name + "' at the readings is given twice");
      }
      return this;
    }

    /** @return the request */
    public ForecastRequest build() {
      return new ForecastRequest(this);
    }
  }
}
