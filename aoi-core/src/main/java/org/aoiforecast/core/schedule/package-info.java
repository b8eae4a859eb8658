/**
 * Age-aware update scheduling: when to send which reading over a channel that carries one window
 * at a time, given the estimated penalty {@code p(Δ, u)} of age {@code Δ} and window length
 * {@code u} (an age-loss profile or a trained model's loss per age).
 *
 * <p>Time is discrete, in steps of the data. A window of length {@code u} taken at buffer
 * position {@code b} (0 = the freshest sample) and sent at time {@code S} arrives at
 * {@code D = S + T}, where the transmission time {@code T >= 1} is drawn from a
 * {@link org.aoiforecast.core.schedule.TransmissionTime} law per window length; the age on
 * delivery is {@code b + T} and then grows by one per step until the next delivery. A policy
 * ({@link org.aoiforecast.core.schedule.UpdatePolicy}) chooses {@code u}, {@code b} and the wait
 * after each delivery: zero-wait, periodic, or the Gittins-index threshold policy of Shisher, Sun
 * et al. that minimises the time-average penalty. Policies are
 * {@link org.aoiforecast.core.ageprocess.AgeProcess age processes}, so they can deliver readings
 * into an alignment; {@link org.aoiforecast.core.schedule.PolicyEvaluator} gives their exact
 * (renewal-reward) and simulated average penalty, and
 * {@link org.aoiforecast.core.schedule.Scheduler} compares them and writes the {@code schedule}
 * report (docs/json.md).
 *
 * <p>This package depends on {@code ageprocess}, {@code reading} and {@code io}; nothing there
 * depends on it.
 */
package org.aoiforecast.core.schedule;
