package org.aoiforecast.spark.align;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.aoiforecast.core.DataException;
import org.aoiforecast.core.reading.MissingPolicy;
import org.aoiforecast.spark.SparkAgeAnalysis;
import org.aoiforecast.spark.SparkTests;
import org.aoiforecast.spark.table.SiteErrors;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;

/** Bad input gives one clear error that names the column, or the site and what is wrong there. */
class AlignmentErrorsTest {
  private final SparkSession spark = SparkTests.session();
  private final SparkAgeAnalysis analysis = SparkAgeAnalysis.on(spark);
  private final QueryGrid grid = QueryGrid.of(Instant.ofEpochMilli(0), Instant.ofEpochMilli(600_000),
      Duration.ofMinutes(1));

  private static final StructType SCHEMA = DataTypes.createStructType(List.of(
      DataTypes.createStructField("site", DataTypes.StringType, true),
      DataTypes.createStructField("source", DataTypes.StringType, true),
      DataTypes.createStructField("generation_time", DataTypes.LongType, true),
      DataTypes.createStructField("arrival_time", DataTypes.LongType, true),
      DataTypes.createStructField("value", DataTypes.DoubleType, true)));

  private Dataset<Row> readings(Object[]... rows) {
    List<Row> list = new ArrayList<>();
    for (Object[] r : rows) {
      list.add(RowFactory.create(r));
    }
    return spark.createDataFrame(list, SCHEMA);
  }

  private static DataException failure(Runnable action) {
    Exception e = assertThrows(Exception.class, action::run);
    return SiteErrors.find(e).orElseThrow(() -> new AssertionError("no data error behind " + e, e));
  }

  @Test
  void aMissingColumnIsNamedBeforeAnyTaskRuns() {
    Dataset<Row> noArrival = readings(new Object[] {"A", "x", 0L, 0L, 1.0}).drop("arrival_time");
    DataException e = assertThrows(DataException.class,
        () -> analysis.align(noArrival, FleetAlignment.builder().build(), grid));
    assertEquals("arrival_time", e.column());
    assertTrue(e.getMessage().startsWith("readings table, column 'arrival_time': no such column"), e.getMessage());
  }

  @Test
  void aDuplicateGenerationTimeNamesTheSiteAndSource() {
    Dataset<Row> r = readings(new Object[] {"A", "x", 0L, 0L, 1.0}, new Object[] {"A", "x", 60_000L, 60_000L, 2.0},
        new Object[] {"B", "x", 0L, 0L, 1.0}, new Object[] {"B", "x", 60_000L, 70_000L, 2.0},
        new Object[] {"B", "x", 60_000L, 90_000L, 3.0});
    DataException e = failure(() -> analysis.align(r, FleetAlignment.builder().missing(MissingPolicy.DROP_ROW)
        .build(), grid).collectAsList());
    assertTrue(e.getMessage().startsWith("site 'B': readings of 'x': reading 2 generated at 1970-01-01T00:01:00Z"
        + " duplicates reading 1"), e.getMessage());
  }

  @Test
  void anArrivalBeforeGenerationNamesTheSite() {
    Dataset<Row> r = readings(new Object[] {"A", "x", 60_000L, 0L, 1.0});
    DataException e = failure(() -> analysis.align(r, FleetAlignment.builder().build(), grid).collectAsList());
    assertTrue(e.getMessage().startsWith("site 'A': readings of 'x': reading 0 arrives at"), e.getMessage());
  }

  @Test
  void anIncompleteWindowUnderTheErrorPolicyNamesTheSite() {
    Dataset<Row> r = readings(new Object[] {"A", "x", 0L, 0L, 1.0}, new Object[] {"A", "y", 0L, 300_000L, 1.0});
    DataException e = failure(() -> analysis.align(r, FleetAlignment.builder().build(), grid).collectAsList());
    assertTrue(e.getMessage().startsWith("site 'A': source 'y' at query 0"), e.getMessage());
    assertTrue(e.getMessage().contains("no reading has arrived yet"), e.getMessage());
  }

  @Test
  void aSiteWithQueryTimesButNoReadingsIsNamed() {
    Dataset<Row> r = readings(new Object[] {"A", "x", 0L, 0L, 1.0});
    Dataset<Row> q = spark.createDataFrame(List.of(RowFactory.create("A", 60_000L), RowFactory.create("Z", 60_000L)),
        DataTypes.createStructType(List.of(DataTypes.createStructField("site", DataTypes.StringType, false),
            DataTypes.createStructField("time", DataTypes.LongType, false))));
    DataException e = failure(() -> analysis.align(r, FleetAlignment.builder().build(), q).collectAsList());
    assertEquals("site 'Z': no readings, but 1 query times; every site with query times needs readings",
        e.getMessage());
  }

  @Test
  void aMissingValueNamesTheSiteAndColumn() {
    Dataset<Row> r = readings(new Object[] {"A", "x", 0L, 0L, null});
    DataException e = failure(() -> analysis.align(r, FleetAlignment.builder().build(), grid).collectAsList());
    assertTrue(e.getMessage().startsWith("site 'A', column 'value': the reading of source 'x' generated at"),
        e.getMessage());
  }
}
