package org.aoiforecast.core.schedule;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.aoiforecast.core.DataException;
import org.aoiforecast.core.io.CsvFile;
import org.aoiforecast.core.io.Json;

/**
 * Reads a {@link PenaltyTable} from a file: the JSON of {@code analyze} (one profile per window
 * length, docs/json.md) or a CSV with a column {@code age} and one column per window length named
 * by that length ({@code age,1,2,3}). Ages must be consecutive whole steps; a CSV may start at any
 * age, an analyze profile starts where its age set does (usually 1).
 */
public final class PenaltyTableReader {
  /** The profile of an analyze JSON in which every source is stale. */
  public static final String ALL_STALE = "all";

  private PenaltyTableReader() {}

  /**
   * Reads a JSON file when its first non-blank character is '{', else a CSV.
   *
   * @param file the file
   * @param profile for JSON, the {@code "stale"} value of the profiles to use ({@link #ALL_STALE}
   *     or a source name)
   * @return the table (tail rule {@link TailRule#HOLD})
   * @throws DataException naming the file and what is wrong with it
   * @throws UncheckedIOException when the file cannot be read
   */
  public static PenaltyTable read(Path file, String profile) {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read " + file + ": " + e.getMessage(), e);
    }
    String name = file.toString();
    return text.stripLeading().startsWith("{") ? fromAnalyzeJson(text, name, profile) : fromCsv(text, name);
  }

  /**
   * @param text CSV text: a header {@code age,<u1>,<u2>,...} then one row per age
   * @param name the input's name, for messages
   * @return the table
   */
  public static PenaltyTable fromCsv(String text, String name) {
    try (CsvFile csv = CsvFile.open(new StringReader(text), name, 0)) {
      List<String> header = csv.header();
      int ageColumn = header.indexOf("age");
      if (ageColumn < 0) {
        throw new DataException(name, csv.headerLine(), null, "no column 'age' in the header " + header
            + "; expected age,<window length>,... e.g. age,1,2,3");
      }
      int[] windows = new int[header.size() - 1];
      int[] columns = new int[windows.length];
      int k = 0;
      for (int c = 0; c < header.size(); c++) {
        if (c == ageColumn) {
          continue;
        }
        try {
          windows[k] = Integer.parseInt(header.get(c));
        } catch (NumberFormatException e) {
          throw new DataException(name, csv.headerLine(), header.get(c), "a penalty column must be named by its"
              + " window length (a whole number of readings), e.g. age,1,2,3");
        }
        columns[k++] = c;
      }
      List<Integer> ages = new ArrayList<>();
      List<double[]> rows = new ArrayList<>();
      for (CsvFile.Row row : csv) {
        if (row.isBlank()) {
          continue;
        }
        long age = row.integer(ageColumn);
        if (age < 0 || age > Integer.MAX_VALUE) {
          throw row.error(ageColumn, "age " + age + " is out of range; expected 0 or more steps");
        }
        if (!ages.isEmpty() && age != ages.get(ages.size() - 1) + 1) {
          throw row.error(ageColumn, "age " + age + " follows age " + ages.get(ages.size() - 1)
              + "; expected consecutive ages, one row per step");
        }
        double[] v = new double[windows.length];
        for (int w = 0; w < v.length; w++) {
          v[w] = row.number(columns[w]);
          if (v[w] < 0) {
            throw row.error(columns[w], "penalty " + v[w] + " is negative; expected a finite number >= 0");
          }
        }
        ages.add((int) age);
        rows.add(v);
      }
      if (rows.isEmpty() || windows.length == 0) {
        throw new DataException(name, 0, null, "the penalty table is empty (" + rows.size() + " ages, "
            + windows.length + " window columns); expected age,<window length>,... and one row per age");
      }
      double[][] values = new double[windows.length][rows.size()];
      for (int i = 0; i < rows.size(); i++) {
        for (int w = 0; w < windows.length; w++) {
          values[w][i] = rows.get(i)[w];
        }
      }
      try {
        return PenaltyTable.of(ages.stream().mapToInt(Integer::intValue).toArray(), windows, values);
      } catch (DataException e) {
        throw new DataException(name, 0, null, e.getMessage(), e);
      }
    }
  }

  /**
   * @param text the JSON written by {@code analyze}
   * @param name the input's name, for messages
   * @param profile the {@code "stale"} value of the profiles to use
   * @return the table: one column per window length of those profiles, from their {@code "loss"}
   */
  public static PenaltyTable fromAnalyzeJson(String text, String name, String profile) {
    JsonNode root;
    try {
      root = Json.parse(text);
    } catch (IOException e) {
      throw new DataException(name, 0, null, "not valid JSON: " + e.getMessage().lines().findFirst().orElse(""), e);
    }
    JsonNode profiles = root.path("profiles");
    if (!profiles.isArray()) {
      throw new DataException(name, 0, null, "no \"profiles\" array; expected the JSON of analyze (docs/json.md)"
          + " or a CSV age,<window length>,...");
    }
    Set<String> stale = new LinkedHashSet<>();
    List<Integer> windows = new ArrayList<>();
    List<double[]> columns = new ArrayList<>();
    int[] ages = null;
    for (JsonNode p : profiles) {
      stale.add(p.path("stale").asText());
      if (!p.path("stale").asText().equals(profile)) {
        continue;
      }
      int window = p.path("window").asInt(0);
      int[] a = ints(p.path("ages"), name, window);
      double[] loss = doubles(p.path("loss"), name, window);
      if (ages != null && !Arrays.equals(ages, a)) {
        throw new DataException(name, 0, null, "the profiles of windows " + windows.get(0) + " and " + window
            + " cover different ages; expected one age set");
      }
      ages = a;
      windows.add(window);
      columns.add(loss);
    }
    if (ages == null) {
      throw new DataException(name, 0, null, "no profile with \"stale\": \"" + profile + "\"; the file has "
          + (stale.isEmpty() ? "no profiles" : String.join(", ", stale)));
    }
    try {
      return PenaltyTable.of(ages, windows.stream().mapToInt(Integer::intValue).toArray(),
          columns.toArray(double[][]::new));
    } catch (DataException e) {
      throw new DataException(name, 0, null, "profile '" + profile + "': " + e.getMessage(), e);
    }
  }

  private static int[] ints(JsonNode array, String name, int window) {
    if (!array.isArray()) {
      throw new DataException(name, 0, null, "profile of window " + window + " has no \"ages\" array");
    }
    int[] a = new int[array.size()];
    for (int i = 0; i < a.length; i++) {
      if (!array.get(i).canConvertToInt() || !array.get(i).isIntegralNumber()) {
        throw new DataException(name, 0, null, "profile of window " + window + ": age " + array.get(i)
            + " is not a whole number of steps");
      }
      a[i] = array.get(i).asInt();
    }
    return a;
  }

  private static double[] doubles(JsonNode array, String name, int window) {
    if (!array.isArray()) {
      throw new DataException(name, 0, null, "profile of window " + window + " has no \"loss\" array");
    }
    double[] v = new double[array.size()];
    for (int i = 0; i < v.length; i++) {
      // null, text and NaN all become NaN here and are refused by PenaltyTable with the age
      v[i] = array.get(i).isNumber() ? array.get(i).asDouble() : Double.NaN;
    }
    return v;
  }
}
