package org.aoiforecast.solar.notebooks;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * The outputs of one code cell, in the order a Jupyter front end records them, stored as nbformat 4
 * writes them: consecutive text on the same stream merges into one output (as nbclient does),
 * {@code text/*} data is a list of lines that keep their line breaks, images are one base64 string.
 */
final class CellOutputs {
  private final ArrayNode outputs = JsonNodeFactory.instance.arrayNode();

  /** Appends printed text to the stream, merging with the previous output if it is the same stream. */
  void stream(String name, String text) {
    if (text.isEmpty()) {
      return;
    }
    if (!outputs.isEmpty()) {
      ObjectNode last = (ObjectNode) outputs.get(outputs.size() - 1);
      if ("stream".equals(last.path("output_type").asText()) && name.equals(last.path("name").asText())) {
        String before = Notebook.text(last.get("text"));
        lines(last.putArray("text"), before + text);
        return;
      }
    }
    ObjectNode stream = outputs.addObject();
    stream.put("output_type", "stream");
    stream.put("name", name);
    lines(stream.putArray("text"), text);
  }

  /** A {@code display(...)} call: its MIME bundle, shown where the call happened. */
  void display(Map<String, String> bundle) {
    ObjectNode display = outputs.addObject();
    display.put("output_type", "display_data");
    data(display, bundle);
    display.putObject("metadata");
  }

  /** The value of the cell's last snippet, as Jupyter's "Out[n]". */
  void result(int executionCount, Map<String, String> bundle) {
    ObjectNode result = outputs.addObject();
    result.put("output_type", "execute_result");
    data(result, bundle);
    result.putObject("metadata");
    result.put("execution_count", executionCount);
  }

  /** The failure that stopped the cell, as the kernel reports it. */
  void error(String name, String value) {
    ObjectNode error = outputs.addObject();
    error.put("output_type", "error");
    error.put("ename", name);
    error.put("evalue", value);
    error.putArray("traceback").add(name + ": " + value);
  }

  ArrayNode toJson() {
    return outputs.deepCopy();
  }

  private static void data(ObjectNode output, Map<String, String> bundle) {
    ObjectNode data = output.putObject("data");
    bundle.forEach((mime, content) -> {
      if (mime.startsWith("text/")) {
        lines(data.putArray(mime), content);
      } else {
        data.put(mime, content);
      }
    });
  }

  /** nbformat stores multi-line text as a list of lines that keep their line breaks. */
  static void lines(ArrayNode array, String text) {
    for (String line : text.split("(?<=\n)")) {
      if (!line.isEmpty()) {
        array.add(line);
      }
    }
  }
}
