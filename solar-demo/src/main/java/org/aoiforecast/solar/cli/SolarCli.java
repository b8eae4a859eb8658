package org.aoiforecast.solar.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import org.aoiforecast.core.DataException;
import org.aoiforecast.forecasting.model.ModelFile;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine;

/**
 * The solar demo's command line: {@code aoi-solar <command> [options]}. Every command has
 * {@code --help}. Exit codes: 0 success, 2 bad command line (unknown option or column, bad value,
 * unusable output folder), 1 failure (unreadable or malformed data, not enough data, training
 * failure). Errors are one line on standard error; {@code --verbose} adds the stack trace.
 */
@Command(name = "aoi-solar", mixinStandardHelpOptions = true, versionProvider = SolarCli.Version.class,
    description = {"Forecasting with stale inputs: the solar-power study of aoi-forecast.",
        "With no command, prints this help. 'run' with no options runs the whole study on the embedded default data."},
    subcommands = {SimulateCommand.class, AnalyzeCommand.class, TrainCommand.class, RunCommand.class,
        PredictCommand.class, EstimateCommand.class, ScheduleCommand.class, CommandLine.HelpCommand.class})
public final class SolarCli implements Runnable {
  @Option(names = "--verbose", scope = CommandLine.ScopeType.INHERIT,
      description = "Print stack traces of errors.")
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
   * Runs the CLI without exiting (for tests and embedding).
   *
   * @param args the command line
   * @param out standard output
   * @param err standard error
   * @return the exit code
   */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    System.setProperty("java.awt.headless", "true");
    CommandLine cli = new CommandLine(new SolarCli());
    cli.setOut(new PrintWriter(out, true));
    cli.setErr(new PrintWriter(err, true));
    cli.setParameterExceptionHandler((ex, a) -> {
      err.println("error: " + message(ex) + " (see '" + ex.getCommandLine().getCommandSpec().qualifiedName()
          + " --help')");
      return CliException.USAGE;
    });
    cli.setExecutionExceptionHandler((ex, cmd, parse) -> {
      boolean verbose = parse.matchedOption("--verbose") != null
          || parse.subcommands().stream().anyMatch(p -> p.matchedOption("--verbose") != null);
      int code = exitCode(ex);
      err.println("error: " + message(ex));
      if (verbose) {
        ex.printStackTrace(err);
      } else if (code == CliException.FAILURE && !(ex instanceof CliException || ex instanceof DataException
          || ex instanceof IllegalArgumentException || ex instanceof UncheckedIOException)) {
        err.println("(run with --verbose for details)");
      }
      return code;
    });
    return cli.execute(args);
  }

  static int exitCode(Throwable ex) {
    if (ex instanceof CliException c) {
      return c.exitCode();
    }
    return CliException.FAILURE;
  }

  static String message(Throwable ex) {
    String m = ex.getMessage();
    if (m == null || m.isBlank()) {
      m = ex.getClass().getSimpleName();
    }
    return m.replace('\n', ' ');
  }

  /** The version from the library's build. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"aoi-forecast " + ModelFile.libraryVersion()};
    }
  }
}
