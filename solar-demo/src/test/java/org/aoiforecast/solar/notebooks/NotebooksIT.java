package org.aoiforecast.solar.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every notebook in docs/notebooks as a user does, and compares its outputs with the committed
 * ones (an integration test: it needs {@code mvn package}'s jars).
 *
 * <p>Each notebook runs in a kernel JVM of its own ({@link KernelRun}): IJava's cell semantics
 * ({@link IJavaShell}, whose engine cannot redefine classes), the notebook's folder as working
 * directory, a fresh-clone layout with no {@code ../shared} and no downloaded data, and the heap the
 * user guide gives the kernel ({@value #HEAP}). The test fails when a cell fails, when the outputs
 * differ from the committed ones ({@link OutputComparison}: timings masked, images by size), when a
 * notebook breaks a {@link NotebookRules rule}, or when the kernel's peak resident memory passes
 * {@value #MAX_RSS_MB} MB.
 *
 * <p>With {@code -Dnotebooks.write=true} it writes the fresh outputs into the notebooks instead of
 * comparing: {@code mvn -B verify -Dnotebooks.write=true}.
 */
class NotebooksIT {
  /** The kernel heap that docs/user-guide.md tells users to set in kernel.json. */
  static final String HEAP = "512m";
  /** The resident-memory budget of one notebook's kernel (docs/benchmarks.md). */
  static final double MAX_RSS_MB = 1024;
  /** A guard against a runaway notebook; the measured times are in docs/benchmarks.md. */
  private static final Duration TIMEOUT = Duration.ofMinutes(4);

  private static final Path DIR = Path.of(System.getProperty("notebooks.dir", "../docs/notebooks"));
  private static final Path REPOSITORY = DIR.resolve("../..").normalize();

  @TestFactory
  Stream<DynamicTest> notebooksRunAsInIJavaOnAFreshClone() throws IOException {
    boolean write = Boolean.getBoolean("notebooks.write");
    List<Path> notebooks;
    try (Stream<Path> s = Files.list(DIR)) {
      notebooks = s.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
    }
    assertTrue(notebooks.size() >= 4, "expected the notebooks in " + DIR.toAbsolutePath());
    return notebooks.stream().map(nb -> DynamicTest.dynamicTest(nb.getFileName().toString(), () -> {
      Notebook committed = Notebook.read(nb);
      assertEquals(List.of(), NotebookRules.violations(committed), nb.getFileName() + " breaks the notebook rules");

      KernelRun run = KernelRun.of(nb, REPOSITORY, HEAP, TIMEOUT);
      String figures = String.format("%s: %.1f s, peak resident %.0f MB (-Xmx%s)",
          nb.getFileName(), run.seconds(), run.peakRssMb(), HEAP);
      System.out.println(figures);
      assertNull(run.failure(), nb.getFileName() + " fails in an IJava-like kernel: " + run.failure()
          + "\nkernel log:\n" + run.kernelLog());
      if (run.peakRssMb() >= 0) {
        assertTrue(run.peakRssMb() < MAX_RSS_MB, figures + " is over the " + MAX_RSS_MB + " MB budget");
      }
      if (write) {
        run.executed().write(nb);
      } else {
        List<String> differences = OutputComparison.differences(committed, run.executed());
        assertEquals("", String.join("\n", differences), nb.getFileName()
            + ": fresh outputs differ from the committed ones; if the change is intended, regenerate them "
            + "with mvn -B verify -Dnotebooks.write=true");
      }
    }));
  }

  /**
   * The failure every IJava user met in 01-quickstart: an import in a later cell resets the earlier
   * cells' variables to null. Plain JShell (the engine this suite used before) keeps them, so a
   * runner built on it passes such a notebook; this kernel must not.
   */
  @Test
  void aLateImportFailsAsInIJava() throws Exception {
    Path dir = Files.createTempDirectory("late-import");
    Path nb = dir.resolve("late-import.ipynb");
    // the first three code cells of 01-quickstart as it was, imports spread over the cells
    Files.writeString(nb, notebook(
        "%jars ../../solar-demo/target/aoi-solar-demo.jar\n%jars ../../solar-demo/target/lib/*.jar",
        "import java.time.*;\nimport java.util.*;\nimport org.aoiforecast.core.*;\nimport org.aoiforecast.solar.data.*;\n\n"
            + "SolarData data = SolarReaders.defaultData();\nTimeSeries series = data.series();\n"
            + "System.out.println(series);\ndisplay(series.toTable().inRange(10, 16));",
        "import org.aoiforecast.core.reading.*;\nimport org.aoiforecast.core.ageprocess.*;\n\n"
            + "ReadingSeries generated = ReadingSeries.fromTimeSeries(series, Source.ofColumn(\"CloudCover\"));"));
    try {
      KernelRun run = KernelRun.of(nb, REPOSITORY, HEAP, TIMEOUT);
      assertNotNull(run.failure(), "a late import must fail as it does in IJava");
      assertTrue(run.failure().startsWith("cell 3: java.lang.NullPointerException")
          && run.failure().contains("\"series\" is null"), run.failure());
      List<String> violations = NotebookRules.violations(Notebook.read(nb));
      assertTrue(violations.stream().anyMatch(v -> v.startsWith("code cell 3: imports after the first code cell")),
          "the rules must name the late import: " + violations);
    } finally {
      Files.delete(nb);
      Files.delete(dir);
    }
  }

  /** A minimal nbformat 4 notebook with the given code cells. */
  static String notebook(String... cells) {
    StringBuilder json = new StringBuilder("{\"cells\": [");
    for (int i = 0; i < cells.length; i++) {
      json.append(i > 0 ? "," : "").append("{\"cell_type\": \"code\", \"metadata\": {}, \"outputs\": [], \"source\": \"")
          .append(cells[i].replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n")).append("\"}");
    }
    return json.append("], \"metadata\": {\"kernelspec\": {\"name\": \"java\", \"display_name\": \"Java\", "
        + "\"language\": \"java\"}}, \"nbformat\": 4, \"nbformat_minor\": 5}").toString();
  }
}
