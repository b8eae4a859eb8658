package org.aoiforecast.solar.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.aoiforecast.core.DataException;
import org.aoiforecast.core.Finite;
import org.aoiforecast.core.TimeSeries;
import org.aoiforecast.core.io.Json;
import org.aoiforecast.info.Estimators;
import org.aoiforecast.info.estimators.Estimator;
import org.aoiforecast.info.estimators.PermutationTest;
import org.aoiforecast.info.estimators.TheilerWindow;
import org.aoiforecast.solar.data.SolarData;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code estimate}: entropy, MI or CMI between column groups of any data file. */
@Command(name = "estimate", mixinStandardHelpOptions = true,
    description = {"Estimate entropy H(X) (only --x), mutual information I(X;Y) (--x, --y) or conditional mutual"
        + " information I(X;Y|Z) (--x, --y, --z) between groups of columns of a data file, in nats.",
        "Rows are samples; with --theiler auto (time series) neighbours close in time are ignored."})
final class EstimateCommand implements Callable<Integer> {
  @Spec
  CommandSpec spec;

  @Mixin
  DataOptions data;

  @Option(names = "--x", required = true, split = ",", paramLabel = "COLUMNS", description = "Columns of X.")
  List<String> x;

  @Option(names = "--y", split = ",", paramLabel = "COLUMNS", description = "Columns of Y.")
  List<String> y;

  @Option(names = "--z", split = ",", paramLabel = "COLUMNS", description = "Columns of the conditioning Z.")
  List<String> z;

  @Option(names = "--estimator", defaultValue = "ksg", paramLabel = "NAME",
      description = "ksg, gaussian, kl (entropy only) or discrete (default: ${DEFAULT-VALUE}).")
  String estimator;

  @Option(names = "-k", defaultValue = "4", paramLabel = "K",
      description = "Neighbours of ksg and kl (default: ${DEFAULT-VALUE}).")
  int k;

  @Option(names = "--algorithm", defaultValue = "1", paramLabel = "1|2",
      description = "KSG algorithm (default: ${DEFAULT-VALUE}).")
  int algorithm;

  @Option(names = "--theiler", defaultValue = "none", paramLabel = "W",
      description = "Theiler window: none, auto or a number of rows (default: ${DEFAULT-VALUE}).")
  String theiler;

  @Option(names = "--permutations", defaultValue = "0", paramLabel = "N",
      description = "Permutations for a significance p-value of MI or CMI (default: none).")
  int permutations;

  @Option(names = "--block", defaultValue = "1", paramLabel = "ROWS",
      description = "Block length of the MI permutation test, for time series (default: ${DEFAULT-VALUE}).")
  int block;

  @Option(names = "--json", paramLabel = "FILE", description = "Also write the result as JSON.")
  Path json;

  @Override
  public Integer call() {
    if (json != null) {
      OutputPaths.file(json, "--json");
    }
    if (z != null && y == null) {
      throw CliException.usage("--z needs --y: conditional mutual information is I(X;Y|Z)");
    }
    StudyOptions.atLeast(k, 1, "-k", "neighbours");
    StudyOptions.atLeast(permutations, 0, "--permutations", "permutations");
    StudyOptions.atLeast(block, 1, "--block", "rows per block");
    if (algorithm != 1 && algorithm != 2) {
      throw CliException.usage("--algorithm must be 1 or 2, got " + algorithm);
    }
    Estimator est = estimator();
    SolarData d = data.load(spec.commandLine().getErr());
    TimeSeries s = d.series();
    x = ColumnOptions.columns(d, x, "--x");
    y = y == null ? null : ColumnOptions.columns(d, y, "--y");
    z = z == null ? null : ColumnOptions.columns(d, z, "--z");
    double[][] xs = matrix(s, x);
    double[][] ys = y == null ? null : matrix(s, y);
    double[][] zs = z == null ? null : matrix(s, z);
    String quantity;
    double value;
    PermutationTest.Result test = null;
    try {
      if (ys == null) {
        quantity = "H(X)";
        value = est.entropy(xs);
      } else if (zs == null) {
        quantity = "I(X;Y)";
        value = est.mutualInformation(xs, ys);
        if (permutations > 0) {
          test = PermutationTest.create().withPermutations(permutations).withBlockLength(block)
              .mutualInformation(est, xs, ys);
        }
      } else {
        quantity = "I(X;Y|Z)";
        value = est.conditionalMutualInformation(xs, ys, zs);
        if (permutations > 0) {
          test = PermutationTest.create().withPermutations(permutations).withTheilerWindow(theilerWindow())
              .conditionalMutualInformation(est, xs, ys, zs);
        }
      }
    } catch (UnsupportedOperationException e) {
      throw CliException.usage(e.getMessage());
    }
    if (Double.isNaN(value) || Double.isInfinite(value)) {
      // never a non-finite number with exit 0: say what it means for these columns
      throw new DataException(data.name(), 0, null, quantity + " of X=" + x + (y == null ? "" : ", Y=" + y)
          + (z == null ? "" : ", Z=" + z) + " is " + value + " by the " + est.name() + " estimator: "
          + (value == Double.NEGATIVE_INFINITY ? "X takes few distinct values (use --estimator discrete)"
              : "the estimate broke down; check the columns for extreme or repeated values"));
    }
    var out = spec.commandLine().getOut();
    out.printf(Locale.ROOT, "%s = %.6f nats  [%s, %d samples; X=%s%s%s]%n", quantity, value, est.name(), xs.length, x,
        y == null ? "" : ", Y=" + y, z == null ? "" : ", Z=" + z);
    if (test != null) {
      out.printf(Locale.ROOT, "permutation test: p = %.4f (%d permutations; null mean %.5f, sd %.5f)%n", test.pValue(),
          test.permutations(), test.nullMean(), test.nullStd());
    }
    if (json != null) {
      writeJson(quantity, value, est, xs.length, test);
    }
    return 0;
  }

  private Estimator estimator() {
    try {
      return switch (estimator.toLowerCase(Locale.ROOT)) {
        case "ksg" -> Estimators.ksg(k).withAlgorithm(algorithm).withTheilerWindow(theilerWindow());
        case "kl" -> Estimators.kozachenkoLeonenko(k).withTheilerWindow(theilerWindow());
        case "gaussian" -> Estimators.gaussian();
        case "discrete" -> Estimators.discrete();
        default -> throw CliException.usage("--estimator must be ksg, gaussian, kl or discrete, got '" + estimator
            + "'");
      };
    } catch (IllegalArgumentException e) {
      throw CliException.usage(e.getMessage());
    }
  }

  private TheilerWindow theilerWindow() {
    return switch (theiler) {
      case "none" -> TheilerWindow.none();
      case "auto" -> TheilerWindow.auto();
      default -> {
        try {
          yield TheilerWindow.of(Integer.parseInt(theiler));
        } catch (IllegalArgumentException e) {
          throw CliException.usage("--theiler must be none, auto or a number of rows >= 0, got '" + theiler + "'");
        }
      }
    };
  }

  /** The columns as a sample matrix; a column too large for a variance is an error that names it. */
  private static double[][] matrix(TimeSeries s, List<String> columns) {
    for (String c : columns) {
      Finite.requireFiniteSpread(s.origin(), c, s.column(c), 0, s.size());
    }
    double[][] m = new double[s.size()][columns.size()];
    for (int j = 0; j < columns.size(); j++) {
      int c = s.columnIndex(columns.get(j));
      for (int i = 0; i < m.length; i++) {
        m[i][j] = s.value(c, i);
      }
    }
    return m;
  }

  private void writeJson(String quantity, double value, Estimator est, int n, PermutationTest.Result test) {
    ObjectNode root = Json.object();
    root.put("schema", 1);
    root.put("command", "estimate");
    root.put("quantity", quantity);
    root.put("value", value);
    root.put("unit", "nats");
    root.put("estimator", est.name());
    root.put("samples", n);
    Json.add(root.putArray("x"), x);
    if (y != null) {
      Json.add(root.putArray("y"), y);
    }
    if (z != null) {
      Json.add(root.putArray("z"), z);
    }
    if (test != null) {
      root.put("p_value", test.pValue());
      root.put("permutations", test.permutations());
    }
    Json.write(json, root);
  }
}
