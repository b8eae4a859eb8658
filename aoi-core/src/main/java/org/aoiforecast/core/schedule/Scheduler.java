package org.aoiforecast.core.schedule;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Chooses how to update: for every window length of a penalty table, the zero-wait, periodic and
 * optimal threshold policies (the latter at every buffer position {@code b = 0..B-u}), each with
 * its exact and simulated average penalty; the optimal policy is the threshold policy with the
 * least exact average over window lengths and positions (the papers' TIFL). Immutable; build with
 * {@link #builder(PenaltyTable, TransmissionModel)}.
 */
public final class Scheduler {
  private final PenaltyTable table;
  private final TransmissionModel transmission;
  private final int buffer;
  private final int period;
  private final int deliveries;
  private final long seed;

  private Scheduler(Builder b) {
    this.table = b.table;
    this.transmission = b.transmission;
    this.buffer = b.buffer;
    this.period = b.period;
    this.deliveries = b.deliveries;
    this.seed = b.seed;
  }

  /**
   * @param table the penalty table
   * @param transmission the transmission-time law of each window length
   * @return a builder with buffer 10, period 4, 100,000 simulated deliveries and seed 42
   */
  public static Builder builder(PenaltyTable table, TransmissionModel transmission) {
    return new Builder(table, transmission);
  }

  /** @return the policies of every window length and the optimal one */
  public ScheduleReport schedule() {
    long t0 = System.nanoTime();
    List<WindowSchedule> windows = new ArrayList<>();
    for (int u : table.windows()) {
      windows.add(window(u));
    }
    return new ScheduleReport(table, transmission.toString(), buffer, period, deliveries, seed, windows,
        (System.nanoTime() - t0) / 1e9);
  }

  private WindowSchedule window(int u) {
    TransmissionTime law = transmission.forWindow(u);
    PenaltyCurve curve = table.curve(u);
    GittinsIndex index = GittinsIndex.of(table, u, law);
    UpdatePolicy zeroWait = UpdatePolicy.zeroWait(u, law);
    UpdatePolicy periodic = UpdatePolicy.periodic(u, law, period);
    // A position past the table's oldest age delivers only ages in the tail, where the penalty is one
    // constant: it cannot beat the position at the oldest age, so the search stops there (and a huge
    // buffer costs nothing).
    double[] byPosition = new double[Math.min(buffer - u, table.lastAge()) + 1];
    ThresholdSolver.Solution best = null;
    for (int b = 0; b < byPosition.length; b++) {
      ThresholdSolver.Solution s = ThresholdSolver.solve(index, curve, b);
      byPosition[b] = s.average();
      if (best == null || s.average() < best.average()) {
        best = s;
      }
    }
    return new WindowSchedule(u, law,
        EvaluatedPolicy.of(zeroWait, PolicyEvaluator.exact(zeroWait, table), table, deliveries, seed),
        EvaluatedPolicy.of(periodic, PolicyEvaluator.exact(periodic, table), table, deliveries, seed),
        EvaluatedPolicy.of(best.policy(), best.average(), table, deliveries, seed), byPosition, best.capped());
  }

  /** Builds a {@link Scheduler}; every setting is checked when set. */
  public static final class Builder {
    private final PenaltyTable table;
    private final TransmissionModel transmission;
    private int buffer = 10;
    private int period = 4;
    private int deliveries = 100_000;
    private long seed = 42;

    private Builder(PenaltyTable table, TransmissionModel transmission) {
      this.table = Objects.requireNonNull(table, "table");
      this.transmission = Objects.requireNonNull(transmission, "transmission");
    }

    /**
     * @param samples how many of the freshest samples the sender keeps, {@code B}; at least the
     *     longest window length of the table
     * @return this builder
     */
    public Builder buffer(int samples) {
      if (samples < table.longestWindow()) {
        throw new IllegalArgumentException("buffer B = " + samples + " cannot hold a window of length "
            + table.longestWindow() + " (the table's longest); expected B >= " + table.longestWindow());
      }
      this.buffer = samples;
      return this;
    }

    /**
     * @param steps the periodic policy's period {@code k}, at least 1
     * @return this builder
     */
    public Builder period(int steps) {
      if (steps < 1) {
        throw new IllegalArgumentException("the periodic policy's period must be at least 1 step, got " + steps);
      }
      this.period = steps;
      return this;
    }

    /**
     * @param count deliveries per simulation, at least {@value PolicyEvaluator#BATCHES}
     * @return this builder
     */
    public Builder deliveries(int count) {
      if (count < PolicyEvaluator.BATCHES) {
        throw new IllegalArgumentException("simulate at least " + PolicyEvaluator.BATCHES + " deliveries, got "
            + count);
      }
      this.deliveries = count;
      return this;
    }

    /**
     * @param value seed of the simulated transmission times (the same for every policy, so that
     *     they are compared on the same draws)
     * @return this builder
     */
    public Builder seed(long value) {
      this.seed = value;
      return this;
    }

    /** @return the scheduler */
    public Scheduler build() {
      buffer(buffer); // the default must also hold the longest window
      return new Scheduler(this);
    }
  }
}
