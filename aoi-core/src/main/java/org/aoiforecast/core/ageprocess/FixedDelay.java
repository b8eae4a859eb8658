package org.aoiforecast.core.ageprocess;

import java.time.Duration;
import org.aoiforecast.core.reading.ReadingSeries;

/** Every reading arrives a fixed, non-negative delay after it is generated. */
final class FixedDelay implements AgeProcess {
  private final long delayMillis;

  FixedDelay(Duration delay) {
    if (delay == null || delay.isNegative()) {
      throw new IllegalArgumentException("the delay must be zero or positive, got " + delay);
    }
    this.delayMillis = delay.toMillis();
  }

  @Override
  public ReadingSeries deliver(ReadingSeries generated, long seed) {
    long[] arrived = generated.generatedMillis();
    for (int i = 0; i < arrived.length; i++) {
      arrived[i] = Math.addExact(arrived[i], delayMillis);
    }
    return generated.withArrivals(arrived);
  }

  @Override
  public String toString() {
    return "fixed delay " + Duration.ofMillis(delayMillis);
  }
}
