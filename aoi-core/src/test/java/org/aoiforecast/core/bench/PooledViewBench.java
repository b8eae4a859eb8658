package org.aoiforecast.core.bench;

import java.lang.management.ManagementFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.aoiforecast.core.TimeSeries;
import org.aoiforecast.core.dataset.AgeSet;
import org.aoiforecast.core.dataset.AgedDataset;
import org.aoiforecast.core.dataset.AgedDatasetSpec;

/**
 * Builds the pooled aged data set over 48 ages of an 8,760-hour series (u = 24, 4 sources) and the
 * one-age data set, and reports build time, retained heap and the time of one full pass over
 * every sample's features (what a training epoch reads).
 *
 * <p>Run: {@code mvn -q -pl aoi-core test-compile exec:exec -Dbench.main=org.aoiforecast.core.bench.PooledViewBench
 * -Dbench.args=}. Prints one line per measurement.
 */
public final class PooledViewBench {
  private static final int HOURS = 8760;
  private static final int WINDOW = 24;
  private static final int COPIES = 200;

  private PooledViewBench() {}

  public static void main(String[] args) {
    TimeSeries series = series();
    long seriesBytes = (long) HOURS * series.names().size() * Double.BYTES;
    System.out.printf("machine: %d cores, %s%n", Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    System.out.printf("base series: %d rows x %d columns = %.1f KiB%n", HOURS, series.names().size(), seriesBytes / 1024.0);
    for (AgeSet ages : new AgeSet[] {AgeSet.of(24), AgeSet.range(1, 48)}) {
      // warm up
      for (int i = 0; i < 2000; i++) {
        build(series, ages);
      }
      long[] nanos = new long[501];
      for (int i = 0; i < nanos.length; i++) {
        long t0 = System.nanoTime();
        build(series, ages);
        nanos[i] = System.nanoTime() - t0;
      }
      Arrays.sort(nanos);
      long before = usedHeapAfterGc();
      AgedDataset[] keep = new AgedDataset[COPIES];
      for (int i = 0; i < COPIES; i++) {
        keep[i] = build(series, ages);
      }
      long after = usedHeapAfterGc();
      AgedDataset d = keep[0];
      double bytesPerView = (after - before) / (double) COPIES;
      long materialised = (long) d.size() * (d.featureCount() + 1) * Double.BYTES;
      double[] buffer = new double[d.featureCount()];
      double sink = 0;
      long t0 = System.nanoTime();
      for (int pass = 0; pass < 3; pass++) {
        for (int r = 0; r < d.size(); r++) {
          d.features(r, buffer, 0);
          sink += buffer[0] + d.targetValue(r);
        }
      }
      double passSeconds = (System.nanoTime() - t0) / 3e9;
      System.out.printf("ages %-5s samples %8d features %3d | build median %.1f us | view %.1f KiB "
              + "(+ shared series %.1f KiB) | as a materialised matrix %.1f MiB | full feature pass %.3f s"
              + " (%.2e samples/s) [%s]%n",
          ages, d.size(), d.featureCount(), nanos[nanos.length / 2] / 1e3, bytesPerView / 1024.0,
          seriesBytes / 1024.0, materialised / 1048576.0, passSeconds, d.size() / passSeconds, sink > 0 ? "ok" : "ok");
      if (keep[COPIES - 1] == null) {
        throw new AssertionError();
      }
    }
  }

  private static AgedDataset build(TimeSeries series, AgeSet ages) {
    return AgedDataset.of(series, AgedDatasetSpec.builder().target("y").sources("s1", "s2", "s3", "s4")
        .window(WINDOW).ages(ages).withAgeInput().build());
  }

  private static TimeSeries series() {
    SplittableRandom random = new SplittableRandom(7);
    TimeSeries.Builder b = TimeSeries.builder(Instant.parse("2021-01-01T00:00:00Z"), Duration.ofHours(1));
    for (String name : new String[] {"s1", "s2", "s3", "s4", "y"}) {
      double[] v = new double[HOURS];
      double x = 0;
      for (int i = 0; i < HOURS; i++) {
        x = 0.9 * x + random.nextGaussian();
        v[i] = x;
      }
      b.column(name, v);
    }
    return b.build();
  }

  private static long usedHeapAfterGc() {
    for (int i = 0; i < 4; i++) {
      System.gc();
    }
    return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
  }
}
