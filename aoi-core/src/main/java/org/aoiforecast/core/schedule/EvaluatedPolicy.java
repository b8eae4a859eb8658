package org.aoiforecast.core.schedule;

import java.util.Objects;

/**
 * A policy with its time-average penalty, exact and simulated, in the penalty table's units.
 *
 * @param policy the policy
 * @param average the exact time-average penalty (renewal reward)
 * @param simulated the simulated one, with its standard error
 */
public record EvaluatedPolicy(UpdatePolicy policy, double average, SimulatedPenalty simulated) {
  /** Checks the parts. */
  public EvaluatedPolicy {
    Objects.requireNonNull(policy, "policy");
    Objects.requireNonNull(simulated, "simulated");
  }

  static EvaluatedPolicy of(UpdatePolicy policy, double average, PenaltyTable table, int deliveries, long seed) {
    return new EvaluatedPolicy(policy, average, PolicyEvaluator.simulate(policy, table, deliveries, seed));
  }
}
