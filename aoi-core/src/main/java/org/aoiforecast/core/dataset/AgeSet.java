package org.aoiforecast.core.dataset;

import java.time.Duration;
import java.util.Arrays;
import java.util.Iterator;
import java.util.NoSuchElementException;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.IntStream;

/**
 * The ages a pooled data set covers, in steps of the series (for hourly data, hours): sorted,
 * distinct, non-negative, at least one.
 *
 * <p>Parse a user's text with {@link #parse(String)} ({@code "1-48"}, {@code "1,6,24"}) or, for
 * durations, {@link #parse(String, Duration)} ({@code "30m-24h"}, {@code "1h,6h,24h"}).
 */
public final class AgeSet implements Iterable<Integer> {
  private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|min|h|d)?");

  /**
   * The most ages a set holds: far beyond any series a study can load, and small enough that a
   * typing slip such as {@code 0-2000000000} fails at once instead of filling the heap.
   */
  public static final int MAX_SIZE = 1_000_000;

  private final int[] ages;

  private AgeSet(int[] sortedDistinct) {
    this.ages = sortedDistinct;
  }

  /**
   * @param ages ages in steps, non-negative; sorted and de-duplicated here
   * @return the set
   * @throws IllegalArgumentException when empty or an age is negative
   */
  public static AgeSet of(int... ages) {
    if (ages.length == 0) {
      throw new IllegalArgumentException("the age set is empty; give at least one age");
    }
    TreeSet<Integer> set = new TreeSet<>();
    for (int a : ages) {
      if (a < 0) {
        throw new IllegalArgumentException("age " + a + " is negative; ages are steps into the past, >= 0");
      }
      set.add(a);
    }
    return new AgeSet(set.stream().mapToInt(Integer::intValue).toArray());
  }

  /**
   * @param from first age, >= 0
   * @param to last age, inclusive, >= from
   * @return the ages {@code from..to}
   */
  public static AgeSet range(int from, int to) {
    if (from < 0) {
      throw new IllegalArgumentException("age " + from + " is negative; ages are steps into the past, >= 0");
    }
    if (to < from) {
      throw new IllegalArgumentException("age range " + from + "-" + to + " is empty; expected from <= to");
    }
    if ((long) to - from + 1 > MAX_SIZE) {
      throw new IllegalArgumentException("age range " + from + "-" + to + " holds " + ((long) to - from + 1)
          + " ages; an age set holds at most " + MAX_SIZE);
    }
    return new AgeSet(IntStream.rangeClosed(from, to).toArray());
  }

  /**
   * Parses ages given in steps: comma-separated numbers and ranges, e.g. {@code "1-48"},
   * {@code "1,6,24"}, {@code "0-6,12,24"}.
   *
   * @param spec the text
   * @return the set
   * @throws IllegalArgumentException saying which part could not be read
   */
  public static AgeSet parse(String spec) {
    return parse(spec, null);
  }

  /**
   * Parses ages given in steps or as durations, converted to steps of the data: e.g. on
   * 30-minute data {@code "30m-24h"} is 1..48 and {@code "1h,6h,24h"} is 2, 12, 48. A range of
   * durations covers every step between its ends. A duration that is not a whole number of steps
   * is an error. Units: ms, s, m (or min), h, d; a number without unit is a count of steps.
   *
   * @param spec the text
   * @param step the data's resolution, needed when durations are used (may be null otherwise)
   * @return the set
   */
  public static AgeSet parse(String spec, Duration step) {
    if (spec == null || spec.isBlank()) {
      throw new IllegalArgumentException("the age set is empty; give ages such as 1-48 or 1,6,24");
    }
    TreeSet<Integer> set = new TreeSet<>();
    for (String part : spec.split(",", -1)) { // -1: "1," and "," have empty items, not none
      String p = part.trim();
      if (p.isEmpty()) {
        throw new IllegalArgumentException("empty item in age list '" + spec + "'");
      }
      int dash = p.indexOf('-', 1);
      if (p.startsWith("-")) {
        throw new IllegalArgumentException("age '" + p + "' is negative; ages are >= 0");
      }
      if (dash > 0) {
        int from = toSteps(p.substring(0, dash).trim(), step, spec);
        int to = toSteps(p.substring(dash + 1).trim(), step, spec);
        if (to < from) {
          throw new IllegalArgumentException("age range '" + p + "' is empty; expected from <= to");
        }
        // checked before enumerating: 0-2000000000 would fill the heap before any other check ran
        if ((long) to - from + 1 + set.size() > MAX_SIZE) {
          throw new IllegalArgumentException("age range '" + p + "' holds " + ((long) to - from + 1)
              + " ages; an age set holds at most " + MAX_SIZE);
        }
        for (int a = from; a <= to; a++) {
          set.add(a);
        }
      } else {
        set.add(toSteps(p, step, spec));
      }
    }
    return new AgeSet(set.stream().mapToInt(Integer::intValue).toArray());
  }

  /**
   * Converts a duration or step count such as {@code "24h"} or {@code "6"} to steps.
   *
   * @param text the text
   * @param step the data's resolution (null: only plain step counts are accepted)
   * @param context the whole text, for error messages
   * @return the number of steps
   */
  static int toSteps(String text, Duration step, String context) {
    Matcher m = DURATION.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException("cannot read '" + text + "' in '" + context
          + "': expected a number of steps (e.g. 6) or a duration (e.g. 30m, 6h, 1d)");
    }
    String digits = m.group(1);
    String unit = m.group(2);
    // 19 digits and more do not fit a long; the int limit below gives the same message for them
    long number = digits.replaceFirst("^0+(?=.)", "").length() > 18 ? Long.MAX_VALUE : Long.parseLong(digits);
    if (unit == null) {
      if (number > Integer.MAX_VALUE) {
        throw new IllegalArgumentException("'" + text + "' is too large: at most " + Integer.MAX_VALUE + " steps");
      }
      return (int) number;
    }
    if (step == null) {
      throw new IllegalArgumentException("'" + text + "' is a duration but the data's step is not known; give steps");
    }
    long millis;
    try {
      millis = switch (unit) {
        case "ms" -> number;
        case "s" -> Math.multiplyExact(number, 1000L);
        case "m", "min" -> Math.multiplyExact(number, 60_000L);
        case "h" -> Math.multiplyExact(number, 3_600_000L);
        default -> Math.multiplyExact(number, 86_400_000L);
      };
    } catch (ArithmeticException e) {
      throw new IllegalArgumentException("'" + text + "' is too long a duration: at most " + Integer.MAX_VALUE
          + " steps of " + step);
    }
    long stepMillis = step.toMillis();
    if (stepMillis <= 0) {
      throw new IllegalArgumentException("'" + text + "' is a duration but the data's step is " + step);
    }
    if (millis % stepMillis != 0) {
      throw new IllegalArgumentException("'" + text + "' is not a whole number of steps of " + step);
    }
    if (millis / stepMillis > Integer.MAX_VALUE) {
      throw new IllegalArgumentException("'" + text + "' is too long a duration: at most " + Integer.MAX_VALUE
          + " steps of " + step);
    }
    return (int) (millis / stepMillis);
  }

  /** @return the number of ages */
  public int size() {
    return ages.length;
  }

  /** @return the smallest age */
  public int min() {
    return ages[0];
  }

  /** @return the largest age */
  public int max() {
    return ages[ages.length - 1];
  }

  /**
   * @param i position, 0-based
   * @return the i-th smallest age
   */
  public int get(int i) {
    return ages[i];
  }

  /**
   * @param age an age
   * @return true when in the set
   */
  public boolean contains(int age) {
    return Arrays.binarySearch(ages, age) >= 0;
  }

  /** @return the ages as a new sorted array */
  public int[] toArray() {
    return ages.clone();
  }

  /** @return the ages as a stream */
  public IntStream stream() {
    return Arrays.stream(ages);
  }

  @Override
  public Iterator<Integer> iterator() {
    return new Iterator<>() {
      private int i;

      @Override
      public boolean hasNext() {
        return i < ages.length;
      }

      @Override
      public Integer next() {
        if (i >= ages.length) {
          throw new NoSuchElementException();
        }
        return ages[i++];
      }
    };
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof AgeSet a && Arrays.equals(a.ages, ages);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(ages);
  }

  /** @return a compact text such as {@code 1-48} or {@code 1,6,24} that {@link #parse(String)} reads back */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    int i = 0;
    while (i < ages.length) {
      int j = i;
      while (j + 1 < ages.length && ages[j + 1] == ages[j] + 1) {
        j++;
      }
      if (sb.length() > 0) {
        sb.append(',');
      }
      sb.append(ages[i]);
      if (j > i) {
        sb.append('-').append(ages[j]);
      }
      i = j + 1;
    }
    return sb.toString();
  }
}
