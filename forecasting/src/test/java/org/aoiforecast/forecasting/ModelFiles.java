package org.aoiforecast.forecasting;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.aoiforecast.forecasting.model.ModelFileException;

/** Edits of model files for tests of damaged or foreign files. */
final class ModelFiles {
  private ModelFiles() {}

  /**
   * @param file a model file
   * @return its JSON entry
   */
  static String meta(Path file) throws IOException {
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(file))) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        if (e.getName().endsWith(".json")) {
          return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
      }
    }
    throw new IOException(file + " has no JSON entry");
  }

  /**
   * Copies a model file into a folder, replacing text in its JSON entry.
   *
   * @param file the model file
   * @param dir where the copy goes
   * @param from text that must occur in the JSON entry
   * @param to its replacement
   * @return the copy
   */
  static Path rewriteMeta(Path file, Path dir, String from, String to) throws IOException {
    Path out = dir.resolve("edited-" + Math.abs((from + to).hashCode()) + ".aoi");
    try (ZipInputStream in = new ZipInputStream(Files.newInputStream(file));
        ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out))) {
      ZipEntry e;
      while ((e = in.getNextEntry()) != null) {
        byte[] data = in.readAllBytes();
        if (e.getName().endsWith(".json")) {
          String json = new String(data, StandardCharsets.UTF_8);
          assertTrue(json.contains(from), json);
          data = json.replace(from, to).getBytes(StandardCharsets.UTF_8);
        }
        zip.putNextEntry(new ZipEntry(e.getName()));
        zip.write(data);
        zip.closeEntry();
      }
    }
    return out;
  }

  /**
   * Asserts that loading a model file fails with a {@link ModelFileException} whose message names
   * what is wrong.
   *
   * @param file the (damaged or foreign) model file
   * @param fragment text the message must contain
   */
  static void assertRefused(Path file, String fragment) {
    ModelFileException e = assertThrows(ModelFileException.class, () -> AgeAwareForecaster.load(file));
    assertTrue(e.getMessage().contains(fragment), e.getMessage());
  }
}
