package org.aoiforecast.solar.notebooks;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * The kernel side of a notebook run: a JVM of its own, started in the notebook's folder like a
 * Jupyter kernel, that runs every code cell in order through {@link IJavaShell} and writes the
 * executed notebook and a few measurements (peak resident memory, seconds).
 *
 * <p>Arguments: the notebook, the file for the executed notebook, the file for the measurements.
 * Exits with 1 at the first failing cell, whose error output is then the last one written, as
 * {@code jupyter nbconvert --execute --allow-errors} would leave it.
 */
public final class NotebookKernel {
  private NotebookKernel() {}

  public static void main(String[] args) throws Exception {
    PrintStream kernelErr = System.err;
    try {
      run(args, kernelErr);
    } catch (Throwable e) {
      // the notebook's streams are captured: the kernel's own failure goes to the real stderr
      e.printStackTrace(kernelErr);
      System.exit(2);
    }
  }

  private static void run(String[] args, PrintStream kernelErr) throws Exception {
    Path notebookFile = Path.of(args[0]);
    Path executedFile = Path.of(args[1]);
    Path statsFile = Path.of(args[2]);
    long start = System.nanoTime();
    Notebook notebook = Notebook.read(notebookFile);

    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
    System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));

    String failure = null;
    int failedCell = 0;
    List<ObjectNode> cells = notebook.codeCells();
    try (IJavaShell shell = new IJavaShell(Path.of("").toAbsolutePath())) {
      int count = 0;
      for (ObjectNode cell : cells) {
        count++;
        CellOutputs outputs = new CellOutputs();
        // printed text shows before a display that comes after it
        KernelDisplay.sendTo(bundle -> {
          drain(out, err, outputs);
          outputs.display(bundle);
        });
        try {
          Optional<IJavaShell.Value> value = shell.eval(Notebook.source(cell));
          drain(out, err, outputs);
          if (value.isPresent()) {
            outputs.result(count, KernelDisplay.render(value.get().object()));
          }
        } catch (CellFailure e) {
          drain(out, err, outputs);
          outputs.error(e.name(), e.detail());
          failure = e.getMessage();
          failedCell = count;
        }
        cell.put("execution_count", count);
        cell.set("outputs", outputs.toJson());
        if (failure != null) {
          break;
        }
      }
    } catch (CellFailure e) {
      failure = "kernel start: " + e.getMessage();
    }
    notebook.write(executedFile);

    ObjectNode stats = new ObjectMapper().createObjectNode();
    stats.put("seconds", (System.nanoTime() - start) / 1e9);
    stats.put("cpu_seconds", ProcessHandle.current().info().totalCpuDuration().map(d -> d.toMillis() / 1e3).orElse(-1.0));
    stats.put("peak_rss_kb", peakResidentKb());
    stats.put("max_heap_mb", Runtime.getRuntime().maxMemory() >> 20);
    if (failure != null) {
      stats.put("failed_cell", failedCell);
      stats.put("failure", failure);
    }
    Files.writeString(statsFile, stats.toString());
    kernelErr.flush();
    // the notebook's code may have left non-daemon threads (ND4J's, AWT's) running
    System.exit(failure == null ? 0 : 1);
  }

  private static void drain(ByteArrayOutputStream out, ByteArrayOutputStream err, CellOutputs outputs) {
    outputs.stream("stdout", out.toString(StandardCharsets.UTF_8));
    out.reset();
    outputs.stream("stderr", err.toString(StandardCharsets.UTF_8));
    err.reset();
  }

  /** Linux's high-water mark of this process's resident memory (VmHWM), or -1 where there is none. */
  static long peakResidentKb() {
    try {
      for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (line.startsWith("VmHWM:")) {
          return Long.parseLong(line.replaceAll("\\D", ""));
        }
      }
    } catch (IOException | NumberFormatException e) {
      // not Linux: no figure
    }
    return -1;
  }
}
