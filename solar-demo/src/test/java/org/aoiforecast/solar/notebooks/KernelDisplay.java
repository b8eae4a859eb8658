package org.aoiforecast.solar.notebooks;

import java.awt.image.RenderedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.function.Consumer;
import javax.imageio.ImageIO;

/**
 * The notebook's {@code display(Object)}, with IJava 1.3.0's contract: it renders the object, sends
 * the rendering as display data and returns a fresh display id. A rendering always holds
 * {@code text/plain} ({@code String.valueOf}); an image ({@link RenderedImage}) also holds
 * {@code image/png}. The same rendering is used for a cell's value ("Out[n]").
 *
 * <p>Public because the notebook's code, compiled by JShell into its own class loader, imports it
 * statically, as IJava's startup script does with its own display class.
 */
public final class KernelDisplay {
  private static volatile Consumer<Map<String, String>> sink = bundle -> {
    throw new IllegalStateException("no kernel is running");
  };

  private KernelDisplay() {}

  /** Where display data goes: the running cell's outputs. */
  static void sendTo(Consumer<Map<String, String>> target) {
    sink = target;
  }

  /**
   * Shows an object below the running cell.
   *
   * @param o what to show: an image as PNG, anything else as text
   * @return the display id, a random UUID as IJava returns it (so a cell that ends with this call
   *     also shows the id as its value, as it does in IJava)
   */
  public static String display(Object o) {
    sink.accept(render(o));
    return UUID.randomUUID().toString();
  }

  /** IJava's rendering: text/plain always, image/png for images (base64, no line breaks). */
  static Map<String, String> render(Object o) {
    Map<String, String> bundle = new LinkedHashMap<>();
    bundle.put("text/plain", String.valueOf(o));
    if (o instanceof RenderedImage image) {
      ByteArrayOutputStream png = new ByteArrayOutputStream();
      try {
        ImageIO.write(image, "png", png);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      bundle.put("image/png", Base64.getEncoder().encodeToString(png.toByteArray()));
    }
    return bundle;
  }
}
