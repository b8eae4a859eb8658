package org.aoiforecast.core.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;

/**
 * Random damage to a data file, for the fuzz suite: bytes flipped, inserted or deleted, a field
 * replaced by a number at the limits of a double, an int or a calendar, lines deleted, duplicated
 * or swapped, the file cut short. Each mutation works on the file's bytes, so that it also makes
 * text that is not UTF-8; positions are fractions of the file, so one mutation fits any file.
 * Mutations are drawn from a try's random source ({@link Fuzz}), so a seed and a try give the
 * same damage again.
 *
 * <p>Shared with the other modules' fuzz tests through aoi-core's test jar.
 */
public final class Mutations {
  private Mutations() {}

  /** Field values at the edges: non-finite, overflowing, wrapping, out of calendar, quoting, codes. */
  public static final List<String> LIMITS = List.of("", " ", "NaN", "nan", "Infinity", "-Infinity", "1e308", "-1e308",
      "1.3e154", "1.4e154", "-1.4e154", "4.9e-324", "1e-400", "-0", "0x1p3", "1d", "2147483647", "2147483648",
      "-2147483649", "4294967297", "9223372036854775807", "9223372036854775808", "-9223372036854775809",
      "99999999999999999999", "1e19", "24:00", "25:00", "00:60", "-1:00", "02/29/1990", "13/01/1990", "00/00/0000",
      "0000-01-01T00:00:00Z", "+999999999-12-31T23:59:59Z", "2021-02-30T00:00:00Z", "\"", "\"\"", "\"a,b\"", ",",
      "\u0000", "é", "\uFEFF", "-9900", "-999", "1,2", "x", "Totals", "18", "-18.5", "90.0001", "-180.5");

  /** One mutation of a file's bytes; its {@code toString()} says what it does, for a failure's sample. */
  public interface Mutation extends UnaryOperator<byte[]> {}

  /** The longest random string drawn as a field value. */
  private static final int MAX_STRING = 12;

  /**
   * @param r the try's random source
   * @return a sequence of 1 to 4 mutations applied in order; its {@code toString()} lists them
   */
  public static Mutation random(SplittableRandom r) {
    int n = r.nextInt(1, 5);
    List<Mutation> parts = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      parts.add(one(r));
    }
    List<Mutation> list = List.copyOf(parts);
    return named(list.toString(), bytes -> {
      byte[] out = bytes;
      for (Mutation m : list) {
        out = m.apply(out);
      }
      return out;
    });
  }

  /**
   * @param r the try's random source
   * @return one mutation, each kind equally likely
   */
  public static Mutation one(SplittableRandom r) {
    switch (r.nextInt(9)) {
      case 0: {
        double p = at(r);
        byte b = (byte) r.nextInt(256);
        return named("flip(" + p + ", " + b + ")", in -> flip(in, p, b));
      }
      case 1: {
        double p = at(r);
        byte b = (byte) r.nextInt(256);
        return named("insert(" + p + ", " + b + ")", in -> insert(in, p, b));
      }
      case 2: {
        double p = at(r);
        return named("delete(" + p + ")", in -> delete(in, p));
      }
      case 3: {
        double p = at(r);
        return named("truncate(" + p + ")", in -> Arrays.copyOf(in, (int) (p * in.length)));
      }
      case 4: {
        double l = at(r);
        double f = at(r);
        String v = limit(r);
        return named("field(" + l + ", " + f + ", " + quote(v) + ")", in -> field(in, l, f, v));
      }
      case 5: {
        double f = at(r);
        String v = limit(r);
        return named("header(" + f + ", " + quote(v) + ")", in -> fieldOfLine(in, 0, f, v));
      }
      case 6: {
        double l = at(r);
        return named("dropLine(" + l + ")", in -> lines(in, l, (list, i) -> list.remove(i)));
      }
      case 7: {
        double l = at(r);
        return named("dupLine(" + l + ")", in -> lines(in, l, (list, i) -> list.add(i, list.get(i))));
      }
      default: {
        double a = at(r);
        double b = at(r);
        return named("swapLines(" + a + ", " + b + ")", in -> swap(in, a, b));
      }
    }
  }

  /**
   * A position in the file as a fraction of it, in [0, 1]. The ends are drawn more often than a
   * uniform draw would (which never gives 1): damage at the first and past the last byte or line.
   */
  private static double at(SplittableRandom r) {
    int k = r.nextInt(16);
    return k == 0 ? 0 : k == 1 ? 1 : r.nextDouble();
  }

  /** A field value: one of {@link #LIMITS}, a random string, a random double or a random long. */
  private static String limit(SplittableRandom r) {
    switch (r.nextInt(4)) {
      case 0:
        return LIMITS.get(r.nextInt(LIMITS.size()));
      case 1:
        return string(r);
      case 2:
        return Double.toString(number(r));
      default:
        // half over the whole range, half small: both overflow and ordinary values
        return Long.toString(r.nextBoolean() ? r.nextLong() : r.nextLong(-1000, 1001));
    }
  }

  /** A string of 0 to 12 characters: half ASCII (controls included), half any other UTF-16 unit. */
  private static String string(SplittableRandom r) {
    int n = r.nextInt(MAX_STRING + 1);
    StringBuilder sb = new StringBuilder(n);
    for (int i = 0; i < n; i++) {
      sb.append((char) (r.nextBoolean() ? r.nextInt(0x80) : r.nextInt(0x80, 0x10000)));
    }
    return sb.toString();
  }

  /**
   * A double: half from random bits (every exponent, subnormals, infinities and NaN), half of an
   * ordinary size with a random sign.
   */
  private static double number(SplittableRandom r) {
    if (r.nextBoolean()) {
      return Double.longBitsToDouble(r.nextLong());
    }
    double v = r.nextDouble() * Math.pow(10, r.nextInt(-3, 7));
    return r.nextBoolean() ? v : -v;
  }

  /** @return the value as a Java string literal, so that a failure shows controls and blanks */
  private static String quote(String v) {
    StringBuilder sb = new StringBuilder("\"");
    for (char c : v.toCharArray()) {
      if (c >= 0x20 && c < 0x7f && c != '"' && c != '\\') {
        sb.append(c);
      } else {
        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
      }
    }
    return sb.append('"').toString();
  }

  private static Mutation named(String name, Mutation m) {
    return new Mutation() {
      @Override
      public byte[] apply(byte[] in) {
        return m.apply(in);
      }

      @Override
      public String toString() {
        return name;
      }
    };
  }

  private static byte[] flip(byte[] in, double p, byte b) {
    if (in.length == 0) {
      return in;
    }
    byte[] out = in.clone();
    out[Math.min(in.length - 1, (int) (p * in.length))] = b;
    return out;
  }

  private static byte[] insert(byte[] in, double p, byte b) {
    int i = (int) (p * in.length);
    byte[] out = new byte[in.length + 1];
    System.arraycopy(in, 0, out, 0, i);
    out[i] = b;
    System.arraycopy(in, i, out, i + 1, in.length - i);
    return out;
  }

  private static byte[] delete(byte[] in, double p) {
    if (in.length == 0) {
      return in;
    }
    int i = Math.min(in.length - 1, (int) (p * in.length));
    byte[] out = new byte[in.length - 1];
    System.arraycopy(in, 0, out, 0, i);
    System.arraycopy(in, i + 1, out, i, in.length - i - 1);
    return out;
  }

  private static List<String> split(byte[] in) {
    return new ArrayList<>(Arrays.asList(new String(in, StandardCharsets.ISO_8859_1).split("\n", -1)));
  }

  private static byte[] join(List<String> lines) {
    return String.join("\n", lines).getBytes(StandardCharsets.ISO_8859_1);
  }

  private static byte[] field(byte[] in, double line, double field, String value) {
    List<String> lines = split(in);
    return fieldOfLine(in, (int) (line * lines.size()), field, value);
  }

  /** Replaces a comma-separated field of a line (the value is written as UTF-8). */
  private static byte[] fieldOfLine(byte[] in, int line, double field, String value) {
    List<String> lines = split(in);
    if (line >= lines.size()) {
      return in;
    }
    String[] fields = lines.get(line).split(",", -1);
    fields[Math.min(fields.length - 1, (int) (field * fields.length))] =
        new String(value.getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1);
    lines.set(line, String.join(",", fields));
    return join(lines);
  }

  private interface LineEdit {
    void edit(List<String> lines, int i);
  }

  private static byte[] lines(byte[] in, double at, LineEdit edit) {
    List<String> lines = split(in);
    if (lines.isEmpty()) {
      return in;
    }
    edit.edit(lines, Math.min(lines.size() - 1, (int) (at * lines.size())));
    return join(lines);
  }

  private static byte[] swap(byte[] in, double a, double b) {
    List<String> lines = split(in);
    int i = Math.min(lines.size() - 1, (int) (a * lines.size()));
    int j = Math.min(lines.size() - 1, (int) (b * lines.size()));
    String t = lines.get(i);
    lines.set(i, lines.get(j));
    lines.set(j, t);
    return join(lines);
  }
}
