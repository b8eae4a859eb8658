package org.aoiforecast.core.reading;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Objects;

/**
 * One generated sample of a source: when it was generated, when it arrived at the forecaster and
 * its values (one per value column of the source, in the source's units).
 *
 * <p>Its age at query time {@code t} is {@code t - generated}; it can only be used at times
 * {@code t >= arrived}. Immutable; the values array is copied in and out.
 */
public final class Reading {
  private final Source source;
  private final Instant generated;
  private final Instant arrived;
  private final double[] values;

  /**
   * Creates a reading.
   *
   * @param source the source that generated it
   * @param generated generation time (UTC instant)
   * @param arrived arrival time, not before {@code generated}
   * @param values one finite value per column of the source
   * @throws IllegalArgumentException when the arrival precedes generation, the number of values
   *     differs from the source's columns, or a value is NaN or infinite
   */
  public Reading(Source source, Instant generated, Instant arrived, double... values) {
    this.source = Objects.requireNonNull(source, "source");
    this.generated = Objects.requireNonNull(generated, "generated");
    this.arrived = Objects.requireNonNull(arrived, "arrived");
    if (arrived.isBefore(generated)) {
      throw new IllegalArgumentException("reading of '" + source.name() + "' arrives at " + arrived
          + ", before it is generated at " + generated + "; arrival must not precede generation");
    }
    if (values.length != source.width()) {
      throw new IllegalArgumentException("reading of '" + source.name() + "' has " + values.length
          + " values, expected " + source.width() + " for columns " + source.columns());
    }
    for (int c = 0; c < values.length; c++) {
      if (!Double.isFinite(values[c])) {
        throw new IllegalArgumentException("reading of '" + source.name() + "' generated at " + generated
            + ", column '" + source.columns().get(c) + "': value " + values[c] + " is not a finite number");
      }
    }
    this.values = values.clone();
  }

  /** @return the source */
  public Source source() {
    return source;
  }

  /** @return the generation time */
  public Instant generated() {
    return generated;
  }

  /** @return the arrival time */
  public Instant arrived() {
    return arrived;
  }

  /** @return a copy of the values, parallel to the source's columns */
  public double[] values() {
    return values.clone();
  }

  /**
   * @param column index of a value column
   * @return its value
   */
  public double value(int column) {
    return values[column];
  }

  /**
   * The age of this reading at a query time.
   *
   * @param queryTime the query time
   * @return {@code queryTime - generated} (negative when the query precedes generation)
   */
  public Duration ageAt(Instant queryTime) {
    return Duration.between(generated, queryTime);
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof Reading r
        && r.source.equals(source)
        && r.generated.equals(generated)
        && r.arrived.equals(arrived)
        && Arrays.equals(r.values, values);
  }

  @Override
  public int hashCode() {
    return Objects.hash(source, generated, arrived, Arrays.hashCode(values));
  }

  @Override
  public String toString() {
    return source.name() + "@" + generated + " (arrived " + arrived + ") " + Arrays.toString(values);
  }
}
