package dev.apionly.diagnostic;

import java.nio.file.Path;

/** How paths are shown to users: relative to the working directory when below it, with '/'. */
public final class Paths {

  private Paths() {}

  /** The path as a user would type it from the current directory. */
  public static String display(Path path) {
    Path absolute = path.toAbsolutePath().normalize();
    Path cwd = Path.of("").toAbsolutePath().normalize();
    Path shown = absolute.startsWith(cwd) ? cwd.relativize(absolute) : absolute;
    String text = shown.toString().replace('\\', '/');
    return text.isEmpty() ? "." : text;
  }
}
