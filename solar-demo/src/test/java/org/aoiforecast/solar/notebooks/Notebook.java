package org.aoiforecast.solar.notebooks;

import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A Jupyter notebook file (nbformat 4): its code cells, read and written as Jupyter does. */
final class Notebook {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  private final ObjectNode root;

  private Notebook(ObjectNode root) {
    this.root = root;
  }

  static Notebook read(Path file) throws IOException {
    return new Notebook((ObjectNode) MAPPER.readTree(file.toFile()));
  }

  static Notebook parse(String json) throws IOException {
    return new Notebook((ObjectNode) MAPPER.readTree(json));
  }

  /** @return the code cells, in order (the objects themselves, to set outputs on) */
  List<ObjectNode> codeCells() {
    List<ObjectNode> cells = new ArrayList<>();
    for (JsonNode cell : root.get("cells")) {
      if ("code".equals(cell.path("cell_type").asText())) {
        cells.add((ObjectNode) cell);
      }
    }
    return cells;
  }

  /** @return the kernel name in the notebook's metadata */
  String kernelName() {
    return root.path("metadata").path("kernelspec").path("name").asText();
  }

  static String source(JsonNode cell) {
    return text(cell.get("source"));
  }

  /** nbformat text: a string, or a list of lines that keep their line breaks. */
  static String text(JsonNode text) {
    if (text == null || text.isNull()) {
      return "";
    }
    if (text.isArray()) {
      StringBuilder sb = new StringBuilder();
      text.forEach(n -> sb.append(n.asText()));
      return sb.toString();
    }
    return text.asText();
  }

  /** Writes the notebook as Jupyter does (one-space indent, {@code "key": value}), so that saving it from Jupyter changes little. */
  void write(Path file) throws IOException {
    DefaultPrettyPrinter printer = new DefaultPrettyPrinter()
        .withObjectIndenter(new DefaultIndenter(" ", "\n"))
        .withArrayIndenter(new DefaultIndenter(" ", "\n"))
        .withSeparators(Separators.createDefaultInstance()
            .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
            .withObjectEmptySeparator("")
            .withArrayEmptySeparator(""));
    String json = MAPPER.writer(printer).writeValueAsString(root);
    Files.writeString(file, json + "\n", StandardCharsets.UTF_8);
  }
}
