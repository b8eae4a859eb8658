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
    for (int i = 1; i < queryMillis.length; i++) {
      if (queryMillis[i] < queryMillis[i - 1]) {
        throw new DataException("query " + i + " at " + Instant.ofEpochMilli(queryMillis[i]) + " precedes query "
            + (i - 1) + " at " + Instant.ofEpochMilli(queryMillis[i - 1]) + "; query times must be sorted");
      }
    }
    int n = queryMillis.length;
    int[][] freshest = new int[sources.size()][];
    boolean anyMissing = false;
    for (int s = 0; s < sources.size(); s++) {
      freshest[s] = freshestArrived(sources.get(s), queryMillis);
      anyMissing |= markIncompleteWindows(s, queryMillis, freshest[s]);
    }
    int[] kept = null; // null = all rows kept
    if (anyMissing) {
      kept = keptRows(queryMillis, freshest);
    }
    int rows = kept == null ? n : kept.length;
    long[] times = new long[rows];
    if (kept == null) {
      System.arraycopy(queryMillis, 0, times, 0, n);
    } else {
      for (int r = 0; r < rows; r++) {
        times[r] = queryMillis[kept[r]];
      }
    }
    List<SourceAlignment> results = new ArrayList<>(sources.size());
    for (int s = 0; s < sources.size(); s++) {
      results.add(gather(sources.get(s), windows[s], freshest[s], kept, times));
    }
    int[] positions = kept;
    if (positions == null) {
      positions = new int[n];
      for (int i = 0; i < n; i++) {
        positions[i] = i;
      }
    }
    return new Alignment(times, positions, results);
  }

  /**
   * For each query, the index of the freshest reading arrived by then, or -1.
   * The last reading with suffix-minimum arrival {@code <= t} is the freshest one arrived by t:
   * reading i is overtaken-or-arrived iff some reading j >= i has arrived, i.e. suffixMin[i] <= t.
   */
  private static int[] freshestArrived(ReadingSeries series, long[] query) {
    long[] available = series.arrivalsInOrder() ? series.rawArrived() : suffixMinimum(series.rawArrived());
    int n = available.length;
    int[] out = new int[query.length];
    int p = 0;
    for (int q = 0; q < query.length; q++) {
      long t = query[q];
      while (p < n && available[p] <= t) {
        p++;
      }
      out[q] = p - 1;
    }
    return out;
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

  /**
   * Replaces the freshest index by a negative code where the window is incomplete:
   * -1 no reading yet, -2 too few readings, -3 a reading in the window not yet arrived, -4 lost reading.
   *
   * @return true when any query lacks a complete window
   */
  private boolean markIncompleteWindows(int s, long[] query, int[] freshest) {
    ReadingSeries series = sources.get(s);
    int u = windows[s];
    boolean checkArrivals = u > 1 && !series.arrivalsInOrder();
    Duration period = series.source().period().orElse(null);
    long[] windowLatestArrival = checkArrivals ? slidingMaximum(series.rawArrived(), u) : null;
    boolean[] gap = period != null && u > 1 ? gaps(series.rawGenerated(), u, period.toMillis()) : null;
    boolean any = false;
    for (int q = 0; q < query.length; q++) {
      int i = freshest[q];
      if (i < 0) {
        any = true;
      } else if (i < u - 1) {
        freshest[q] = -2;
        any = true;
      } else if (checkArrivals && windowLatestArrival[i] > query[q]) {
        freshest[q] = -3;
        any = true;
      } else if (gap != null && gap[i]) {
        freshest[q] = -4;
        any = true;
      }
    }
    return any;
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

  private int[] keptRows(long[] query, int[][] freshest) {
    int n = query.length;
    int[] kept = new int[n];
    int rows = 0;
    for (int q = 0; q < n; q++) {
      boolean complete = true;
      for (int s = 0; s < freshest.length && complete; s++) {
        int code = freshest[s][q];
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

  private static SourceAlignment gather(ReadingSeries series, int u, int[] freshest, int[] kept, long[] times) {
    int rows = times.length;
    int[] index;
    if (kept == null) {
      index = freshest;
    } else {
      index = new int[rows];
      for (int r = 0; r < rows; r++) {
        index[r] = freshest[kept[r]];
      }
    }
    long[] gen = series.rawGenerated();
    long[] age = new long[rows];
    for (int r = 0; r < rows; r++) {
      age[r] = times[r] - gen[index[r]];
    }
    int width = series.source().width();
    double[][][] values = new double[width][u][rows];
    for (int c = 0; c < width; c++) {
      double[] src = series.rawValues(c);
      for (int lag = 0; lag < u; lag++) {
        double[] dst = values[c][lag];
        for (int r = 0; r < rows; r++) {
          dst[r] = src[index[r] - lag];
        }
      }
    }
    return new SourceAlignment(series.source(), u, index, age, gen, values);
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
