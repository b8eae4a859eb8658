package org.aoiforecast.core.bench;

import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import org.aoiforecast.core.reading.Alignment;
import org.aoiforecast.core.reading.AsOfAligner;
import org.aoiforecast.core.reading.MissingPolicy;
import org.aoiforecast.core.reading.ReadingSeries;
import org.aoiforecast.core.reading.Source;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * As-of alignment of {@code n} query times against {@code n} readings of one source with three
 * value columns, single thread, against the practical limit: one merge pass over two sorted
 * {@code long[]} arrays (index + age), and the same pass also gathering the three values.
 *
 * <p>Data (shared with the pandas peer script docs/benchmarks/merge_asof_peer.py): reading i is
 * generated at {@code i * 1000} ms and arrives 500 ms later (in order); query j is at
 * {@code j * 1000 + 700} ms. The {@code outOfOrder} variant delays arrivals by 0..3 s at random
 * so readings overtake each other.
 *
 * <p>Run: {@code mvn -q -pl aoi-core test-compile exec:exec -Dbench.args="AsOfAlignmentBenchmark"}.
 * Rows/s = n / (ms per operation / 1000).
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Fork(value = 1, jvmArgsAppend = {"-Xmx6g", "-Xms6g"})
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
public class AsOfAlignmentBenchmark {
  @Param("10000000")
  int n;

  private ReadingSeries inOrder;
  private ReadingSeries outOfOrder;
  private long[] generated;
  private long[] arrived;
  private double[][] values;
  private long[] queries;
  private AsOfAligner aligner;
  private AsOfAligner outOfOrderAligner;

  @Setup
  public void setUp() {
    generated = new long[n];
    arrived = new long[n];
    long[] shuffledArrival = new long[n];
    values = new double[3][n];
    queries = new long[n];
    SplittableRandom random = new SplittableRandom(1);
    for (int i = 0; i < n; i++) {
      generated[i] = i * 1000L;
      arrived[i] = generated[i] + 500;
      shuffledArrival[i] = generated[i] + random.nextInt(3000);
      values[0][i] = i;
      values[1][i] = 2.0 * i;
      values[2][i] = 3.0 * i;
      queries[i] = i * 1000L + 700;
    }
    Source source = Source.of("s", "a", "b", "c");
    inOrder = ReadingSeries.of(source, generated, arrived, values);
    outOfOrder = ReadingSeries.of(source, generated, shuffledArrival, values);
    aligner = AsOfAligner.builder().source(inOrder).build();
    outOfOrderAligner = AsOfAligner.builder().source(outOfOrder).missing(MissingPolicy.DROP_ROW).build();
  }

  /** The library call: index, age and the three values per query. */
  @Benchmark
  public Alignment aligner() {
    return aligner.align(queries);
  }

  /** The library call with readings overtaking each other in transit. */
  @Benchmark
  public Alignment alignerOutOfOrder() {
    return outOfOrderAligner.align(queries);
  }

  /** Practical limit: one merge pass producing index and age. */
  @Benchmark
  public long[] mergePassIndexAndAge() {
    int[] index = new int[queries.length];
    long[] age = new long[queries.length];
    int p = 0;
    for (int q = 0; q < queries.length; q++) {
      long t = queries[q];
      while (p < arrived.length && arrived[p] <= t) {
        p++;
      }
      index[q] = p - 1;
      age[q] = t - generated[p - 1];
    }
    return age;
  }

  /** Practical limit with values: the merge pass also gathering three value columns. */
  @Benchmark
  public double[][] mergePassWithValues() {
    int m = queries.length;
    int[] index = new int[m];
    long[] age = new long[m];
    double[] a = new double[m];
    double[] b = new double[m];
    double[] c = new double[m];
    double[] va = values[0];
    double[] vb = values[1];
    double[] vc = values[2];
    int p = 0;
    for (int q = 0; q < m; q++) {
      long t = queries[q];
      while (p < arrived.length && arrived[p] <= t) {
        p++;
      }
      int i = p - 1;
      index[q] = i;
      age[q] = t - generated[i];
      a[q] = va[i];
      b[q] = vb[i];
      c[q] = vc[i];
    }
    return new double[][] {a, b, c};
  }
}
