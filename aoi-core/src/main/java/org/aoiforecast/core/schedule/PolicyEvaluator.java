package org.aoiforecast.core.schedule;

import org.apache.commons.math3.random.Well19937c;

/**
 * The time-average penalty of an {@link UpdatePolicy}, exactly and by simulation.
 *
 * <p>Exact: deliveries are renewal points up to the independent transmission times. A cycle starts
 * with a delivery at age {@code d = b + T} (T the time the delivered window took), waits
 * {@code Z = z(T)}, then sends the next window, which takes {@code T'}; the cycle lasts
 * {@code Z + T'} steps during which the age runs through {@code d, d + 1, ...}. By the
 * renewal-reward theorem the average penalty is
 * {@code E[Σ_{k<Z+T'} p(d + k)] / E[Z + T']}, with {@code T} and {@code T'} independent draws of
 * the law: a finite double sum.
 *
 * <p>Simulated: the same cycles with seeded draws of the transmission times; the mean is total
 * penalty over total time, its standard error comes from batch means.
 */
public final class PolicyEvaluator {
  /** Number of batches behind a simulation's standard error. */
  public static final int BATCHES = 20;

  private PolicyEvaluator() {}

  /**
   * @param policy the policy
   * @param table the penalty table; it must hold the policy's window length
   * @return the exact time-average penalty
   */
  public static double exact(UpdatePolicy policy, PenaltyTable table) {
    double[] rl = renewal(policy, table.curve(policy.window()), policy.position());
    return rl[0] / rl[1];
  }

  /**
   * Expected penalty and expected length of one inter-delivery cycle of a policy's waits, with the
   * window sent from buffer position {@code b}.
   *
   * @return {reward, length}
   */
  static double[] renewal(UpdatePolicy policy, PenaltyCurve curve, int b) {
    TransmissionTime law = policy.transmission();
    double reward = 0;
    double length = law.mean();
    for (int i = 0; i < law.size(); i++) {
      long d = (long) b + law.time(i);
      int z = policy.waitAfter(i);
      double cycle = 0;
      for (int j = 0; j < law.size(); j++) {
        cycle += law.probability(j) * curve.sum(d, (long) z + law.time(j));
      }
      reward += law.probability(i) * cycle;
      length += law.probability(i) * z;
    }
    return new double[] {reward, length};
  }

  /**
   * @param policy the policy
   * @param table the penalty table; it must hold the policy's window length
   * @param deliveries number of cycles to simulate, at least {@value #BATCHES}
   * @param seed seed of the transmission times
   * @return the simulated average with its standard error
   */
  public static SimulatedPenalty simulate(UpdatePolicy policy, PenaltyTable table, int deliveries, long seed) {
    if (deliveries < BATCHES) {
      throw new IllegalArgumentException("simulate at least " + BATCHES + " deliveries, got " + deliveries);
    }
    PenaltyCurve curve = table.curve(policy.window());
    TransmissionTime law = policy.transmission();
    Well19937c random = new Well19937c(seed);
    int b = policy.position();
    int last = law.sampleIndex(random);
    double[] batchReward = new double[BATCHES];
    double[] batchLength = new double[BATCHES];
    for (int c = 0; c < deliveries; c++) {
      int next = law.sampleIndex(random);
      long d = (long) b + law.time(last);
      long length = (long) policy.waitAfter(last) + law.time(next);
      int batch = (int) ((long) c * BATCHES / deliveries);
      batchReward[batch] += curve.sum(d, length);
      batchLength[batch] += length;
      last = next;
    }
    double reward = 0;
    double length = 0;
    for (int k = 0; k < BATCHES; k++) {
      reward += batchReward[k];
      length += batchLength[k];
    }
    double mean = reward / length;
    double ss = 0;
    for (int k = 0; k < BATCHES; k++) {
      double r = batchReward[k] / batchLength[k] - mean;
      ss += r * r;
    }
    double stderr = law.size() == 1 ? 0 : Math.sqrt(ss / (BATCHES - 1) / BATCHES);
    return new SimulatedPenalty(mean, stderr, deliveries, seed);
  }
}
