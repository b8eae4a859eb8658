package org.aoiforecast.core.ageprocess;

import java.time.Duration;
import org.aoiforecast.core.reading.ReadingSeries;
import org.apache.commons.math3.distribution.RealDistribution;

/**
 * How readings travel from their source to the forecaster: given when each reading was generated,
 * decide which readings are delivered and when each arrives. This is what makes ages evolve in
 * time (a sawtooth under periodic sampling, a random walk under random delays, ...).
 *
 * <p>Implementations are immutable and deterministic for a given seed: the same input and seed
 * give the same deliveries on every run and machine. Readings that an age process does not
 * deliver (lost, or never sampled) are absent from its output; this is the process's documented
 * semantics, not a silent drop of data.
 */
public interface AgeProcess {

  /**
   * Delivers the readings of a series.
   *
   * @param generated the readings as generated; their current arrival times are ignored
   * @param seed seed of the random choices (ignored by deterministic processes)
   * @return the delivered readings with their arrival times
   */
  ReadingSeries deliver(ReadingSeries generated, long seed);

  /**
   * Every reading arrives a fixed delay after its generation.
   *
   * @param delay a non-negative delay
   * @return the process
   */
  static AgeProcess fixedDelay(Duration delay) {
    return new FixedDelay(delay);
  }

  /**
   * Every reading arrives after an independent random delay drawn from a distribution, in
   * seconds. Any Commons Math distribution can be used, e.g. {@code new ExponentialDistribution(600)}
   * for a mean delay of ten minutes. The distribution's generator is reseeded from the seed at
   * each call (the distribution object is therefore shared state: do not sample it concurrently
   * elsewhere). A negative draw is an error: arrival cannot precede generation.
   *
   * @param delaySeconds the delay distribution, in seconds
   * @return the process
   */
  static AgeProcess randomDelay(RealDistribution delaySeconds) {
    return new RandomDelay(delaySeconds);
  }

  /**
   * Periodic sampling: every {@code period}, starting at the first generation time, the freshest
   * reading generated so far is sent and arrives {@code delay} later; the readings in between are
   * never sent. Ages follow a sawtooth from {@code delay} to {@code delay + period} (plus the
   * source's own spacing).
   *
   * @param period the sampling period, positive
   * @param delay the transmission delay, non-negative
   * @return the process
   */
  static AgeProcess periodicSampling(Duration period, Duration delay) {
    return new PeriodicSampling(period, delay);
  }

  /**
   * A recorded trace of deliveries: pairs of (generation time, arrival time) in epoch
   * milliseconds. A reading whose generation time appears in the trace arrives at the recorded
   * time; a reading absent from the trace was not delivered (the trace records deliveries).
   *
   * @param generatedMillis generation times, distinct
   * @param arrivedMillis arrival times, parallel, each at or after its generation time
   * @return the process
   */
  static AgeProcess trace(long[] generatedMillis, long[] arrivedMillis) {
    return new RecordedTrace(generatedMillis, arrivedMillis);
  }

  /**
   * This process followed by independent losses: each delivered reading is lost with the given
   * probability (seeded from the same seed, so the delays and the losses are reproducible).
   *
   * @param probability loss probability in [0, 1)
   * @return the lossy process
   */
  default AgeProcess withLoss(double probability) {
    return new Lossy(this, probability);
  }
}
