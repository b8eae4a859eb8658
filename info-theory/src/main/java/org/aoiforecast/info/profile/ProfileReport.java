package org.aoiforecast.info.profile;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.aoiforecast.core.io.Json;
import org.aoiforecast.info.loss.Loss;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Everything an age-loss analysis produced: the profiles (all sources stale and each source
 * alone stale, per window), the ε-Markov gaps, and the settings that made them. Renders as a
 * Tablesaw table or as versioned JSON (schema 1, documented in docs/json.md).
 *
 * @param target the target column
 * @param loss the loss
 * @param horizon the horizon in steps
 * @param step the series' step (the unit of ages, windows and the horizon)
 * @param sources the feature sources' names
 * @param theilerWindow rows excluded around each sample by neighbour estimators
 * @param blockLength rows per block of the block bootstrap
 * @param replicates bootstrap replicates
 * @param confidence confidence level of the intervals
 * @param profiles the profiles
 * @param markov the ε-Markov gaps
 * @param seconds wall time of the analysis
 */
public record ProfileReport(String target, Loss loss, int horizon, Duration step, List<String> sources,
    int theilerWindow, int blockLength, int replicates, double confidence, List<ProfileCurve> profiles,
    List<MarkovGapCurve> markov, double seconds) {

  /** The JSON schema version written by {@link #toJson}. */
  public static final int SCHEMA = 1;

  /** Copies the lists. */
  public ProfileReport {
    sources = List.copyOf(sources);
    profiles = List.copyOf(profiles);
    markov = List.copyOf(markov);
  }

  /**
   * @param window a window
   * @param stale "all" or a source name
   * @return that profile
   */
  public ProfileCurve profile(int window, String stale) {
    for (ProfileCurve p : profiles) {
      if (p.window() == window && p.stale().equals(stale)) {
        return p;
      }
    }
    throw new IllegalArgumentException("no profile for window " + window + " with '" + stale + "' stale");
  }

  /**
   * The profiles in long format: one row per (window, stale, age) with columns {@code window,
   * stale, age, loss, lower, upper, estimator, kind}.
   *
   * @return a new table
   */
  public Table toTable() {
    IntColumn window = IntColumn.create("window");
    StringColumn stale = StringColumn.create("stale");
    IntColumn age = IntColumn.create("age");
    DoubleColumn value = DoubleColumn.create("loss");
    DoubleColumn lower = DoubleColumn.create("lower");
    DoubleColumn upper = DoubleColumn.create("upper");
    StringColumn estimator = StringColumn.create("estimator");
    StringColumn kind = StringColumn.create("kind");
    for (ProfileCurve p : profiles) {
      int[] ages = p.ages();
      double[] v = p.values();
      double[] lo = p.lower();
      double[] hi = p.upper();
      for (int i = 0; i < ages.length; i++) {
        window.append(p.window());
        stale.append(p.stale());
        age.append(ages[i]);
        value.append(v[i]);
        lower.append(lo[i]);
        upper.append(hi[i]);
        estimator.append(p.estimator());
        kind.append(p.kind().name().toLowerCase());
      }
    }
    return Table.create("age-loss profile of " + target, window, stale, age, value, lower, upper, estimator, kind);
  }

  /**
   * The ε-Markov gaps in long format: {@code window, nu, age, cmi, bound, estimator}.
   *
   * @return a new table
   */
  public Table markovTable() {
    IntColumn window = IntColumn.create("window");
    IntColumn nu = IntColumn.create("nu");
    IntColumn age = IntColumn.create("age");
    DoubleColumn cmi = DoubleColumn.create("cmi");
    DoubleColumn bound = DoubleColumn.create("bound");
    StringColumn estimator = StringColumn.create("estimator");
    for (MarkovGapCurve g : markov) {
      int[] ages = g.ages();
      double[] c = g.cmi();
      double[] b = g.bounds();
      for (int i = 0; i < ages.length; i++) {
        window.append(g.window());
        nu.append(g.nu());
        age.append(ages[i]);
        cmi.append(c[i]);
        bound.append(b[i]);
        estimator.append(g.estimator());
      }
    }
    return Table.create("epsilon-Markov gaps of " + target, window, nu, age, cmi, bound, estimator);
  }

  /**
   * The report as JSON (schema {@value #SCHEMA}).
   *
   * @param command the value of the {@code "command"} field (e.g. "analyze")
   * @return the JSON tree
   */
  public ObjectNode toJson(String command) {
    ObjectNode root = Json.object();
    root.put("schema", SCHEMA);
    root.put("command", command);
    root.put("target", target);
    root.put("loss", loss.id());
    root.put("unit", loss.unit());
    root.put("horizon", horizon);
    root.put("step_seconds", step.toMillis() / 1000.0);
    Json.add(root.putArray("sources"), sources);
    ObjectNode settings = root.putObject("settings");
    settings.put("theiler_window", theilerWindow);
    settings.put("bootstrap_block_length", blockLength);
    settings.put("bootstrap_replicates", replicates);
    settings.put("confidence", confidence);
    settings.put("seconds", seconds);
    ArrayNode ps = root.putArray("profiles");
    for (ProfileCurve p : profiles) {
      ObjectNode o = ps.addObject();
      o.put("window", p.window());
      o.put("stale", p.stale());
      Json.add(o.putArray("ages"), p.ages());
      Json.add(o.putArray("loss"), p.values());
      Json.add(o.putArray("lower"), p.lower());
      Json.add(o.putArray("upper"), p.upper());
      o.put("estimator", p.estimator());
      o.put("kind", p.kind().name().toLowerCase());
      o.put("samples", p.samples());
      o.put("monotone", p.monotone());
      o.put("best_age", p.bestAge());
      ArrayNode bs = o.putArray("breaks");
      for (Break b : p.breaks()) {
        ObjectNode bo = bs.addObject();
        bo.put("younger", b.younger());
        bo.put("older", b.older());
        bo.put("margin", b.margin());
      }
      o.put("verdict", p.verdict(target));
    }
    ArrayNode ms = root.putArray("markov");
    for (MarkovGapCurve g : markov) {
      ObjectNode o = ms.addObject();
      o.put("window", g.window());
      o.put("nu", g.nu());
      Json.add(o.putArray("ages"), g.ages());
      Json.add(o.putArray("cmi"), g.cmi());
      Json.add(o.putArray("bound"), g.bounds());
      o.put("estimator", g.estimator());
      o.put("samples", g.samples());
    }
    return root;
  }

  /**
   * Writes {@link #toJson} to a file, pretty-printed.
   *
   * @param file the file
   * @param command the value of the {@code "command"} field
   */
  public void writeJson(Path file, String command) {
    Json.write(file, toJson(command));
  }
}
