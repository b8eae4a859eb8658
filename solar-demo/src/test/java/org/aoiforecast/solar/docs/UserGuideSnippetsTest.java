package org.aoiforecast.solar.docs;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every Java sample of docs/user-guide.md compiles against the current API: the guide's code
 * blocks are complete classes, compiled here with the test class path.
 */
class UserGuideSnippetsTest {
  private static final Pattern BLOCK = Pattern.compile("```java\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern CLASS = Pattern.compile("public class (\\w+)");

  @TempDir
  Path dir;

  @Test
  void everyJavaSampleCompiles() throws IOException {
    String guide = Files.readString(Path.of("../docs/user-guide.md"));
    Matcher m = BLOCK.matcher(guide);
    List<Path> sources = new ArrayList<>();
    while (m.find()) {
      String code = m.group(1);
      Matcher name = CLASS.matcher(code);
      assertTrue(name.find(), "every Java block of the guide is a complete public class:\n" + code);
      Path file = dir.resolve(name.group(1) + ".java");
      Files.writeString(file, code);
      sources.add(file);
    }
    assertEquals(8, sources.size(), "one example per module step: tag, estimate, train, forecast, schedule;"
        + " the backtest, forecast intervals and their online recalibration");
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
    try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, null, null)) {
      boolean ok = javac.getTask(null, files, diagnostics, List.of("-classpath", System.getProperty("java.class.path"),
          "-d", dir.toString(), "-proc:none"), null, files.getJavaFileObjectsFromPaths(sources)).call();
      String errors = diagnostics.getDiagnostics().stream().filter(d -> d.getKind() == Diagnostic.Kind.ERROR)
          .map(d -> d.getSource().getName() + ":" + d.getLineNumber() + ": " + d.getMessage(null))
          .collect(Collectors.joining("\n"));
      assertTrue(ok, errors);
    }
  }
}
