package dev.apionly.cli;

import dev.apionly.diagnostic.ApionlyException;
import dev.apionly.diagnostic.ExitCode;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;

/**
 * Turns a stage's {@link ApionlyException} into its diagnostics and exit code, and anything else
 * into one line asking for a bug report. Stack traces only with {@code --debug}.
 */
final class ErrorHandler implements IExecutionExceptionHandler {

  private final Ansi ansi;

  ErrorHandler(Ansi ansi) {
    this.ansi = ansi;
  }

  @Override
  public int handleExecutionException(Exception e, CommandLine line, ParseResult parsed) {
    PrintWriter err = line.getErr();
    ParseResult command = parsed.subcommand();
    boolean debug = command != null && command.hasMatchedOption("--debug");
    if (e instanceof ApionlyException failure) {
      boolean quiet = command != null && command.hasMatchedOption("--quiet");
      Object user = command == null ? null : command.commandSpec().userObject();
      new DiagnosticPrinter(err, ansi, quiet)
          .failure(failure, user instanceof WritesFiles writer && writer.writesFiles());
      if (debug) {
        e.printStackTrace(err);
      }
      return failure.exitCode();
    }
    return internal(err, e, debug);
  }

  /**
   * A failure that is apionly's own (an exception no stage expected, or an error of the JVM such as
   * a stack overflow): one line, the stack trace only with {@code --debug}, exit 3.
   */
  static int internal(PrintWriter err, Throwable e, boolean debug) {
    err.println("apionly: internal error: " + e);
    if (debug) {
      e.printStackTrace(err);
    } else {
      err.println("run again with --debug for the stack trace, and please report it");
    }
    return Main.INTERNAL_ERROR;
  }

  /** Bad flags or arguments: the problem and where to look, exit 2. */
  static int usage(ParameterException e, String[] args) {
    CommandLine line = e.getCommandLine();
    PrintWriter err = line.getErr();
    err.println("apionly: " + e.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(e, err);
    err.println("see '" + line.getCommandSpec().qualifiedName() + " --help'");
    return ExitCode.BAD_INPUT;
  }
}
