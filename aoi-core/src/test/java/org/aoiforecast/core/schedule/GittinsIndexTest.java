package org.aoiforecast.core.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The index and the threshold rule on tables solved by hand. */
class GittinsIndexTest {
  /** Ages 1..4, window 1: p = 4, 1, 3, 5 (not monotone); beyond age 4 the last value (5). */
  static PenaltyTable dip() {
    return PenaltyTable.of(new int[] {1, 2, 3, 4}, new int[] {1}, new double[][] {{4, 1, 3, 5}});
  }

  @Test
  void indexOfASmallTableSolvedByHand() {
    // T = 1: E(δ) = p(δ + 1) = 4, 1, 3, 5 for δ = 0..3 (p(0) is the first value, 4), then 5.
    GittinsIndex g = GittinsIndex.of(dip(), 1, TransmissionTime.fixed(1));
    assertEquals(4, g.expectedPenalty(0), 1e-12);
    assertEquals(1, g.expectedPenalty(1), 1e-12);
    assertEquals(5, g.expectedPenalty(7), 1e-12);
    assertEquals(5, g.limit(), 1e-12);
    assertEquals(4, g.constantFrom());
    // γ(0) = min(4, 5/2, 8/3, 13/4, limit 5) = 2.5; γ(1) = 1; γ(2) = min(3, 8/2, 5) = 3; γ(3) = 5
    assertEquals(2.5, g.index(0), 1e-12);
    assertEquals(1, g.index(1), 1e-12);
    assertEquals(3, g.index(2), 1e-12);
    assertEquals(5, g.index(3), 1e-12);
    assertEquals(5, g.index(100), 1e-12);
    // delivered at age 1 with price 2.5: γ(1) = 1 < 2.5, γ(2) = 3 >= 2.5, so wait one step
    assertEquals(1, g.wait(1, 2.5));
    assertEquals(0, g.wait(1, 1.0));
    assertEquals(3, g.wait(0, 4.0)); // only γ(3) = 5 reaches 4
    // above the limit the unbounded rule would never send; the wait stops where the table ends:
    // Σ (E - 6) over ages 1, 2, 3 = -5, -8, -9, least after 3 steps
    assertEquals(3, g.wait(1, 6.0));
  }

  @Test
  void indexAveragesOverARandomTransmissionTime() {
    // T = 1 or 2 with probability 1/2: E(δ) = (p(δ+1) + p(δ+2)) / 2 on p = 4, 1, 3, 5 (ages 1..4)
    TransmissionTime t = TransmissionTime.empirical(1, 2);
    GittinsIndex g = GittinsIndex.of(dip(), 1, t);
    assertEquals((4 + 1) / 2.0, g.expectedPenalty(0), 1e-12);
    assertEquals((1 + 3) / 2.0, g.expectedPenalty(1), 1e-12);
    assertEquals((3 + 5) / 2.0, g.expectedPenalty(2), 1e-12);
    assertEquals((5 + 5) / 2.0, g.expectedPenalty(3), 1e-12);
    // γ(0) = min(2.5, (2.5+2)/2 = 2.25, (2.5+2+4)/3 = 2.83, ..., 5) = 2.25
    assertEquals(2.25, g.index(0), 1e-12);
    assertEquals(2, g.index(1), 1e-12);
    assertEquals(4, g.index(2), 1e-12);
  }

  @Test
  void theMaxRuleTakesTheLargestValueBeyondTheTable() {
    PenaltyTable t = PenaltyTable.of(new int[] {1, 2, 3}, new int[] {2}, new double[][] {{1, 7, 2}});
    assertEquals(2, t.penalty(2, 9), 1e-12);
    assertEquals(7, t.withTail(TailRule.MAX).penalty(2, 9), 1e-12);
    assertEquals(1, t.penalty(2, 0), 1e-12); // below the first age: the first value
    assertEquals(7, GittinsIndex.of(t.withTail(TailRule.MAX), 2, TransmissionTime.fixed(1)).limit(), 1e-12);
  }

  @Test
  void transmissionsLongerThanTheTableMakeTheIndexConstant() {
    GittinsIndex g = GittinsIndex.of(dip(), 1, TransmissionTime.fixed(50));
    assertEquals(0, g.constantFrom());
    assertEquals(5, g.index(0), 1e-12);
    assertEquals(0, g.wait(3, 5.0));
  }
}
