package org.aoiforecast.solar.notebooks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The notebook rules, on small notebooks that break them and on the committed notebooks. */
class NotebookRulesTest {
  private static final Path DIR = Path.of("../docs/notebooks");

  @Test
  void anImportAfterTheFirstCodeCellIsRejected() throws IOException {
    List<String> v = NotebookRules.violations(Notebook.parse(NotebooksIT.notebook(
        "import java.time.*;\nDuration d = Duration.ofHours(1);", "  import java.util.function.*;\nd.toHours();")));
    assertEquals(1, v.size(), v.toString());
    assertTrue(v.get(0).startsWith("code cell 2: imports after the first code cell"), v.get(0));
  }

  @Test
  void importsInTheFirstCodeCellAndImportWordsElsewhereAreAccepted() throws IOException {
    assertEquals(List.of(), NotebookRules.violations(Notebook.parse(NotebooksIT.notebook(
        "%jars x.jar\nimport java.time.*;\nimport static java.lang.Math.max;",
        "String s = \"an import of data\";\nint important = 1;"))));
  }

  @Test
  void aCellEndingInDisplayIsRejectedButNotOneEndingInAStatement() throws IOException {
    List<String> v = NotebookRules.violations(Notebook.parse(NotebooksIT.notebook(
        "display(1);\n// a comment after it does not help", "display(2);\nSystem.out.println(3);")));
    assertEquals(1, v.size(), v.toString());
    assertTrue(v.get(0).startsWith("code cell 1: ends with display(...)"), v.get(0));
  }

  @Test
  void sharedDataAndAnotherKernelNameAreRejected() throws IOException {
    String json = NotebooksIT.notebook("var p = java.nio.file.Path.of(\"../../../shared/data/x.csv\");")
        .replace("\"name\": \"java\"", "\"name\": \"jbang-java\"");
    assertEquals(2, NotebookRules.violations(Notebook.parse(json)).size());
  }

  @Test
  void theCommittedNotebooksFollowTheRules() throws IOException {
    List<Path> notebooks;
    try (Stream<Path> s = Files.list(DIR)) {
      notebooks = s.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
    }
    assertTrue(notebooks.size() >= 4, "expected the notebooks in " + DIR.toAbsolutePath());
    for (Path nb : notebooks) {
      assertEquals(List.of(), NotebookRules.violations(Notebook.read(nb)), nb.getFileName().toString());
    }
  }
}
