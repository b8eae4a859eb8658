package org.aoiforecast.solar.notebooks;

import java.lang.reflect.Method;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicLong;
import jdk.jshell.execution.DirectExecutionControl;
import jdk.jshell.spi.ExecutionControl;
import jdk.jshell.spi.ExecutionControlProvider;
import jdk.jshell.spi.ExecutionEnv;

/**
 * JShell's execution engine as IJava 1.3.0 builds it: the snippets run in the kernel's own JVM
 * ({@link DirectExecutionControl}, which cannot redefine a loaded class), on one executor thread,
 * and each snippet's value is kept as an object (not as JShell's string) so that the kernel can
 * render it, an image as an image.
 *
 * <p>The lack of redefinition is the point: when a new import makes JShell recompile earlier
 * snippets, the remote engine of plain JShell redefines their classes in place and keeps the
 * variables; this engine must load new classes instead, and the variables start again from null.
 */
final class DirectEngine implements ExecutionControlProvider {
  private static final Object NULL = new Object();

  private Control control;

  @Override
  public String name() {
    return "aoi-direct";
  }

  @Override
  public ExecutionControl generate(ExecutionEnv env, Map<String, String> parameters) {
    control = new Control();
    return control;
  }

  /**
   * @param key the value JShell reports for an executed snippet
   * @return the object the snippet evaluated to (null for null); each key can be taken once
   */
  Object take(String key) {
    Object value = control.results.remove(key);
    if (value == null) {
      throw new IllegalStateException("no result for \"" + key + "\"");
    }
    return value == NULL ? null : value;
  }

  /** Drops the results of snippets that JShell reports without a value (statements). */
  void clear() {
    control.results.clear();
  }

  private static final class Control extends DirectExecutionControl {
    private final Map<String, Object> results = new ConcurrentHashMap<>();
    private final AtomicLong keys = new AtomicLong();
    private final ExecutorService executor = Executors.newSingleThreadExecutor(r -> {
      Thread t = new Thread(r, "notebook-executor");
      t.setDaemon(true);
      return t;
    });

    @Override
    protected String invoke(Method doit) throws Exception {
      Future<Object> task = executor.submit(() -> doit.invoke(null));
      Object value;
      try {
        value = task.get();
      } catch (ExecutionException e) {
        // unwrap to the InvocationTargetException that DirectExecutionControl turns into the user's exception
        throw e.getCause() instanceof Exception cause ? cause : e;
      }
      String key = "result-" + keys.incrementAndGet();
      results.put(key, value == null ? NULL : value);
      return key;
    }

    @Override
    public void close() {
      executor.shutdownNow();
      super.close();
    }
  }
}
