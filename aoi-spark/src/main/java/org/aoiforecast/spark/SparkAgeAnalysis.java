package org.aoiforecast.spark;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.aoiforecast.core.DataException;
import org.aoiforecast.spark.align.AlignmentPlan;
import org.aoiforecast.spark.align.FleetAlignment;
import org.aoiforecast.spark.align.QueryGrid;
import org.aoiforecast.spark.align.SiteAligner;
import org.aoiforecast.spark.fleet.SiteCsv;
import org.aoiforecast.spark.profile.FleetProfile;
import org.aoiforecast.spark.profile.ProfileColumns;
import org.aoiforecast.spark.profile.SiteProfiler;
import org.aoiforecast.spark.table.ReadingsColumns;
import org.aoiforecast.spark.table.ReadingsTable;
import org.aoiforecast.spark.table.SeriesTable;
import org.aoiforecast.spark.table.TableColumns;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.KeyValueGroupedDataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The entry point of aoi-forecast on Apache Spark: ages, as-of alignment and age-loss profiles for
 * every site of a fleet, computed by running aoi-core's {@code AsOfAligner} and info-theory's
 * {@code AgeLossProfile} on each site inside Spark tasks, one site per task call.
 *
 * <p>Tables in and out are {@link Dataset}s of {@link Row}s; results are lazy plans, computed by
 * the caller's action (write, collect). Input columns are checked when a method is called; errors
 * in a site's data surface at the action, wrapped by Spark: {@link
 * org.aoiforecast.spark.table.SiteErrors#find} recovers the {@link DataException} that names the
 * site. The same code runs under {@code spark-submit} on a cluster and on {@code local[*]}.
 *
 * <pre>{@code
 * SparkAgeAnalysis analysis = SparkAgeAnalysis.on(spark);
 * Dataset<Row> aligned = analysis.align(readings, FleetAlignment.builder().window(3).build(),
 *     QueryGrid.of(start, end, Duration.ofHours(1)));
 * FleetProfiles profiles = analysis.profilesOfFolder("sites/", FleetProfile.builder("Power").build());
 * profiles.write("out/");
 * }</pre>
 */
public final class SparkAgeAnalysis {
  private final SparkSession spark;

  private SparkAgeAnalysis(SparkSession spark) {
    this.spark = Objects.requireNonNull(spark, "spark");
  }

  /**
   * @param spark the session to run on
   * @return the analysis
   */
  public static SparkAgeAnalysis on(SparkSession spark) {
    return new SparkAgeAnalysis(spark);
  }

  /**
   * Aligns every site of a readings table at the times of a grid.
   *
   * @param readings columns {@code site, source, generation_time, arrival_time} and value columns
   *     (see {@link ReadingsColumns})
   * @param settings sources, windows, periods, missing policy
   * @param grid the query times of every site
   * @return one row per (site, query time) kept by the missing policy; columns of
   *     {@link AlignmentPlan}
   * @throws DataException naming a missing or mistyped column
   */
  public Dataset<Row> align(Dataset<Row> readings, FleetAlignment settings, QueryGrid grid) {
    ReadingsTable table = ReadingsTable.of(readings);
    AlignmentPlan plan = plan(table, settings);
    Dataset<Row> task = bySite(rowsOf(table, plan), ReadingsTable.NAME)
        .flatMapSortedGroups(readingOrder(), new Tasks.GridAlign(new SiteAligner(plan), grid),
            Encoders.row(plan.taskSchema()));
    return task.select(plan.output());
  }

  /**
   * Aligns every site of a readings table at its own query times.
   *
   * @param readings the readings table (see {@link #align(Dataset, FleetAlignment, QueryGrid)})
   * @param settings sources, windows, periods, missing policy
   * @param queries columns {@code site} and {@code time}; a site with query times must have
   *     readings, a site without query times gives no rows
   * @return one row per (site, query time) kept by the missing policy
   * @throws DataException naming a missing or mistyped column
   */
  public Dataset<Row> align(Dataset<Row> readings, FleetAlignment settings, Dataset<Row> queries) {
    ReadingsTable table = ReadingsTable.of(readings);
    AlignmentPlan plan = plan(table, settings);
    String name = "query table";
    TableColumns.require(queries, name, List.of(ReadingsColumns.SITE, ReadingsColumns.TIME));
    Dataset<Row> q = queries.select(TableColumns.text(ReadingsColumns.SITE),
        TableColumns.epochMillis(queries, name, ReadingsColumns.TIME));
    Dataset<Row> task = bySite(rowsOf(table, plan), ReadingsTable.NAME).cogroupSorted(bySite(q, name),
        readingOrder(), new Column[] {col(ReadingsColumns.TIME)}, new Tasks.QueryAlign(new SiteAligner(plan)),
        Encoders.row(plan.taskSchema()));
    return task.select(plan.output());
  }

  /**
   * Age-loss profiles of every site of a table of regular series.
   *
   * @param series columns {@code site}, {@code time} and the value columns; each site's rows
   *     evenly spaced in time
   * @param settings the analysis of every site
   * @return the profiles and verdicts
   * @throws DataException naming a missing or mistyped column
   */
  public FleetProfiles profiles(Dataset<Row> series, FleetProfile settings) {
    SeriesTable table = SeriesTable.of(series);
    TableColumns.require(series, SeriesTable.NAME, required(settings));
    Dataset<Row> curves = bySite(table.rows(), SeriesTable.NAME).flatMapSortedGroups(
        new Column[] {col(ReadingsColumns.TIME)},
        new Tasks.SeriesProfile(new SiteProfiler(settings), table.valueColumns()), Encoders.row(ProfileColumns.CURVES));
    return new FleetProfiles(curves);
  }

  /**
   * Age-loss profiles of every site of a readings table whose sources are sampled together: each
   * source becomes a column of the site's series, named after the source, holding the first value
   * column (arrival times are not used: the profile imposes the ages).
   *
   * @param readings the readings table
   * @param settings the analysis of every site; target and features are source names
   * @return the profiles and verdicts
   * @throws DataException naming a missing or mistyped column
   */
  public FleetProfiles profilesOfReadings(Dataset<Row> readings, FleetProfile settings) {
    ReadingsTable table = ReadingsTable.of(readings);
    Dataset<Row> curves = bySite(table.rows(), ReadingsTable.NAME).flatMapSortedGroups(readingOrder(),
        new Tasks.ReadingsProfile(new SiteProfiler(settings)), Encoders.row(ProfileColumns.CURVES));
    return new FleetProfiles(curves);
  }

  /**
   * Age-loss profiles of every site of a folder of CSV files, one per site, named after the site
   * ({@code A.csv} is site {@code A}): a {@code time} column of ISO-8601 instants and value columns,
   * units in headers allowed (what {@code simulate --sites} writes). Each file is read inside a task
   * by aoi-core's CSV reader, so errors name the site, file and line.
   *
   * @param folder a folder (any Hadoop file system path: local, HDFS, S3)
   * @param settings the analysis of every site
   * @return the profiles and verdicts
   */
  public FleetProfiles profilesOfFolder(String folder, FleetProfile settings) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    int partitions = Math.max(1, jsc.defaultParallelism() * 4); // small tasks balance uneven sites
    JavaRDD<Row> rows = jsc.binaryFiles(folder, partitions)
        .filter(f -> f._1().toLowerCase(java.util.Locale.ROOT).endsWith(".csv"))
        .repartition(partitions)
        .mapPartitions(new Tasks.FileProfile(new SiteProfiler(settings), new SiteCsv(ReadingsColumns.TIME)));
    return new FleetProfiles(spark.createDataFrame(rows, ProfileColumns.CURVES));
  }

  private AlignmentPlan plan(ReadingsTable table, FleetAlignment settings) {
    List<String> sources = settings.sources();
    if (sources.isEmpty()) {
      sources = new ArrayList<>();
      for (Row r : table.rows().select(ReadingsColumns.SOURCE).distinct().collectAsList()) {
        if (r.isNullAt(0)) {
          throw new DataException(ReadingsTable.NAME, 0, ReadingsColumns.SOURCE, "a reading has no source");
        }
        sources.add(r.getString(0));
      }
      sources.sort(null);
    }
    return AlignmentPlan.of(settings, sources, table.valueColumns());
  }

  private static Dataset<Row> rowsOf(ReadingsTable table, AlignmentPlan plan) {
    if (plan.settings().sources().isEmpty()) {
      return table.rows();
    }
    return table.rows().filter(col(ReadingsColumns.SOURCE).isin(plan.sources().toArray()));
  }

  private static KeyValueGroupedDataset<String, Row> bySite(Dataset<Row> rows, String table) {
    return rows.groupByKey(new Tasks.SiteKey(table), Encoders.STRING());
  }

  private static Column[] readingOrder() {
    return new Column[] {col(ReadingsColumns.SOURCE), col(ReadingsColumns.GENERATION_TIME)};
  }

  private static List<String> required(FleetProfile settings) {
    List<String> cols = new ArrayList<>(settings.features());
    cols.add(settings.target());
    return cols;
  }
}
