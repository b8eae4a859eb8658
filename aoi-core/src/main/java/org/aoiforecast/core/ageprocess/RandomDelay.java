package org.aoiforecast.core.ageprocess;

import java.time.Instant;
import java.util.Objects;
import org.aoiforecast.core.DataException;
import org.aoiforecast.core.reading.ReadingSeries;
import org.apache.commons.math3.distribution.RealDistribution;

/** Independent random delays, in seconds, drawn from a Commons Math distribution. */
final class RandomDelay implements AgeProcess {
  private final RealDistribution delaySeconds;

  RandomDelay(RealDistribution delaySeconds) {
    this.delaySeconds = Objects.requireNonNull(delaySeconds, "delaySeconds");
  }

  @Override
  public ReadingSeries deliver(ReadingSeries generated, long seed) {
    long[] arrived = generated.generatedMillis();
    double[] delays;
    // The distribution owns its generator; reseeding and sampling under one lock keeps the
    // draws reproducible even if the same process is used from several threads.
    synchronized (delaySeconds) {
      delaySeconds.reseedRandomGenerator(seed);
      delays = delaySeconds.sample(arrived.length);
    }
    for (int i = 0; i < arrived.length; i++) {
      double d = delays[i];
      if (!(d >= 0) || Double.isInfinite(d)) {
        throw new DataException("random delay for reading " + i + " generated at "
            + Instant.ofEpochMilli(arrived[i]) + " is " + d + " s; expected a finite delay >= 0 (arrival cannot"
            + " precede generation): use a distribution with non-negative support");
      }
      arrived[i] = Math.addExact(arrived[i], Math.round(d * 1000.0));
    }
    return generated.withArrivals(arrived);
  }

  @Override
  public String toString() {
    return "random delay ~ " + delaySeconds.getClass().getSimpleName() + " (mean "
        + delaySeconds.getNumericalMean() + " s)";
  }
}
