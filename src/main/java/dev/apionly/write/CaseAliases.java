package dev.apionly.write;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Paths apionly wrote, looked up by another spelling of their letter case. On a filesystem that
 * ignores case (macOS's and Windows' defaults) {@code ERP_Sync.permissionset-meta.xml} and {@code
 * Erp_Sync.permissionset-meta.xml} are one file: when an integration is renamed in case only, the
 * file at the new name is the one apionly wrote at the old one, to be renamed, not a file of the
 * user's to refuse or adopt, and not a second file to delete.
 */
public final class CaseAliases {

  private final Map<String, List<String>> byFold = new HashMap<>();

  private CaseAliases(Collection<String> paths) {
    for (String path : paths) {
      byFold.computeIfAbsent(fold(path), k -> new ArrayList<>()).add(path);
    }
  }

  /** The aliases among {@code paths}, the paths of the state file. */
  public static CaseAliases of(Collection<String> paths) {
    return new CaseAliases(paths);
  }

  /**
   * The path among these that differs from {@code path} only in letter case and names the same file
   * under {@code root}, so that the filesystem ignores case; empty when there is none or either
   * name does not exist.
   */
  public Optional<String> of(Path root, String path) {
    for (String other : byFold.getOrDefault(fold(path), List.of())) {
      if (!other.equals(path) && sameFile(root.resolve(other), root.resolve(path))) {
        return Optional.of(other);
      }
    }
    return Optional.empty();
  }

  /** Whether {@code a} and {@code b} both exist and are one file. */
  static boolean sameFile(Path a, Path b) {
    try {
      return Files.isSameFile(a, b);
    } catch (IOException | SecurityException e) {
      return false; // either is missing or unreadable: not one file to rename
    }
  }

  private static String fold(String path) {
    return path.toLowerCase(Locale.ROOT);
  }
}
