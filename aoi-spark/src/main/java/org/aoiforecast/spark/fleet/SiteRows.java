package org.aoiforecast.spark.fleet;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.aoiforecast.core.DataException;
import org.aoiforecast.core.TimeSeries;
import org.aoiforecast.spark.table.ReadingsColumns;
import org.aoiforecast.spark.table.SiteErrors;
import org.apache.spark.sql.Row;

/**
 * A site's regular series from table rows. Tables have no row order, so the rows come sorted by
 * time; what is checked is what a sorted table can still get wrong: a missing time or value, two
 * rows at the same time (times that do not increase), a spacing that breaks the site's step, and
 * fewer than two rows (no step). Every error names the site.
 */
public final class SiteRows {
  private SiteRows() {}

  /**
   * @param site the site
   * @param rows normalised rows of a {@link org.aoiforecast.spark.table.SeriesTable} (site, time
   *     in epoch ms, values), sorted by time
   * @param columns the value columns
   * @return the site's series
   * @throws DataException naming the site
   */
  public static TimeSeries series(String site, Iterator<Row> rows, List<String> columns) {
    Longs times = new Longs();
    List<Doubles> values = new ArrayList<>();
    columns.forEach(c -> values.add(new Doubles()));
    while (rows.hasNext()) {
      Row r = rows.next();
      if (r.isNullAt(1)) {
        throw SiteErrors.of(site, ReadingsColumns.TIME, "row " + times.size + " (by time) has no time "
            + "(empty, or text that is not an ISO-8601 time)");
      }
      long t = r.getLong(1);
      for (int c = 0; c < columns.size(); c++) {
        if (r.isNullAt(2 + c)) {
          throw SiteErrors.of(site, columns.get(c), "the row at " + Instant.ofEpochMilli(t)
              + " has no value (empty or not a number)");
        }
        values.get(c).add(r.getDouble(2 + c));
      }
      times.add(t);
    }
    Map<String, double[]> cols = new LinkedHashMap<>();
    for (int c = 0; c < columns.size(); c++) {
      cols.put(columns.get(c), values.get(c).toArray());
    }
    return build(site, times.toArray(), cols);
  }

  /**
   * The series of a site's readings when its sources are sampled together: one column per
   * source (named after it) holding the first value column, one row per generation time. Arrival
   * times play no part: the profile imposes the ages itself.
   *
   * @param site the site
   * @param rows normalised rows of a {@link org.aoiforecast.spark.table.ReadingsTable}, sorted by
   *     source and generation time
   * @return the site's series, sources in name order
   * @throws DataException naming the site, and the source whose times differ from the others'
   */
  public static TimeSeries fromReadings(String site, Iterator<Row> rows) {
    Map<String, Longs> times = new LinkedHashMap<>();
    Map<String, Doubles> values = new LinkedHashMap<>();
    while (rows.hasNext()) {
      Row r = rows.next();
      String source = r.getString(1);
      if (r.isNullAt(2)) {
        throw SiteErrors.of(site, ReadingsColumns.GENERATION_TIME, "a reading of source '" + source
            + "' has no time (empty, or text that is not an ISO-8601 time)");
      }
      long t = r.getLong(2);
      if (r.isNullAt(4)) {
        throw SiteErrors.of(site, r.schema().fieldNames()[4], "the reading of source '" + source + "' generated at "
            + Instant.ofEpochMilli(t) + " has no value (empty or not a number)");
      }
      times.computeIfAbsent(source, s -> new Longs()).add(t);
      values.computeIfAbsent(source, s -> new Doubles()).add(r.getDouble(4));
    }
    String first = null;
    long[] common = null;
    Map<String, double[]> cols = new LinkedHashMap<>();
    for (Map.Entry<String, Longs> e : times.entrySet()) {
      long[] t = e.getValue().toArray();
      if (common == null) {
        first = e.getKey();
        common = t;
      } else if (!Arrays.equals(common, t)) {
        throw SiteErrors.of(site, ReadingsColumns.GENERATION_TIME, "source '" + e.getKey() + "' is not generated at "
            + "the times of source '" + first + "' (" + t.length + " against " + common.length + " readings); a "
            + "profile needs the sources sampled together on one regular grid");
      }
      cols.put(e.getKey(), values.get(e.getKey()).toArray());
    }
    return build(site, common == null ? new long[0] : common, cols);
  }

  private static TimeSeries build(String site, long[] times, Map<String, double[]> columns) {
    if (times.length < 2) {
      throw SiteErrors.of(site, times.length + " row" + (times.length == 1 ? "" : "s")
          + "; a series needs at least 2 evenly spaced rows");
    }
    long step = times[1] - times[0];
    for (int i = 1; i < times.length; i++) {
      long d = times[i] - times[i - 1];
      if (d <= 0) {
        throw SiteErrors.of(site, ReadingsColumns.TIME, "two rows at " + Instant.ofEpochMilli(times[i])
            + "; times must be strictly increasing within a site");
      }
      if (d != step) {
        throw SiteErrors.of(site, ReadingsColumns.TIME, "the row at " + Instant.ofEpochMilli(times[i]) + " is "
            + Duration.ofMillis(d) + " after the previous one, but the site's step is " + Duration.ofMillis(step)
            + "; a series needs evenly spaced rows");
      }
    }
    TimeSeries.Builder b = TimeSeries.builder(Instant.ofEpochMilli(times[0]), Duration.ofMillis(step));
    columns.forEach(b::column);
    try {
      return b.build();
    } catch (DataException e) {
      throw SiteErrors.at(site, e);
    }
  }

  /** A growable long array. */
  private static final class Longs {
    long[] a = new long[64];
    int size;

    void add(long v) {
      if (size == a.length) {
        a = Arrays.copyOf(a, size * 2);
      }
      a[size++] = v;
    }

    long[] toArray() {
      return Arrays.copyOf(a, size);
    }
  }

  /** A growable double array. */
  private static final class Doubles {
    double[] a = new double[64];
    int size;

    void add(double v) {
      if (size == a.length) {
        a = Arrays.copyOf(a, size * 2);
      }
      a[size++] = v;
    }

    double[] toArray() {
      return Arrays.copyOf(a, size);
    }
  }
}
