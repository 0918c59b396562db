package dev.apionly.diagnostic;

import java.nio.file.Path;
import java.util.Objects;

/** A position in a source file: 1-based line and column, or 0 for "the whole file". */
public record Location(Path file, int line, int column) {

  public Location {
    Objects.requireNonNull(file, "file");
    if (line < 0 || column < 0) {
      throw new IllegalArgumentException("negative position " + line + ":" + column);
    }
  }

  /** The whole file, when no line is known. */
  public static Location of(Path file) {
    return new Location(file, 0, 0);
  }

  /** {@code path:line:column}, or just the path when the position is unknown. */
  @Override
  public String toString() {
    String path = Paths.display(file);
    return line == 0 ? path : path + ":" + line + ":" + Math.max(column, 1);
  }
}
