package dev.apionly.write;

import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/** A {@link Change} as a unified diff ({@code diff -u}), cut short after a number of lines. */
public final class UnifiedDiff {

  /** Lines of context around each changed hunk, as {@code diff -u}. */
  private static final int CONTEXT = 3;

  private UnifiedDiff() {}

  /**
   * The diff of {@code change} from {@code a/PATH} to {@code b/PATH} (or {@code /dev/null}), at
   * most {@code maxLines} lines (0 for all) followed by a line saying how many were left out.
   */
  public static List<String> of(Change change, int maxLines) {
    List<String> before = lines(change.before());
    List<String> after = lines(change.after());
    String from = change.before() == null ? "/dev/null" : "a/" + change.path();
    String to = change.after() == null ? "/dev/null" : "b/" + change.path();
    Patch<String> patch = DiffUtils.diff(before, after);
    List<String> diff =
        new ArrayList<>(UnifiedDiffUtils.generateUnifiedDiff(from, to, before, patch, CONTEXT));
    if (diff.isEmpty()) {
      // same lines, different bytes: only line endings or the final newline differ
      diff.add("--- " + from);
      diff.add("+++ " + to);
      diff.add("(line endings or the final newline differ)");
    }
    if (maxLines > 0 && diff.size() > maxLines) {
      int left = diff.size() - maxLines;
      diff = new ArrayList<>(diff.subList(0, maxLines));
      diff.add("... " + left + (left == 1 ? " more line" : " more lines") + " (see --verbose)");
    }
    return diff;
  }

  private static List<String> lines(byte[] bytes) {
    if (bytes == null || bytes.length == 0) {
      return List.of();
    }
    String text = new String(bytes, StandardCharsets.UTF_8);
    List<String> lines = new ArrayList<>(List.of(text.split("\r?\n", -1)));
    if (text.endsWith("\n")) {
      lines.remove(lines.size() - 1);
    }
    return lines;
  }
}
