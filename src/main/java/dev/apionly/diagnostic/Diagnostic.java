package dev.apionly.diagnostic;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.List;
import java.util.Objects;

/**
 * One problem found in user input: where, how serious, and what to do about it.
 *
 * <p>{@code quoteSource} is false for problems whose source line must not be echoed (a pasted
 * secret, for one).
 */
public record Diagnostic(
    Severity severity, Location location, String message, boolean quoteSource) {

  private static final int MAX_QUOTED_LINE = 200;

  public Diagnostic {
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(message, "message");
  }

  public static Diagnostic error(Location location, String message) {
    return new Diagnostic(Severity.ERROR, location, message, true);
  }

  public static Diagnostic warning(Location location, String message) {
    return new Diagnostic(Severity.WARNING, location, message, true);
  }

  public static Diagnostic note(Location location, String message) {
    return new Diagnostic(Severity.NOTE, location, message, true);
  }

  /** The same diagnostic, but never quoting its source line. */
  public Diagnostic withoutSource() {
    return new Diagnostic(severity, location, message, false);
  }

  public boolean isError() {
    return severity == Severity.ERROR;
  }

  /** {@code file:line:col: error: message}: one line, as compilers print them. */
  public String headline() {
    return location + ": " + severity.word() + ": " + message;
  }

  /** The headline, then the source line and a caret under the column when the line is known. */
  public String format() {
    StringBuilder out = new StringBuilder(headline());
    String line = quoteSource ? sourceLine() : null;
    if (line != null) {
      out.append('\n').append(line);
      int caret = Math.min(Math.max(location.column(), 1), line.length() + 1);
      out.append('\n').append(" ".repeat(caret - 1)).append('^');
    }
    return out.toString();
  }

  private String sourceLine() {
    if (location.line() == 0) {
      return null;
    }
    try {
      if (Files.size(location.file()) > 2_000_000) {
        return null;
      }
      List<String> lines = Files.readAllLines(location.file(), StandardCharsets.UTF_8);
      if (location.line() > lines.size()) {
        return null;
      }
      String line = lines.get(location.line() - 1);
      if (line.length() > MAX_QUOTED_LINE || !line.chars().allMatch(Diagnostic::printable)) {
        return null;
      }
      return line;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }

  private static boolean printable(int c) {
    return c >= 0x20 && c != 0x7f || c == '\t';
  }
}
