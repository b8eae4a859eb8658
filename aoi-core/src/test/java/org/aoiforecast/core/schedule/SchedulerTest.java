package org.aoiforecast.core.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The optimal threshold policy: hand-solved cases, brute force, and the comparisons of the report. */
class SchedulerTest {

  @Test
  void thresholdOfASmallTableSolvedByHand() {
    // p = 4, 1, 3, 5 at ages 1..4, T = 1, B = 1: every delivery is at age 1; waiting z steps gives
    // the cycle ages 1..1+z with averages 4, 5/2, 8/3, 13/4, ...: wait one step, β = 2.5.
    ScheduleReport r = Scheduler.builder(GittinsIndexTest.dip(), TransmissionModel.proportional(1)).buffer(1)
        .build().schedule();
    EvaluatedPolicy opt = r.optimal();
    assertEquals(2.5, opt.average(), 1e-12);
    assertEquals(2.5, opt.policy().threshold(), 1e-12);
    assertEquals(1, opt.policy().waitAfter(0));
    assertEquals(0, opt.policy().position());
    assertEquals(4, r.zeroWait().average(), 1e-12);
    assertEquals(1.5, r.gainOverZeroWait(), 1e-12);
    assertEquals(2.5, opt.simulated().mean(), 1e-9); // fixed T: the simulation is exact
  }

  @Test
  void selectionFromTheBufferSendsAnOlderSampleWhenItIsBetter() {
    // p = 3, 3, 1, 4, 4, 4 at ages 1..6, T = 1, B = 3. Best waits by hand: b = 0 (age 1 on delivery):
    // 7/3 after waiting 2; b = 1 (age 2): 2 after waiting 1; b = 2 (age 3): 1 with no wait.
    PenaltyTable t = PenaltyTable.of(new int[] {1, 2, 3, 4, 5, 6}, new int[] {1},
        new double[][] {{3, 3, 1, 4, 4, 4}});
    ScheduleReport r = Scheduler.builder(t, TransmissionModel.proportional(1)).buffer(3).build().schedule();
    double[] byPosition = r.windows().get(0).byPosition();
    assertEquals(7 / 3.0, byPosition[0], 1e-12);
    assertEquals(2.0, byPosition[1], 1e-12);
    assertEquals(1.0, byPosition[2], 1e-12);
    assertEquals(2, r.optimal().policy().position());
    assertEquals(1.0, r.optimal().average(), 1e-12);
    assertEquals(0, r.optimal().policy().waitAfter(0));
  }

  @Test
  void forANonDecreasingPenaltyZeroWaitFromTheFreshestSampleIsOptimal() {
    double[][] v = new double[2][20];
    int[] ages = new int[20];
    for (int i = 0; i < 20; i++) {
      ages[i] = i + 1;
      v[0][i] = Math.sqrt(i + 1);
      v[1][i] = 0.5 + 0.1 * i + 0.01 * i * i;
    }
    PenaltyTable t = PenaltyTable.of(ages, new int[] {1, 2}, v);
    for (double alpha : new double[] {0.5, 1, 3}) {
      ScheduleReport r = Scheduler.builder(t, TransmissionModel.proportional(alpha)).buffer(6).build().schedule();
      for (WindowSchedule w : r.windows()) {
        UpdatePolicy p = w.threshold().policy();
        assertEquals(0, p.position(), "alpha " + alpha + ", window " + w.window());
        assertEquals(0, p.waitAfter(0));
        assertEquals(w.zeroWait().average(), w.threshold().average(), 1e-12);
      }
    }
  }

  @Test
  void forANonMonotonePenaltyTheOptimalPolicyBeatsZeroWaitAndPeriodic() {
    PenaltyTable t = PolicyTest.diurnal();
    for (TransmissionModel m : List.of(TransmissionModel.proportional(0.5),
        TransmissionModel.same(TransmissionTime.empirical(1, 2, 2, 3, 9)))) {
      ScheduleReport r = Scheduler.builder(t, m).buffer(10).period(4).deliveries(50_000).build().schedule();
      assertTrue(r.gainOverZeroWait() > 0.01, r.gainOverZeroWait() + " " + m);
      assertTrue(r.gainOverPeriodic() > 0.01, r.gainOverPeriodic() + " " + m);
      for (WindowSchedule w : r.windows()) {
        assertTrue(w.threshold().average() <= w.zeroWait().average() + 1e-12);
        assertTrue(w.threshold().average() <= w.periodic().average() + 1e-12);
        for (double a : w.byPosition()) {
          assertTrue(w.threshold().average() <= a);
        }
      }
      // the fixed point: the optimal policy's average is its threshold
      assertEquals(r.optimal().policy().threshold(), r.optimal().average(), 1e-9);
      assertEquals(r.optimal().average(), PolicyEvaluator.exact(r.optimal().policy(), t), 1e-12);
    }
  }

  @Test
  void theThresholdPolicyBeatsEveryWaitingRuleFoundByBruteForce() {
    // waits after T = 1 and T = 3 (probabilities 1/3, 2/3), each up to where the table ends
    for (TailRule tail : TailRule.values()) {
      PenaltyTable t = PolicyTest.solarLike().withTail(tail);
      GittinsIndex index = GittinsIndex.of(t, 1, TransmissionTime.empirical(1, 3, 3));
      for (int b = 0; b < 6; b++) {
        ThresholdSolver.Solution s = ThresholdSolver.solve(index, t.curve(1), b);
        double best = Double.POSITIVE_INFINITY;
        for (int z1 = 0; z1 <= Math.max(0, index.constantFrom() - b - 1); z1++) {
          for (int z3 = 0; z3 <= Math.max(0, index.constantFrom() - b - 3); z3++) {
            best = Math.min(best, bruteForce(t, b, z1, z3));
          }
        }
        assertEquals(best, s.average(), 1e-12, tail + ", position " + b);
      }
    }
  }

  /** The average penalty of waits z1 after T = 1 and z3 after T = 3 (P = 1/3, 2/3), by direct summation. */
  private static double bruteForce(PenaltyTable t, int b, int z1, int z3) {
    int[] times = {1, 3};
    double[] prob = {1 / 3.0, 2 / 3.0};
    int[] waits = {z1, z3};
    double reward = 0;
    double length = 0;
    for (int i = 0; i < 2; i++) {
      for (int j = 0; j < 2; j++) {
        int cycle = waits[i] + times[j];
        double sum = 0;
        for (int k = 0; k < cycle; k++) {
          sum += t.penalty(1, b + times[i] + k);
        }
        reward += prob[i] * prob[j] * sum;
        length += prob[i] * prob[j] * cycle;
      }
    }
    return reward / length;
  }

  @Test
  void longTransmissionsAgainstAShortTableFallBackOnTheTailRule() {
    // T = ceil(5 u) = 5 or 10 steps against ages 1..3: every age on delivery is beyond the table
    PenaltyTable t = PenaltyTable.of(new int[] {1, 2, 3}, new int[] {1, 2}, new double[][] {{2, 1, 3}, {1, 1, 2}});
    ScheduleReport r = Scheduler.builder(t, TransmissionModel.proportional(5)).buffer(4).build().schedule();
    assertEquals(2.0, r.optimal().average(), 1e-12);
    assertEquals(0, r.gainOverZeroWait(), 1e-12);
    assertTrue(r.warnings().stream().anyMatch(w -> w.contains("beyond the table")), r.warnings().toString());
    ScheduleReport max = Scheduler.builder(t.withTail(TailRule.MAX), TransmissionModel.proportional(5)).buffer(4)
        .build().schedule();
    assertEquals(2.0, max.optimal().average(), 1e-12); // max of window 2 is 2, of window 1 is 3
    assertEquals(2, max.optimal().policy().window());
  }

  @Test
  void aTableWhoseEndIsItsMinimumStopsTheWaitsThere() {
    // p falls with age: by the hold rule never sending again would be best (average 1). Waits stop
    // where the table ends: from age 1, waiting 3 steps gives ages 1..4 per cycle, (5+4+3+1)/4.
    PenaltyTable t = PenaltyTable.of(new int[] {1, 2, 3, 4}, new int[] {1}, new double[][] {{5, 4, 3, 1}});
    ScheduleReport r = Scheduler.builder(t, TransmissionModel.proportional(1)).buffer(1).build().schedule();
    assertTrue(r.windows().get(0).capped());
    assertEquals(3.25, r.optimal().average(), 1e-12);
    assertEquals(3, r.optimal().policy().waitAfter(0));
    assertTrue(r.warnings().stream().anyMatch(w -> w.contains("table ends")), r.warnings().toString());
  }

  @Test
  void proportionalTimesAreComputedInDecimal() {
    assertEquals(3, TransmissionModel.proportional(0.1).forWindow(30).min());
    assertEquals(1, TransmissionModel.proportional(0.01).forWindow(10).min());
    assertEquals(7, TransmissionModel.proportional(0.7).forWindow(10).min());
    assertEquals(8, TransmissionModel.proportional(0.7).forWindow(11).min());
  }

  @Test
  void aHugeBufferSearchesOnlyThePositionsTheTableCanTellApart() {
    // a non-monotone table of ages 1..6: positions past age 6 deliver only tail ages
    PenaltyTable t = PenaltyTable.of(new int[] {1, 2, 3, 4, 5, 6}, new int[] {1},
        new double[][] {{3, 4, 2, 5, 1, 4}});
    ScheduleReport small = Scheduler.builder(t, TransmissionModel.proportional(1)).buffer(7).deliveries(1000).build()
        .schedule();
    ScheduleReport huge = Scheduler.builder(t, TransmissionModel.proportional(1)).buffer(Integer.MAX_VALUE)
        .deliveries(1000).build().schedule();
    assertEquals(7, huge.windows().get(0).byPosition().length, "positions 0..6");
    assertEquals(small.optimal().average(), huge.optimal().average(), 0.0);
    assertEquals(small.optimal().policy().position(), huge.optimal().policy().position());
  }
}
