package org.aoiforecast.spark.cli;

import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine.Option;

/**
 * Where the commands run: the Spark master given here, else the one {@code spark-submit} set,
 * else {@code local[*]} (every core of this machine).
 */
final class SessionOptions {
  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master: local[*], local[2], spark://host:7077, yarn, ... (default: the one spark-submit"
          + " sets, else local[*]).")
  String master;

  /** The session and whether this command started it (and must stop it). */
  record Session(SparkSession spark, boolean owned) implements AutoCloseable {
    @Override
    public void close() {
      if (owned) {
        spark.stop();
      }
    }
  }

  Session open(String appName) {
    SparkSession active = SparkSession.getActiveSession().getOrElse(() -> null);
    if (active != null) {
      return new Session(active, false);
    }
    SparkConf conf = new SparkConf(); // holds spark.* system properties, as spark-submit passes them
    SparkSession.Builder b = SparkSession.builder().appName(appName);
    if (master != null) {
      b.master(master);
    } else if (!conf.contains("spark.master")) {
      b.master("local[*]");
    }
    if ((master != null && master.startsWith("local")) || !conf.contains("spark.master")) {
      b.config("spark.ui.enabled", conf.get("spark.ui.enabled", "false")); // one machine: no web UI to serve
    }
    return new Session(b.getOrCreate(), true);
  }
}
