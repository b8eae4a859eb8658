package org.aoiforecast.solar.report;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Locale;
import org.aoiforecast.core.io.Json;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** The closed loop of update scheduling in the report: its section, its JSON and its table. */
final class ClosedLoopReport {
  /** Figure 6. */
  static final String FIGURE = "fig6-scheduling.png";
  /** The loop's table: one row per α and policy. */
  static final String CSV = "scheduling.csv";

  private ClosedLoopReport() {}

  /** The report's section on the loop. */
  static void markdown(ClosedLoop.Result r, String mseUnit, StringBuilder md) {
    ClosedLoop.Point p = r.chosen();
    md.append("## Update scheduling: closed loop\n\n");
    md.append(String.format(Locale.ROOT, "One channel sends a window of u = %d readings of every source at once; a"
        + " window takes T = ceil(alpha u) = %d steps to send (alpha = %s, `--alpha`). From the estimated profile"
        + " (all sources stale, u = %d) the scheduler chooses the policy; the test part is then delivered by each"
        + " policy and the pooled network forecasts at the ages it produces. Predicted: the time-average loss of"
        + " the policy under the profile (exact renewal reward), before any training; expected: the same average"
        + " with the network's per-age test MSE as the penalty; realised: the network's test MSE when fed by the"
        + " policy, averaged over the phases of the first transmission within a day (%s).%n%n",
        r.window(), p.transmissionSteps(), trim(r.alpha()), r.window(), mseUnit));
    md.append("| policy | predicted | expected | realised | mean age (steps) | forecasts | beyond training ages |\n");
    md.append("|---|---:|---:|---:|---:|---:|---:|\n");
    for (ClosedLoop.Outcome o : p.outcomes()) {
      md.append(String.format(Locale.ROOT, "| %s | %.4g | %.4g | %.4g | %.1f | %d | %d |%n",
          o.description().replace("|", "\\|"), o.predicted(), o.expected(), o.realized(), o.meanAge(), o.samples(),
          o.beyondTraining()));
    }
    ClosedLoop.Outcome zero = p.zeroWait();
    ClosedLoop.Outcome best = p.optimal();
    md.append(String.format(Locale.ROOT, "%nPredicted gain of the optimal policy over zero-wait: %+.1f %%; realised:"
        + " %+.1f %%. %s%n%n", 100 * (1 - best.predicted() / zero.predicted()),
        100 * (1 - best.realized() / zero.realized()), verdict(zero, best)));
  }

  private static String verdict(ClosedLoop.Outcome zero, ClosedLoop.Outcome best) {
    boolean predictedGain = best.predicted() < zero.predicted() * (1 - 1e-9);
    boolean realizedGain = best.realized() < zero.realized();
    if (!predictedGain) {
      return "The profile predicts no gain from waiting at this alpha: zero-wait is optimal.";
    }
    return realizedGain
        ? "The trained network confirms the gain: the policy chosen from the estimate, before any training, forecasts"
            + " better than sending as fresh as possible."
        : "The trained network does not confirm the gain on the test part: the policy chosen from the estimate"
            + " forecasts worse than zero-wait there.";
  }

  private static String trim(double v) {
    return v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
  }

  /** The loop as JSON, in run.json's {@code scheduling} field. */
  static ObjectNode json(ClosedLoop.Result r) {
    ObjectNode o = Json.object();
    o.put("window", r.window());
    o.put("alpha", r.alpha());
    o.put("transmission_steps", r.chosen().transmissionSteps());
    o.put("buffer", ClosedLoop.buffer(r.window()));
    o.put("period", ClosedLoop.PERIOD);
    o.set("policies", outcomes(r.chosen()));
    ArrayNode sweep = o.putArray("sweep");
    for (ClosedLoop.Point p : r.sweep()) {
      ObjectNode s = sweep.addObject();
      s.put("alpha", p.alpha());
      s.put("transmission_steps", p.transmissionSteps());
      s.set("policies", outcomes(p));
    }
    return o;
  }

  private static ArrayNode outcomes(ClosedLoop.Point p) {
    ArrayNode a = Json.object().arrayNode();
    for (ClosedLoop.Outcome out : p.outcomes()) {
      ObjectNode x = a.addObject();
      x.put("policy", out.policy());
      x.put("description", out.description());
      x.put("predicted", out.predicted());
      x.put("expected", out.expected());
      x.put("realized", out.realized());
      x.put("mean_age", out.meanAge());
      x.put("forecasts", out.samples());
      x.put("beyond_training_ages", out.beyondTraining());
    }
    return a;
  }

  /** The loop's sweep as a table: alpha, T, policy, predicted, realised, mean age. */
  static Table table(ClosedLoop.Result r) {
    Table t = Table.create("scheduling");
    DoubleColumn alpha = DoubleColumn.create("alpha");
    IntColumn steps = IntColumn.create("transmission_steps");
    StringColumn policy = StringColumn.create("policy");
    StringColumn description = StringColumn.create("description");
    DoubleColumn predicted = DoubleColumn.create("predicted");
    DoubleColumn expected = DoubleColumn.create("expected");
    DoubleColumn realized = DoubleColumn.create("realized");
    DoubleColumn age = DoubleColumn.create("mean_age");
    for (ClosedLoop.Point p : r.sweep()) {
      for (ClosedLoop.Outcome o : p.outcomes()) {
        alpha.append(p.alpha());
        steps.append(p.transmissionSteps());
        policy.append(o.policy());
        description.append(o.description());
        predicted.append(o.predicted());
        expected.append(o.expected());
        realized.append(o.realized());
        age.append(o.meanAge());
      }
    }
    return t.addColumns(alpha, steps, policy, description, predicted, expected, realized, age);
  }
}
