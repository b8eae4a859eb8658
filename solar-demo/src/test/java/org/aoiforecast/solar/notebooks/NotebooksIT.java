package org.aoiforecast.solar.notebooks;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.aoiforecast.core.testing.SharedData;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Runs every code cell of every notebook in docs/notebooks, in order, through JShell with the
 * packaged jars (an integration test: it needs {@code mvn package}'s output). Fails on any compile
 * error or exception, naming the notebook, cell and message.
 *
 * <p>With {@code -Dnotebooks.write=true} it also writes each cell's outputs back into the
 * notebook, so that the committed notebooks show a real run: {@code mvn -B verify
 * -Dnotebooks.write=true}.
 */
class NotebooksIT {
  private static final Path DIR = Path.of(System.getProperty("notebooks.dir", "../docs/notebooks"));

  @TestFactory
  Stream<DynamicTest> notebooksRunCleanly() throws IOException {
    boolean write = Boolean.getBoolean("notebooks.write");
    List<Path> notebooks;
    try (Stream<Path> s = Files.list(DIR)) {
      notebooks = s.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
    }
    assertTrue(notebooks.size() >= 3, "expected the three notebooks in " + DIR.toAbsolutePath());
    return notebooks.stream().map(nb -> DynamicTest.dynamicTest(nb.getFileName().toString(), () -> {
      if (Files.readString(nb).contains("shared/data")) {
        assumeTrue(SharedData.find("tmy3/723170TYA.CSV") != null, "needs ../shared/data");
      }
      try (NotebookRunner runner = new NotebookRunner(nb.toAbsolutePath())) {
        int cells = runner.run(write);
        assertTrue(cells > 0, nb + " has no code cell");
      }
    }));
  }
}
