package org.aoiforecast.core.ageprocess;

import java.time.Duration;
import java.util.Arrays;
import org.aoiforecast.core.reading.ReadingSeries;

/** Every period the freshest generated reading is sent and arrives after a fixed delay. */
final class PeriodicSampling implements AgeProcess {
  private final long periodMillis;
  private final long delayMillis;

  PeriodicSampling(Duration period, Duration delay) {
    if (period == null || period.isZero() || period.isNegative()) {
      throw new IllegalArgumentException("the sampling period must be positive, got " + period);
    }
    if (delay == null || delay.isNegative()) {
      throw new IllegalArgumentException("the delay must be zero or positive, got " + delay);
    }
    this.periodMillis = period.toMillis();
    this.delayMillis = delay.toMillis();
  }

  @Override
  public ReadingSeries deliver(ReadingSeries generated, long seed) {
    int n = generated.size();
    if (n == 0) {
      return generated;
    }
    int[] positions = new int[n];
    long[] arrivals = new long[n];
    int kept = 0;
    long first = generated.generatedMillis(0);
    long last = generated.generatedMillis(n - 1);
    int i = 0;
    for (long instant = first; instant <= last; instant += periodMillis) {
      // freshest reading generated at or before this sampling instant
      while (i + 1 < n && generated.generatedMillis(i + 1) <= instant) {
        i++;
      }
      if (kept > 0 && positions[kept - 1] == i) {
        continue; // nothing new was generated since the previous sample
      }
      positions[kept] = i;
      arrivals[kept] = instant + delayMillis;
      kept++;
    }
    return generated.select(Arrays.copyOf(positions, kept), Arrays.copyOf(arrivals, kept));
  }

  @Override
  public String toString() {
    return "periodic sampling every " + Duration.ofMillis(periodMillis) + ", delay " + Duration.ofMillis(delayMillis);
  }
}
