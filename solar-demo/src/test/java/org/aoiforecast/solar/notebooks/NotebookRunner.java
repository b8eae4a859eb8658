package org.aoiforecast.solar.notebooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;

/**
 * Runs a Jupyter notebook written for the IJava kernel through JShell (the engine IJava runs on):
 * every code cell in order, the {@code %jars} and {@code %classpath} magics resolved relative to
 * the notebook (glob patterns allowed), and a {@code display(Object)} that, like IJava's, shows
 * images as PNG and anything else as text. Collects each cell's outputs (display data, printed
 * text, the value of a final expression) so that they can be written back into the notebook.
 */
final class NotebookRunner implements AutoCloseable {
  private final Path notebook;
  private final Path displayDir;
  private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
  private final JShell shell;

  /** A failure in a cell: compile error or exception. */
  static final class CellFailure extends RuntimeException {
    private static final long serialVersionUID = 1L;

    CellFailure(String message) {
      super(message);
    }
  }

  NotebookRunner(Path notebook) throws IOException {
    this.notebook = notebook;
    this.displayDir = Files.createTempDirectory("notebook-display");
    PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);
    this.shell = JShell.builder().out(out).err(out)
        // like a Jupyter kernel, the code runs in the notebook's folder: relative paths are the notebook's
        .remoteVMOptions("-Xmx2g", "-Djava.awt.headless=true", "-Duser.dir=" + notebook.getParent()).build();
    eval(-1, "java.nio.file.Path __display = java.nio.file.Path.of(\""
        + displayDir.toString().replace("\\", "\\\\") + "\");");
    eval(-1, "int __displays = 0;");
    eval(-1, """
        String display(Object o) {
          try {
            __displays++;
            String name = String.format("%04d", __displays);
            if (o instanceof java.awt.image.RenderedImage image) {
              javax.imageio.ImageIO.write(image, "png", __display.resolve(name + ".png").toFile());
            } else {
              java.nio.file.Files.writeString(__display.resolve(name + ".txt"), String.valueOf(o));
            }
            return name;
          } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
          }
        }""");
  }

  /**
   * Runs every code cell.
   *
   * @param write whether to write the outputs back into the notebook file
   * @return the number of code cells run
   * @throws CellFailure naming the notebook, cell and problem
   */
  int run(boolean write) throws IOException {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = (ObjectNode) mapper.readTree(notebook.toFile());
    int code = 0;
    int index = 0;
    for (JsonNode cell : root.get("cells")) {
      index++;
      if (!"code".equals(cell.get("cell_type").asText())) {
        continue;
      }
      code++;
      String source = text(cell.get("source"));
      ArrayNode outputs = mapper.createArrayNode();
      String value = runCell(index, source);
      String out = printed.toString(StandardCharsets.UTF_8);
      printed.reset();
      if (!out.isEmpty()) {
        ObjectNode stream = outputs.addObject();
        stream.put("output_type", "stream");
        stream.put("name", "stdout");
        lines(stream.putArray("text"), out);
      }
      for (Path file : newDisplays()) {
        ObjectNode display = outputs.addObject();
        display.put("output_type", "display_data");
        ObjectNode data = display.putObject("data");
        if (file.toString().endsWith(".png")) {
          data.put("image/png", Base64.getEncoder().encodeToString(Files.readAllBytes(file)));
          data.put("text/plain", "<image>");
        } else {
          lines(data.putArray("text/plain"), Files.readString(file));
        }
        display.putObject("metadata");
        Files.delete(file);
      }
      if (value != null) {
        ObjectNode result = outputs.addObject();
        result.put("output_type", "execute_result");
        result.put("execution_count", code);
        lines(result.putObject("data").putArray("text/plain"), value);
        result.putObject("metadata");
      }
      ((ObjectNode) cell).put("execution_count", code);
      ((ObjectNode) cell).set("outputs", outputs);
    }
    if (write) {
      String json = mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root)
          .replace("\r\n", "\n");
      Files.writeString(notebook, json + "\n");
    }
    return code;
  }

  /** Runs one cell; returns the value of its last expression, if any. */
  private String runCell(int index, String source) throws IOException {
    StringBuilder java = new StringBuilder();
    for (String line : source.split("\n", -1)) {
      String t = line.strip();
      if (t.startsWith("%jars") || t.startsWith("%classpath")) {
        for (String pattern : t.substring(t.indexOf(' ') + 1).trim().split("\\s+")) {
          List<Path> jars = resolve(pattern);
          if (jars.isEmpty()) {
            throw new CellFailure(notebook.getFileName() + ", cell " + index + ": " + t.split("\\s")[0] + " "
                + pattern + " matches no file (build the jars first: mvn -q package -DskipTests)");
          }
          jars.forEach(j -> shell.addToClasspath(j.toString()));
        }
      } else if (t.startsWith("%")) {
        throw new CellFailure(notebook.getFileName() + ", cell " + index + ": unsupported magic " + t);
      } else {
        java.append(line).append('\n');
      }
    }
    String value = null;
    String remaining = java.toString();
    SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
    while (!remaining.isBlank()) {
      SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(remaining);
      if (!info.completeness().isComplete()) {
        throw new CellFailure(notebook.getFileName() + ", cell " + index + ": incomplete code: " + remaining.strip());
      }
      value = eval(index, info.source());
      remaining = info.remaining();
    }
    return value;
  }

  private String eval(int index, String snippet) {
    String value = null;
    for (SnippetEvent e : shell.eval(snippet)) {
      if (e.causeSnippet() != null) {
        continue;
      }
      String where = (index < 0 ? "setup" : notebook.getFileName() + ", cell " + index) + ": ";
      if (e.status() == Snippet.Status.REJECTED) {
        String diags = shell.diagnostics(e.snippet()).map(d -> d.getMessage(null)).collect(Collectors.joining("; "));
        throw new CellFailure(where + "does not compile: " + diags + " in: " + snippet.strip());
      }
      if (e.exception() != null) {
        String type = e.exception() instanceof EvalException ee ? ee.getExceptionClassName()
            : e.exception().getClass().getName();
        throw new CellFailure(where + type + ": " + e.exception().getMessage());
      }
      if (e.snippet().kind() == Snippet.Kind.EXPRESSION || (e.snippet().kind() == Snippet.Kind.VAR
          && e.snippet().subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND)) {
        value = e.value();
      } else {
        value = null;
      }
    }
    return value;
  }

  private List<Path> resolve(String pattern) throws IOException {
    Path base = notebook.getParent();
    Path p = base.resolve(pattern).normalize();
    String name = p.getFileName().toString();
    if (!name.contains("*") && !name.contains("?")) {
      return Files.exists(p) ? List.of(p) : List.of();
    }
    List<Path> out = new ArrayList<>();
    if (Files.isDirectory(p.getParent())) {
      try (DirectoryStream<Path> s = Files.newDirectoryStream(p.getParent(), name)) {
        s.forEach(out::add);
      }
    }
    out.sort(null);
    return out;
  }

  private List<Path> newDisplays() throws IOException {
    try (Stream<Path> s = Files.list(displayDir)) {
      return s.sorted().toList();
    }
  }

  private static String text(JsonNode source) {
    if (source.isArray()) {
      StringBuilder sb = new StringBuilder();
      source.forEach(n -> sb.append(n.asText()));
      return sb.toString();
    }
    return source.asText();
  }

  /** Jupyter stores multi-line text as an array of lines that keep their line breaks. */
  private static void lines(ArrayNode array, String text) {
    String[] parts = text.split("(?<=\n)");
    for (String p : parts) {
      array.add(p);
    }
  }

  @Override
  public void close() throws IOException {
    shell.close();
    try (Stream<Path> s = Files.list(displayDir)) {
      for (Path p : s.toList()) {
        Files.delete(p);
      }
    }
    Files.delete(displayDir);
  }

}
