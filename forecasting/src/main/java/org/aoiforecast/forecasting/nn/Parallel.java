package org.aoiforecast.forecasting.nn;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;

/**
 * Trains several networks side by side: a fixed pool of daemon threads maps task indices to
 * results, in index order. Each network runs on one native thread (see {@link Nd4jRuntime}), so
 * {@code n} threads keep {@code n} cores busy; an exception of any task is rethrown as it was.
 */
public final class Parallel {
  private Parallel() {}

  /**
   * @param count tasks {@code 0..count-1}
   * @param threads threads, at least 1 (1 runs the tasks in order on the calling thread)
   * @param task the work of one index
   * @param <T> the result type
   * @return the results, in index order
   */
  public static <T> List<T> map(int count, int threads, IntFunction<T> task) {
    List<T> out = new ArrayList<>(count);
    if (threads <= 1 || count <= 1) {
      for (int i = 0; i < count; i++) {
        out.add(task.apply(i));
      }
      return out;
    }
    Nd4jRuntime.configure(); // before the workers touch the backend
    ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
      Thread t = new Thread(r, "aoi-training");
      t.setDaemon(true);
      return t;
    });
    try {
      List<Future<T>> futures = new ArrayList<>(count);
      for (int i = 0; i < count; i++) {
        int index = i;
        futures.add(pool.submit(() -> task.apply(index)));
      }
      for (Future<T> f : futures) {
        out.add(f.get());
      }
      return out;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("training was interrupted", e);
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof RuntimeException r) {
        throw r;
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
