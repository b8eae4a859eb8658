package org.aoiforecast.core.reading;

import java.time.Instant;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

/**
 * The result of {@link AsOfAligner#align}: the kept query times and, per source, the freshest
 * arrived reading, its window and its age.
 *
 * <p>Rows are the query times that every source could serve (all of them under
 * {@link MissingPolicy#ERROR}); {@link #queryPositions()} maps them back to the input.
 */
public final class Alignment {
  private final long[] queryMillis;
  private final int[] queryPositions; // null when every query row was kept
  private final List<SourceAlignment> sources;

  Alignment(long[] queryMillis, int[] queryPositions, List<SourceAlignment> sources) {
    this.queryMillis = queryMillis;
    this.queryPositions = queryPositions;
    this.sources = List.copyOf(sources);
  }

  /** @return the number of kept query rows */
  public int size() {
    return queryMillis.length;
  }

  /**
   * @param row kept row
   * @return its query time
   */
  public Instant queryTime(int row) {
    return Instant.ofEpochMilli(queryMillis[row]);
  }

  /** @return a copy of the kept query times, epoch milliseconds */
  public long[] queryMillis() {
    return queryMillis.clone();
  }

  /** @return for each kept row, its position in the query array given to the aligner */
  public int[] queryPositions() {
    if (queryPositions == null) {
      int[] all = new int[queryMillis.length];
      for (int i = 0; i < all.length; i++) {
        all[i] = i;
      }
      return all;
    }
    return queryPositions.clone();
  }

  /** @return the per-source results, in the order the sources were added */
  public List<SourceAlignment> sources() {
    return sources;
  }

  /**
   * @param name a source name
   * @return its result
   * @throws IllegalArgumentException listing the aligned sources when there is no such source
   */
  public SourceAlignment source(String name) {
    for (SourceAlignment s : sources) {
      if (s.source().name().equals(name)) {
        return s;
      }
    }
    throw new IllegalArgumentException("no source '" + name + "' was aligned; the sources are "
        + sources.stream().map(s -> s.source().name()).toList());
  }

  /**
   * The alignment as a table: a {@code time} column (the query time), then per source its value
   * columns named by {@link Source#qualifiedName} (and {@code name[-j]} for lag {@code j} of the
   * window), {@code <source>.generated} (generation time of the freshest reading) and
   * {@code <source>.age_ms} (its age in milliseconds).
   *
   * @return a new table
   */
  public Table toTable() {
    Table table = Table.create("alignment");
    InstantColumn time = InstantColumn.create("time", size());
    for (int r = 0; r < size(); r++) {
      time.set(r, queryTime(r));
    }
    table.addColumns(time);
    for (SourceAlignment s : sources) {
      String prefix = s.source().name() + ".";
      for (int c = 0; c < s.source().width(); c++) {
        for (int lag = 0; lag < s.window(); lag++) {
          String name = s.source().qualifiedName(c) + (lag == 0 ? "" : "[-" + lag + "]");
          table.addColumns(DoubleColumn.create(name, s.values(c, lag)));
        }
      }
      InstantColumn generated = InstantColumn.create(prefix + "generated", size());
      for (int r = 0; r < size(); r++) {
        generated.set(r, s.generated(r));
      }
      table.addColumns(generated, LongColumn.create(prefix + "age_ms", s.ageMillis()));
    }
    return table;
  }
}
