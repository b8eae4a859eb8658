package org.aoiforecast.forecasting.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.aoiforecast.forecasting.nn.Nd4jRuntime;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

/**
 * The saved-model format: one zip file with two entries, {@code forecaster.json} (format version,
 * library version, layout, standardisation, configuration, training summary, provenance; mapped
 * from {@link SavedModel} by Jackson) and {@code network.zip} (the DL4J network as written by
 * {@link ModelSerializer}, without updater state). Written to a temporary file and moved into
 * place, so a crash never leaves a half-written model under the final name.
 *
 * <p>Format history: 1, the first; 2 adds {@code provenance} (optional: a model first read from a
 * format-1 file has none) and the linear path; 3 adds the output head ({@code config.head}) and
 * the Gaussian head's {@code gaussian} block; 4 adds the linear path's smart-persistence regressor
 * ({@code linear_base.smart_persistence}: clear-sky column, guard, fallback index, fade in steps;
 * absent when the path has none). All four are read.
 *
 * <p>Reading refuses with a {@link ModelFileException} naming the file: a missing file or a
 * directory, a file that is not a zip or is truncated, a missing entry or field, another format
 * version, and a network whose input size differs from the stored feature layout.
 */
public final class ModelFile {
  /** The format version written by this library version. */
  public static final int FORMAT = 4;
  /** The oldest format version this library version reads. */
  public static final int OLDEST_READABLE_FORMAT = 1;
  private static final String META = "forecaster.json";
  private static final String NETWORK = "network.zip";
  private static final ObjectMapper MAPPER = JsonMapper.builder()
      .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
      .enable(SerializationFeature.INDENT_OUTPUT)
      .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES) // later formats may add fields
      .build();

  private ModelFile() {}

  /** @return this library's version, e.g. "0.1.0" */
  public static String libraryVersion() {
    try (InputStream in = ModelFile.class.getResourceAsStream("/org/aoiforecast/forecasting/version.properties")) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }

  /**
   * Writes a model.
   *
   * @param file the destination
   * @param model the model
   * @throws ModelFileException when the file cannot be written or a covariate cannot be saved
   */
  public static void write(Path file, SavedModel model) {
    try {
      model.layout().requireSaveable();
    } catch (IllegalArgumentException e) {
      throw new ModelFileException(file.toString(), e.getMessage(), e);
    }
    Path dir = file.toAbsolutePath().getParent();
    try {
      if (dir != null) {
        Files.createDirectories(dir);
      }
      Path tmp = Files.createTempFile(dir, ".model-", ".tmp");
      try {
        try (OutputStream out = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(out)) {
          zip.putNextEntry(new ZipEntry(META));
          zip.write(MAPPER.writeValueAsBytes(ModelDocument.of(model, FORMAT, libraryVersion())));
          zip.closeEntry();
          ByteArrayOutputStream net = new ByteArrayOutputStream();
          ModelSerializer.writeModel(model.network(), net, false);
          zip.putNextEntry(new ZipEntry(NETWORK));
          zip.write(net.toByteArray());
          zip.closeEntry();
        }
        Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } finally {
        Files.deleteIfExists(tmp);
      }
    } catch (IOException e) {
      throw new ModelFileException(file.toString(), "cannot write the model: " + e.getMessage(), e);
    }
  }

  /**
   * Reads a model.
   *
   * @param file the model file
   * @return the model
   * @throws ModelFileException when the file is missing, damaged, of another format or
   *     inconsistent
   */
  public static SavedModel read(Path file) {
    String where = file.toString();
    if (Files.isDirectory(file)) {
      throw new ModelFileException(where, "is a directory, not a model file");
    }
    byte[] metaBytes;
    byte[] netBytes;
    // ZipFile reads the central directory at the end of the file: a truncated file fails here.
    try (ZipFile zip = new ZipFile(file.toFile())) {
      metaBytes = entry(zip, META);
      netBytes = entry(zip, NETWORK);
    } catch (NoSuchFileException | java.io.FileNotFoundException e) {
      throw new ModelFileException(where, "the model file does not exist", e);
    } catch (IOException e) {
      throw new ModelFileException(where, "truncated or not an aoi-forecast model (" + e.getMessage() + ")", e);
    }
    if (metaBytes == null || netBytes == null) {
      throw new ModelFileException(where, "truncated or not an aoi-forecast model: it lacks "
          + (metaBytes == null ? META : NETWORK));
    }
    ModelDocument doc;
    int format;
    try {
      JsonNode tree = MAPPER.readTree(metaBytes);
      format = tree.path("format").asInt(-1);
      if (format < OLDEST_READABLE_FORMAT || format > FORMAT) {
        throw new ModelFileException(where, "model format " + format + " (written by aoi-forecast "
            + tree.path("library_version").asText("?") + "); this version (" + libraryVersion() + ") reads formats "
            + OLDEST_READABLE_FORMAT + " to " + FORMAT);
      }
      doc = MAPPER.treeToValue(tree, ModelDocument.class);
    } catch (JsonProcessingException e) {
      throw new ModelFileException(where, "unreadable " + META + " (" + e.getOriginalMessage() + ")", e);
    } catch (IOException e) {
      throw new ModelFileException(where, "unreadable " + META + " (" + e.getMessage() + ")", e);
    }
    try {
      doc.requireFields();
      Nd4jRuntime.configure();
      MultiLayerNetwork net;
      try {
        net = ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(netBytes), false);
      } catch (IOException | RuntimeException e) {
        throw new ModelFileException(where, "the network entry is damaged (" + e.getMessage() + ")", e);
      }
      return doc.toSavedModel(net);
    } catch (ModelFileException e) {
      throw e;
    } catch (IllegalArgumentException | IllegalStateException e) {
      throw new ModelFileException(where, META + ": " + e.getMessage(), e);
    }
  }

  private static byte[] entry(ZipFile zip, String name) throws IOException {
    ZipEntry e = zip.getEntry(name);
    if (e == null) {
      return null;
    }
    try (InputStream in = zip.getInputStream(e)) {
      return in.readAllBytes();
    }
  }
}
