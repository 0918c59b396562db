package dev.apionly.write;

import dev.apionly.diagnostic.ApionlyException;
import dev.apionly.diagnostic.Diagnostic;
import dev.apionly.diagnostic.ExitCode;
import dev.apionly.diagnostic.Location;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;

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
    Path at = root;
    StringBuilder walked = new StringBuilder();
    for (String part : relative.split("/")) {
      at = at.resolve(part);
      walked.append(walked.length() == 0 ? "" : "/").append(part);
      if (Files.isSymbolicLink(at)) {
        return walked.toString();
      }
      if (!Files.exists(at, LinkOption.NOFOLLOW_LINKS)) {
        return null;
      }
    }
    return null;
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
