package dev.apionly.diagnostic;

import java.util.List;

/**
 * A stage ended because of problems in the user's input; carries what to print and the exit code.
 * Never a programming error: those stay ordinary exceptions.
 */
public final class ApionlyException extends RuntimeException {

  private static final long serialVersionUID = 1L;

  private final int exitCode;
  private final transient List<Diagnostic> diagnostics;

  public ApionlyException(int exitCode, List<Diagnostic> diagnostics) {
    super(diagnostics.isEmpty() ? "failed" : diagnostics.get(0).headline());
    this.exitCode = exitCode;
    this.diagnostics = List.copyOf(diagnostics);
  }

  /** A problem with no file position, such as a missing project directory. */
  public static ApionlyException of(int exitCode, Location location, String message) {
    return new ApionlyException(exitCode, List.of(Diagnostic.error(location, message)));
  }

  public int exitCode() {
    return exitCode;
  }

  public List<Diagnostic> diagnostics() {
    return diagnostics;
  }
}
