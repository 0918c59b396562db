package dev.apionly.write;

import dev.apionly.diagnostic.Diagnostic;
import dev.apionly.diagnostic.Diagnostics;
import dev.apionly.diagnostic.ExitCode;
import dev.apionly.diagnostic.Location;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The write stage: plans a run against the project and the state file, refuses to touch any file
 * apionly did not write or that was edited since, and applies the plan all or nothing.
 */
public final class ProjectWriter {

  private static final String TEMP_SUFFIX = ".apionly-new";
  private static final String BACKUP_SUFFIX = ".apionly-old";

  private ProjectWriter() {}

  /**
   * What writing {@code desired} means for the project at {@code root}: every desired file is
   * created or updated, every previously generated file not desired is deleted, and the state file
   * is rewritten. Throws (exit 2) if a change would touch a file apionly does not own.
   */
  public static Plan plan(
      Path root, Map<String, StateFile.Entry> previous, List<OutputFile> desired)
      throws IOException {
    Diagnostics conflicts = new Diagnostics();
    Map<String, OutputFile> wanted = new TreeMap<>();
    for (OutputFile file : desired) {
      checkInside(root, file.path());
      wanted.put(file.path(), file);
    }
    List<StateFile.Entry> next = new ArrayList<>();
    for (OutputFile file : wanted.values()) {
      next.add(new StateFile.Entry(file.path(), file.integration(), file.spec(), file.sha256()));
    }
    byte[] state = StateFile.format(next).getBytes(StandardCharsets.UTF_8);
    wanted.put(StateFile.PATH, new OutputFile(StateFile.PATH, "-", "-", state));

    List<Change> changes = new ArrayList<>();
    for (OutputFile file : wanted.values()) {
      Path target = root.resolve(file.path());
      byte[] current = readIfPresent(target, conflicts);
      if (current == null) {
        changes.add(new Change(Change.Kind.CREATE, file.path(), null, file.bytes()));
      } else if (!Arrays.equals(current, file.bytes())) {
        if (!file.path().equals(StateFile.PATH)) {
          checkOwned(root, file.path(), previous.get(file.path()), current, conflicts);
        }
        changes.add(new Change(Change.Kind.UPDATE, file.path(), current, file.bytes()));
      }
    }
    for (StateFile.Entry entry : previous.values()) {
      if (wanted.containsKey(entry.path())) {
        continue;
      }
      checkInside(root, entry.path());
      Path target = root.resolve(entry.path());
      byte[] current = readIfPresent(target, conflicts);
      if (current != null) {
        checkOwned(root, entry.path(), entry, current, conflicts);
        changes.add(new Change(Change.Kind.DELETE, entry.path(), current, null));
      }
    }
    conflicts.throwIfErrors(ExitCode.BAD_INPUT);
    changes.sort(java.util.Comparator.comparing(Change::path));
    return new Plan(root, changes);
  }

  private static void checkInside(Path root, String path) {
    Path target = root.resolve(path).normalize();
    if (!target.startsWith(root.normalize()) || path.contains("\\") || path.startsWith("/")) {
      throw new IllegalArgumentException("path escapes the project: " + path);
    }
  }

  private static byte[] readIfPresent(Path target, Diagnostics conflicts) throws IOException {
    if (Files.isSymbolicLink(target)) {
      conflicts.add(
          Diagnostic.error(
              Location.of(target),
              "is a symbolic link; apionly writes only regular files it owns, so it will not"
                  + " follow or replace it"));
      return new byte[0];
    }
    if (Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
      conflicts.add(
          Diagnostic.error(
              Location.of(target), "is a directory where apionly needs to write a file"));
      return new byte[0];
    }
    return Files.exists(target, LinkOption.NOFOLLOW_LINKS) ? Files.readAllBytes(target) : null;
  }

  private static void checkOwned(
      Path root, String path, StateFile.Entry entry, byte[] current, Diagnostics conflicts) {
    Location where = Location.of(root.resolve(path));
    if (entry == null) {
      conflicts.error(
          where,
          "exists but was not written by apionly (it is not in "
              + StateFile.PATH
              + "); apionly never overwrites your files: move it away, or rename the integration");
    } else if (!StateFile.sha256(current).equals(entry.sha256())) {
      conflicts.error(
          where,
          "was edited since apionly wrote it; apionly will not overwrite or delete hand edits:"
              + " move the change into the spec, then restore the file (git checkout) or delete it");
    }
  }

  /** Applies {@code plan}: every change or, if any step fails, none. */
  public static void apply(Plan plan) throws IOException {
    Path root = plan.root();
    List<Path> written = new ArrayList<>();
    Map<Path, Path> backups = new LinkedHashMap<>();
    List<Path> createdDirectories = new ArrayList<>();
    try {
      // 1. every new text goes to a temporary file beside its target: failures here touch nothing
      Map<Path, Path> staged = new LinkedHashMap<>();
      for (Change change : plan.changes()) {
        if (change.after() == null) {
          continue;
        }
        Path target = root.resolve(change.path());
        createDirectories(target.getParent(), createdDirectories);
        Path temp = target.resolveSibling(target.getFileName() + TEMP_SUFFIX);
        Files.write(temp, change.after());
        staged.put(target, temp);
      }
      // 2. set the old files aside, 3. move the new ones in
      for (Change change : plan.changes()) {
        if (change.before() != null) {
          Path target = root.resolve(change.path());
          Path backup = target.resolveSibling(target.getFileName() + BACKUP_SUFFIX);
          move(target, backup);
          backups.put(target, backup);
        }
      }
      for (Map.Entry<Path, Path> entry : staged.entrySet()) {
        move(entry.getValue(), entry.getKey());
        written.add(entry.getKey());
      }
    } catch (IOException | RuntimeException e) {
      rollBack(root, written, backups, createdDirectories);
      throw e;
    }
    for (Path backup : backups.values()) {
      Files.deleteIfExists(backup);
    }
    for (Change change : plan.changes()) {
      if (change.kind() == Change.Kind.DELETE) {
        removeEmptyParents(root, root.resolve(change.path()).getParent());
      }
    }
  }

  private static void rollBack(
      Path root, List<Path> written, Map<Path, Path> backups, List<Path> createdDirectories) {
    for (Path target : written) {
      try {
        Files.deleteIfExists(target);
      } catch (IOException ignored) {
        // best effort: the backup below restores the original
      }
    }
    for (Map.Entry<Path, Path> entry : backups.entrySet()) {
      try {
        move(entry.getValue(), entry.getKey());
      } catch (IOException ignored) {
        // the backup stays beside the target, under a name that says what it is
      }
    }
    try (var stream = Files.walk(root)) {
      for (Path temp : stream.filter(p -> p.toString().endsWith(TEMP_SUFFIX)).toList()) {
        Files.deleteIfExists(temp);
      }
    } catch (IOException | java.io.UncheckedIOException ignored) {
      // nothing more can be done
    }
    for (int i = createdDirectories.size() - 1; i >= 0; i--) {
      try {
        Files.deleteIfExists(createdDirectories.get(i));
      } catch (IOException ignored) {
        // not empty: something else lives there
      }
    }
  }

  private static void createDirectories(Path directory, List<Path> created) throws IOException {
    List<Path> missing = new ArrayList<>();
    for (Path dir = directory; dir != null && !Files.exists(dir); dir = dir.getParent()) {
      missing.add(0, dir);
    }
    for (Path dir : missing) {
      Files.createDirectory(dir);
      created.add(dir);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void removeEmptyParents(Path root, Path directory) throws IOException {
    for (Path dir = directory;
        dir != null && !dir.equals(root) && dir.startsWith(root);
        dir = dir.getParent()) {
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
        if (entries.iterator().hasNext()) {
          return;
        }
      }
      Files.delete(dir);
    }
  }
}
