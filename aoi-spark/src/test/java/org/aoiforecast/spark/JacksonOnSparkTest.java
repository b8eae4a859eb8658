package org.aoiforecast.spark;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.module.scala.DefaultScalaModule$;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.aoiforecast.core.io.Json;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One Jackson serves aoi-core and Spark on this module's class path: Spark's (2.15), which its
 * Scala module insists on. aoi-core's JSON helpers work on it, and so does Spark's own JSON.
 */
class JacksonOnSparkTest {
  @TempDir
  Path dir;

  @Test
  void theClassPathHoldsSparksJackson() {
    assertEquals(2, com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.getMajorVersion());
    assertEquals(15, com.fasterxml.jackson.databind.cfg.PackageVersion.VERSION.getMinorVersion());
    // throws "Scala module 2.15.x requires Jackson Databind version >= 2.15.0 and < 2.16.0" otherwise
    new ObjectMapper().registerModule(DefaultScalaModule$.MODULE$);
  }

  @Test
  void coreJsonRoundTripsAndSparkReadsIt() throws Exception {
    ObjectNode root = Json.object();
    root.put("schema", 1);
    Json.add(root.putArray("ages"), new int[] {1, 2, 24});
    Json.add(root.putArray("loss"), new double[] {0.5, 0.25, 0.125});
    Path file = dir.resolve("report.json");
    Json.write(file, root);
    JsonNode back = Json.parse(Files.readString(file));
    assertEquals(24, back.get("ages").get(2).asInt());
    List<Row> rows = SparkTests.session().read().option("multiLine", true).json(file.toString()).collectAsList();
    assertEquals(1L, rows.get(0).getLong(rows.get(0).fieldIndex("schema")));
  }
}
