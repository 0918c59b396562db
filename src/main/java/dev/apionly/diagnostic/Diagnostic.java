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
    return headline(severity.word());
  }

  /** The headline with {@code word} as the severity word: a terminal shows it in colour. */
  private String headline(String word) {
    return shown(location.toString()) + ": " + word + ": " + shown(message);
  }

  /**
   * {@code text} with every control, format (bidi overrides, zero-width) and line separator
   * character as U+FFFD: a name read from a repository's files or logs reaches messages, and must
   * neither drive the terminal (an escape sequence) nor forge a line or reorder one.
   */
  private static String shown(String text) {
    StringBuilder out = null;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      int type = Character.getType(c);
      boolean hidden =
          type == Character.CONTROL
              || type == Character.FORMAT
              || type == Character.LINE_SEPARATOR
              || type == Character.PARAGRAPH_SEPARATOR;
      if (hidden && out == null) {
        out = new StringBuilder(text.substring(0, i));
      }
      if (out != null) {
        out.append(hidden ? '\uFFFD' : c);
      }
    }
    return out == null ? text : out.toString();
  }

  /** The headline, then the source line and a caret under the column when the line is known. */
  public String format() {
    return format(severity.word());
  }

  /**
   * As {@link #format()}, with {@code severityWord} (the severity's word, perhaps wrapped in a
   * terminal's colour codes) in place of the plain word; only the location, message and source line
   * are cleaned of control characters.
   */
  public String format(String severityWord) {
    StringBuilder out = new StringBuilder(headline(severityWord));
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
      // a tab is the one such character a line may hold and still be shown as it is
      if (line.length() > MAX_QUOTED_LINE
          || !shown(line.replace('\t', ' ')).equals(line.replace('\t', ' '))) {
        return null;
      }
      return line;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
