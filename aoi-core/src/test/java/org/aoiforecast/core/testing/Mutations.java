package org.aoiforecast.core.testing;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.UnaryOperator;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;

/**
 * Random damage to a data file, for the fuzz suite: bytes flipped, inserted or deleted, a field
 * replaced by a number at the limits of a double, an int or a calendar, lines deleted, duplicated
 * or swapped, the file cut short. Each mutation works on the file's bytes, so that it also makes
 * text that is not UTF-8; positions are fractions of the file, so one mutation fits any file.
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

  /** One mutation of a file's bytes. */
  public interface Mutation extends UnaryOperator<byte[]> {}

  /** @return a sequence of 1 to 4 mutations applied in order */
  public static Arbitrary<Mutation> mutations() {
    return one().list().ofMinSize(1).ofMaxSize(4).map(list -> bytes -> {
      byte[] out = bytes;
      for (Mutation m : list) {
        out = m.apply(out);
      }
      return out;
    });
  }

  /** @return one mutation */
  public static Arbitrary<Mutation> one() {
    Arbitrary<Double> at = Arbitraries.doubles().between(0, 1);
    Arbitrary<Byte> bytes = Arbitraries.bytes();
    Arbitrary<String> limit = Arbitraries.oneOf(Arbitraries.of(LIMITS),
        Arbitraries.strings().ofMaxLength(12), Arbitraries.doubles().map(d -> Double.toString(d)),
        Arbitraries.longs().map(l -> Long.toString(l)));
    return Arbitraries.oneOf(
        Combinators.combine(at, bytes).as((p, b) -> named("flip", in -> flip(in, p, b))),
        Combinators.combine(at, bytes).as((p, b) -> named("insert", in -> insert(in, p, b))),
        at.map(p -> named("delete", in -> delete(in, p))),
        at.map(p -> named("truncate", in -> Arrays.copyOf(in, (int) (p * in.length)))),
        Combinators.combine(at, at, limit).as((l, f, v) -> named("field", in -> field(in, l, f, v))),
        Combinators.combine(at, limit).as((f, v) -> named("header", in -> fieldOfLine(in, 0, f, v))),
        at.map(l -> named("dropLine", in -> lines(in, l, (list, i) -> list.remove(i)))),
        at.map(l -> named("dupLine", in -> lines(in, l, (list, i) -> list.add(i, list.get(i))))),
        Combinators.combine(at, at).as((a, b) -> named("swapLines", in -> swap(in, a, b))));
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
