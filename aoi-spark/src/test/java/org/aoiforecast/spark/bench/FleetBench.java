package org.aoiforecast.spark.bench;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.concat;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.aoiforecast.core.reading.AsOfAligner;
import org.aoiforecast.core.reading.MissingPolicy;
import org.aoiforecast.core.reading.ReadingSeries;
import org.aoiforecast.core.reading.Source;
import org.aoiforecast.spark.SparkAgeAnalysis;
import org.aoiforecast.spark.align.FleetAlignment;
import org.aoiforecast.spark.align.QueryGrid;
import org.aoiforecast.spark.fleet.SiteCsv;
import org.aoiforecast.spark.profile.FleetProfile;
import org.aoiforecast.spark.profile.SiteProfiler;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The fleet benchmarks of docs/benchmarks.md, one configuration per JVM (so that peak memory is
 * that configuration's):
 *
 * <pre>
 * profiles DIR loop|local[1]|local[2]   profiles of every site file of DIR (u = 6, ages 1-48, linear, no bootstrap)
 * align SITES READINGS loop|local[1]|local[2]   alignment of READINGS readings across SITES sites
 * </pre>
 *
 * The loop runs the same per-site code (aoi-core's CSV reader and aligner, info-theory's profile)
 * in one thread of one JVM, without Spark.
 */
public final class FleetBench {
  private static final long START = Instant.parse("2021-01-01T00:00:00Z").toEpochMilli();
  private static final long STEP = 60_000;

  private FleetBench() {}

  /**
   * @param args see the class comment
   * @throws IOException when the folder cannot be read
   */
  public static void main(String[] args) throws IOException {
    switch (args[0]) {
      case "profiles" -> profiles(Path.of(args[1]), args[2]);
      case "align" -> align(Integer.parseInt(args[1]), Long.parseLong(args[2]), args[3]);
      default -> throw new IllegalArgumentException("profiles or align, got " + args[0]);
    }
  }

  static FleetProfile settings() {
    return FleetProfile.builder("Power").features("Power", "Temperature", "RelativeHumidity", "CloudCover")
        .ages("1-48").windows(6).estimator("linear").withoutBootstrap().build();
  }

  private static void profiles(Path folder, String mode) throws IOException {
    long t0 = System.nanoTime();
    long curves = 0;
    int sites;
    if (mode.equals("loop")) {
      SiteProfiler profiler = new SiteProfiler(settings());
      SiteCsv csv = new SiteCsv("time");
      List<Path> files;
      try (Stream<Path> s = Files.list(folder)) {
        files = s.filter(p -> p.toString().endsWith(".csv")).sorted().toList();
      }
      for (Path f : files) {
        try (InputStream in = Files.newInputStream(f)) {
          curves += profiler.profile(SiteCsv.siteOf(f.toString()), csv.read(f.toString(), in)).size();
        }
      }
      sites = files.size();
    } else {
      SparkSession spark = session(mode);
      long started = System.nanoTime();
      Dataset<Row> c = SparkAgeAnalysis.on(spark).profilesOfFolder(folder.toString(), settings()).curves();
      curves = c.count();
      sites = (int) c.select("site").distinct().count();
      System.out.printf("spark session start %.1f s (not in the figure below)%n", (started - t0) / 1e9);
      t0 = started;
    }
    double s = (System.nanoTime() - t0) / 1e9;
    System.out.printf("profiles %s: %d sites, %d curves in %.1f s, %.3f s per site%n", mode, sites, curves, s,
        s / sites);
  }

  private static void align(int sites, long readings, String mode) {
    long perSource = readings / sites / 2; // two sources per site
    QueryGrid grid = QueryGrid.of(Instant.ofEpochMilli(START), Instant.ofEpochMilli(START + perSource * STEP),
        Duration.ofMillis(STEP));
    FleetAlignment settings = FleetAlignment.builder().window(3).missing(MissingPolicy.DROP_ROW).build();
    long t0 = System.nanoTime();
    long rows = 0;
    if (mode.equals("loop")) {
      long[] q = grid.times();
      for (int site = 0; site < sites; site++) {
        AsOfAligner.Builder b = AsOfAligner.builder().window(3).missing(MissingPolicy.DROP_ROW);
        for (int source = 0; source < 2; source++) {
          long[] gen = new long[(int) perSource];
          long[] arr = new long[gen.length];
          double[] v = new double[gen.length];
          for (int k = 0; k < gen.length; k++) {
            long id = ((long) k * 2 + source) * sites + site;
            gen[k] = START + k * STEP;
            arr[k] = gen[k] + delay(id);
            v[k] = (id % 1000) / 10.0;
          }
          b.source(ReadingSeries.of(Source.ofColumn(source == 0 ? "a" : "b"), gen, arr, v));
        }
        rows += b.build().align(q).size();
      }
    } else {
      SparkSession spark = session(mode);
      long started = System.nanoTime();
      // the same readings as the loop, made by Spark: id = (k * 2 + source) * sites + site
      Dataset<Row> r = spark.range(perSource * 2 * sites)
          .select(concat(lit("s"), expr("id % " + sites)).as("site"),
              expr("IF((id DIV " + sites + ") % 2 = 0, 'a', 'b')").as("source"),
              expr(START + " + (id DIV " + (2L * sites) + ") * " + STEP).as("generation_time"),
              col("id"), expr("(id % 1000) / 10.0").as("value"))
          .withColumn("arrival_time", expr("generation_time + ((id * 2654435761) % 1000003) % 150000"))
          .drop("id");
      Dataset<Row> aligned = SparkAgeAnalysis.on(spark).align(r, settings, grid);
      rows = aligned.count();
      System.out.printf("spark session start %.1f s (not in the figure below)%n", (started - t0) / 1e9);
      t0 = started;
    }
    double s = (System.nanoTime() - t0) / 1e9;
    System.out.printf("align %s: %d readings of %d sites -> %d rows in %.1f s: %.3g readings/s, %.3g rows/s%n", mode,
        perSource * 2 * sites, sites, rows, s, perSource * 2 * sites / s, rows / s);
  }

  /** 0-150 s, the same formula as the Spark expression: readings overtake each other. */
  private static long delay(long id) {
    return ((id * 2654435761L) % 1000003) % 150000;
  }

  private static SparkSession session(String master) {
    return SparkSession.builder().master(master).appName("fleet bench").config("spark.ui.enabled", "false")
        .config("spark.sql.session.timeZone", "UTC").getOrCreate();
  }
}
