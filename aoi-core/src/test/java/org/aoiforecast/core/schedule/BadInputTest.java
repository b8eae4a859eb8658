package org.aoiforecast.core.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.aoiforecast.core.DataException;
import org.apache.commons.math3.distribution.PoissonDistribution;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/** Bad tables, laws and settings fail at once with one clear line. */
class BadInputTest {
  private static final int[] AGES = {1, 2, 3};
  private static final int[] ONE = {1};

  private static void fails(String expected, Executable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertTrue(e.getMessage().contains(expected), e.getMessage());
    assertEquals(1, e.getMessage().lines().count(), e.getMessage());
  }

  @Test
  void badTables() {
    fails("empty", () -> PenaltyTable.of(new int[0], ONE, new double[][] {{}}));
    fails("empty", () -> PenaltyTable.of(AGES, new int[0], new double[0][]));
    fails("penalty NaN", () -> PenaltyTable.of(AGES, ONE, new double[][] {{1, Double.NaN, 2}}));
    fails("penalty -0.5", () -> PenaltyTable.of(AGES, ONE, new double[][] {{1, -0.5, 2}}));
    fails("penalty Infinity", () -> PenaltyTable.of(AGES, ONE, new double[][] {{1, Double.POSITIVE_INFINITY, 2}}));
    fails("consecutive", () -> PenaltyTable.of(new int[] {1, 2, 4}, ONE, new double[][] {{1, 2, 3}}));
    fails("appears twice", () -> PenaltyTable.of(AGES, new int[] {2, 2}, new double[][] {{1, 2, 3}, {1, 2, 3}}));
    fails("at least 1", () -> PenaltyTable.of(AGES, new int[] {0}, new double[][] {{1, 2, 3}}));
    fails("3 ages", () -> PenaltyTable.of(AGES, ONE, new double[][] {{1, 2}}));
    assertThrows(DataException.class, () -> PenaltyTable.of(new int[] {-1, 0}, ONE, new double[][] {{1, 2}}));
  }

  @Test
  void badTransmissionTimes() {
    fails("alpha must be a positive", () -> TransmissionModel.proportional(0));
    fails("alpha must be a positive", () -> TransmissionModel.proportional(-1));
    fails("alpha must be a positive", () -> TransmissionModel.proportional(Double.NaN));
    fails("at least 1 step", () -> TransmissionTime.fixed(0));
    fails("transmission time 2 of the sample is 0 steps", () -> TransmissionTime.empirical(3, 0));
    fails("empty", () -> TransmissionTime.empirical());
    fails("below 1 step", () -> TransmissionTime.of(new PoissonDistribution(3)));
  }

  @Test
  void badSettings() {
    PenaltyTable t = PenaltyTable.of(AGES, new int[] {1, 4}, new double[][] {{1, 2, 3}, {1, 2, 3}});
    TransmissionModel m = TransmissionModel.proportional(1);
    fails("cannot hold a window of length 4", () -> Scheduler.builder(t, m).buffer(3));
    fails("cannot hold a window of length 11", () -> Scheduler.builder(
        PenaltyTable.of(AGES, new int[] {11}, new double[][] {{1, 2, 3}}), m).build()); // default B = 10
    fails("period must be at least 1", () -> Scheduler.builder(t, m).period(0));
    fails("at least 20 deliveries", () -> Scheduler.builder(t, m).deliveries(5));
    fails("not in the penalty table", () -> t.penalty(2, 1));
    fails("hold or max", () -> TailRule.parse("last"));
  }
}
