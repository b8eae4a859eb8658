package org.aoiforecast.solar.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.aoiforecast.core.io.Json;
import org.aoiforecast.core.schedule.EvaluatedPolicy;
import org.aoiforecast.core.schedule.PenaltyTable;
import org.aoiforecast.core.schedule.PenaltyTableReader;
import org.aoiforecast.core.schedule.ScheduleReport;
import org.aoiforecast.core.schedule.Scheduler;
import org.aoiforecast.core.schedule.TailRule;
import org.aoiforecast.core.schedule.TransmissionModel;
import org.aoiforecast.core.schedule.TransmissionTime;
import org.aoiforecast.core.schedule.UpdatePolicy;
import org.aoiforecast.core.schedule.WindowSchedule;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code schedule}: the update policy that minimises the average loss, from a penalty table. */
@Command(name = "schedule", mixinStandardHelpOptions = true,
    description = {"Choose when to send which reading over a channel that carries one window at a time, from a"
        + " penalty table p(age, window): zero-wait, periodic and the Gittins-index threshold policy with selection"
        + " from a buffer, each with its exact and simulated time-average penalty.",
        "Time is in steps of the table's ages; a window of length u takes T(u) steps to send."})
final class ScheduleCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Option(names = "--penalty", required = true, paramLabel = "FILE",
      description = "The JSON of 'analyze' (its profile per window) or a CSV with a column 'age' and one column per"
          + " window length named by that length (age,1,2,3).")
  Path penalty;

  @Option(names = "--profile", defaultValue = PenaltyTableReader.ALL_STALE, paramLabel = "STALE",
      description = "Which profiles of an analyze JSON: all (every source stale) or a source name"
          + " (default: ${DEFAULT-VALUE}).")
  String profile;

  @Option(names = "--alpha", paramLabel = "A", description = "Transmission time T(u) = ceil(A*u) steps.")
  Double alpha;

  @Option(names = "--transmission-times", paramLabel = "FILE",
      description = "Measured transmission times in steps, one integer per line, for every window length.")
  Path transmissionTimes;

  @Option(names = "--buffer", defaultValue = "10", paramLabel = "B",
      description = "Freshest samples kept for sending, at least the longest window (default: ${DEFAULT-VALUE}).")
  int buffer;

  @Option(names = "--periodic-period", defaultValue = "4", paramLabel = "K",
      description = "Period of the periodic policy in steps (default: ${DEFAULT-VALUE}).")
  int period;

  @Option(names = "--tail", defaultValue = "hold", paramLabel = "RULE",
      description = "Penalty beyond the table's oldest age: hold (its last value) or max (the window's largest)"
          + " (default: ${DEFAULT-VALUE}).")
  String tail;

  @Option(names = "--deliveries", defaultValue = "100000", paramLabel = "N",
      description = "Simulated deliveries per policy (default: ${DEFAULT-VALUE}).")
  int deliveries;

  @Option(names = "--seed", defaultValue = "42", paramLabel = "SEED",
      description = "Seed of the simulated transmission times (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--json", paramLabel = "FILE", description = "Write the results as JSON (schema 1, docs/json.md).")
  Path json;

  @Option(names = "--quiet", description = "Print only the policies and the gains, not the table per window length.")
  boolean quiet;

  @Override
  public Integer call() {
    if (json != null) {
      OutputPaths.file(json, "--json");
    }
    if ((alpha == null) == (transmissionTimes == null)) {
      throw CliException.usage("give exactly one of --alpha and --transmission-times");
    }
    ScheduleReport report;
    try {
      PenaltyTable table = PenaltyTableReader.read(existing(penalty, "--penalty"), profile)
          .withTail(TailRule.parse(tail));
      TransmissionModel model = alpha != null ? TransmissionModel.proportional(alpha)
          : TransmissionModel.same(readTimes(existing(transmissionTimes, "--transmission-times")));
      report = Scheduler.builder(table, model).buffer(buffer).period(period).deliveries(deliveries).seed(seed)
          .build().schedule();
    } catch (IllegalArgumentException e) {
      // bad tables, laws and settings are bad input to this command, like a bad option value
      throw CliException.usage(e.getMessage());
    }
    print(report, spec.commandLine().getOut());
    if (json != null) {
      ObjectNode root = report.toJson();
      root.put("penalty_file", penalty.toString());
      root.put("profile", profile);
      if (transmissionTimes != null) {
        root.put("transmission_file", transmissionTimes.toString());
      }
      Json.write(json, root);
    }
    return 0;
  }

  private static Path existing(Path file, String option) {
    if (!Files.isRegularFile(file)) {
      throw new CliException(CliException.FAILURE, option + " " + file + ": no such file");
    }
    return file;
  }

  /** One integer per line; blank lines and lines starting with '#' are skipped. */
  static TransmissionTime readTimes(Path file) {
    List<String> lines;
    try {
      lines = Files.readAllLines(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    List<Integer> times = new ArrayList<>();
    for (int i = 0; i < lines.size(); i++) {
      String s = lines.get(i).strip();
      if (s.isEmpty() || s.startsWith("#")) {
        continue;
      }
      int t;
      try {
        t = Integer.parseInt(s);
      } catch (NumberFormatException e) {
        throw CliException.usage(file + ", line " + (i + 1) + ": expected a whole number of steps, found '" + s + "'");
      }
      if (t < 1) {
        throw CliException.usage(file + ", line " + (i + 1) + ": transmission time " + t
            + "; a transmission takes at least 1 step");
      }
      times.add(t);
    }
    if (times.isEmpty()) {
      throw CliException.usage(file + " holds no transmission times; expected one whole number of steps per line");
    }
    return TransmissionTime.empirical(times.stream().mapToInt(Integer::intValue).toArray());
  }

  private void print(ScheduleReport r, PrintWriter out) {
    PenaltyTable t = r.table();
    out.printf(Locale.ROOT, "Penalty table %s: ages %d-%d, windows %s; beyond age %d: %s%n", penalty, t.firstAge(),
        t.lastAge(), join(t.windows()), t.lastAge(), t.tail().id());
    out.printf(Locale.ROOT, "Transmission: %s; buffer %d; periodic period %d; %d simulated deliveries (seed %d)%n",
        r.transmission(), r.buffer(), r.period(), deliveries, seed);
    if (!quiet) {
      out.println();
      out.printf(Locale.ROOT, "%6s %8s %12s %12s %12s %8s %12s%n", "window", "mean T", "zero-wait", "periodic",
          "threshold", "position", "beta");
      for (WindowSchedule w : r.windows()) {
        UpdatePolicy p = w.threshold().policy();
        out.printf(Locale.ROOT, "%6d %8.3f %12s %12s %12s %8d %12s%n", w.window(), w.transmission().mean(),
            TextTables.format(w.zeroWait().average()), TextTables.format(w.periodic().average()),
            TextTables.format(w.threshold().average()), p.position(), TextTables.format(p.threshold()));
      }
    }
    out.println();
    out.printf(Locale.ROOT, "%-10s %6s %8s %12s %12s %12s %10s%n", "policy", "window", "position", "threshold",
        "average", "simulated", "± s.e.");
    for (EvaluatedPolicy e : List.of(r.zeroWait(), r.periodic(), r.optimal())) {
      UpdatePolicy p = e.policy();
      String threshold = p.kind() == UpdatePolicy.Kind.THRESHOLD ? TextTables.format(p.threshold())
          : p.kind() == UpdatePolicy.Kind.PERIODIC ? "k=" + p.period() : "-";
      out.printf(Locale.ROOT, "%-10s %6d %8d %12s %12s %12s %10s%n", p.kind().id(), p.window(), p.position(),
          threshold, TextTables.format(e.average()), TextTables.format(e.simulated().mean()),
          TextTables.format(e.simulated().standardError()));
    }
    EvaluatedPolicy opt = r.optimal();
    out.printf(Locale.ROOT, "%nOptimal: window %d, buffer position %d, threshold %s: average penalty %s,"
            + " %s (%.1f %%) below zero-wait and %s (%.1f %%) below periodic.%n",
        opt.policy().window(), opt.policy().position(), TextTables.format(opt.policy().threshold()),
        TextTables.format(opt.average()), TextTables.format(r.gainOverZeroWait()),
        percent(r.gainOverZeroWait(), r.zeroWait().average()), TextTables.format(r.gainOverPeriodic()),
        percent(r.gainOverPeriodic(), r.periodic().average()));
    for (String w : r.warnings()) {
      out.println("note: " + w);
    }
  }

  private static double percent(double gain, double base) {
    return base > 0 ? 100 * gain / base : 0;
  }

  private static String join(int[] values) {
    StringBuilder s = new StringBuilder();
    for (int v : values) {
      s.append(s.length() == 0 ? "" : ", ").append(v);
    }
    return s.toString();
  }
}
