package org.aoiforecast.solar.notebooks;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Runs one notebook as a user runs it on a fresh clone: in a copy of the repository's layout that
 * holds only what a clone holds (the notebook, the default data) plus the built jars, with nothing
 * beside it (no {@code ../shared}, no downloaded data), in a kernel JVM of its own started in the
 * notebook's folder with the heap the user guide gives the kernel.
 *
 * @param executed the notebook with the outputs of this run
 * @param seconds the kernel's wall time, start to exit
 * @param peakRssMb the kernel's peak resident memory (VmHWM), -1 where unknown
 * @param failure the first failing cell's error, or null
 * @param kernelLog what the kernel JVM itself printed (not the notebook's output)
 */
record KernelRun(Notebook executed, double seconds, double peakRssMb, String failure, String kernelLog) {

  /**
   * @param notebook the notebook file in docs/notebooks
   * @param repository the repository root (holds solar-demo/target with the jars)
   * @param heap the kernel's -Xmx, e.g. "512m"
   * @param timeout how long the kernel may run
   */
  static KernelRun of(Path notebook, Path repository, String heap, Duration timeout)
      throws IOException, InterruptedException {
    Path clone = Files.createTempDirectory("fresh-clone");
    try {
      Path folder = Files.createDirectories(clone.resolve("docs/notebooks"));
      Path copy = Files.copy(notebook, folder.resolve(notebook.getFileName()));
      Files.createDirectories(clone.resolve("solar-demo"));
      Files.createSymbolicLink(clone.resolve("solar-demo/target"), repository.resolve("solar-demo/target").toAbsolutePath());
      Files.createDirectories(clone.resolve("data"));
      Files.createSymbolicLink(clone.resolve("data/solar-default.csv"),
          repository.resolve("data/solar-default.csv").toAbsolutePath());
      return run(copy, heap, timeout);
    } finally {
      deleteTree(clone);
    }
  }

  private static KernelRun run(Path notebook, String heap, Duration timeout) throws IOException, InterruptedException {
    Path dir = notebook.getParent();
    Path executed = dir.resolve("executed.json");
    Path stats = dir.resolve("stats.json");
    Path log = dir.resolve("kernel.log");
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Process process = new ProcessBuilder(java, "-Xmx" + heap, "-cp", kernelClassPath(),
        NotebookKernel.class.getName(), notebook.toString(), executed.toString(), stats.toString())
        .directory(dir.toFile())
        .redirectErrorStream(true)
        .redirectOutput(log.toFile())
        .start();
    if (!process.waitFor(timeout.toSeconds(), TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor();
      return new KernelRun(null, timeout.toSeconds(), -1, "kernel ran past " + timeout.toSeconds() + " s", Files.readString(log));
    }
    String kernelLog = Files.readString(log);
    if (!Files.exists(stats)) {
      return new KernelRun(null, -1, -1, "kernel died (exit " + process.exitValue() + "): " + kernelLog, kernelLog);
    }
    JsonNode s = new ObjectMapper().readTree(stats.toFile());
    String failure = s.has("failure") ? "cell " + s.get("failed_cell").asInt() + ": " + s.get("failure").asText() : null;
    long rssKb = s.get("peak_rss_kb").asLong();
    return new KernelRun(Notebook.read(executed), s.get("seconds").asDouble(), rssKb < 0 ? -1 : rssKb / 1024.0,
        failure, kernelLog);
  }

  /**
   * The kernel's class path: the kernel classes and Jackson only, as IJava's jar holds the kernel
   * and its own libraries. The project's classes are not on it: the notebook must add them with
   * %jars, as a user's does.
   */
  private static String kernelClassPath() {
    return Stream.of(NotebookKernel.class, ObjectMapper.class, JsonFactory.class, JsonAutoDetect.class)
        .map(KernelRun::location).distinct().collect(Collectors.joining(File.pathSeparator));
  }

  private static String location(Class<?> type) {
    try {
      return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    try (Stream<Path> walk = Files.walk(root)) {
      // deepest first; links are deleted, never followed
      for (Path p : walk.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
        Files.delete(p);
      }
    }
  }
}
