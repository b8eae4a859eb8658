package org.aoiforecast.spark;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The Spark session of the module's tests: local[2], no web UI, few shuffle partitions (the data
 * are tiny); created once per test JVM and shared, since starting Spark costs seconds.
 */
public final class SparkTests {
  private static SparkSession session;

  private SparkTests() {}

  /** @return the shared session */
  public static synchronized SparkSession session() {
    if (session == null) {
      session = SparkSession.builder().master("local[2]").appName("aoi-spark tests")
          .config("spark.ui.enabled", "false")
          .config("spark.sql.shuffle.partitions", "4")
          .config("spark.sql.session.timeZone", "UTC")
          .getOrCreate();
      Runtime.getRuntime().addShutdownHook(new Thread(session::stop));
    }
    return session;
  }

  /**
   * @param rows rows with the site in a column
   * @param column the site column
   * @return the rows grouped by site, sites in name order, rows in their order
   */
  public static Map<String, List<Row>> bySite(List<Row> rows, String column) {
    Map<String, List<Row>> out = new TreeMap<>();
    for (Row r : rows) {
      out.computeIfAbsent(r.getString(r.fieldIndex(column)), k -> new ArrayList<>()).add(r);
    }
    return out;
  }
}
