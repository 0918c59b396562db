package dev.apionly.cli;

import dev.apionly.diagnostic.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
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

  /**
   * Whether standard error is a terminal, given whether the JVM has a console (standard input and
   * output are terminals): diagnostics go to standard error, and {@code apionly generate 2>log} in
   * a terminal must not write colour codes into the log. Linux says where descriptor 2 points;
   * where the system does not say, standard error is taken to be where standard output is.
   */
  static boolean errorIsTerminal(boolean console) {
    return errorIsTerminal(console, Path.of("/proc/self/fd/2"));
  }

  /** As above, with {@code descriptor} where the system links descriptor 2 to its file. */
  static boolean errorIsTerminal(boolean console, Path descriptor) {
    if (!console) {
      return false;
    }
    try {
      String target = Files.readSymbolicLink(descriptor).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return true;
    }
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
