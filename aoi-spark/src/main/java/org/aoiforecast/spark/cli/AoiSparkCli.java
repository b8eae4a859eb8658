package org.aoiforecast.spark.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import org.aoiforecast.core.DataException;
import org.aoiforecast.spark.table.SiteErrors;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * The Spark module's command line, {@code aoi-spark <command> [options]}: {@code align} and
 * {@code analyze-sites}. Run it with {@code spark-submit --class org.aoiforecast.spark.cli.AoiSparkCli
 * aoi-spark-submit.jar ...} on a cluster, or {@code java -jar aoi-spark.jar ...} on one machine
 * ({@code local[*]} unless {@code --master} says otherwise). Exit codes: 0 success, 2 bad command
 * line, 1 failure (bad data: one line naming the site). {@code --verbose} adds stack traces.
 */
@Command(name = "aoi-spark", mixinStandardHelpOptions = true, version = "aoi-forecast 0.1.0",
    description = {"Ages, as-of alignment and age-loss profiles for many sites, on Apache Spark."},
    subcommands = {AlignCommand.class, AnalyzeSitesCommand.class, CommandLine.HelpCommand.class})
public final class AoiSparkCli implements Runnable {
  static final int USAGE = 2;
  static final int FAILURE = 1;

  @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT, description = "Print stack traces of errors.")
  boolean verbose;

  @CommandLine.Spec
  CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    spec.commandLine().usage(spec.commandLine().getOut());
  }

  /**
   * Runs the CLI and exits with its exit code.
   *
   * @param args the command line
   */
  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /**
   * Runs the CLI without exiting (for tests and embedding). A Spark session that is already
   * active is used and left running; one the command starts is stopped at the end.
   *
   * @param args the command line
   * @param out standard output
   * @param err standard error
   * @return the exit code
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    CommandLine cli = new CommandLine(new AoiSparkCli());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    cli.setParameterExceptionHandler((ex, a) -> {
      err.println("error: " + oneLine(ex.getMessage()) + " (see '"
          + ex.getCommandLine().getCommandSpec().qualifiedName() + " --help')");
      return USAGE;
    });
    cli.setExecutionExceptionHandler((ex, cmd, parse) -> {
      Exception shown = SiteErrors.unwrap(ex);
      boolean usage = ex instanceof CommandLine.ParameterException;
      err.println("error: " + oneLine(shown.getMessage()));
      boolean verbose = parse.matchedOption("--verbose") != null
          || parse.subcommands().stream().anyMatch(p -> p.matchedOption("--verbose") != null);
      if (verbose) {
        ex.printStackTrace(err);
      } else if (!(shown instanceof DataException) && !(shown instanceof IllegalArgumentException)) {
        err.println("(run with --verbose for details)");
      }
      return usage ? USAGE : FAILURE;
    });
    return cli.execute(args);
  }

  static String oneLine(String message) {
    return message == null ? "(no message)" : message.replace('\n', ' ');
  }
}
