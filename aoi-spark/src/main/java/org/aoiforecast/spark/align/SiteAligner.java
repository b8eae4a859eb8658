package org.aoiforecast.spark.align;

import java.io.Serializable;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import org.aoiforecast.core.DataException;
import org.aoiforecast.core.reading.Alignment;
import org.aoiforecast.core.reading.ReadingSeries;
import org.aoiforecast.core.reading.Source;
import org.aoiforecast.core.reading.SourceAlignment;
import org.aoiforecast.spark.table.ReadingsColumns;
import org.aoiforecast.spark.table.SiteErrors;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * The work of one site inside a Spark task: its readings (normalised rows of a
 * {@link org.aoiforecast.spark.table.ReadingsTable}) become one aoi-core {@link ReadingSeries} per
 * source, aoi-core's aligner aligns them at the query times, and the result comes back as rows of
 * the {@link AlignmentPlan#taskSchema()}, produced one at a time.
 *
 * <p>Readings may come in any order (they are sorted here by generation time per source); errors
 * of the core (a duplicate generation time, an arrival before generation, an incomplete window
 * under {@code MissingPolicy.ERROR}) come back with the site named. Serializable.
 */
public final class SiteAligner implements Serializable {
  private static final long serialVersionUID = 1L;
  private static final int FIRST_VALUE = 4;

  private final AlignmentPlan plan;

  /** @param plan the resolved alignment */
  public SiteAligner(AlignmentPlan plan) {
    this.plan = plan;
  }

  /**
   * @param site the site
   * @param readings its readings, normalised rows in any order
   * @param queryMillis query times, epoch milliseconds, non-decreasing
   * @return the aligned rows (site, query time, per source values, generation time and age)
   * @throws DataException naming the site
   */
  public Iterator<Row> align(String site, Iterator<Row> readings, long[] queryMillis) {
    List<ReadingSeries> series = collect(site, readings);
    Alignment alignment;
    try {
      alignment = plan.aligner(series).align(queryMillis);
    } catch (DataException e) {
      throw SiteErrors.at(site, e);
    }
    return rows(site, alignment);
  }

  private List<ReadingSeries> collect(String site, Iterator<Row> readings) {
    int width = plan.valueColumns().size();
    List<String> names = plan.sources();
    Buffer[] buffers = new Buffer[names.size()];
    for (int i = 0; i < buffers.length; i++) {
      buffers[i] = new Buffer(width);
    }
    String last = null;
    int s = -1;
    while (readings.hasNext()) {
      Row r = readings.next();
      String name = r.getString(1);
      if (!name.equals(last)) { // rows come grouped by source: one lookup per source
        last = name;
        s = names.indexOf(name);
      }
      if (s < 0) {
        continue; // a source the alignment leaves out
      }
      Buffer b = buffers[s];
      long generated = time(site, r, 2, ReadingsColumns.GENERATION_TIME);
      long arrived = time(site, r, 3, ReadingsColumns.ARRIVAL_TIME);
      double[] values = new double[width];
      for (int c = 0; c < width; c++) {
        if (r.isNullAt(FIRST_VALUE + c)) {
          throw SiteErrors.of(site, plan.valueColumns().get(c), "the reading of source '" + r.getString(1)
              + "' generated at " + Instant.ofEpochMilli(generated) + " has no value (empty or not a number)");
        }
        values[c] = r.getDouble(FIRST_VALUE + c);
      }
      b.add(generated, arrived, values);
    }
    List<ReadingSeries> series = new ArrayList<>(buffers.length);
    for (int i = 0; i < buffers.length; i++) {
      Source source = plan.source(i);
      try {
        series.add(buffers[i].toSeries(source));
      } catch (DataException e) {
        throw SiteErrors.at(site, e);
      }
    }
    return series;
  }

  private static long time(String site, Row r, int field, String column) {
    if (r.isNullAt(field)) {
      throw SiteErrors.of(site, column, "a reading of source '" + r.getString(1)
          + "' has no time (empty, or text that is not an ISO-8601 time)");
    }
    return r.getLong(field);
  }

  private Iterator<Row> rows(String site, Alignment alignment) {
    long[] times = alignment.queryMillis();
    List<SourceAlignment> sources = alignment.sources();
    List<long[]> generated = new ArrayList<>();
    List<long[]> ages = new ArrayList<>();
    for (SourceAlignment s : sources) {
      generated.add(s.generatedMillis());
      ages.add(s.ageMillis());
    }
    int width = plan.taskSchema().size();
    return new Iterator<>() {
      private int row;

      @Override
      public boolean hasNext() {
        return row < times.length;
      }

      @Override
      public Row next() {
        if (row >= times.length) {
          throw new NoSuchElementException();
        }
        Object[] v = new Object[width];
        int k = 0;
        v[k++] = site;
        v[k++] = times[row];
        for (int s = 0; s < sources.size(); s++) {
          SourceAlignment a = sources.get(s);
          for (int c = 0; c < a.source().width(); c++) {
            for (int lag = 0; lag < a.window(); lag++) {
              v[k++] = a.value(c, lag, row);
            }
          }
          v[k++] = generated.get(s)[row];
          v[k++] = ages.get(s)[row];
        }
        row++;
        return RowFactory.create(v);
      }
    };
  }

  /** One source's readings of a site, in arrival order of the rows, sorted on the way out. */
  private static final class Buffer {
    private long[] generated = new long[16];
    private long[] arrived = new long[16];
    private double[][] values;
    private int size;

    Buffer(int width) {
      values = new double[width][16];
    }

    void add(long gen, long arr, double[] v) {
      if (size == generated.length) {
        int n = size * 2;
        generated = Arrays.copyOf(generated, n);
        arrived = Arrays.copyOf(arrived, n);
        for (int c = 0; c < values.length; c++) {
          values[c] = Arrays.copyOf(values[c], n);
        }
      }
      generated[size] = gen;
      arrived[size] = arr;
      for (int c = 0; c < v.length; c++) {
        values[c][size] = v[c];
      }
      size++;
    }

    ReadingSeries toSeries(Source source) {
      // Spark delivers the group sorted (flatMapSortedGroups); sorting again keeps this step
      // correct on its own and is one pass over sorted input.
      int[] order = sortedOrder();
      long[] gen = new long[size];
      long[] arr = new long[size];
      double[][] cols = new double[values.length][size];
      for (int i = 0; i < size; i++) {
        int j = order[i];
        gen[i] = generated[j];
        arr[i] = arrived[j];
        for (int c = 0; c < cols.length; c++) {
          cols[c][i] = values[c][j];
        }
      }
      return ReadingSeries.of(source, gen, arr, cols);
    }

    private int[] sortedOrder() {
      int[] order = new int[size];
      boolean sorted = true;
      for (int i = 0; i < size; i++) {
        order[i] = i;
        sorted &= i == 0 || generated[i - 1] <= generated[i];
      }
      if (!sorted) {
        Integer[] boxed = new Integer[size];
        for (int i = 0; i < size; i++) {
          boxed[i] = i;
        }
        Arrays.sort(boxed, (a, b) -> Long.compare(generated[a], generated[b]));
        for (int i = 0; i < size; i++) {
          order[i] = boxed[i];
        }
      }
      return order;
    }
  }
}
