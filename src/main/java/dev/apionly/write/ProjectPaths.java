package dev.apionly.write;

import dev.apionly.diagnostic.ApionlyException;
import dev.apionly.diagnostic.Diagnostic;
import dev.apionly.diagnostic.ExitCode;
import dev.apionly.diagnostic.Location;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashMap;
import java.util.Map;

/**
 * The rule for every path apionly writes or deletes: below the project root, reached through real
 * directories only. A symbolic link on the way could lead outside the project (or onto a file the
 * state file does not describe), so apionly stops at it rather than resolve it.
 */
final class ProjectPaths {

  private ProjectPaths() {}

  /**
   * Throws (exit 2) naming the first symbolic link on the way from {@code root} to {@code
   * relative}, the file itself included.
   */
  static void checkNoLink(Path root, String relative) {
    String problem = linkProblem(root, relative);
    if (problem != null) {
      throw refusal(root.resolve(problem), linkMessage(root, root.resolve(problem)));
    }
  }

  /** The relative path of the first symbolic link on the way to {@code relative}, or null. */
  static String linkProblem(Path root, String relative) {
    return linkProblem(root, relative, new HashMap<>());
  }

  /**
   * As {@link #linkProblem(Path, String)}, with what each directory on the way was found to be kept
   * in {@code seen}, so that a folder of a thousand files is looked at once, not a thousand times.
   */
  static String linkProblem(Path root, String relative, Map<String, Entry> seen) {
    for (int end = relative.indexOf('/'); ; end = relative.indexOf('/', end + 1)) {
      String walked = end < 0 ? relative : relative.substring(0, end);
      Entry entry =
          end < 0
              ? Entry.of(root.resolve(walked))
              : seen.computeIfAbsent(walked, w -> Entry.of(root.resolve(w)));
      if (entry == Entry.LINK) {
        return walked;
      }
      if (entry == Entry.MISSING || end < 0) {
        return null;
      }
    }
  }

  /** What stands at a path, its last name not followed if it is a link. */
  enum Entry {
    LINK,
    MISSING,
    OTHER;

    static Entry of(Path path) {
      try {
        return Files.readAttributes(path, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS)
                .isSymbolicLink()
            ? LINK
            : OTHER;
      } catch (IOException e) {
        return MISSING;
      }
    }
  }

  /** What to say about the symbolic link {@code link}: where it points, and why apionly stops. */
  static String linkMessage(Path root, Path link) {
    String where;
    try {
      Path target = link.getParent().resolve(Files.readSymbolicLink(link)).normalize();
      boolean outside;
      try {
        outside = !target.toRealPath().startsWith(root.toRealPath());
      } catch (IOException e) {
        outside = !target.startsWith(root);
      }
      where = outside ? " pointing outside the project" : " pointing inside the project";
    } catch (IOException | UnsupportedOperationException e) {
      where = "";
    }
    return "is a symbolic link"
        + where
        + "; apionly creates, updates and deletes files only through real directories inside the"
        + " project, so it changes nothing: replace the link with a directory";
  }

  static ApionlyException refusal(Path file, String message) {
    return new ApionlyException(
        ExitCode.BAD_INPUT, java.util.List.of(Diagnostic.error(Location.of(file), message)));
  }

  /** {@code text} with control characters shown as {@code \xNN}, fit to quote in a message. */
  static String printable(String text) {
    return StateFile.escape(text);
  }
}
