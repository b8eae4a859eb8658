package org.aoiforecast.core.schedule;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import org.aoiforecast.core.io.Json;

/**
 * What {@link Scheduler} found: the policies of every window length, the best zero-wait and
 * periodic policies (over window lengths), the optimal threshold policy, the gains, and warnings
 * where the table's end decides the answer. Averages are in the penalty table's units. Immutable.
 */
public final class ScheduleReport {
  /** Version of the JSON written by {@link #toJson()}. */
  public static final int SCHEMA = 1;

  private final PenaltyTable table;
  private final String transmission;
  private final int buffer;
  private final int period;
  private final int deliveries;
  private final long seed;
  private final List<WindowSchedule> windows;
  private final double seconds;

  ScheduleReport(PenaltyTable table, String transmission, int buffer, int period, int deliveries, long seed,
      List<WindowSchedule> windows, double seconds) {
    this.table = table;
    this.transmission = transmission;
    this.buffer = buffer;
    this.period = period;
    this.deliveries = deliveries;
    this.seed = seed;
    this.windows = List.copyOf(windows);
    this.seconds = seconds;
  }

  /** @return the penalty table */
  public PenaltyTable table() {
    return table;
  }

  /** @return the transmission model, in words */
  public String transmission() {
    return transmission;
  }

  /** @return the buffer size {@code B} */
  public int buffer() {
    return buffer;
  }

  /** @return the periodic policy's period {@code k}, in steps */
  public int period() {
    return period;
  }

  /** @return the policies of each window length, by increasing length */
  public List<WindowSchedule> windows() {
    return windows;
  }

  /** @return the zero-wait policy of the window length where it does best */
  public EvaluatedPolicy zeroWait() {
    return best(WindowSchedule::zeroWait);
  }

  /** @return the periodic policy of the window length where it does best */
  public EvaluatedPolicy periodic() {
    return best(WindowSchedule::periodic);
  }

  /** @return the optimal policy: the threshold policy with the least exact average */
  public EvaluatedPolicy optimal() {
    return best(WindowSchedule::threshold);
  }

  private EvaluatedPolicy best(Function<WindowSchedule, EvaluatedPolicy> kind) {
    // ties go to the shorter window (the list is by increasing length and min keeps the first)
    return windows.stream().map(kind).min(Comparator.comparingDouble(EvaluatedPolicy::average)).orElseThrow();
  }

  /** @return how much lower the optimal average is than zero-wait's, in penalty units */
  public double gainOverZeroWait() {
    return zeroWait().average() - optimal().average();
  }

  /** @return how much lower the optimal average is than periodic's, in penalty units */
  public double gainOverPeriodic() {
    return periodic().average() - optimal().average();
  }

  /** @return seconds spent scheduling (indices, thresholds, exact averages and simulations) */
  public double seconds() {
    return seconds;
  }

  /** @return where the tail rule beyond the table decides the optimal policy, one line each */
  public List<String> warnings() {
    List<String> w = new ArrayList<>();
    EvaluatedPolicy opt = optimal();
    UpdatePolicy p = opt.policy();
    WindowSchedule ws = windows.stream().filter(s -> s.window() == p.window()).findFirst().orElseThrow();
    if (ws.capped()) {
      w.add(String.format(Locale.ROOT, "window %d: waits stop where the table ends (age %d): by the %s rule older"
          + " ages cost %.6g, less than any achievable average, so never sending again would look best;"
          + " use a longer table or the max rule", p.window(), table.lastAge(), table.tail().id(),
          table.penalty(p.window(), table.lastAge() + 1)));
    }
    TransmissionTime law = p.transmission();
    long oldest = (long) p.position() + 2L * law.max() - 1;
    for (int i = 0; i < law.size(); i++) {
      oldest = Math.max(oldest, (long) p.position() + law.time(i) + p.waitAfter(i) + law.max() - 1);
    }
    if (oldest > table.lastAge()) {
      w.add(String.format(Locale.ROOT, "the optimal policy reaches age %d, beyond the table's oldest age %d:"
          + " the %s rule sets the penalty there", oldest, table.lastAge(), table.tail().id()));
    }
    return w;
  }

  /**
   * The report as JSON (schema {@value #SCHEMA}, docs/json.md).
   *
   * @return the tree; callers may add fields (e.g. the input file)
   */
  public ObjectNode toJson() {
    ObjectNode root = Json.object();
    root.put("schema", SCHEMA);
    root.put("command", "schedule");
    Json.add(root.putArray("ages"), table.ages());
    Json.add(root.putArray("windows"), table.windows());
    root.put("tail", table.tail().id());
    root.put("buffer", buffer);
    root.put("period", period);
    root.put("transmission", transmission);
    ObjectNode sim = root.putObject("simulation");
    sim.put("deliveries", deliveries);
    sim.put("seed", seed);
    sim.put("batches", PolicyEvaluator.BATCHES);
    ArrayNode policies = root.putArray("policies");
    for (EvaluatedPolicy e : List.of(zeroWait(), periodic(), optimal())) {
      policies.add(policy(e));
    }
    ObjectNode optimal = policy(optimal());
    root.set("optimal", optimal);
    ObjectNode gain = root.putObject("gain");
    gain.put("over_zero_wait", gainOverZeroWait());
    gain.put("over_zero_wait_relative", relative(gainOverZeroWait(), zeroWait().average()));
    gain.put("over_periodic", gainOverPeriodic());
    gain.put("over_periodic_relative", relative(gainOverPeriodic(), periodic().average()));
    ArrayNode ws = root.putArray("by_window");
    for (WindowSchedule s : windows) {
      ObjectNode o = ws.addObject();
      o.put("window", s.window());
      o.put("transmission_mean", s.transmission().mean());
      o.put("transmission_max", s.transmission().max());
      o.put("zero_wait", s.zeroWait().average());
      o.put("periodic", s.periodic().average());
      o.put("threshold", s.threshold().average());
      o.put("position", s.threshold().policy().position());
      number(o, "beta", s.threshold().policy().threshold());
      Json.add(o.putArray("threshold_by_position"), s.byPosition());
    }
    Json.add(root.putArray("warnings"), warnings());
    root.put("seconds", seconds);
    return root;
  }

  /**
   * Writes {@link #toJson()} to a file, indented.
   *
   * @param file the file (overwritten)
   */
  public void writeJson(Path file) {
    Json.write(file, toJson());
  }

  private static ObjectNode policy(EvaluatedPolicy e) {
    UpdatePolicy p = e.policy();
    ObjectNode o = Json.object();
    o.put("name", p.kind().id());
    o.put("window", p.window());
    o.put("position", p.position());
    if (p.kind() == UpdatePolicy.Kind.PERIODIC) {
      o.put("period", p.period());
    }
    if (p.kind() == UpdatePolicy.Kind.THRESHOLD) {
      number(o, "threshold", p.threshold());
    }
    o.put("transmission_mean", p.transmission().mean());
    o.put("average_penalty", e.average());
    o.put("simulated_penalty", e.simulated().mean());
    o.put("simulated_stderr", e.simulated().standardError());
    return o;
  }

  private static double relative(double gain, double base) {
    return base > 0 ? gain / base : 0;
  }

  /** JSON has no infinities: a threshold that never binds is written as null. */
  private static void number(ObjectNode o, String name, double v) {
    if (Double.isFinite(v)) {
      o.put(name, v);
    } else {
      o.putNull(name);
    }
  }
}
