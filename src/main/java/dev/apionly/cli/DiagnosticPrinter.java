package dev.apionly.cli;

import dev.apionly.diagnostic.ApionlyException;
import dev.apionly.diagnostic.Diagnostic;
import dev.apionly.diagnostic.ExitCode;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine.Help.Ansi;
import picocli.CommandLine.Model.CommandSpec;

/**
 * Where every command's warnings, notes and errors go: standard error, only errors under {@code
 * --quiet}, the severity word in colour when {@link Colour} allows it, each path as {@link
 * dev.apionly.diagnostic.Location} shows it (relative to the working directory when below it).
 */
final class DiagnosticPrinter {

  private final PrintWriter err;
  private final Ansi ansi;
  private final boolean quiet;

  DiagnosticPrinter(PrintWriter err, Ansi ansi, boolean quiet) {
    this.err = err;
    this.ansi = ansi;
    this.quiet = quiet;
  }

  /** The printer of the command {@code spec} describes, with its {@code common} options. */
  static DiagnosticPrinter of(CommandSpec spec, CommonOptions common) {
    return new DiagnosticPrinter(
        spec.commandLine().getErr(), spec.commandLine().getColorScheme().ansi(), common.quiet);
  }

  /** Each of {@code diagnostics} that {@code --quiet} leaves, in the order given. */
  void print(List<Diagnostic> diagnostics) {
    for (Diagnostic diagnostic : diagnostics) {
      if (!quiet || diagnostic.isError()) {
        err.println(format(diagnostic));
      }
    }
  }

  /**
   * The diagnostics of a failed run, then how many errors stopped it; {@code writes} says whether
   * the command would have written files, so the count may say none were.
   */
  void failure(ApionlyException failure, boolean writes) {
    print(failure.diagnostics());
    long errors = failure.diagnostics().stream().filter(Diagnostic::isError).count();
    err.println(
        errors
            + (errors == 1 ? " error" : " errors")
            + (writes
                    && (failure.exitCode() == ExitCode.BAD_INPUT
                        || failure.exitCode() == ExitCode.FINDINGS)
                ? "; nothing was written"
                : ""));
  }

  /** {@code diagnostic} as printed, for a command that lists notes among its own output. */
  String format(Diagnostic diagnostic) {
    return diagnostic.format(Colour.severity(ansi, diagnostic.severity()));
  }
}
