package org.aoiforecast.spark.align;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.aoiforecast.core.reading.ReadingSeries;
import org.aoiforecast.core.reading.Source;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Random readings of a small fleet: per site and source, readings generated 1-5 minutes apart (at
 * odd milliseconds) that arrive 0-15 minutes later, so that they often overtake each other; some
 * sites lack a source. The rows are shuffled, as a distributed table has no order. Keeps the same
 * readings as aoi-core series, the reference.
 */
final class RandomFleet {
  static final long START = 1_600_000_000_000L;
  static final String[] SOURCES = {"humidity", "power", "temperature"};

  final List<Row> rows = new ArrayList<>();
  /** site → source → readings (one value column "v" per source: named after the source). */
  final Map<String, Map<String, ReadingSeries>> reference = new LinkedHashMap<>();
  final int valueColumns;
  long end;

  RandomFleet(long seed, int sites, int valueColumns) {
    this.valueColumns = valueColumns;
    SplittableRandom random = new SplittableRandom(seed);
    for (int s = 0; s < sites; s++) {
      String site = "site-" + s;
      Map<String, ReadingSeries> sources = new LinkedHashMap<>();
      for (String name : SOURCES) {
        boolean absent = s == sites - 1 && name.equals("power"); // a site without one source
        int n = absent ? 0 : 20 + random.nextInt(60);
        long[] gen = new long[n];
        long[] arr = new long[n];
        double[][] values = new double[valueColumns][n];
        long t = START + random.nextInt(600_000);
        for (int i = 0; i < n; i++) {
          t += 60_000 + random.nextInt(240_000);
          gen[i] = t;
          arr[i] = t + random.nextInt(900_000);
          for (int c = 0; c < valueColumns; c++) {
            values[c][i] = Math.round(random.nextGaussian() * 1000) / 100.0;
          }
          Object[] row = new Object[4 + valueColumns];
          row[0] = site;
          row[1] = name;
          row[2] = gen[i];
          row[3] = arr[i];
          for (int c = 0; c < valueColumns; c++) {
            row[4 + c] = values[c][i];
          }
          rows.add(RowFactory.create(row));
          end = Math.max(end, arr[i]);
        }
        sources.put(name, ReadingSeries.of(source(name), gen, arr, values));
      }
      reference.put(site, sources);
    }
    java.util.Collections.shuffle(rows, new java.util.Random(seed));
  }

  Source source(String name) {
    if (valueColumns == 1) {
      return Source.ofColumn(name);
    }
    Source.Builder b = Source.builder(name);
    for (int c = 0; c < valueColumns; c++) {
      b.column("v" + c, "");
    }
    return b.build();
  }

  StructType schema() {
    List<org.apache.spark.sql.types.StructField> f = new ArrayList<>();
    f.add(DataTypes.createStructField("site", DataTypes.StringType, false));
    f.add(DataTypes.createStructField("source", DataTypes.StringType, false));
    f.add(DataTypes.createStructField("generation_time", DataTypes.LongType, false));
    f.add(DataTypes.createStructField("arrival_time", DataTypes.LongType, false));
    for (int c = 0; c < valueColumns; c++) {
      f.add(DataTypes.createStructField(valueColumns == 1 ? "value" : "v" + c, DataTypes.DoubleType, false));
    }
    return DataTypes.createStructType(f);
  }
}
