package org.aoiforecast.core.schedule;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.aoiforecast.core.reading.AsOfAligner;
import org.aoiforecast.core.reading.MissingPolicy;
import org.aoiforecast.core.reading.ReadingSeries;
import org.aoiforecast.core.reading.Source;
import org.apache.commons.math3.distribution.UniformIntegerDistribution;
import org.apache.commons.math3.distribution.ZipfDistribution;
import org.junit.jupiter.api.Test;

/** Policies: their waits, exact averages against simulation, and their deliveries as an age process. */
class PolicyTest {
  private static final long HOUR = 3_600_000L;

  /** A solar-like non-monotone profile over ages 1..48: loss grows with age but dips at 24 and 48. */
  static PenaltyTable solarLike() {
    int[] ages = new int[48];
    double[][] v = new double[3][48];
    int[] windows = {1, 3, 6};
    for (int i = 0; i < 48; i++) {
      ages[i] = i + 1;
      double daily = 1 - Math.cos(2 * Math.PI * ages[i] / 24.0);
      for (int w = 0; w < 3; w++) {
        v[w][i] = 0.2 + (0.5 + 0.1 * w) * daily + 0.01 * ages[i] - 0.05 * w;
      }
    }
    return PenaltyTable.of(ages, windows, v);
  }

  /**
   * A strongly non-monotone profile over ages 1..48 (windows 1, 2, 4): a diurnal cycle dominates, so
   * readings 12 h old predict better than fresh ones.
   */
  static PenaltyTable diurnal() {
    int[] ages = new int[48];
    int[] windows = {1, 2, 4};
    double[][] v = new double[3][48];
    for (int i = 0; i < 48; i++) {
      ages[i] = i + 1;
      for (int w = 0; w < 3; w++) {
        v[w][i] = 1 + (0.8 - 0.1 * w) * Math.cos(2 * Math.PI * ages[i] / 24.0) + 0.005 * ages[i];
      }
    }
    return PenaltyTable.of(ages, windows, v);
  }

  @Test
  void periodicWaitsForTheNextMultipleOfThePeriod() {
    UpdatePolicy p = UpdatePolicy.periodic(1, TransmissionTime.empirical(1, 4, 6, 9), 4);
    assertEquals(3, p.waitAfter(0)); // T = 1: starts 4 apart
    assertEquals(0, p.waitAfter(1)); // T = 4
    assertEquals(2, p.waitAfter(2)); // T = 6: next start at 8
    assertEquals(3, p.waitAfter(3)); // T = 9: next start at 12
    // p(Δ) = Δ, T = 1, k = 4: ages 1, 2, 3, 4 in every period
    PenaltyTable linear = PenaltyTable.of(new int[] {0, 1, 2, 3, 4, 5}, new int[] {1},
        new double[][] {{0, 1, 2, 3, 4, 5}});
    assertEquals(2.5, PolicyEvaluator.exact(UpdatePolicy.periodic(1, TransmissionTime.fixed(1), 4), linear), 1e-12);
    assertEquals(1.0, PolicyEvaluator.exact(UpdatePolicy.zeroWait(1, TransmissionTime.fixed(1)), linear), 1e-12);
    // zero-wait with T = 3: ages 3, 4, 5 per cycle
    assertEquals(4.0, PolicyEvaluator.exact(UpdatePolicy.zeroWait(1, TransmissionTime.fixed(3)), linear), 1e-12);
  }

  @Test
  void exactAndSimulatedAveragesAgree() {
    PenaltyTable table = solarLike();
    List<UpdatePolicy> policies = new ArrayList<>();
    TransmissionTime uniform = TransmissionTime.of(new UniformIntegerDistribution(1, 6));
    TransmissionTime zipf = TransmissionTime.of(new ZipfDistribution(12, 1.2));
    for (TransmissionTime t : List.of(uniform, zipf, TransmissionTime.empirical(2, 2, 3, 7, 30))) {
      policies.add(UpdatePolicy.zeroWait(3, t));
      policies.add(UpdatePolicy.periodic(3, t, 5));
      GittinsIndex index = GittinsIndex.of(table, 3, t);
      policies.add(ThresholdSolver.solve(index, table.curve(3), 2).policy());
      policies.add(UpdatePolicy.threshold(index, 4, index.limit()));
    }
    for (UpdatePolicy p : policies) {
      double exact = PolicyEvaluator.exact(p, table);
      SimulatedPenalty sim = PolicyEvaluator.simulate(p, table, 200_000, 7);
      assertTrue(sim.standardError() > 0, p.toString());
      assertEquals(exact, sim.mean(), 4.5 * sim.standardError(), p + ": exact " + exact + ", simulated " + sim);
      assertTrue(sim.standardError() < 0.01 * exact, p + ": " + sim);
    }
    // fixed times: the simulation is the exact cycle repeated
    UpdatePolicy fixed = UpdatePolicy.periodic(6, TransmissionTime.fixed(5), 3);
    SimulatedPenalty s = PolicyEvaluator.simulate(fixed, table, 1000, 1);
    assertEquals(0, s.standardError());
    assertEquals(PolicyEvaluator.exact(fixed, table), s.mean(), 1e-9);
  }

  @Test
  void simulationIsReproducibleForASeed() {
    UpdatePolicy p = UpdatePolicy.zeroWait(1, TransmissionTime.empirical(1, 2, 5));
    PenaltyTable table = solarLike();
    assertEquals(PolicyEvaluator.simulate(p, table, 5000, 3), PolicyEvaluator.simulate(p, table, 5000, 3));
  }

  @Test
  void asAnAgeProcessThePolicyDeliversTheScheduledWindows() {
    // window 2 from buffer position 1, T = 2, no wait: transmissions start at readings 2, 4, 6, 8;
    // each carries readings s-2 and s-1 and arrives 2 h after reading s (age b + T = 3 h)
    UpdatePolicy p = UpdatePolicy.zeroWait(2, TransmissionTime.fixed(2));
    UpdatePolicy b1 = UpdatePolicy.threshold(GittinsIndex.of(
        PenaltyTable.of(new int[] {1, 2, 3, 4}, new int[] {2}, new double[][] {{4, 1, 3, 5}}), 2,
        TransmissionTime.fixed(2)), 1, Double.NEGATIVE_INFINITY);
    ReadingSeries out = b1.deliver(hourly(9), 0);
    assertArrayEquals(new long[] {0, 1, 2, 3, 4, 5, 6, 7}, hours(out.generatedMillis()));
    assertArrayEquals(new long[] {4, 4, 6, 6, 8, 8, 10, 10}, hours(out.arrivedMillis()));
    // zero wait from position 0: starts at 1, 3, 5, 7; readings 0-1, 2-3, 4-5, 6-7
    ReadingSeries zw = p.deliver(hourly(9), 0);
    assertArrayEquals(new long[] {0, 1, 2, 3, 4, 5, 6, 7}, hours(zw.generatedMillis()));
    assertArrayEquals(new long[] {3, 3, 5, 5, 7, 7, 9, 9}, hours(zw.arrivedMillis()));
  }

  @Test
  void theAgesOfTheDeliveredReadingsGiveTheExactAverage() {
    PenaltyTable table = GittinsIndexTest.dip();
    GittinsIndex index = GittinsIndex.of(table, 1, TransmissionTime.empirical(1, 1, 2));
    UpdatePolicy policy = ThresholdSolver.solve(index, table.curve(1), 0).policy();
    int n = 200_000;
    ReadingSeries delivered = policy.deliver(hourly(n), 11);
    long[] queries = new long[n];
    for (int i = 0; i < n; i++) {
      queries[i] = i * HOUR;
    }
    var aligned = AsOfAligner.builder().source(delivered).missing(MissingPolicy.DROP_ROW).build().align(queries);
    long[] ages = aligned.sources().get(0).ageMillis();
    double sum = 0;
    for (long age : ages) {
      sum += table.penalty(1, (int) (age / HOUR));
    }
    assertEquals(PolicyEvaluator.exact(policy, table), sum / ages.length, 0.01);
  }

  private static ReadingSeries hourly(int n) {
    long[] gen = new long[n];
    double[] v = new double[n];
    for (int i = 0; i < n; i++) {
      gen[i] = i * HOUR;
      v[i] = i;
    }
    return ReadingSeries.of(Source.of("s", "v"), gen, gen, v);
  }

  private static long[] hours(long[] millis) {
    long[] h = new long[millis.length];
    for (int i = 0; i < h.length; i++) {
      h[i] = millis[i] / HOUR;
    }
    return h;
  }
}
