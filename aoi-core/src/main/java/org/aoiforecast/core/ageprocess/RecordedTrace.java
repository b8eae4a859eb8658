package org.aoiforecast.core.ageprocess;

import java.time.Instant;
import java.util.Arrays;
import org.aoiforecast.core.DataException;
import org.aoiforecast.core.reading.ReadingSeries;

/** A recorded trace of (generation, arrival) pairs; readings absent from it were not delivered. */
final class RecordedTrace implements AgeProcess {
  private final long[] generated; // sorted
  private final long[] arrived;   // parallel

  RecordedTrace(long[] generatedMillis, long[] arrivedMillis) {
    if (generatedMillis.length != arrivedMillis.length) {
      throw new DataException("trace: " + generatedMillis.length + " generation times but "
          + arrivedMillis.length + " arrival times; expected pairs");
    }
    int n = generatedMillis.length;
    Integer[] order = new Integer[n];
    for (int i = 0; i < n; i++) {
      order[i] = i;
      if (arrivedMillis[i] < generatedMillis[i]) {
        throw new DataException("trace entry " + i + ": arrival " + Instant.ofEpochMilli(arrivedMillis[i])
            + " precedes generation " + Instant.ofEpochMilli(generatedMillis[i]) + "; arrival must not precede generation");
      }
    }
    Arrays.sort(order, (a, b) -> Long.compare(generatedMillis[a], generatedMillis[b]));
    this.generated = new long[n];
    this.arrived = new long[n];
    for (int i = 0; i < n; i++) {
      generated[i] = generatedMillis[order[i]];
      arrived[i] = arrivedMillis[order[i]];
      if (i > 0 && generated[i] == generated[i - 1]) {
        throw new DataException("trace entries " + order[i - 1] + " and " + order[i] + " both record generation time "
            + Instant.ofEpochMilli(generated[i]) + "; expected one delivery per reading");
      }
    }
  }

  @Override
  public ReadingSeries deliver(ReadingSeries series, long seed) {
    int n = series.size();
    int[] positions = new int[n];
    long[] arrivals = new long[n];
    int kept = 0;
    int j = 0;
    for (int i = 0; i < n; i++) {
      long g = series.generatedMillis(i);
      while (j < generated.length && generated[j] < g) {
        j++;
      }
      if (j < generated.length && generated[j] == g) {
        positions[kept] = i;
        arrivals[kept] = arrived[j];
        kept++;
      }
    }
    return series.select(Arrays.copyOf(positions, kept), Arrays.copyOf(arrivals, kept));
  }

  @Override
  public String toString() {
    return "recorded trace of " + generated.length + " deliveries";
  }
}
