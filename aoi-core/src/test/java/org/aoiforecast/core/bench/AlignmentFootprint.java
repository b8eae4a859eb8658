package org.aoiforecast.core.bench;

import org.aoiforecast.core.reading.Alignment;
import org.aoiforecast.core.reading.AsOfAligner;
import org.aoiforecast.core.reading.ReadingSeries;
import org.aoiforecast.core.reading.Source;

/**
 * One as-of alignment of the {@link AsOfAlignmentBenchmark} data (in-order arrivals), holding only
 * the readings, the queries and the result, for measuring peak memory from outside.
 *
 * <p>Run (after {@code mvn -pl aoi-core test-compile} and writing the test class path to a file
 * with {@code mvn -pl aoi-core dependency:build-classpath -Dmdep.includeScope=test
 * -Dmdep.outputFile=cp.txt}): {@code /usr/bin/time -v java -Xmx1g -cp
 * aoi-core/target/test-classes:aoi-core/target/classes:$(cat cp.txt)
 * org.aoiforecast.core.bench.AlignmentFootprint 10000000}.
 */
public final class AlignmentFootprint {
  private AlignmentFootprint() {}

  public static void main(String[] args) {
    int n = args.length > 0 ? Integer.parseInt(args[0]) : 10_000_000;
    ReadingSeries readings = readings(n);
    long[] queries = new long[n];
    for (int i = 0; i < n; i++) {
      queries[i] = i * 1000L + 700;
    }
    AsOfAligner aligner = AsOfAligner.builder().source(readings).build();
    long t0 = System.nanoTime();
    Alignment a = aligner.align(queries);
    double s = (System.nanoTime() - t0) / 1e9;
    System.out.printf("aligned %d rows in %.3f s (cold, first call); last age %d ms%n", a.size(), s,
        a.sources().get(0).ageMillis(a.size() - 1));
  }

  private static ReadingSeries readings(int n) {
    long[] generated = new long[n];
    long[] arrived = new long[n];
    double[][] values = new double[3][n];
    for (int i = 0; i < n; i++) {
      generated[i] = i * 1000L;
      arrived[i] = generated[i] + 500;
      values[0][i] = i;
      values[1][i] = 2.0 * i;
      values[2][i] = 3.0 * i;
    }
    return ReadingSeries.of(Source.of("s", "a", "b", "c"), generated, arrived, values);
  }
}
