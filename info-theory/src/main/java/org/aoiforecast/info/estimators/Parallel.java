package org.aoiforecast.info.estimators;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntConsumer;
import java.util.function.Supplier;

/**
 * Runs a loop over indices on a given number of threads, in chunks taken by whichever thread is
 * free, so that threads that finish early take more work. Each task gets its own scratch object
 * (e.g. a neighbour buffer). Exceptions of the loop body reach the caller unchanged.
 */
public final class Parallel {
  /** Chunk of sample indices for estimators: small enough to balance, large enough to be cheap. */
  private static final int SAMPLE_CHUNK = 512;

  private Parallel() {}

  /** Body of a chunk: process indices {@code from} (inclusive) to {@code to} (exclusive). */
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
   * A loop over samples, in chunks of 512.
   *
   * @param n number of indices
   * @param threads threads to use (1 = run in the calling thread)
   * @param scratch makes one scratch object per task
   * @param body the loop body
   * @param <S> the scratch type
   */
  public static <S> void forRange(int n, int threads, Supplier<S> scratch, Body<S> body) {
    forRange(n, SAMPLE_CHUNK, threads, scratch, body);
  }

  /**
   * A loop over independent jobs, one at a time per thread (for coarse work such as one estimate
   * per age).
   *
   * @param n number of jobs
   * @param threads threads to use
   * @param job runs job {@code i}
   */
  public static void forEach(int n, int threads, IntConsumer job) {
    forRange(n, 1, threads, () -> null, (from, to, none) -> {
      for (int i = from; i < to; i++) {
        job.accept(i);
      }
    });
  }

  private static <S> void forRange(int n, int chunk, int threads, Supplier<S> scratch, Body<S> body) {
    int chunks = (n + chunk - 1) / chunk;
    int workers = Math.min(threads, chunks);
    if (workers <= 1) {
      body.run(0, n, scratch.get());
      return;
    }
    ExecutorService pool = Executors.newFixedThreadPool(workers, r -> {
      Thread t = new Thread(r, "aoi-worker");
      t.setDaemon(true);
      return t;
    });
    try {
      AtomicInteger next = new AtomicInteger();
      List<Future<?>> futures = new ArrayList<>();
      for (int t = 0; t < workers; t++) {
        futures.add(pool.submit(() -> {
          S s = scratch.get();
          try {
            for (int c = next.getAndIncrement(); c < chunks; c = next.getAndIncrement()) {
              int from = c * chunk;
              body.run(from, Math.min(n, from + chunk), s);
            }
          } catch (RuntimeException | Error e) {
            next.set(chunks); // the others stop after their current chunk
            throw e;
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
