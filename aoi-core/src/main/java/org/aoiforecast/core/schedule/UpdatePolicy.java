package org.aoiforecast.core.schedule;

import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import org.aoiforecast.core.DataException;
import org.aoiforecast.core.ageprocess.AgeProcess;
import org.aoiforecast.core.reading.ReadingSeries;
import org.apache.commons.math3.random.Well19937c;

/**
 * An update policy for one channel: which window to send (length {@code u}, buffer position
 * {@code b}, 0 = the freshest sample) and how long to wait after each delivery before the next
 * transmission starts. The wait depends only on the time the last transmission took (through the
 * age on delivery {@code b + T}), which is all the papers' optimal policies need.
 *
 * <ul>
 *   <li>zero-wait: {@code b = 0}, send again as soon as the channel is free;
 *   <li>periodic with period {@code k}: transmissions start at multiples of {@code k} steps; when
 *       one takes longer than {@code k}, the next starts at the first multiple of {@code k} at or
 *       after its delivery (the wait is {@code k·ceil(T/k) - T});
 *   <li>threshold: after a delivery at age {@code d}, wait the least {@code z >= 0} with
 *       {@code γ(d + z) >= β} ({@link GittinsIndex}), then send position {@code b}.
 * </ul>
 *
 * <p>As an {@link AgeProcess} it delivers the readings of a regular series that it would send:
 * each reading index is one step. The first transmission starts as soon as a window at position
 * {@code b} exists (reading {@code b + u - 1}); a transmission started at reading {@code S}
 * carries readings {@code S-b-u+1 .. S-b} and arrives {@code T} steps after reading {@code S} was
 * generated, so the freshest reading sent arrives at age {@code b + T}. A reading sent in several
 * windows keeps its first arrival. Transmission times are drawn from the law with the given seed.
 * Immutable.
 */
public final class UpdatePolicy implements AgeProcess {
  /** The kinds of policy. */
  public enum Kind {
    /** Send the freshest window as soon as the channel is free. */
    ZERO_WAIT("zero-wait"),
    /** Start a transmission every {@code k} steps when the channel is free. */
    PERIODIC("periodic"),
    /** The Gittins-index threshold policy with selection from the buffer. */
    THRESHOLD("threshold");

    private final String id;

    Kind(String id) {
      this.id = id;
    }

    /** @return the name used in text and JSON */
    public String id() {
      return id;
    }
  }

  private final Kind kind;
  private final int window;
  private final int position;
  private final TransmissionTime transmission;
  private final int[] waits; // parallel to transmission.times()
  private final int period;
  private final double threshold;

  private UpdatePolicy(Kind kind, int window, int position, TransmissionTime transmission, int[] waits, int period,
      double threshold) {
    if (window < 1) {
      throw new IllegalArgumentException("window length must be at least 1, got " + window);
    }
    if (position < 0) {
      throw new IllegalArgumentException("buffer position must be 0 or more, got " + position);
    }
    this.kind = kind;
    this.window = window;
    this.position = position;
    this.transmission = Objects.requireNonNull(transmission, "transmission");
    this.waits = waits;
    this.period = period;
    this.threshold = threshold;
  }

  /**
   * @param window the window length {@code u}
   * @param transmission the law of the time to send it
   * @return the zero-wait policy (position 0, no wait)
   */
  public static UpdatePolicy zeroWait(int window, TransmissionTime transmission) {
    return new UpdatePolicy(Kind.ZERO_WAIT, window, 0, transmission, new int[transmission.size()], 0, Double.NaN);
  }

  /**
   * @param window the window length {@code u}
   * @param transmission the law of the time to send it
   * @param period steps between transmission starts, at least 1
   * @return the periodic policy (position 0)
   */
  public static UpdatePolicy periodic(int window, TransmissionTime transmission, int period) {
    if (period < 1) {
      throw new IllegalArgumentException("the period must be at least 1 step, got " + period);
    }
    int[] waits = new int[transmission.size()];
    for (int i = 0; i < waits.length; i++) {
      int t = transmission.time(i);
      waits[i] = Math.toIntExact((long) period * ((t + period - 1) / period) - t);
    }
    return new UpdatePolicy(Kind.PERIODIC, window, 0, transmission, waits, period, Double.NaN);
  }

  /**
   * @param index the Gittins index of the window length and its transmission law
   * @param position the buffer position {@code b} of the window sent
   * @param threshold the price {@code β} per step; above {@code index.limit()} the waits stop where
   *     the table ends (see {@link GittinsIndex#wait(int, double)})
   * @return the threshold policy
   */
  public static UpdatePolicy threshold(GittinsIndex index, int position, double threshold) {
    if (Double.isNaN(threshold)) {
      throw new IllegalArgumentException("the threshold is NaN");
    }
    TransmissionTime law = index.transmission();
    int[] waits = new int[law.size()];
    for (int i = 0; i < waits.length; i++) {
      waits[i] = index.wait(Math.addExact(position, law.time(i)), threshold);
    }
    return new UpdatePolicy(Kind.THRESHOLD, index.window(), position, law, waits, 0, threshold);
  }

  /** @return the kind */
  public Kind kind() {
    return kind;
  }

  /** @return the window length {@code u} */
  public int window() {
    return window;
  }

  /** @return the buffer position {@code b} of the window sent (0 = freshest) */
  public int position() {
    return position;
  }

  /** @return the transmission-time law */
  public TransmissionTime transmission() {
    return transmission;
  }

  /** @return the period in steps (periodic policies), else 0 */
  public int period() {
    return period;
  }

  /** @return the threshold {@code β} (threshold policies), else NaN */
  public double threshold() {
    return threshold;
  }

  /**
   * @param i index of a possible transmission time (see {@link TransmissionTime#time(int)})
   * @return the wait in steps after a delivery that took that time
   */
  public int waitAfter(int i) {
    return waits[i];
  }

  @Override
  public ReadingSeries deliver(ReadingSeries generated, long seed) {
    int n = generated.size();
    long step = step(generated);
    Well19937c random = new Well19937c(seed);
    int[] positions = new int[n];
    long[] arrivals = new long[n];
    int kept = 0;
    int nextUnsent = 0;
    long start = position + window - 1L;
    while (start < n) {
      int s = (int) start;
      int i = transmission.sampleIndex(random);
      long arrival = Math.addExact(generated.generatedMillis(s), Math.multiplyExact(step, transmission.time(i)));
      for (int r = Math.max(nextUnsent, s - position - window + 1); r <= s - position; r++) {
        positions[kept] = r;
        arrivals[kept++] = arrival;
      }
      nextUnsent = Math.max(nextUnsent, s - position + 1);
      start += (long) transmission.time(i) + waits[i];
    }
    return generated.select(Arrays.copyOf(positions, kept), Arrays.copyOf(arrivals, kept));
  }

  private static long step(ReadingSeries series) {
    int n = series.size();
    if (n < 2) {
      throw new DataException("readings of '" + series.source().name() + "': " + n
          + " reading(s); an update policy needs a regular series of at least 2 readings (one per step)");
    }
    long step = series.generatedMillis(1) - series.generatedMillis(0);
    for (int i = 2; i < n; i++) {
      if (series.generatedMillis(i) - series.generatedMillis(i - 1) != step) {
        throw new DataException("readings of '" + series.source().name() + "': reading " + i
            + " breaks the regular spacing of " + step + " ms; an update policy counts time in steps of a regular series");
      }
    }
    return step;
  }

  /** @return e.g. "threshold u=6 b=2 β=0.1234" */
  @Override
  public String toString() {
    String s = kind.id() + " u=" + window + " b=" + position;
    if (kind == Kind.PERIODIC) {
      s += " k=" + period;
    } else if (kind == Kind.THRESHOLD) {
      s += String.format(Locale.ROOT, " β=%.6g", threshold);
    }
    return s + ", " + transmission;
  }
}
