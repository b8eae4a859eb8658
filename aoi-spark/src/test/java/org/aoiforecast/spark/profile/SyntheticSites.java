package org.aoiforecast.spark.profile;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.aoiforecast.core.TimeSeries;
import org.aoiforecast.core.io.TimeSeriesCsvWriter;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Small hourly series of a few sites where the answer is known: the target {@code y} follows an
 * AR(1) driver {@code x} (so a stale {@code x} costs more with age) plus noise, and {@code z} is
 * noise unrelated to {@code y} (its staleness costs nothing). Each site has its own seed and
 * coupling.
 */
final class SyntheticSites {
  static final Instant START = Instant.parse("2021-01-01T00:00:00Z");

  private SyntheticSites() {}

  static TimeSeries site(int index, int rows) {
    SplittableRandom r = new SplittableRandom(100 + index);
    double[] x = new double[rows];
    double[] y = new double[rows];
    double[] z = new double[rows];
    double rho = 0.7 + 0.05 * index;
    double a = r.nextGaussian();
    for (int i = 0; i < rows; i++) {
      a = rho * a + Math.sqrt(1 - rho * rho) * r.nextGaussian();
      x[i] = round(a);
      y[i] = round((1 + 0.2 * index) * a + 0.3 * r.nextGaussian());
      z[i] = round(r.nextGaussian());
    }
    return TimeSeries.builder(START, Duration.ofHours(1)).column("y", y).column("x", x).column("z", z).build();
  }

  private static double round(double v) {
    return Math.round(v * 1e6) / 1e6; // what a CSV with 6 decimals holds
  }

  static StructType schema() {
    return DataTypes.createStructType(List.of(DataTypes.createStructField("site", DataTypes.StringType, false),
        DataTypes.createStructField("time", DataTypes.TimestampType, false),
        DataTypes.createStructField("y", DataTypes.DoubleType, false),
        DataTypes.createStructField("x", DataTypes.DoubleType, false),
        DataTypes.createStructField("z", DataTypes.DoubleType, false)));
  }

  /** The series as table rows, in reverse time order (a table has no order). */
  static List<Row> rows(String site, TimeSeries s) {
    List<Row> out = new ArrayList<>();
    for (int i = s.size() - 1; i >= 0; i--) {
      out.add(RowFactory.create(site, java.sql.Timestamp.from(s.time(i)), s.value(0, i), s.value(1, i), s.value(2, i)));
    }
    return out;
  }

  static void csv(TimeSeries s, Path file) {
    TimeSeriesCsvWriter.decimals(6).write(s, file);
  }
}
