package org.aoiforecast.spark;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.aoiforecast.core.DataException;
import org.aoiforecast.spark.align.QueryGrid;
import org.aoiforecast.spark.align.SiteAligner;
import org.aoiforecast.spark.fleet.SiteCsv;
import org.aoiforecast.spark.fleet.SiteRows;
import org.aoiforecast.spark.profile.SiteProfiler;
import org.aoiforecast.spark.table.ReadingsColumns;
import org.aoiforecast.spark.table.SiteErrors;
import org.apache.spark.api.java.function.CoGroupFunction;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.api.java.function.FlatMapGroupsFunction;
import org.apache.spark.api.java.function.MapFunction;
import org.apache.spark.input.PortableDataStream;
import org.apache.spark.sql.Row;
import scala.Tuple2;

/**
 * The functions Spark ships to its tasks: each is a small serializable object that hands one
 * site's rows to the per-site step of the align or profile package.
 */
final class Tasks {
  private Tasks() {}

  /** The grouping key: the site of a normalised row (column 0). */
  static final class SiteKey implements MapFunction<Row, String> {
    private static final long serialVersionUID = 1L;
    private final String table;

    SiteKey(String table) {
      this.table = table;
    }

    @Override
    public String call(Row row) {
      if (row.isNullAt(0)) {
        throw new DataException(table, 0, ReadingsColumns.SITE, "a row has no site");
      }
      return row.getString(0);
    }
  }

  /** Aligns each site at the query times of a grid. */
  static final class GridAlign implements FlatMapGroupsFunction<String, Row, Row> {
    private static final long serialVersionUID = 1L;
    private final SiteAligner aligner;
    private final QueryGrid grid;

    GridAlign(SiteAligner aligner, QueryGrid grid) {
      this.aligner = aligner;
      this.grid = grid;
    }

    @Override
    public Iterator<Row> call(String site, Iterator<Row> readings) {
      return aligner.align(site, readings, grid.times());
    }
  }

  /** Aligns each site at its own query times (normalised rows: site, time in epoch ms, sorted). */
  static final class QueryAlign implements CoGroupFunction<String, Row, Row, Row> {
    private static final long serialVersionUID = 1L;
    private final SiteAligner aligner;

    QueryAlign(SiteAligner aligner) {
      this.aligner = aligner;
    }

    @Override
    public Iterator<Row> call(String site, Iterator<Row> readings, Iterator<Row> queries) {
      long[] times = new long[16];
      int n = 0;
      while (queries.hasNext()) {
        Row q = queries.next();
        if (q.isNullAt(1)) {
          throw SiteErrors.of(site, ReadingsColumns.TIME, "a query has no time (empty, or not an ISO-8601 time)");
        }
        if (n == times.length) {
          times = java.util.Arrays.copyOf(times, 2 * n);
        }
        times[n++] = q.getLong(1);
      }
      if (n == 0) {
        return java.util.Collections.emptyIterator(); // a site nobody asked about
      }
      if (!readings.hasNext()) {
        throw SiteErrors.of(site, "no readings, but " + n + " query times; every site with query times needs "
            + "readings");
      }
      return aligner.align(site, readings, java.util.Arrays.copyOf(times, n));
    }
  }

  /** Profiles each site of a series table (rows sorted by time). */
  static final class SeriesProfile implements FlatMapGroupsFunction<String, Row, Row> {
    private static final long serialVersionUID = 1L;
    private final SiteProfiler profiler;
    private final List<String> columns;

    SeriesProfile(SiteProfiler profiler, List<String> columns) {
      this.profiler = profiler;
      this.columns = List.copyOf(columns);
    }

    @Override
    public Iterator<Row> call(String site, Iterator<Row> rows) {
      return profiler.profile(site, SiteRows.series(site, rows, columns)).iterator();
    }
  }

  /** Profiles each site of a readings table (rows sorted by source and generation time). */
  static final class ReadingsProfile implements FlatMapGroupsFunction<String, Row, Row> {
    private static final long serialVersionUID = 1L;
    private final SiteProfiler profiler;

    ReadingsProfile(SiteProfiler profiler) {
      this.profiler = profiler;
    }

    @Override
    public Iterator<Row> call(String site, Iterator<Row> rows) {
      return profiler.profile(site, SiteRows.fromReadings(site, rows)).iterator();
    }
  }

  /** Profiles each site's CSV file of a folder, read by aoi-core's CSV reader. */
  static final class FileProfile implements FlatMapFunction<Iterator<Tuple2<String, PortableDataStream>>, Row> {
    private static final long serialVersionUID = 1L;
    private final SiteProfiler profiler;
    private final SiteCsv csv;

    FileProfile(SiteProfiler profiler, SiteCsv csv) {
      this.profiler = profiler;
      this.csv = csv;
    }

    @Override
    public Iterator<Row> call(Iterator<Tuple2<String, PortableDataStream>> files) throws Exception {
      List<Row> out = new ArrayList<>();
      while (files.hasNext()) {
        Tuple2<String, PortableDataStream> f = files.next();
        try (java.io.DataInputStream in = f._2().open()) {
          out.addAll(profiler.profile(SiteCsv.siteOf(f._1()), csv.read(f._1(), in)));
        }
      }
      return out.iterator();
    }
  }
}
