package org.aoiforecast.core.bench;

import java.util.Arrays;
import org.aoiforecast.core.schedule.PenaltyTable;
import org.aoiforecast.core.schedule.ScheduleReport;
import org.aoiforecast.core.schedule.Scheduler;
import org.aoiforecast.core.schedule.TransmissionModel;
import org.aoiforecast.core.schedule.TransmissionTime;
import org.apache.commons.math3.distribution.BinomialDistribution;
import org.apache.commons.math3.distribution.EnumeratedIntegerDistribution;

/**
 * Time to schedule from a 48-age profile with 10 window lengths and a buffer of 10: every
 * window's Gittins index, the optimal threshold at every buffer position, the exact averages of all
 * policies, and their simulations. Fixed times {@code T(u) = ceil(0.5 u)} and a random law (one
 * plus a binomial with mean 4, 13 possible times) for every window.
 *
 * <p>Run: {@code mvn -q -pl aoi-core test-compile exec:exec -Dbench.main=org.aoiforecast.core.bench.ScheduleBench
 * -Dbench.args=}. Prints one line per setting.
 */
public final class ScheduleBench {
  private static final int REPEATS = 41;

  private ScheduleBench() {}

  public static void main(String[] args) {
    System.out.printf("machine: %d cores, %s%n", Runtime.getRuntime().availableProcessors(),
        System.getProperty("java.vm.name") + " " + System.getProperty("java.version"));
    PenaltyTable table = profile();
    TransmissionModel fixed = TransmissionModel.proportional(0.5);
    TransmissionModel random = TransmissionModel.same(shifted(new BinomialDistribution(12, 0.25)));
    for (int deliveries : new int[] {100_000, 1_000}) {
      run("T(u) = ceil(0.5 u)", table, fixed, deliveries);
      run("T = 1 + Binomial(12, 0.25)", table, random, deliveries);
    }
  }

  private static void run(String name, PenaltyTable table, TransmissionModel model, int deliveries) {
    Scheduler scheduler = Scheduler.builder(table, model).buffer(10).period(4).deliveries(deliveries).build();
    for (int i = 0; i < 10; i++) {
      scheduler.schedule(); // warm up
    }
    long[] nanos = new long[REPEATS];
    ScheduleReport r = null;
    for (int i = 0; i < REPEATS; i++) {
      long t0 = System.nanoTime();
      r = scheduler.schedule();
      nanos[i] = System.nanoTime() - t0;
    }
    Arrays.sort(nanos);
    System.out.printf("48 ages, 10 windows, B = 10, %-28s %7d simulated deliveries per policy: median %.2f ms"
            + " (min %.2f, max %.2f) | optimal u=%d b=%d avg %.4f, zero-wait %.4f%n", name, deliveries,
        nanos[REPEATS / 2] / 1e6, nanos[0] / 1e6, nanos[REPEATS - 1] / 1e6, r.optimal().policy().window(),
        r.optimal().policy().position(), r.optimal().average(), r.zeroWait().average());
  }

  /** A solar-like profile: loss grows with age, with a diurnal dip at 24 and 48 h; longer windows help. */
  static PenaltyTable profile() {
    int[] ages = new int[48];
    int[] windows = new int[10];
    double[][] v = new double[10][48];
    for (int w = 0; w < 10; w++) {
      windows[w] = w + 1;
      for (int i = 0; i < 48; i++) {
        ages[i] = i + 1;
        double daily = 1 - Math.cos(2 * Math.PI * ages[i] / 24.0);
        v[w][i] = 0.3 + (0.6 - 0.03 * w) * daily + 0.004 * ages[i] - 0.01 * w;
      }
    }
    return PenaltyTable.of(ages, windows, v);
  }

  /** One plus a binomial, as a Commons Math distribution over 1..n+1. */
  private static TransmissionTime shifted(BinomialDistribution b) {
    int[] times = new int[b.getNumberOfTrials() + 1];
    double[] p = new double[times.length];
    for (int k = 0; k < times.length; k++) {
      times[k] = k + 1;
      p[k] = b.probability(k);
    }
    return TransmissionTime.of(new EnumeratedIntegerDistribution(times, p));
  }
}
