package org.aoiforecast.info.estimators;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Supplier;

/**
 * Runs a loop over sample indices on a given number of threads, in chunks so that threads that
 * finish early take more work. Each task gets its own scratch object (e.g. a neighbour buffer).
 */
public final class Parallel {
  private static final int CHUNK = 512;

  private Parallel() {}

  /** Body of a chunk: process samples {@code from} (inclusive) to {@code to} (exclusive). */
  @FunctionalInterface
  public interface Body<S> {
    /**
     * @param from first index
     * @param to end index, exclusive
     * @param scratch this task's scratch
     */
    void run(int from, int to, S scratch);
  }

  /**
   * @param n number of indices
   * @param threads threads to use (1 = run in the calling thread)
   * @param scratch makes one scratch object per task
   * @param body the loop body
   * @param <S> the scratch type
   */
  public static <S> void forRange(int n, int threads, Supplier<S> scratch, Body<S> body) {
    if (threads <= 1 || n <= CHUNK) {
      body.run(0, n, scratch.get());
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "aoi-estimator");
      t.setDaemon(true);
      return t;
    });
    try {
      int chunks = (n + CHUNK - 1) / CHUNK;
      java.util.concurrent.atomic.AtomicInteger next = new java.util.concurrent.atomic.AtomicInteger();
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < threads; t++) {
        futures.add(pool.submit(() -> {
          S s = scratch.get();
          for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
            int from = c * CHUNK;
            body.run(from, Math.min(n, from + CHUNK), s);
          }
        }));
      }
      for (Future<?> f : futures) {
        f.get();
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException re) {
        throw re;
      }
      if (cause instanceof Error err) {
        throw err;
      }
      throw new IllegalStateException(cause);
    } finally {
      pool.shutdownNow();
    }
  }
}
