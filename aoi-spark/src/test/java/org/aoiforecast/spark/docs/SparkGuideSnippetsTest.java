package org.aoiforecast.spark.docs;

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
 * The Spark samples of docs/user-guide.md (blocks fenced {@code ```java spark}, which need Spark on
 * the class path and so are left to this module) compile against the current API.
 */
class SparkGuideSnippetsTest {
  private static final Pattern BLOCK = Pattern.compile("```java spark\\n(.*?)```", Pattern.DOTALL);
  private static final Pattern CLASS = Pattern.compile("public class (\\w+)");

  @TempDir
  Path dir;

  @Test
  void everySparkSampleCompiles() throws IOException {
    Matcher m = BLOCK.matcher(Files.readString(Path.of("../docs/user-guide.md")));
    List<Path> sources = new ArrayList<>();
    while (m.find()) {
      Matcher name = CLASS.matcher(m.group(1));
      assertTrue(name.find(), "every Java block of the guide is a complete public class:\n" + m.group(1));
      Path file = dir.resolve(name.group(1) + ".java");
      Files.writeString(file, m.group(1));
      sources.add(file);
    }
    assertEquals(1, sources.size(), "the guide's Spark example");
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
