package org.aoiforecast.forecasting.io;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import java.util.zip.ZipOutputStream;
import org.aoiforecast.core.dataset.Standardization;
import org.aoiforecast.core.io.Json;
import org.aoiforecast.core.reading.Source;
import org.aoiforecast.forecasting.AgeAwareForecaster;
import org.aoiforecast.forecasting.Architecture;
import org.aoiforecast.forecasting.ModelLayout;
import org.aoiforecast.forecasting.NetworkConfig;
import org.aoiforecast.forecasting.nn.Nd4jRuntime;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.deeplearning4j.util.ModelSerializer;

/**
 * The saved-model format: one zip file with two entries, {@code forecaster.json} (format version,
 * library version, layout, standardisation, configuration, training summary) and
 * {@code network.zip} (the DL4J network as written by {@link ModelSerializer}, without updater
 * state). Written to a temporary file and moved into place, so a crash never leaves a
 * half-written model under the final name.
 *
 * <p>Reading refuses, with a message naming the file: a file that is not a zip or is truncated, a
 * missing entry, another format version, and a network whose input size differs from the stored
 * feature layout.
 */
public final class ModelFile {
  /** The format version written and read by this library version. */
  public static final int FORMAT = 1;
  private static final String META = "forecaster.json";
  private static final String NETWORK = "network.zip";

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
   */
  public static void write(Path file, AgeAwareForecaster model) {
    for (int i = 0; i < model.layout().covariates().size(); i++) {
      if (model.layout().covariates().get(i) == null) {
        throw new IllegalArgumentException("covariate '" + model.layout().covariateNames().get(i) + "' is not one of"
            + " KnownCovariates' and cannot be saved; use KnownCovariates.calendar(...) or a column covariate");
      }
    }
    Path dir = file.toAbsolutePath().getParent();
    try {
      if (dir != null) {
        Files.createDirectories(dir);
      }
      Path tmp = Files.createTempFile(dir, ".model-", ".tmp");
      try (OutputStream out = Files.newOutputStream(tmp); ZipOutputStream zip = new ZipOutputStream(out)) {
        zip.putNextEntry(new ZipEntry(META));
        zip.write(Json.pretty(meta(model)).getBytes(StandardCharsets.UTF_8));
        zip.closeEntry();
        ByteArrayOutputStream net = new ByteArrayOutputStream();
        ModelSerializer.writeModel(model.network(), net, false);
        zip.putNextEntry(new ZipEntry(NETWORK));
        zip.write(net.toByteArray());
        zip.closeEntry();
      }
      Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write model " + file + ": " + e.getMessage(), e);
    }
  }

  private static ObjectNode meta(AgeAwareForecaster model) {
    ObjectNode root = Json.object();
    root.put("format", FORMAT);
    root.put("library_version", libraryVersion());
    root.put("name", model.name());
    ModelLayout l = model.layout();
    root.put("target", l.target());
    root.put("step_millis", l.step().toMillis());
    root.put("window", l.window());
    root.put("horizon", l.horizon());
    ArrayNode sources = root.putArray("sources");
    for (Source s : l.sources()) {
      ObjectNode o = sources.addObject();
      o.put("name", s.name());
      Json.add(o.putArray("columns"), s.columns());
      Json.add(o.putArray("units"), s.units());
    }
    Json.add(root.putArray("covariates"), l.covariates());
    Json.add(root.putArray("covariate_names"), l.covariateNames());
    root.put("age_input", l.ageInput());
    root.put("age_encoding", l.ageEncoding());
    ArrayNode vectors = root.putArray("age_vectors");
    for (int[] v : l.ageVectors()) {
      Json.add(vectors.addArray(), v);
    }
    Json.add(root.putArray("feature_names"), l.featureNames());
    Standardization st = model.standardization();
    ObjectNode s = root.putObject("standardization");
    Json.add(s.putArray("columns"), st.columns());
    Json.add(s.putArray("mean"), st.means());
    Json.add(s.putArray("scale"), st.scales());
    Json.add(s.putArray("age_mean"), st.ageMeans());
    Json.add(s.putArray("age_scale"), st.ageScales());
    NetworkConfig c = model.config();
    ObjectNode cfg = root.putObject("config");
    cfg.put("architecture", c.architecture().name());
    Json.add(cfg.putArray("hidden"), c.hidden());
    cfg.put("learning_rate", c.learningRate());
    cfg.put("l2", c.l2());
    cfg.put("batch_size", c.batchSize());
    cfg.put("max_epochs", c.maxEpochs());
    cfg.put("patience", c.patience());
    cfg.put("pooled_epoch_factor", c.pooledEpochFactor());
    cfg.put("plateau_decay", c.plateauDecay());
    cfg.put("seed", c.seed());
    AgeAwareForecaster.TrainingSummary t = model.summary();
    ObjectNode tr = root.putObject("training");
    tr.put("epochs", t.epochs());
    tr.put("best_epoch", t.bestEpoch());
    tr.put("best_validation_loss", t.bestValidationLoss());
    tr.put("samples_seen", t.samplesSeen());
    tr.put("seconds", t.seconds());
    return root;
  }

  /**
   * Reads a model.
   *
   * @param file the model file
   * @return the model
   */
  public static AgeAwareForecaster read(Path file) {
    byte[] metaBytes = null;
    byte[] netBytes = null;
    // ZipFile reads the central directory at the end of the file: a truncated file fails here.
    try (ZipFile zip = new ZipFile(file.toFile())) {
      ZipEntry meta = zip.getEntry(META);
      ZipEntry network = zip.getEntry(NETWORK);
      if (meta != null) {
        try (InputStream in = zip.getInputStream(meta)) {
          metaBytes = in.readAllBytes();
        }
      }
      if (network != null) {
        try (InputStream in = zip.getInputStream(network)) {
          netBytes = in.readAllBytes();
        }
      }
    } catch (java.nio.file.NoSuchFileException e) {
      throw new IllegalArgumentException("model file " + file + " does not exist", e);
    } catch (IOException e) {
      throw new IllegalArgumentException("model file " + file + " is truncated or not an aoi-forecast model ("
          + e.getMessage() + ")", e);
    }
    if (metaBytes == null || netBytes == null) {
      throw new IllegalArgumentException("model file " + file + " is truncated or not an aoi-forecast model: it lacks "
          + (metaBytes == null ? META : NETWORK));
    }
    JsonNode root;
    try {
      root = Json.parse(new String(metaBytes, StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new IllegalArgumentException("model file " + file + ": unreadable " + META + " (" + e.getMessage() + ")", e);
    }
    int format = root.path("format").asInt(-1);
    if (format != FORMAT) {
      throw new IllegalArgumentException("model file " + file + " has model format " + format + " (written by"
          + " aoi-forecast " + root.path("library_version").asText("?") + "); this version ("
          + libraryVersion() + ") reads format " + FORMAT);
    }
    try {
      ModelLayout layout = layout(root);
      JsonNode s = root.get("standardization");
      Standardization st = new Standardization(strings(s.get("columns")), doubles(s.get("mean")),
          doubles(s.get("scale")), doubles(s.get("age_mean")), doubles(s.get("age_scale")));
      JsonNode c = root.get("config");
      NetworkConfig config = NetworkConfig.builder().architecture(Architecture.valueOf(c.get("architecture").asText()))
          .hidden(ints(c.get("hidden"))).learningRate(c.get("learning_rate").asDouble()).l2(c.get("l2").asDouble())
          .batchSize(c.get("batch_size").asInt()).maxEpochs(c.get("max_epochs").asInt())
          .patience(c.get("patience").asInt()).pooledEpochFactor(c.get("pooled_epoch_factor").asDouble())
          .plateauDecay(c.get("plateau_decay").asDouble())
          .seed(c.get("seed").asLong()).build();
      JsonNode t = root.get("training");
      AgeAwareForecaster.TrainingSummary summary = new AgeAwareForecaster.TrainingSummary(t.get("epochs").asInt(),
          t.get("best_epoch").asInt(), t.get("best_validation_loss").asDouble(), t.get("samples_seen").asLong(),
          t.get("seconds").asDouble());
      Nd4jRuntime.configure();
      MultiLayerNetwork net;
      try {
        net = ModelSerializer.restoreMultiLayerNetwork(new ByteArrayInputStream(netBytes), false);
      } catch (IOException | RuntimeException e) {
        throw new IllegalArgumentException("model file " + file + ": the network entry is damaged (" + e.getMessage()
            + ")", e);
      }
      return AgeAwareForecaster.restore(root.get("name").asText(), layout, st, config, net, summary);
    } catch (NullPointerException | IllegalStateException e) {
      throw new IllegalArgumentException("model file " + file + ": " + META + " lacks a field (" + e.getMessage() + ")",
          e);
    } catch (IllegalArgumentException e) {
      if (e.getMessage() != null && e.getMessage().startsWith("model file")) {
        throw e;
      }
      throw new IllegalArgumentException("model file " + file + ": " + e.getMessage(), e);
    }
  }

  private static ModelLayout layout(JsonNode root) {
    List<Source> sources = new ArrayList<>();
    for (JsonNode s : root.get("sources")) {
      Source.Builder b = Source.builder(s.get("name").asText());
      List<String> cols = strings(s.get("columns"));
      List<String> units = strings(s.get("units"));
      for (int i = 0; i < cols.size(); i++) {
        b.column(cols.get(i), units.get(i));
      }
      sources.add(b.build());
    }
    List<int[]> vectors = new ArrayList<>();
    for (JsonNode v : root.get("age_vectors")) {
      vectors.add(ints(v));
    }
    return new ModelLayout(root.get("target").asText(), Duration.ofMillis(root.get("step_millis").asLong()),
        root.get("window").asInt(), root.get("horizon").asInt(), sources, strings(root.get("covariates")),
        strings(root.get("covariate_names")), root.get("age_input").asBoolean(), root.get("age_encoding").asText(),
        vectors,
        strings(root.get("feature_names")));
  }

  private static List<String> strings(JsonNode a) {
    List<String> out = new ArrayList<>();
    a.forEach(n -> out.add(n.isNull() ? null : n.asText()));
    return out;
  }

  private static double[] doubles(JsonNode a) {
    double[] out = new double[a.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = a.get(i).asDouble();
    }
    return out;
  }

  private static int[] ints(JsonNode a) {
    int[] out = new int[a.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = a.get(i).asInt();
    }
    return out;
  }
}
