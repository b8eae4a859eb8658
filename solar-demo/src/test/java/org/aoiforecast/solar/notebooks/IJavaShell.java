package org.aoiforecast.solar.notebooks;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;

/**
 * Evaluates notebook cells with the semantics of the IJava 1.3.0 kernel (and of JJava, which keeps
 * them): JShell on an in-process engine that cannot redefine classes ({@link DirectEngine}), IJava's
 * startup imports and {@code display}, the {@code %jars} and {@code %classpath} line magics with
 * globs resolved against the working directory (the notebook's folder, where Jupyter starts the
 * kernel), and a cell's value taken from its last snippet only.
 */
final class IJavaShell implements AutoCloseable {
  /** IJava's startup script (ijava-jshell-init.jshell), with this kernel's display. */
  private static final String STARTUP = """
      import java.util.*;
      import java.io.*;
      import java.math.*;
      import java.net.*;
      import java.util.concurrent.*;
      import java.util.prefs.*;
      import java.util.regex.*;
      import static org.aoiforecast.solar.notebooks.KernelDisplay.display;
      public void printf(String format, Object... args) {
          System.out.printf(format, args);
      }
      """;

  private final Path workDir;
  private final DirectEngine engine = new DirectEngine();
  private final JShell shell;

  /** The value of a cell: present when its last snippet is an expression, as IJava decides. */
  record Value(Object object) {}

  /**
   * @param workDir where relative paths in magics resolve: the kernel's working directory
   */
  IJavaShell(Path workDir) throws CellFailure {
    this.workDir = workDir;
    this.shell = JShell.builder().executionEngine(engine, java.util.Map.of()).build();
    eval(STARTUP);
  }

  /**
   * Runs one cell.
   *
   * @param source the cell's source
   * @return the cell's value, if its last snippet is an expression with a value
   * @throws CellFailure at the first snippet that does not compile or throws (later snippets of
   *     the cell do not run, as in IJava)
   */
  Optional<Value> eval(String source) throws CellFailure {
    Optional<Value> last = Optional.empty();
    StringBuilder code = new StringBuilder();
    for (String line : source.split("\n", -1)) {
      String t = line.strip();
      if (t.startsWith("%")) {
        // a magic runs in its place among the snippets and leaves no value (IJava appends {};)
        last = evalJava(code.toString(), last);
        code.setLength(0);
        magic(t);
        last = Optional.empty();
      } else {
        code.append(line).append('\n');
      }
    }
    return evalJava(code.toString(), last);
  }

  private Optional<Value> evalJava(String code, Optional<Value> before) throws CellFailure {
    Optional<Value> last = before;
    SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
    String remaining = code;
    while (!remaining.isBlank()) {
      SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
      if (!info.completeness().isComplete()) {
        throw new CellFailure("IncompleteSourceException", remaining.strip());
      }
      last = evalSnippet(info.source());
      remaining = info.remaining();
    }
    return last;
  }

  /** One snippet, handled as IJava's CodeEvaluator.evalSingle does. */
  private Optional<Value> evalSnippet(String snippet) throws CellFailure {
    List<SnippetEvent> events = shell.eval(snippet);
    Optional<Value> value = Optional.empty();
    for (SnippetEvent e : events) {
      Snippet.SubKind kind = e.snippet().subKind();
      if (e.causeSnippet() != null || e.value() == null || !kind.hasValue()) {
        continue;
      }
      Object v = kind.isExecutable() ? engine.take(e.value()) : e.value();
      value = switch (kind) {
        case VAR_VALUE_SUBKIND, OTHER_EXPRESSION_SUBKIND, TEMP_VAR_EXPRESSION_SUBKIND -> Optional.of(new Value(v));
        default -> Optional.empty();
      };
    }
    // statements and declarations leave results that JShell does not report
    engine.clear();
    for (SnippetEvent e : events) {
      if (e.causeSnippet() != null) {
        continue;
      }
      if (e.exception() != null) {
        String type = e.exception() instanceof EvalException ee ? ee.getExceptionClassName()
            : e.exception().getClass().getName();
        throw new CellFailure(type, String.valueOf(e.exception().getMessage()));
      }
      if (!e.status().isDefined()) {
        String diagnostics = shell.diagnostics(e.snippet()).map(d -> d.getMessage(null))
            .collect(Collectors.joining("; "));
        throw new CellFailure("CompilationException", diagnostics + " in: " + snippet.strip());
      }
    }
    return value;
  }

  /** IJava's {@code %jars} and {@code %classpath}: globs relative to the working directory. */
  private void magic(String line) throws CellFailure {
    String[] words = line.substring(1).trim().split("\\s+");
    if (!words[0].equals("jars") && !words[0].equals("classpath")) {
      throw new CellFailure("UndefinedMagicException", "this test kernel knows %jars and %classpath only: " + line);
    }
    for (int i = 1; i < words.length; i++) {
      List<Path> paths = glob(words[i]);
      if (paths.isEmpty()) {
        // IJava adds nothing and the next import fails; say why at once
        throw new CellFailure("MagicException", "%" + words[0] + " " + words[i] + " matches no file in "
            + workDir.toAbsolutePath() + " (build the jars first: mvn -q package -DskipTests)");
      }
      paths.forEach(p -> shell.addToClasspath(p.toAbsolutePath().toString()));
    }
  }

  private List<Path> glob(String pattern) throws CellFailure {
    Path p = workDir.resolve(pattern).normalize();
    String name = p.getFileName().toString();
    if (!name.contains("*") && !name.contains("?")) {
      return Files.exists(p) ? List.of(p) : List.of();
    }
    List<Path> out = new ArrayList<>();
    if (Files.isDirectory(p.getParent())) {
      try (DirectoryStream<Path> s = Files.newDirectoryStream(p.getParent(), name)) {
        s.forEach(out::add);
      } catch (IOException e) {
        throw new CellFailure("IOException", e.getMessage());
      }
    }
    out.sort(null);
    return out;
  }

  @Override
  public void close() {
    shell.close();
  }
}
