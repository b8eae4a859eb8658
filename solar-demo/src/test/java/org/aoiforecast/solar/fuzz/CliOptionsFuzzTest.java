package org.aoiforecast.solar.fuzz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.aoiforecast.core.testing.Fuzz;
import org.aoiforecast.core.testing.Mutations;
import org.aoiforecast.solar.cli.SolarCli;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Fuzz suite of the CLI's option parsing: random command lines, each option given a value from a
 * pool of valid, boundary and nonsense values, must end in exit 0 with only finite numbers in the
 * output, or exit 1 (data) or 2 (usage) with one line on standard error and no stack trace.
 */
class CliOptionsFuzzTest {
  private static Path dir;
  private static Path data;
  private static Path penalty;

  /** Values every option may get: limits of ints, longs and doubles, empty lists, nonsense. */
  private static final List<String> ANY = List.of("", ",", "-1", "0", "1", "3000000000", "99999999999999999999",
      "1e308", "NaN", "-0", "1,,2", "x", "1-", "-", "1h", "0-2000000000", " ");

  private static final Map<String, List<String>> VALID = Map.ofEntries(
      Map.entry("--ages", List.of("1-3", "1,2", "1h-2h", "2", "1-4")),
      Map.entry("--windows", List.of("1", "1,2", "2h")),
      Map.entry("--window", List.of("1", "2", "2h", "100000")),
      Map.entry("--horizon", List.of("0", "1", "1h")),
      Map.entry("--loss", List.of("quadratic", "log", "absolute", "cubic")),
      Map.entry("--estimator", List.of("auto", "linear", "knn", "gaussian", "ksg", "median", "kl", "discrete", "x")),
      Map.entry("--bootstrap", List.of("10", "12")),
      Map.entry("--threads", List.of("1", "2")),
      Map.entry("--covariates", List.of("none", "calendar", "clearsky", "calendar,clearsky", "calendar,calendar")),
      Map.entry("--features", List.of("Power,Temperature", "Power", "GHI,GHI", "Power,Nope", "Power (kW)")),
      Map.entry("--target", List.of("Power", "GHI", "Nope", "Power (kW)")),
      Map.entry("--seed", List.of("1", "-5", "9223372036854775807")),
      Map.entry("--x", List.of("Power", "GHI,Temperature", "Power,Power", "Nope")),
      Map.entry("--y", List.of("GHI", "Temperature")),
      Map.entry("--z", List.of("CloudCover")),
      Map.entry("-k", List.of("1", "4", "100000")),
      Map.entry("--algorithm", List.of("1", "2", "3")),
      Map.entry("--theiler", List.of("none", "auto", "5", "-2")),
      Map.entry("--permutations", List.of("0", "5")),
      Map.entry("--block", List.of("1", "24")),
      Map.entry("--time-format", List.of("iso", "epoch-s", "bad")),
      Map.entry("--zone", List.of("UTC", "-05:00", "Mars/Olympus", "+99:00")),
      Map.entry("--skip-lines", List.of("0", "1", "5")),
      Map.entry("--days", List.of("1", "2")),
      Map.entry("--step", List.of("1h", "30m", "0m", "7m")),
      Map.entry("--start", List.of("2021-06-01", "2021-02-30", "x")),
      Map.entry("--alpha", List.of("0.5", "1", "1e-300", "-1")),
      Map.entry("--buffer", List.of("3", "10", "1")),
      Map.entry("--periodic-period", List.of("1", "4")),
      Map.entry("--tail", List.of("hold", "max", "min")),
      Map.entry("--deliveries", List.of("100", "1000")));

  private static final Map<String, List<String>> COMMANDS = Map.of(
      "analyze", List.of("--ages", "--windows", "--window", "--horizon", "--loss", "--estimator", "--bootstrap",
          "--threads", "--covariates", "--features", "--target", "--seed", "--zone", "--skip-lines", "--time-format"),
      "estimate", List.of("--x", "--y", "--z", "--estimator", "-k", "--algorithm", "--theiler", "--permutations",
          "--block", "--time-format", "--skip-lines"),
      "simulate", List.of("--days", "--step", "--start", "--seed"),
      "schedule", List.of("--alpha", "--buffer", "--periodic-period", "--tail", "--deliveries", "--seed"));

  @BeforeAll
  static void files() throws IOException {
    dir = Files.createTempDirectory("cli-fuzz");
    data = dir.resolve("sim.csv");
    assertEquals(0, run("simulate", "--days", "12", "--start", "2021-05-01", "--seed", "9", "--out",
        data.toString()).code);
    StringBuilder sb = new StringBuilder("age,1,2\n");
    for (int a = 1; a <= 8; a++) {
      sb.append(a).append(',').append(0.3 + 0.02 * a).append(',').append(0.28 + 0.021 * a).append('\n');
    }
    penalty = Files.writeString(dir.resolve("penalty.csv"), sb.toString());
  }

  private record Outcome(int code, String out, String err) {}

  private static Outcome run(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int code = SolarCli.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Outcome(code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  /** The commands in a fixed order: Map.of's order changes from one JVM to the next; a seed's draws must not. */
  private static final List<String> COMMAND_NAMES = COMMANDS.keySet().stream().sorted().toList();

  /**
   * @param r the try's random source
   * @return a command line: a command, its required options, and 0 to 4 distinct options of the
   *     command, each with a value that is valid (half the time), from {@link #ANY} or from
   *     {@link Mutations#LIMITS}
   */
  private static List<String> commandLine(SplittableRandom r) {
    String c = Fuzz.element(r, COMMAND_NAMES);
    List<String> options = new ArrayList<>(COMMANDS.get(c));
    int n = Math.min(options.size(), r.nextInt(5));
    List<String> p = new ArrayList<>();
    for (int i = 0; i < n; i++) {
      // distinct options: draw from those not yet taken
      String option = options.remove(r.nextInt(options.size()));
      List<String> pool = switch (r.nextInt(4)) {
        case 0, 1 -> VALID.get(option);
        case 2 -> ANY;
        default -> Mutations.LIMITS;
      };
      p.add(option);
      p.add(Fuzz.element(r, pool));
    }
    List<String> args = new ArrayList<>(List.of(c));
    switch (c) {
      case "simulate" -> args.addAll(List.of("--out", dir.resolve("out.csv").toString()));
      case "schedule" -> args.addAll(List.of("--penalty", penalty.toString()));
      case "estimate" -> {
        args.addAll(List.of("--data", data.toString()));
        if (!p.contains("--x")) {
          args.addAll(List.of("--x", "Power"));
        }
      }
      default -> args.addAll(List.of("--data", data.toString(), "--quiet"));
    }
    // small defaults keep a valid analysis short; generated values replace them
    if (c.equals("analyze") && !p.contains("--bootstrap")) {
      args.addAll(List.of("--bootstrap", "10"));
    }
    if (c.equals("analyze") && !p.contains("--ages")) {
      args.addAll(List.of("--ages", "1-2"));
    }
    if (c.equals("schedule") && !p.contains("--alpha")) {
      args.addAll(List.of("--alpha", "0.5"));
    }
    args.addAll(p);
    return args;
  }

  @Test
  void everyCommandLineEndsInAResultOrOneClearLine() {
    Fuzz.run(20261221L, CliOptionsFuzzTest::commandLine, args -> {
      Outcome o = assertTimeoutPreemptively(Duration.ofSeconds(60), () -> run(args.toArray(String[]::new)));
      String line = String.join(" ", args);
      assertTrue(o.code == 0 || o.code == 1 || o.code == 2, line + " -> " + o.code + "\n" + o.err);
      assertFalse(o.err.contains("\tat "), line + "\n" + o.err);
      List<String> errors = o.err.lines().filter(l -> !l.startsWith("warning: ") && !l.isBlank()).toList();
      if (o.code == 0) {
        assertTrue(errors.isEmpty(), line + "\n" + o.err);
        assertFalse(o.out.contains("NaN") || o.out.contains("Infinity"), line + "\n" + o.out);
      } else {
        assertEquals(1, errors.size(), line + "\n" + o.err);
        assertTrue(errors.get(0).startsWith("error: "), line + "\n" + o.err);
        assertFalse(o.err.contains("(run with --verbose for details)"), "an unexpected exception: " + line + "\n"
            + o.err);
      }
    });
  }
}
