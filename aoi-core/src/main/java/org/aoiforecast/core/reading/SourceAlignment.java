package org.aoiforecast.core.reading;

import java.time.Duration;
import java.time.Instant;

/**
 * One source's part of an {@link Alignment}: per kept query row, the index of the freshest arrived
 * reading, its age and the values of the window ending at it.
 *
 * <p>Lag 0 is the freshest reading, lag {@code j} the reading {@code j} places before it in
 * generation order. Ages are in milliseconds. Array accessors return copies.
 */
public final class SourceAlignment {
  private final Source source;
  private final int window;
  private final int[] readingIndex;
  private final long[] ageMillis;
  private final long[] seriesGenerated; // the series' generation times, shared, never modified
  private final double[][][] values; // [column][lag][row]

  SourceAlignment(Source source, int window, int[] readingIndex, long[] ageMillis, long[] generatedBySeries,
      double[][][] values) {
    this.source = source;
    this.window = window;
    this.readingIndex = readingIndex;
    this.ageMillis = ageMillis;
    this.values = values;
    this.seriesGenerated = generatedBySeries;
  }

  /** @return the source */
  public Source source() {
    return source;
  }

  /** @return the window length {@code u} */
  public int window() {
    return window;
  }

  /** @return the number of rows (kept query times) */
  public int size() {
    return ageMillis.length;
  }

  /**
   * @param row kept query row
   * @return index (in the source's reading series) of the freshest arrived reading
   */
  public int readingIndex(int row) {
    return readingIndex[row];
  }

  /**
   * @param row kept query row
   * @return the age of the freshest arrived reading, milliseconds
   */
  public long ageMillis(int row) {
    return ageMillis[row];
  }

  /**
   * @param row kept query row
   * @return the age of the freshest arrived reading
   */
  public Duration age(int row) {
    return Duration.ofMillis(ageMillis[row]);
  }

  /**
   * @param row kept query row
   * @return generation time of the freshest arrived reading
   */
  public Instant generated(int row) {
    return Instant.ofEpochMilli(seriesGenerated[readingIndex[row]]);
  }

  /**
   * @param column value column index
   * @param lag 0 for the freshest reading, up to {@code window - 1}
   * @param row kept query row
   * @return the value
   */
  public double value(int column, int lag, int row) {
    return values[column][lag][row];
  }

  /** @return a copy of the ages in milliseconds, one per row */
  public long[] ageMillis() {
    return ageMillis.clone();
  }

  /** @return a copy of the reading indices, one per row */
  public int[] readingIndex() {
    return readingIndex.clone();
  }

  /** @return a copy of the generation times (epoch ms) of the freshest readings */
  public long[] generatedMillis() {
    long[] out = new long[readingIndex.length];
    for (int r = 0; r < out.length; r++) {
      out[r] = seriesGenerated[readingIndex[r]];
    }
    return out;
  }

  /**
   * @param column value column index
   * @return a copy of the freshest values of that column, one per row
   */
  public double[] values(int column) {
    return values(column, 0);
  }

  /**
   * @param column value column index
   * @param lag 0 for the freshest reading, up to {@code window - 1}
   * @return a copy of the values at that lag, one per row
   */
  public double[] values(int column, int lag) {
    return values[column][lag].clone();
  }
}
