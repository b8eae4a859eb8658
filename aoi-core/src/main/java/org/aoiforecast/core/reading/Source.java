package org.aoiforecast.core.reading;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * A named stream of readings, such as a weather feed or a power meter, and the value columns each
 * of its readings carries.
 *
 * <p>A source is an immutable description: its name, the names of its value columns, the unit of
 * each column (free text such as {@code "W/m^2"}, empty when unknown) and, optionally, its nominal
 * sampling period. The period lets alignment detect a reading lost inside a window (two consecutive
 * readings more than 1.5 periods apart); without it a window is simply the last {@code u}
 * readings, whatever their spacing.
 *
 * <p>In aged data sets a source names the series columns that are fed as one feature group and
 * that share one age.
 */
public final class Source {
  private final String name;
  private final List<String> columns;
  private final List<String> units;
  private final Duration period;

  private Source(String name, List<String> columns, List<String> units, Duration period) {
    this.name = name;
    this.columns = List.copyOf(columns);
    this.units = List.copyOf(units);
    this.period = period;
  }

  /**
   * A source whose value columns have unknown units.
   *
   * @param name the source name, not blank
   * @param columns the value column names, at least one, distinct
   * @return the source
   */
  public static Source of(String name, String... columns) {
    Builder builder = builder(name);
    for (String column : columns) {
      builder.column(column, "");
    }
    return builder.build();
  }

  /**
   * A source with one value column of the same name as the source.
   *
   * @param column the column (and source) name
   * @return the source
   */
  public static Source ofColumn(String column) {
    return of(column, column);
  }

  /**
   * Starts a builder.
   *
   * @param name the source name, not blank
   * @return a builder
   */
  public static Builder builder(String name) {
    return new Builder(name);
  }

  /** @return the source name */
  public String name() {
    return name;
  }

  /** @return the value column names, in the order values are stored */
  public List<String> columns() {
    return columns;
  }

  /** @return the units of the value columns, parallel to {@link #columns()}; "" when unknown */
  public List<String> units() {
    return units;
  }

  /** @return the number of value columns */
  public int width() {
    return columns.size();
  }

  /**
   * The name of a value column in tables and feature lists: the column name alone for a
   * one-column source named like its column ({@code GHI}), {@code source.column} otherwise
   * ({@code weather.temp}).
   *
   * @param column value column index
   * @return the qualified name
   */
  public String qualifiedName(int column) {
    String c = columns.get(column);
    return columns.size() == 1 && c.equals(name) ? c : name + "." + c;
  }

  /** @return the nominal sampling period, if declared */
  public Optional<Duration> period() {
    return Optional.ofNullable(period);
  }

  /**
   * The position of a value column.
   *
   * @param column a column name
   * @return its index in {@link #columns()}
   * @throws IllegalArgumentException naming the columns that exist, when the column is unknown
   */
  public int columnIndex(String column) {
    int index = columns.indexOf(column);
    if (index < 0) {
      throw new IllegalArgumentException(
          "source '" + name + "' has no column '" + column + "'; its columns are " + columns);
    }
    return index;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Source s
        && s.name.equals(name)
        && s.columns.equals(columns)
        && s.units.equals(units)
        && Objects.equals(s.period, period);
  }

  @Override
  public int hashCode() {
    return Objects.hash(name, columns, units, period);
  }

  @Override
  public String toString() {
    return name + columns;
  }

  /** Builds a {@link Source}. */
  public static final class Builder {
    private final String name;
    private final List<String> columns = new ArrayList<>();
    private final List<String> units = new ArrayList<>();
    private Duration period;

    private Builder(String name) {
      if (name == null || name.isBlank()) {
        throw new IllegalArgumentException("a source needs a non-blank name");
      }
      this.name = name;
    }

    /**
     * Adds a value column.
     *
     * @param column the column name, not blank, not yet added
     * @param unit its unit, free text; "" when unknown
     * @return this builder
     */
    public Builder column(String column, String unit) {
      if (column == null || column.isBlank()) {
        throw new IllegalArgumentException("source '" + name + "': a column needs a non-blank name");
      }
      columns.add(column);
      units.add(unit == null ? "" : unit);
      return this;
    }

    /**
     * Declares the nominal sampling period, used to detect readings lost inside a window.
     *
     * @param period a positive duration
     * @return this builder
     */
    public Builder period(Duration period) {
      if (period == null || period.isNegative() || period.isZero()) {
        throw new IllegalArgumentException("source '" + name + "': the period must be positive, got " + period);
      }
      this.period = period;
      return this;
    }

    /** @return the source */
    public Source build() {
      if (columns.isEmpty()) {
        throw new IllegalArgumentException("source '" + name + "' needs at least one value column");
      }
      Set<String> seen = new HashSet<>();
      for (String column : columns) {
        if (!seen.add(column)) {
          throw new IllegalArgumentException("source '" + name + "' lists column '" + column + "' twice");
        }
      }
      return new Source(name, columns, units, period);
    }
  }
}
