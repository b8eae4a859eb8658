package org.aoiforecast.core.reading;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.aoiforecast.core.DataException;

/**
 * As-of alignment: for each query time {@code t} and each source, the freshest reading that has
 * arrived by {@code t}, the window of the {@code u} readings ending at it, and its age.
 *
 * <p>"Freshest arrived" means the largest generation time among readings with
 * {@code arrival <= t}; readings may arrive out of order. The window is the {@code u} consecutive
 * readings (in generation order) ending at the freshest one. It is complete when all of them exist
 * and have arrived by {@code t} and, if the source declares a period, when no reading inside it was
 * lost. Incomplete windows are handled by the {@link MissingPolicy}; no value is ever invented.
 *
 * <p>Cost: one linear merge pass per source over the sorted query times and the readings, plus a
 * linear gather of the values; no sorting, even when arrivals are out of order (the freshest
 * reading arrived by {@code t} is the last one whose suffix-minimum arrival time is {@code <= t},
 * and that suffix minimum is non-decreasing). Single-threaded; instances are immutable and can be
 * shared between threads.
 */
public final class AsOfAligner {
  private final List<ReadingSeries> sources;
  private final int[] windows;
  private final MissingPolicy policy;

  private AsOfAligner(List<ReadingSeries> sources, int[] windows, MissingPolicy policy) {
    this.sources = List.copyOf(sources);
    this.windows = windows;
    this.policy = policy;
  }

  /** @return a builder (window 1, policy {@link MissingPolicy#ERROR}) */
  public static Builder builder() {
    return new Builder();
  }

  /**
   * Aligns every source at the given query times.
   *
   * @param queryTimes query times, non-decreasing
   * @return the alignment
   */
  public Alignment align(List<Instant> queryTimes) {
    long[] q = new long[queryTimes.size()];
    for (int i = 0; i < q.length; i++) {
      q[i] = queryTimes.get(i).toEpochMilli();
    }
    return align(q);
  }

  /**
   * Aligns every source at the given query times.
   *
   * @param queryMillis query times in epoch milliseconds, non-decreasing; not modified
   * @return the alignment
   * @throws DataException when the query times are not sorted, or a window is incomplete under
   *     {@link MissingPolicy#ERROR}
   */
  public Alignment align(long[] queryMillis) {
    int n = queryMillis.length;
    long[] times = queryMillis.clone();
    // Optimistic single pass per source: index, age and window values at every query; incomplete
    // windows are only flagged. Compaction (or the error) happens afterwards, and only if needed.
    List<Pass> passes = new ArrayList<>(sources.size());
    boolean anyMissing = false;
    for (int s = 0; s < sources.size(); s++) {
      Pass pass = pass(sources.get(s), windows[s], times);
      passes.add(pass);
      anyMissing |= pass.missing > 0;
    }
    int[] kept = anyMissing ? keptRows(times, passes) : null; // null = every row kept
    long[] keptTimes = kept == null ? times : compact(times, kept);
    List<SourceAlignment> results = new ArrayList<>(sources.size());
    for (int s = 0; s < sources.size(); s++) {
      Pass p = passes.get(s);
      ReadingSeries series = sources.get(s);
      int u = windows[s];
      int width = series.source().width();
      double[][][] values = new double[width][u][];
      for (int c = 0; c < width; c++) {
        for (int lag = 0; lag < u; lag++) {
          double[] v = p.values[c * u + lag];
          values[c][lag] = kept == null ? v : compact(v, kept);
        }
      }
      results.add(new SourceAlignment(series.source(), u, kept == null ? p.index : compact(p.index, kept),
          kept == null ? p.age : compact(p.age, kept), series.rawGenerated(), values));
    }
    return new Alignment(keptTimes, kept, results);
  }

  /** One source's optimistic pass: per query the freshest index (or a negative code), age and values. */
  private static final class Pass {
    int[] index;
    long[] age;
    double[][] values; // [column * u + lag][query]
    int missing;
  }

  /**
   * The merge pass. The freshest reading arrived by t is the last one whose suffix-minimum arrival
   * is {@code <= t}: reading i is superseded-or-arrived iff some reading j >= i has arrived, and the
   * suffix minimum is non-decreasing, so one forward pointer serves all (sorted) queries.
   * Negative index codes: -1 no reading yet, -2 too few readings, -3 a window reading not yet
   * arrived, -4 a lost reading inside the window.
   */
  private static Pass pass(ReadingSeries series, int u, long[] query) {
    long[] available = series.arrivalsInOrder() ? series.rawArrived() : suffixMinimum(series.rawArrived());
    long[] gen = series.rawGenerated();
    boolean checkArrivals = u > 1 && !series.arrivalsInOrder();
    long[] windowLatestArrival = checkArrivals ? slidingMaximum(series.rawArrived(), u) : null;
    Duration period = series.source().period().orElse(null);
    boolean[] gap = period != null && u > 1 ? gaps(gen, u, period.toMillis()) : null;
    int width = series.source().width();
    int m = query.length;
    int readings = available.length;
    Pass pass = new Pass();
    int[] index = new int[m];
    long[] age = new long[m];
    double[][] dst = new double[width * u][m];
    double[][] src = new double[width * u][];
    int[] lagOf = new int[width * u];
    for (int c = 0; c < width; c++) {
      for (int lag = 0; lag < u; lag++) {
        src[c * u + lag] = series.rawValues(c);
        lagOf[c * u + lag] = lag;
      }
    }
    int missing = 0;
    int p = 0;
    long previous = Long.MIN_VALUE;
    for (int q = 0; q < m; q++) {
      long t = query[q];
      if (t < previous) {
        throw new DataException("query " + q + " at " + Instant.ofEpochMilli(t) + " precedes query " + (q - 1)
            + " at " + Instant.ofEpochMilli(previous) + "; query times must be sorted");
      }
      previous = t;
      while (p < readings && available[p] <= t) {
        p++;
      }
      int i = p - 1;
      if (i < u - 1) {
        index[q] = i < 0 ? -1 : -2;
        missing++;
        continue;
      }
      if ((checkArrivals && windowLatestArrival[i] > t) || (gap != null && gap[i])) {
        index[q] = checkArrivals && windowLatestArrival[i] > t ? -3 : -4;
        missing++;
        continue;
      }
      index[q] = i;
      age[q] = t - gen[i];
      if (u == 1) {
        for (int c = 0; c < width; c++) {
          dst[c][q] = src[c][i];
        }
      } else {
        for (int k = 0; k < dst.length; k++) {
          dst[k][q] = src[k][i - lagOf[k]];
        }
      }
    }
    pass.index = index;
    pass.age = age;
    pass.values = dst;
    pass.missing = missing;
    return pass;
  }

  private static long[] suffixMinimum(long[] a) {
    long[] m = new long[a.length];
    long min = Long.MAX_VALUE;
    for (int i = a.length - 1; i >= 0; i--) {
      min = Math.min(min, a[i]);
      m[i] = min;
    }
    return m;
  }

  /** max of a[i-u+1 .. i] for each i >= u-1 (monotone deque). */
  private static long[] slidingMaximum(long[] a, int u) {
    long[] out = new long[a.length];
    ArrayDeque<Integer> deque = new ArrayDeque<>();
    for (int i = 0; i < a.length; i++) {
      while (!deque.isEmpty() && a[deque.peekLast()] <= a[i]) {
        deque.pollLast();
      }
      deque.addLast(i);
      if (deque.peekFirst() <= i - u) {
        deque.pollFirst();
      }
      out[i] = a[deque.peekFirst()];
    }
    return out;
  }

  /**
   * true at i when the window ending at reading i holds a gap of more than 1.5 periods between
   * consecutive readings: a reading was lost there (the margin tolerates jitter in generation).
   */
  private static boolean[] gaps(long[] generated, int u, long period) {
    int n = generated.length;
    int[] gapsUpTo = new int[n]; // number of oversized gaps between readings 0..i
    for (int i = 1; i < n; i++) {
      boolean gap = 2 * (generated[i] - generated[i - 1]) > 3 * period;
      gapsUpTo[i] = gapsUpTo[i - 1] + (gap ? 1 : 0);
    }
    boolean[] out = new boolean[n];
    for (int i = u - 1; i < n; i++) {
      out[i] = gapsUpTo[i] - gapsUpTo[i - u + 1] > 0;
    }
    return out;
  }

  private int[] keptRows(long[] query, List<Pass> passes) {
    int n = query.length;
    int[] kept = new int[n];
    int rows = 0;
    for (int q = 0; q < n; q++) {
      boolean complete = true;
      for (int s = 0; s < passes.size() && complete; s++) {
        int code = passes.get(s).index[q];
        if (code < 0) {
          complete = false;
          if (policy == MissingPolicy.ERROR) {
            throw missing(sources.get(s), windows[s], query[q], q, code);
          }
        }
      }
      if (complete) {
        kept[rows++] = q;
      }
    }
    return java.util.Arrays.copyOf(kept, rows);
  }

  private static long[] compact(long[] a, int[] kept) {
    long[] out = new long[kept.length];
    for (int r = 0; r < kept.length; r++) {
      out[r] = a[kept[r]];
    }
    return out;
  }

  private static int[] compact(int[] a, int[] kept) {
    int[] out = new int[kept.length];
    for (int r = 0; r < kept.length; r++) {
      out[r] = a[kept[r]];
    }
    return out;
  }

  private static double[] compact(double[] a, int[] kept) {
    double[] out = new double[kept.length];
    for (int r = 0; r < kept.length; r++) {
      out[r] = a[kept[r]];
    }
    return out;
  }

  private static DataException missing(ReadingSeries series, int u, long t, int q, int code) {
    String why = switch (code) {
      case -1 -> "no reading has arrived yet";
      case -2 -> "fewer than " + u + " readings (the window) have been generated";
      case -3 -> "a reading inside the window of " + u + " has not arrived yet";
      default -> "a reading inside the window of " + u + " was lost (a gap of more than 1.5 times the period "
          + series.source().period().orElseThrow() + ")";
    };
    return new DataException("source '" + series.source().name() + "' at query " + q + " ("
        + Instant.ofEpochMilli(t) + "): " + why
        + "; choose MissingPolicy.DROP_ROW to drop such query times");
  }

  /** Builds an {@link AsOfAligner}. */
  public static final class Builder {
    private final List<ReadingSeries> sources = new ArrayList<>();
    private final List<Integer> windows = new ArrayList<>();
    private final Set<String> names = new HashSet<>();
    private int defaultWindow = 1;
    private MissingPolicy policy = MissingPolicy.ERROR;

    private Builder() {}

    /**
     * Adds a source with the default window.
     *
     * @param readings its readings
     * @return this builder
     */
    public Builder source(ReadingSeries readings) {
      return source(readings, 0);
    }

    /**
     * Adds a source with its own window length.
     *
     * @param readings its readings
     * @param window number of readings per window, at least 1 (0 = the default window)
     * @return this builder
     */
    public Builder source(ReadingSeries readings, int window) {
      Objects.requireNonNull(readings, "readings");
      if (window < 0) {
        throw new IllegalArgumentException("window must be at least 1, got " + window);
      }
      if (!names.add(readings.source().name())) {
        throw new IllegalArgumentException("source '" + readings.source().name() + "' is added twice");
      }
      sources.add(readings);
      windows.add(window);
      return this;
    }

    /**
     * Sets the window length used by sources added without one.
     *
     * @param window readings per window, at least 1
     * @return this builder
     */
    public Builder window(int window) {
      if (window < 1) {
        throw new IllegalArgumentException("window must be at least 1 reading, got " + window);
      }
      this.defaultWindow = window;
      return this;
    }

    /**
     * @param policy what to do with query times lacking a complete window
     * @return this builder
     */
    public Builder missing(MissingPolicy policy) {
      this.policy = Objects.requireNonNull(policy, "policy");
      return this;
    }

    /** @return the aligner */
    public AsOfAligner build() {
      if (sources.isEmpty()) {
        throw new IllegalArgumentException("add at least one source to align");
      }
      int[] w = new int[sources.size()];
      for (int i = 0; i < w.length; i++) {
        w[i] = windows.get(i) == 0 ? defaultWindow : windows.get(i);
      }
      return new AsOfAligner(sources, w, policy);
    }
  }
}
