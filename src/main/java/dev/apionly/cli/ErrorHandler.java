package dev.apionly.cli;

import dev.apionly.diagnostic.ApionlyException;
import dev.apionly.diagnostic.Diagnostic;
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
    boolean debug = parsed.subcommand() != null && parsed.subcommand().hasMatchedOption("--debug");
    if (e instanceof ApionlyException failure) {
      Object command =
          parsed.subcommand() == null ? null : parsed.subcommand().commandSpec().userObject();
      print(err, failure, ansi, command instanceof WritesFiles writer && writer.writesFiles());
      if (debug) {
        e.printStackTrace(err);
      }
      return failure.exitCode();
    }
    err.println("apionly: internal error: " + e);
    if (debug) {
      e.printStackTrace(err);
    } else {
      err.println("run again with --debug for the stack trace, and please report it");
    }
    return Main.INTERNAL_ERROR;
  }

  /** The failure of a command that writes nothing (lint, review, validate…), without colour. */
  static void print(PrintWriter err, ApionlyException failure) {
    print(err, failure, Ansi.OFF, false);
  }

  /**
   * Each diagnostic, its severity word coloured when {@code ansi} is on, then a count; {@code
   * writes} says whether the command would have written files, so the count may say none were.
   */
  static void print(PrintWriter err, ApionlyException failure, Ansi ansi, boolean writes) {
    int errors = 0;
    for (Diagnostic diagnostic : failure.diagnostics()) {
      String plain = diagnostic.format();
      err.println(
          ansi.enabled()
              ? diagnostic.location()
                  + ": "
                  + Colour.severity(ansi, diagnostic.severity())
                  + ": "
                  + diagnostic.message()
                  + plain.substring(diagnostic.headline().length())
              : plain);
      if (diagnostic.isError()) {
        errors++;
      }
    }
    err.println(
        errors
            + (errors == 1 ? " error" : " errors")
            + (writes
                    && (failure.exitCode() == ExitCode.BAD_INPUT
                        || failure.exitCode() == ExitCode.FINDINGS)
                ? "; nothing was written"
                : ""));
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
