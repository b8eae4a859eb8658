package org.aoiforecast.core.ageprocess;

import java.util.Arrays;
import java.util.Objects;
import org.aoiforecast.core.reading.ReadingSeries;
import org.apache.commons.math3.random.Well19937c;

/** Another age process followed by independent Bernoulli losses. */
final class Lossy implements AgeProcess {
  /** Decorrelates the loss draws from the inner process's draws made with the same seed. */
  private static final long LOSS_STREAM = 0x9E3779B97F4A7C15L;

  private final AgeProcess inner;
  private final double probability;

  Lossy(AgeProcess inner, double probability) {
    this.inner = Objects.requireNonNull(inner, "inner");
    if (!(probability >= 0 && probability < 1)) {
      throw new IllegalArgumentException("the loss probability must be in [0, 1), got " + probability);
    }
    this.probability = probability;
  }

  @Override
  public ReadingSeries deliver(ReadingSeries generated, long seed) {
    ReadingSeries delivered = inner.deliver(generated, seed);
    Well19937c random = new Well19937c(seed ^ LOSS_STREAM);
    int n = delivered.size();
    int[] positions = new int[n];
    long[] arrivals = new long[n];
    int kept = 0;
    for (int i = 0; i < n; i++) {
      if (random.nextDouble() >= probability) {
        positions[kept] = i;
        arrivals[kept] = delivered.arrivedMillis(i);
        kept++;
      }
    }
    return delivered.select(Arrays.copyOf(positions, kept), Arrays.copyOf(arrivals, kept));
  }

  @Override
  public String toString() {
    return inner + ", then loss with probability " + probability;
  }
}
