package dev.apionly.cli;

import dev.apionly.diagnostic.ExitCode;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code apionly} command: subcommands for each step of keeping integration access in git. */
@Command(
    name = "apionly",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Least-privilege API-only integration users for Salesforce, from one YAML spec per"
          + " integration."
    },
    subcommands = {
      GenerateCommand.class,
      LintCommand.class,
      ImportCommand.class,
      ReviewCommand.class,
      ReportCommand.class,
      InitCommand.class,
      SchemaCommand.class,
      CompletionCommand.class,
      ValidateCommand.class
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:success",
      "1:policy errors, findings at error level, drift, or a tripped gate",
      "2:bad input (a spec, a flag or a file that cannot be used as it is)",
      "3:internal error (a bug in apionly: please report it with --debug output)"
    })
public final class Main implements Runnable {

  /** Exit code of a bug in apionly itself. */
  static final int INTERNAL_ERROR = 3;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(spec.commandLine(), "a command is required");
  }

  /** The configured command line, writing to {@code out} and {@code err}, never in colour. */
  public static CommandLine commandLine(PrintWriter out, PrintWriter err) {
    return commandLine(out, err, CommandLine.Help.Ansi.OFF);
  }

  /** The configured command line; {@code ansi} says whether help and diagnostics use colour. */
  static CommandLine commandLine(PrintWriter out, PrintWriter err, CommandLine.Help.Ansi ansi) {
    CommandLine line = new CommandLine(new Main());
    line.setOut(out);
    line.setErr(err);
    line.setColorScheme(CommandLine.Help.defaultColorScheme(ansi));
    line.setCaseInsensitiveEnumValuesAllowed(true);
    line.setExecutionExceptionHandler(new ErrorHandler(ansi));
    line.setParameterExceptionHandler(ErrorHandler::usage);
    return line;
  }

  /** Runs {@code args} with the given streams, without colour; returns the exit code. */
  public static int run(PrintWriter out, PrintWriter err, String... args) {
    return run(out, err, CommandLine.Help.Ansi.OFF, args);
  }

  static int run(PrintWriter out, PrintWriter err, CommandLine.Help.Ansi ansi, String... args) {
    try {
      return commandLine(out, err, ansi).execute(args);
    } finally {
      out.flush();
      err.flush();
    }
  }

  public static void main(String[] args) {
    PrintWriter out = new PrintWriter(System.out, false, StandardCharsets.UTF_8);
    PrintWriter err = new PrintWriter(System.err, false, StandardCharsets.UTF_8);
    int code = run(out, err, Colour.ansi(System.getenv(), System.console() != null), args);
    System.exit(code);
  }

  /** The exit code for success, for commands that return normally. */
  static int ok() {
    return ExitCode.OK;
  }
}
