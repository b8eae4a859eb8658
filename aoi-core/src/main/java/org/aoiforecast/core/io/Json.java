package org.aoiforecast.core.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The few JSON helpers every module's versioned output needs (Jackson underneath): new objects,
 * arrays filled from primitive arrays, and pretty-printed files.
 */
public final class Json {
  private static final ObjectMapper MAPPER = new ObjectMapper();
  private static final ObjectMapper PRETTY = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  private Json() {}

  /** @return a new empty JSON object */
  public static ObjectNode object() {
    return MAPPER.createObjectNode();
  }

  /**
   * @param array the array to fill
   * @param values numbers to append
   * @return the array
   */
  public static ArrayNode add(ArrayNode array, double[] values) {
    for (double v : values) {
      array.add(v);
    }
    return array;
  }

  /**
   * @param array the array to fill
   * @param values numbers to append
   * @return the array
   */
  public static ArrayNode add(ArrayNode array, int[] values) {
    for (int v : values) {
      array.add(v);
    }
    return array;
  }

  /**
   * @param array the array to fill
   * @param values texts to append
   * @return the array
   */
  public static ArrayNode add(ArrayNode array, List<String> values) {
    values.forEach(array::add);
    return array;
  }

  /**
   * @param node a JSON tree
   * @return it as indented text
   */
  public static String pretty(JsonNode node) {
    try {
      return PRETTY.writeValueAsString(node);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Writes a JSON tree to a file, indented, with a final line break.
   *
   * @param file the file (overwritten)
   * @param node the tree
   */
  public static void write(Path file, JsonNode node) {
    String text = pretty(node) + System.lineSeparator();
    AtomicFiles.write(file, w -> w.write(text));
  }

  /**
   * @param text JSON text
   * @return the tree
   * @throws IOException when the text is not JSON
   */
  public static JsonNode parse(String text) throws IOException {
    return MAPPER.readTree(text);
  }
}
