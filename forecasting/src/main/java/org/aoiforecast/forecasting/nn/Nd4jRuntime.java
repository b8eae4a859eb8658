package org.aoiforecast.forecasting.nn;

import org.nd4j.linalg.factory.Nd4j;
import org.nd4j.nativeblas.NativeOpsHolder;

/**
 * Thread settings of the ND4J backend, applied once before the first network is built, so that
 * users need no environment variables.
 *
 * <p>The networks of this library are small (tens of units, minibatches of a few hundred rows):
 * every operation is too short to repay OpenMP's fork-join across cores, and measured on a
 * 2-core machine the CPU backend trains such networks 2-4 times faster with one native thread per
 * operation (see docs/benchmarks.md). So by default ND4J's OpenMP and BLAS thread counts are set
 * to 1. Set the system property {@code aoi.nd4j.threads} to another number (or "default" to
 * leave ND4J's own choice) before the first network is built to override. The CUDA backend is
 * left as it is (its threads are the GPU's).
 */
public final class Nd4jRuntime {
  /** The system property that overrides the native thread count. */
  public static final String THREADS_PROPERTY = "aoi.nd4j.threads";

  private static volatile boolean configured;

  private Nd4jRuntime() {}

  /** Applies the thread settings (once; later calls do nothing). */
  public static synchronized void configure() {
    if (configured) {
      return;
    }
    configured = true;
    String setting = System.getProperty(THREADS_PROPERTY, "1").trim();
    if (setting.equalsIgnoreCase("default")) {
      return;
    }
    int threads;
    try {
      threads = Integer.parseInt(setting);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("system property " + THREADS_PROPERTY + " must be a positive number or"
          + " 'default', got '" + setting + "'");
    }
    if (threads < 1) {
      throw new IllegalArgumentException("system property " + THREADS_PROPERTY + " must be at least 1, got " + threads);
    }
    if (!Nd4j.getBackend().getClass().getSimpleName().startsWith("Cpu")) {
      return; // a GPU backend: host threads only feed the device
    }
    Nd4j.getEnvironment().setMaxMasterThreads(threads);
    Nd4j.getEnvironment().setMaxThreads(threads);
    Nd4j.factory().blas().setMaxThreads(threads);
    NativeOpsHolder.getInstance().getDeviceNativeOps().setOmpNumThreads(threads);
  }

  /** @return a one-line description of the backend and its thread settings */
  public static String describe() {
    configure();
    return Nd4j.getBackend().getClass().getSimpleName() + ", " + Nd4j.getEnvironment().maxThreads()
        + " native thread(s), BLAS threads " + Nd4j.factory().blas().getMaxThreads();
  }
}
