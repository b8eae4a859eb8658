package org.aoiforecast.core;

/**
 * Receives progress of a long computation (an age-loss profile, a training sweep), for example to
 * draw a progress bar. Called from worker threads: implementations must be thread-safe and fast.
 */
@FunctionalInterface
public interface ProgressListener {
  /** A listener that ignores everything. */
  ProgressListener NONE = (task, done, total) -> { };

  /**
   * @param task what is being done, e.g. "profile u=6"
   * @param done units finished so far
   * @param total units in all
   */
  void progress(String task, long done, long total);
}
