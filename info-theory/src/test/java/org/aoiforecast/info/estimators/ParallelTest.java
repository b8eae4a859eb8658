package org.aoiforecast.info.estimators;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.concurrent.atomic.AtomicIntegerArray;
import org.junit.jupiter.api.Test;

class ParallelTest {
  @Test
  void forRangeVisitsEveryIndexOnceWhateverTheThreadCount() {
    for (int threads : new int[] {1, 2, 3, 8}) {
      for (int n : new int[] {0, 1, 511, 512, 513, 5000}) {
        AtomicIntegerArray hits = new AtomicIntegerArray(n);
        Parallel.forRange(n, threads, () -> null, (from, to, none) -> {
          for (int i = from; i < to; i++) {
            hits.incrementAndGet(i);
          }
        });
        for (int i = 0; i < n; i++) {
          assertEquals(1, hits.get(i), "index " + i + " of " + n + " with " + threads + " threads");
        }
      }
    }
  }

  @Test
  void forEachRunsEveryJobOnce() {
    AtomicIntegerArray hits = new AtomicIntegerArray(37);
    Parallel.forEach(37, 4, hits::incrementAndGet);
    for (int i = 0; i < 37; i++) {
      assertEquals(1, hits.get(i), "job " + i);
    }
  }

  @Test
  void theBodysExceptionReachesTheCallerUnchanged() {
    IllegalArgumentException thrown = new IllegalArgumentException("bad sample 7");
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> Parallel.forEach(20, 3, i -> {
      if (i == 7) {
        throw thrown;
      }
    }));
    assertSame(thrown, e);
  }
}
