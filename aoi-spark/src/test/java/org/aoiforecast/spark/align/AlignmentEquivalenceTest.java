package org.aoiforecast.spark.align;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.aoiforecast.core.reading.Alignment;
import org.aoiforecast.core.reading.AsOfAligner;
import org.aoiforecast.core.reading.MissingPolicy;
import org.aoiforecast.core.reading.ReadingSeries;
import org.aoiforecast.core.reading.SourceAlignment;
import org.aoiforecast.spark.SparkAgeAnalysis;
import org.aoiforecast.spark.SparkTests;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.junit.jupiter.api.Test;

/**
 * The property the Spark module rests on: on random readings with out-of-order arrivals, the
 * Spark alignment of a fleet equals aoi-core's alignment of each site, row for row and value for
 * value (times, values at every lag, generation times, ages), with the rows each policy drops.
 */
class AlignmentEquivalenceTest {
  private final SparkSession spark = SparkTests.session();

  @Test
  void gridAlignmentEqualsTheCoreAlignerPerSite() {
    for (long seed = 1; seed <= 4; seed++) {
      int window = seed % 2 == 0 ? 3 : 1;
      RandomFleet fleet = new RandomFleet(seed, 4, 1);
      QueryGrid grid = QueryGrid.of(Instant.ofEpochMilli(RandomFleet.START), Instant.ofEpochMilli(fleet.end + 60_000),
          Duration.ofSeconds(97)); // an odd step: queries fall between readings
      FleetAlignment settings = FleetAlignment.builder().window(window).window("power", 2)
          .missing(MissingPolicy.DROP_ROW).build();
      Dataset<Row> readings = spark.createDataFrame(fleet.rows, fleet.schema());
      List<Row> actual = SparkAgeAnalysis.on(spark).align(readings, settings, grid).collectAsList();
      Map<String, List<Row>> bySite = SparkTests.bySite(actual, "site");
      int compared = 0;
      for (String site : fleet.reference.keySet()) {
        Alignment expected = reference(fleet, site, settings, grid.times());
        compared += compare(site, expected, bySite.getOrDefault(site, List.of()), "seed " + seed);
      }
      assertTrue(compared > 100, "seed " + seed + ": only " + compared + " rows compared");
      // the site without 'power' has no complete row under DROP_ROW, in both
      assertFalse(bySite.containsKey("site-3"), "seed " + seed);
    }
  }

  @Test
  void perSiteQueryTimesAndSeveralValueColumnsEqualTheCoreAligner() {
    RandomFleet fleet = new RandomFleet(11, 3, 2);
    List<Row> queries = new ArrayList<>();
    java.util.Map<String, long[]> times = new java.util.HashMap<>();
    for (String site : fleet.reference.keySet()) {
      long[] t = new long[150];
      long step = 40_000 + 13_000L * times.size();
      for (int i = 0; i < t.length; i++) {
        t[i] = RandomFleet.START + 300_000 + (i / 2) * 2 * step; // duplicate query times are allowed
        queries.add(RowFactory.create(site, new Timestamp(t[i])));
      }
      times.put(site, t);
    }
    Dataset<Row> q = spark.createDataFrame(queries, DataTypes.createStructType(List.of(
        DataTypes.createStructField("site", DataTypes.StringType, false),
        DataTypes.createStructField("time", DataTypes.TimestampType, false))));
    FleetAlignment settings = FleetAlignment.builder().sources("temperature", "humidity").window(2)
        .missing(MissingPolicy.DROP_ROW).build();
    List<Row> actual = SparkAgeAnalysis.on(spark)
        .align(spark.createDataFrame(fleet.rows, fleet.schema()), settings, q).collectAsList();
    Map<String, List<Row>> bySite = SparkTests.bySite(actual, "site");
    int compared = 0;
    for (String site : fleet.reference.keySet()) {
      compared += compare(site, reference(fleet, site, settings, times.get(site)),
          bySite.getOrDefault(site, List.of()), "per-site queries");
    }
    assertTrue(compared > 100, "only " + compared + " rows compared");
    assertTrue(actual.get(0).schema().getFieldIndex("temperature.v1[-1]").isDefined());
    assertTrue(actual.get(0).schema().getFieldIndex("power.age_ms").isEmpty(), "power was not asked for");
  }

  private static Alignment reference(RandomFleet fleet, String site, FleetAlignment settings, long[] queries) {
    AsOfAligner.Builder b = AsOfAligner.builder().missing(settings.missing());
    List<String> names = settings.sources().isEmpty() ? List.of(RandomFleet.SOURCES) : settings.sources();
    for (String name : names) {
      ReadingSeries series = fleet.reference.get(site).get(name);
      b.source(series, settings.window(name));
    }
    return b.build().align(queries);
  }

  /** @return the number of rows compared */
  private static int compare(String site, Alignment expected, List<Row> rows, String label) {
    List<Row> actual = new ArrayList<>(rows);
    actual.sort(Comparator.comparing(r -> r.getTimestamp(r.fieldIndex("time"))));
    String where = label + ", " + site;
    assertEquals(expected.size(), actual.size(), where + ": rows");
    for (int i = 0; i < actual.size(); i++) {
      Row r = actual.get(i);
      assertEquals(expected.queryTime(i), r.getTimestamp(r.fieldIndex("time")).toInstant(), where + ", row " + i);
      for (SourceAlignment s : expected.sources()) {
        String name = s.source().name();
        for (int c = 0; c < s.source().width(); c++) {
          for (int lag = 0; lag < s.window(); lag++) {
            String col = s.source().qualifiedName(c) + (lag == 0 ? "" : "[-" + lag + "]");
            assertEquals(s.value(c, lag, i), r.getDouble(r.fieldIndex(col)), 0, where + ", " + col + ", row " + i);
          }
        }
        assertEquals(s.generated(i), r.getTimestamp(r.fieldIndex(name + ".generated")).toInstant(), where);
        assertEquals(s.ageMillis(i), r.getLong(r.fieldIndex(name + ".age_ms")), where + ", age of " + name);
      }
    }
    return actual.size();
  }
}
