package org.aoiforecast.core.schedule;

import java.util.Arrays;
import java.util.Objects;
import org.aoiforecast.core.DataException;

/**
 * A penalty table {@code p(Δ, u)}: the loss of a forecast from features of age {@code Δ} (in
 * steps) with a window of {@code u} readings, for consecutive ages {@code first..D} and one or
 * several window lengths. The penalties are in the loss's units (an age-loss profile's
 * L-conditional entropy, or a trained model's test loss per age) and must be finite and
 * non-negative.
 *
 * <p>The table defines {@code p} at every age {@code Δ >= 0}: below the first age the penalty is
 * the first value (an analyze profile starts at age 1, and no delivery is younger than one step
 * anyway); beyond {@code D} it follows the {@link TailRule} (default {@link TailRule#HOLD}).
 * Immutable; arrays are copied in and out.
 */
public final class PenaltyTable {
  private final int firstAge;
  private final int[] windows;
  private final double[][] values; // [window index][age - firstAge]
  private final TailRule tail;

  private PenaltyTable(int firstAge, int[] windows, double[][] values, TailRule tail) {
    this.firstAge = firstAge;
    this.windows = windows;
    this.values = values;
    this.tail = tail;
  }

  /**
   * Builds a table.
   *
   * @param ages consecutive ages in steps, increasing by one, the first at least 0
   * @param windows distinct window lengths, each at least 1, in any order
   * @param values one column per window (parallel to {@code windows}), each parallel to {@code ages}
   * @return the table, with the {@link TailRule#HOLD} rule
   * @throws DataException when the table is empty, ages are not consecutive, a window repeats or a
   *     penalty is negative, NaN or infinite
   */
  public static PenaltyTable of(int[] ages, int[] windows, double[][] values) {
    if (ages.length == 0 || windows.length == 0) {
      throw new DataException("the penalty table is empty (" + ages.length + " ages, " + windows.length
          + " window lengths); expected at least one age and one window length");
    }
    if (values.length != windows.length) {
      throw new DataException("the penalty table has " + values.length + " columns for " + windows.length
          + " window lengths; expected one column per window length");
    }
    if (ages[0] < 0) {
      throw new DataException("the penalty table starts at age " + ages[0] + "; ages must be 0 or more steps");
    }
    for (int i = 1; i < ages.length; i++) {
      if (ages[i] != ages[i - 1] + 1) {
        throw new DataException("the penalty table's ages must be consecutive steps; age " + ages[i]
            + " follows age " + ages[i - 1]);
      }
    }
    Integer[] order = new Integer[windows.length];
    for (int w = 0; w < windows.length; w++) {
      order[w] = w;
      if (windows[w] < 1) {
        throw new DataException("window length " + windows[w] + " in the penalty table; expected at least 1");
      }
    }
    Arrays.sort(order, (a, b) -> Integer.compare(windows[a], windows[b]));
    int[] sortedWindows = new int[windows.length];
    double[][] columns = new double[windows.length][];
    for (int k = 0; k < order.length; k++) {
      int w = order[k];
      sortedWindows[k] = windows[w];
      if (k > 0 && sortedWindows[k] == sortedWindows[k - 1]) {
        throw new DataException("window length " + windows[w] + " appears twice in the penalty table");
      }
      if (values[w].length != ages.length) {
        throw new DataException("window " + windows[w] + ": " + values[w].length + " penalties for "
            + ages.length + " ages; expected one per age");
      }
      for (int i = 0; i < ages.length; i++) {
        double v = values[w][i];
        if (!(v >= 0) || Double.isInfinite(v)) {
          throw new DataException("window " + windows[w] + ", age " + ages[i] + ": penalty " + v
              + "; expected a finite number >= 0");
        }
      }
      columns[k] = values[w].clone();
    }
    return new PenaltyTable(ages[0], sortedWindows, columns, TailRule.HOLD);
  }

  /**
   * @param rule the penalty beyond the oldest age
   * @return this table with that rule
   */
  public PenaltyTable withTail(TailRule rule) {
    return new PenaltyTable(firstAge, windows, values, Objects.requireNonNull(rule, "rule"));
  }

  /** @return the youngest age of the table, in steps */
  public int firstAge() {
    return firstAge;
  }

  /** @return the oldest age {@code D} of the table, in steps */
  public int lastAge() {
    return firstAge + values[0].length - 1;
  }

  /** @return the ages of the table, consecutive */
  public int[] ages() {
    int[] a = new int[values[0].length];
    for (int i = 0; i < a.length; i++) {
      a[i] = firstAge + i;
    }
    return a;
  }

  /** @return the window lengths, increasing */
  public int[] windows() {
    return windows.clone();
  }

  /** @return the longest window length */
  public int longestWindow() {
    return windows[windows.length - 1];
  }

  /** @return the rule beyond the oldest age */
  public TailRule tail() {
    return tail;
  }

  /**
   * @param window a window length of the table
   * @return its penalties, parallel to {@link #ages()}
   */
  public double[] values(int window) {
    return values[column(window)].clone();
  }

  /**
   * The penalty at any age, with the rules below the first and beyond the last age.
   *
   * @param window a window length of the table
   * @param age an age in steps, at least 0
   * @return {@code p(age, window)}
   */
  public double penalty(int window, int age) {
    return curve(window).value(age);
  }

  /**
   * @param window a window length of the table
   * @return {@code p(·, window)} at every age, with prefix sums for exact averages
   */
  PenaltyCurve curve(int window) {
    return new PenaltyCurve(firstAge, values[column(window)], tail);
  }

  private int column(int window) {
    int k = Arrays.binarySearch(windows, window);
    if (k < 0) {
      throw new IllegalArgumentException("window length " + window + " is not in the penalty table; it has "
          + Arrays.toString(windows));
    }
    return k;
  }

  @Override
  public String toString() {
    return "penalty table, ages " + firstAge + "-" + lastAge() + ", windows " + Arrays.toString(windows)
        + ", beyond age " + lastAge() + ": " + tail.id();
  }
}
