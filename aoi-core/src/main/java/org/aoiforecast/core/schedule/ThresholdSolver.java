package org.aoiforecast.core.schedule;

/**
 * Finds the optimal threshold {@code β} of the threshold policy for one window length and buffer
 * position: the root of {@code p̄(β) = β}, where {@code p̄(β)} is the average penalty of the
 * policy with threshold {@code β}.
 *
 * <p>The threshold rule with price {@code β} minimises {@code E[R] - β E[L]} (cycle penalty minus
 * {@code β} times cycle length) over all waits, so the iteration {@code β ← p̄(β)} (Dinkelbach's
 * method for a ratio) decreases strictly until it stops at the exact fixed point; it starts from
 * the zero-wait average and takes a handful of steps, since the waits can only take finitely many
 * values. When the fixed point lies above the index's limit (the penalty beyond the table is below
 * every achievable average, see {@link GittinsIndex#wait}), waits stop where the table ends and the
 * result is the best policy among those: the solution says so ({@code capped}).
 */
final class ThresholdSolver {
  private static final int MAX_ITERATIONS = 10_000;

  private ThresholdSolver() {}

  /** The solved policy, its exact average, and whether the table's end bounds its waits. */
  record Solution(UpdatePolicy policy, double average, boolean capped) {}

  static Solution solve(GittinsIndex index, PenaltyCurve curve, int position) {
    double best = ratio(UpdatePolicy.zeroWait(index.window(), index.transmission()), curve, position);
    for (int it = 0; it < MAX_ITERATIONS; it++) {
      UpdatePolicy policy = UpdatePolicy.threshold(index, position, best);
      double average = ratio(policy, curve, position);
      if (average < best - 1e-12 * Math.max(1, Math.abs(best))) {
        best = average;
      } else {
        // the fixed point p̄(β) = β: no wait rule does better at this price
        return new Solution(policy, average, best > index.limit());
      }
    }
    throw new IllegalStateException("the threshold iteration did not settle in " + MAX_ITERATIONS + " steps");
  }

  /** The average of a policy's waits applied at the given position. */
  private static double ratio(UpdatePolicy policy, PenaltyCurve curve, int position) {
    double[] rl = PolicyEvaluator.renewal(policy, curve, position);
    return rl[0] / rl[1];
  }
}
