package org.aoiforecast.solar.notebooks;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.TreeSet;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;

/**
 * Compares a notebook's fresh outputs with its committed ones, cell by cell and output by output:
 * the same kinds of output in the same order, the same text, the same MIME types, and images of the
 * same size. Text is compared exactly but for two things that legitimately vary from run to run:
 * <ul>
 *   <li>wall times printed as seconds ({@code "16.8 s"}, right-aligned or not) become {@code "<t> s"};
 *   <li>Java's identity hashes ({@code BufferedImage@5d099f62}, in an image's text/plain) become {@code @<hash>}.
 * </ul>
 * Images are compared by size, not by pixel: anti-aliased text in charts depends on the fonts a
 * machine has.
 */
final class OutputComparison {
  private static final Pattern SECONDS = Pattern.compile(" *\\d+\\.\\d+ s\\b");
  private static final Pattern HASH = Pattern.compile("@[0-9a-f]{4,}\\b");

  private OutputComparison() {}

  /** @return one line per difference; empty when the outputs agree */
  static List<String> differences(Notebook committed, Notebook fresh) {
    List<String> out = new ArrayList<>();
    List<ObjectNode> a = committed.codeCells();
    List<ObjectNode> b = fresh.codeCells();
    if (a.size() != b.size()) {
      out.add("code cells: committed " + a.size() + ", fresh " + b.size());
      return out;
    }
    for (int i = 0; i < a.size(); i++) {
      compareCell("code cell " + (i + 1), a.get(i).path("outputs"), b.get(i).path("outputs"), out);
    }
    return out;
  }

  private static void compareCell(String where, JsonNode a, JsonNode b, List<String> out) {
    if (a.size() != b.size()) {
      out.add(where + ": committed " + kinds(a) + ", fresh " + kinds(b));
      return;
    }
    for (int j = 0; j < a.size(); j++) {
      String at = where + ", output " + (j + 1);
      JsonNode x = a.get(j);
      JsonNode y = b.get(j);
      String type = x.path("output_type").asText();
      if (!type.equals(y.path("output_type").asText()) || !x.path("name").asText().equals(y.path("name").asText())) {
        out.add(at + ": committed " + kinds(a) + ", fresh " + kinds(b));
        return;
      }
      if (type.equals("stream")) {
        compareText(at, Notebook.text(x.get("text")), Notebook.text(y.get("text")), out);
      } else if (type.equals("error")) {
        compareText(at, x.path("evalue").asText(), y.path("evalue").asText(), out);
      } else {
        compareData(at, x.path("data"), y.path("data"), out);
      }
    }
  }

  private static void compareData(String at, JsonNode x, JsonNode y, List<String> out) {
    TreeSet<String> mx = new TreeSet<>();
    x.fieldNames().forEachRemaining(mx::add);
    TreeSet<String> my = new TreeSet<>();
    y.fieldNames().forEachRemaining(my::add);
    if (!mx.equals(my)) {
      out.add(at + ": committed MIME types " + mx + ", fresh " + my);
      return;
    }
    for (String mime : mx) {
      if (mime.equals("image/png")) {
        int[] sx = size(x.get(mime).asText());
        int[] sy = size(y.get(mime).asText());
        if (sx[0] != sy[0] || sx[1] != sy[1]) {
          out.add(at + ": committed image " + sx[0] + "x" + sx[1] + ", fresh " + sy[0] + "x" + sy[1]);
        }
      } else {
        compareText(at + " (" + mime + ")", Notebook.text(x.get(mime)), Notebook.text(y.get(mime)), out);
      }
    }
  }

  private static void compareText(String at, String x, String y, List<String> out) {
    String nx = normalise(x);
    String ny = normalise(y);
    if (nx.equals(ny)) {
      return;
    }
    String[] lx = nx.split("\n", -1);
    String[] ly = ny.split("\n", -1);
    for (int k = 0; k < Math.max(lx.length, ly.length); k++) {
      String u = k < lx.length ? lx[k] : "<none>";
      String v = k < ly.length ? ly[k] : "<none>";
      if (!u.equals(v)) {
        out.add(at + ", line " + (k + 1) + ":\n    committed: " + u + "\n    fresh:     " + v);
        return;
      }
    }
  }

  /** Text with wall times and identity hashes masked (see the class comment). */
  static String normalise(String text) {
    return HASH.matcher(SECONDS.matcher(text).replaceAll(" <t> s")).replaceAll("@<hash>");
  }

  private static String kinds(JsonNode outputs) {
    List<String> k = new ArrayList<>();
    outputs.forEach(o -> {
      String type = o.path("output_type").asText();
      k.add(type.equals("stream") ? "stream:" + o.path("name").asText() : type);
    });
    return k.toString();
  }

  private static int[] size(String base64) {
    try {
      BufferedImage image = ImageIO.read(new ByteArrayInputStream(Base64.getMimeDecoder().decode(base64)));
      return image == null ? new int[] {-1, -1} : new int[] {image.getWidth(), image.getHeight()};
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
