package dev.apionly.cli;

import dev.apionly.diagnostic.Severity;
import java.util.Map;
import picocli.CommandLine.Help.Ansi;

/**
 * When output is coloured: only on a terminal, never when {@code NO_COLOR} is set to anything (see
 * no-color.org), and never when {@code TERM} is {@code dumb}.
 */
final class Colour {

  private Colour() {}

  /** The ANSI mode for a process with this environment, writing to a terminal or not. */
  static Ansi ansi(Map<String, String> environment, boolean terminal) {
    String noColor = environment.get("NO_COLOR");
    boolean refused = noColor != null && !noColor.isEmpty();
    boolean dumb = "dumb".equals(environment.get("TERM"));
    return terminal && !refused && !dumb ? Ansi.ON : Ansi.OFF;
  }

  /** The severity word ("error", "warning", "note"), coloured when {@code ansi} is on. */
  static String severity(Ansi ansi, Severity severity) {
    String style =
        switch (severity) {
          case ERROR -> "bold,red";
          case WARNING -> "bold,yellow";
          case NOTE -> "bold,cyan";
        };
    return ansi.string("@|" + style + " " + severity.word() + "|@");
  }
}
