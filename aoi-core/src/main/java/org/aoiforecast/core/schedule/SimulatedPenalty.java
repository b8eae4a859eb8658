package org.aoiforecast.core.schedule;

/**
 * The time-average penalty of a policy measured on a seeded simulation.
 *
 * @param mean total penalty over total time of the simulated deliveries
 * @param standardError standard error of {@code mean}, from {@value PolicyEvaluator#BATCHES} batch
 *     means (0 when every transmission time is fixed: the simulation is then exact)
 * @param deliveries number of simulated deliveries (inter-delivery cycles)
 * @param seed the seed of the transmission times
 */
public record SimulatedPenalty(double mean, double standardError, int deliveries, long seed) {}
