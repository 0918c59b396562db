package dev.apionly.write;

import dev.apionly.diagnostic.ApionlyException;
import dev.apionly.diagnostic.Diagnostic;
import dev.apionly.diagnostic.Diagnostics;
import dev.apionly.diagnostic.ExitCode;
import dev.apionly.diagnostic.Location;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * The write stage: plans a run against the project and the state file, refuses to touch any file
 * apionly did not write or that was edited since, and applies the plan all or nothing, through a
 * journal, so that a run cut short by a crash is finished or undone by the next one.
 *
 * <p>Writes happen in three steps: every new text is staged in {@code .apionly/pending/new} beside
 * a journal of the run; the journal's commit line is synced to disk; then each file is moved into
 * place (a rename), the file it replaces kept in {@code .apionly/pending/old} until the end. Before
 * the commit line no project file has changed; after it, the staged texts are complete, so the run
 * can always be finished.
 */
public final class ProjectWriter {

  private ProjectWriter() {}

  /**
   * What writing {@code desired} means for the project at {@code root}: every desired file is
   * created or updated, every previously generated file not desired is deleted, and the state file
   * is rewritten. Throws (exit 2) if a change would touch a file apionly does not own, or reach a
   * file through a symbolic link.
   */
  public static Plan plan(
      Path root, Map<String, StateFile.Entry> previous, List<OutputFile> desired)
      throws IOException {
    return plan(root, previous, desired, List.of());
  }

  /**
   * As {@link #plan(Path, Map, List)}, with {@code edits} to files of the user's: each is updated
   * when its bytes change, and refused (exit 2) if the file changed since the edit was made.
   */
  public static Plan plan(
      Path root,
      Map<String, StateFile.Entry> previous,
      List<OutputFile> desired,
      List<EditedFile> edits)
      throws IOException {
    Diagnostics conflicts = new Diagnostics();
    Set<String> links = new LinkedHashSet<>();
    Map<String, OutputFile> wanted = new TreeMap<>();
    for (OutputFile file : desired) {
      checkInside(root, file.path());
      wanted.put(file.path(), file);
    }
    List<StateFile.Entry> next = new ArrayList<>();
    for (OutputFile file : wanted.values()) {
      next.add(new StateFile.Entry(file.path(), file.owner(), file.sha256()));
    }
    byte[] state = StateFile.format(next).getBytes(StandardCharsets.UTF_8);
    wanted.put(StateFile.PATH, OutputFile.shared(StateFile.PATH, state));

    List<Change> changes = new ArrayList<>();
    // each folder's names by lower case, listed once however many files go into it
    Map<Path, Map<String, List<Path>>> listings = new java.util.HashMap<>();
    // and each directory on the way looked at once for a link
    Map<String, ProjectPaths.Entry> seen = new java.util.HashMap<>();
    CaseAliases aliases = CaseAliases.of(previous.keySet());
    // files of the state renamed in letter case only, on a filesystem that ignores case
    Set<String> renamed = new java.util.HashSet<>();
    for (OutputFile file : wanted.values()) {
      String link = ProjectPaths.linkProblem(root, file.path(), seen);
      if (link != null) {
        links.add(link);
        continue;
      }
      Path target = root.resolve(file.path());
      byte[] current = readIfPresent(target, conflicts);
      Optional<String> alias =
          current == null || previous.containsKey(file.path())
              ? Optional.empty()
              : aliases.of(root, file.path()).filter(other -> !wanted.containsKey(other));
      if (alias.isPresent()) {
        // the file apionly wrote at the old name: deleted there, then written at the new name,
        // in that order (Journal), so the name on disk takes the new case
        String old = alias.get();
        String oldLink = ProjectPaths.linkProblem(root, old, seen);
        if (oldLink != null) {
          links.add(oldLink);
          continue;
        }
        String before = checkOwned(root, old, previous.get(old), current, conflicts);
        changes.add(new Change(Change.Kind.DELETE, old, current, null, before, null));
        changes.add(
            new Change(Change.Kind.CREATE, file.path(), null, file.bytes(), null, file.sha256()));
        renamed.add(old);
      } else if (current == null) {
        caseTwin(root, file.path(), previous, listings, conflicts);
        changes.add(
            new Change(Change.Kind.CREATE, file.path(), null, file.bytes(), null, file.sha256()));
      } else if (!Arrays.equals(current, file.bytes())) {
        String before =
            file.path().equals(StateFile.PATH)
                ? null
                : checkOwned(root, file.path(), previous.get(file.path()), current, conflicts);
        changes.add(
            new Change(
                Change.Kind.UPDATE, file.path(), current, file.bytes(), before, file.sha256()));
      }
    }
    for (StateFile.Entry entry : previous.values()) {
      if (wanted.containsKey(entry.path()) || renamed.contains(entry.path())) {
        continue;
      }
      checkInside(root, entry.path());
      String link = ProjectPaths.linkProblem(root, entry.path(), seen);
      if (link != null) {
        links.add(link);
        continue;
      }
      Path target = root.resolve(entry.path());
      byte[] current = readIfPresent(target, conflicts);
      if (current != null) {
        String before = checkOwned(root, entry.path(), entry, current, conflicts);
        changes.add(new Change(Change.Kind.DELETE, entry.path(), current, null, before, null));
      }
    }
    for (EditedFile edit : edits) {
      String link = ProjectPaths.linkProblem(root, edit.path());
      if (link != null) {
        links.add(link);
        continue;
      }
      byte[] current = ProjectFile.read(root);
      if (current == null || !Arrays.equals(current, edit.before())) {
        conflicts.error(
            Location.of(root.resolve(edit.path())),
            "changed while apionly was reading it; run again");
      } else if (!Arrays.equals(current, edit.after())) {
        changes.add(new Change(Change.Kind.UPDATE, edit.path(), current, edit.after()));
      }
    }
    for (String link : links) {
      conflicts.add(
          Diagnostic.error(
                  Location.of(root.resolve(link)),
                  ProjectPaths.linkMessage(root, root.resolve(link)))
              .withoutSource());
    }
    conflicts.throwIfErrors(ExitCode.BAD_INPUT);
    changes.sort(Comparator.comparing(Change::path));
    return new Plan(root, changes);
  }

  private static void checkInside(Path root, String path) {
    Path target = root.resolve(path).normalize();
    if (!target.startsWith(root.normalize())
        || path.contains("\\")
        || path.startsWith("/")
        || Arrays.asList(path.split("/")).contains("..")) {
      throw new IllegalArgumentException("path escapes the project: " + path);
    }
  }

  private static byte[] readIfPresent(Path target, Diagnostics conflicts) throws IOException {
    BasicFileAttributes attributes;
    try {
      attributes =
          Files.readAttributes(target, BasicFileAttributes.class, LinkOption.NOFOLLOW_LINKS);
    } catch (IOException e) {
      return null; // nothing there, as Files.exists would say
    }
    if (attributes.isDirectory()) {
      conflicts.add(
          Diagnostic.error(
              Location.of(target), "is a directory where apionly needs to write a file"));
      return new byte[0];
    }
    if (!attributes.isRegularFile()) {
      conflicts.add(
          Diagnostic.error(
                  Location.of(target),
                  "is not a regular file (a FIFO, socket or device); apionly writes only regular"
                      + " files it owns")
              .withoutSource());
      return new byte[0];
    }
    return Files.readAllBytes(target);
  }

  /**
   * Adds a conflict unless {@code current} is the file apionly wrote at {@code path}; returns its
   * SHA-256 when it was worked out, so the journal need not hash it again.
   */
  private static String checkOwned(
      Path root, String path, StateFile.Entry entry, byte[] current, Diagnostics conflicts) {
    Location where = Location.of(root.resolve(path));
    if (entry == null) {
      conflicts.error(
          where,
          "exists but was not written by apionly (it is not in "
              + StateFile.PATH
              + "); apionly never overwrites your files: move it away, or rename the integration");
      return null;
    }
    String sha256 = StateFile.sha256(current);
    if (!sha256.equals(entry.sha256())) {
      conflicts.error(
          where,
          "was edited since apionly wrote it; apionly will not overwrite or delete hand edits:"
              + " move the change into the spec, then restore the file (git checkout) or delete it");
    }
    return sha256;
  }

  /**
   * Refuses to create {@code relative} beside a file of the user's whose name differs from it only
   * in letter case: Salesforce compares component names ignoring case, so the two would deploy as
   * one component, and the user's would never be compared with the spec. A file apionly wrote
   * itself (an integration renamed in case) is apionly's to replace.
   */
  private static void caseTwin(
      Path root,
      String relative,
      Map<String, StateFile.Entry> previous,
      Map<Path, Map<String, List<Path>>> listings,
      Diagnostics conflicts)
      throws IOException {
    Path target = root.resolve(relative);
    Path folder = target.getParent();
    if (folder == null) {
      return;
    }
    Map<String, List<Path>> byName = listings.get(folder);
    if (byName == null) {
      byName = new java.util.HashMap<>();
      if (Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
        try (java.util.stream.Stream<Path> siblings = Files.list(folder)) {
          for (Path sibling : siblings.sorted().toList()) {
            byName
                .computeIfAbsent(
                    sibling.getFileName().toString().toLowerCase(java.util.Locale.ROOT),
                    k -> new ArrayList<>())
                .add(sibling);
          }
        }
      }
      listings.put(folder, byName);
    }
    String name = target.getFileName().toString();
    for (Path sibling : byName.getOrDefault(name.toLowerCase(java.util.Locale.ROOT), List.of())) {
      String other = sibling.getFileName().toString();
      String otherRelative = root.relativize(sibling).toString().replace('\\', '/');
      if (!other.equals(name) && !previous.containsKey(otherRelative)) {
        conflicts.add(
            Diagnostic.error(
                    Location.of(sibling),
                    "is yours, and has the name of "
                        + relative
                        + " but for letter case; Salesforce compares names ignoring case, so"
                        + " both would deploy as one component: rename or move your file, or"
                        + " let import and generate adopt it under the spec's spelling")
                .withoutSource());
      }
    }
  }

  /** Whether a symbolic link stands anywhere on the way from {@code root} to {@code relative}. */
  public static boolean linkOnTheWay(Path root, String relative) {
    return ProjectPaths.linkProblem(root, relative) != null;
  }

  /**
   * Throws (exit 2) if a run was interrupted and not yet finished or undone: a plan made now would
   * compare against a half-written project.
   */
  public static void checkNothingPending(Path root) {
    ProjectPaths.checkNoLink(root, Journal.FILE);
    if (Files.exists(root.resolve(Journal.DIRECTORY), LinkOption.NOFOLLOW_LINKS)) {
      throw ApionlyException.of(
          ExitCode.BAD_INPUT,
          Location.of(root.resolve(Journal.DIRECTORY)),
          "a run is in progress or was interrupted; 'apionly generate' finishes or undoes it");
    }
  }

  /**
   * Finishes or undoes a run that stopped part way (killed, or the machine went down), leaving the
   * project exactly as that run would have left it or exactly as it found it. Call it holding the
   * {@link ProjectLock}. Returns a note saying which, or nothing when no run was interrupted.
   */
  public static Optional<Diagnostic> recover(Path root, Pattern owned) {
    ProjectPaths.checkNoLink(root, Journal.FILE);
    Path directory = root.resolve(Journal.DIRECTORY);
    if (!Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
      return Optional.empty();
    }
    Path file = root.resolve(Journal.FILE);
    Location where = Location.of(directory);
    try {
      if (!Files.isDirectory(directory, LinkOption.NOFOLLOW_LINKS)) {
        throw ProjectPaths.refusal(directory, "is not a directory; apionly keeps a run there");
      }
      String text =
          Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)
              ? new String(Files.readAllBytes(file), StandardCharsets.UTF_8)
              : "";
      Journal journal = Journal.parse(file, text, owned);
      if (!journal.committed()) {
        if (!isEmpty(root.resolve(Journal.SAVED))) {
          throw ProjectPaths.refusal(
              directory,
              "holds saved files but no complete journal; restore the project from git, then"
                  + " remove "
                  + Journal.DIRECTORY);
        }
        clean(root);
        return Optional.of(
            Diagnostic.note(where, "undid an interrupted run; it had changed no file yet")
                .withoutSource());
      }
      if (canFinish(root, journal)) {
        forward(root, journal, true);
        finish(root, journal);
        return Optional.of(
            Diagnostic.note(
                    where,
                    "finished an interrupted run ("
                        + journal.steps().size()
                        + (journal.steps().size() == 1 ? " file" : " files")
                        + ")")
                .withoutSource());
      }
      backward(root, journal);
      clean(root);
      return Optional.of(
          Diagnostic.note(where, "undid an interrupted run whose new files were incomplete")
              .withoutSource());
    } catch (IOException e) {
      throw ApionlyException.of(
          ExitCode.BAD_INPUT,
          where,
          "cannot finish or undo the interrupted run: "
              + e.getMessage()
              + "; nothing more was changed, and the next run tries again");
    }
  }

  /** Applies {@code plan}: every change or, if any step fails, none. */
  public static void apply(Plan plan) throws IOException {
    if (plan.isEmpty()) {
      return;
    }
    Path root = plan.root();
    checkNothingPending(root);
    Journal journal = Journal.of(plan);
    Path file = root.resolve(Journal.FILE);
    try {
      Files.createDirectories(root.resolve(Journal.DIRECTORY).getParent());
      Files.createDirectory(root.resolve(Journal.DIRECTORY));
      CrashPoint.reached();
      try (FileChannel channel =
          FileChannel.open(file, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
        write(channel, journal.text());
        CrashPoint.reached();
        Set<Path> made = new java.util.HashSet<>();
        for (Change change : plan.changes()) {
          if (change.after() != null) {
            Path staged = root.resolve(Journal.STAGED).resolve(change.path());
            createParent(staged, made);
            Files.write(staged, change.after());
            CrashPoint.reached();
          }
        }
        // the commit point: from here on the run is finished, by this process or the next
        write(channel, Journal.commitLine());
        channel.force(true);
      }
      syncDirectory(root.resolve(Journal.DIRECTORY));
      CrashPoint.reached();
    } catch (IOException | RuntimeException e) {
      try {
        clean(root);
      } catch (IOException again) {
        e.addSuppressed(again);
      }
      throw e;
    }
    try {
      forward(root, journal, false);
    } catch (IOException | RuntimeException e) {
      try {
        backward(root, journal);
        clean(root);
      } catch (IOException | RuntimeException again) {
        e.addSuppressed(again);
        throw new IOException(
            e.getMessage()
                + "; undoing it failed too ("
                + again.getMessage()
                + "): the next run finishes or undoes it",
            e);
      }
      throw e;
    }
    finish(root, journal);
  }

  /** Creates the folders {@code file} goes in, once per folder however many files it takes. */
  private static void createParent(Path file, Set<Path> made) throws IOException {
    if (made.add(file.getParent())) {
      Files.createDirectories(file.getParent());
    }
  }

  private static void write(FileChannel channel, String text) throws IOException {
    ByteBuffer bytes = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
    while (bytes.hasRemaining()) {
      channel.write(bytes);
    }
  }

  /** Whether every new text the journal names is in place or staged, complete. */
  private static boolean canFinish(Path root, Journal journal) throws IOException {
    for (Journal.Step step : journal.steps()) {
      if (step.after() == null) {
        continue;
      }
      Path target = root.resolve(step.path());
      if (step.after().equals(hash(root, step.path()))) {
        continue;
      }
      if (!step.after().equals(hash(root.resolve(Journal.STAGED).resolve(step.path())))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Moves every staged file into place. {@code verify}: a run resumed after a crash checks each
   * file before it touches it; a run that has just planned under the lock knows them already.
   */
  private static void forward(Path root, Journal journal, boolean verify) throws IOException {
    Set<Path> made = new java.util.HashSet<>();
    for (String directory : journal.directories()) {
      Path path = root.resolve(directory);
      if (!Files.isDirectory(path, LinkOption.NOFOLLOW_LINKS)) {
        ProjectPaths.checkNoLink(root, directory);
        Files.createDirectory(path);
        CrashPoint.reached();
      }
    }
    for (Journal.Step step : journal.steps()) {
      Path target = root.resolve(step.path());
      Path staged = root.resolve(Journal.STAGED).resolve(step.path());
      Path saved = root.resolve(Journal.SAVED).resolve(step.path());
      if (ProjectFile.is(step.path())) {
        forwardInPlace(root, step, staged, saved, verify);
        continue;
      }
      String current = verify ? hash(target) : null;
      if (verify) {
        ProjectPaths.checkNoLink(root, step.path());
        if (step.after() != null && step.after().equals(current)) {
          continue; // moved in before the crash
        }
        if (step.after() == null && current == null) {
          continue; // deleted before the crash
        }
        if (step.after() == null && renamedInCase(root, journal, step, current, true)) {
          continue; // deleted, and written under its new case, before the crash
        }
        if (!java.util.Objects.equals(current, step.before())) {
          throw changedSince(target);
        }
      }
      if (step.before() != null) {
        // the old text stays reachable under .apionly/pending/old until the run is complete
        createParent(saved, made);
        Files.deleteIfExists(saved);
        if (step.after() != null) {
          keep(target, saved);
        } else {
          move(target, saved);
        }
        CrashPoint.reached();
      }
      if (step.after() != null) {
        move(staged, target);
        CrashPoint.reached();
      }
    }
  }

  /**
   * Whether the file at {@code step}'s path is, on a filesystem that ignores case, the file of
   * another step of the journal whose path differs only in case (a file renamed in case is two
   * steps on one file): {@code written}, that step has moved its new text in (its staged text is
   * gone) and the file holds it; otherwise, that step still holds the old text and the file is it.
   * The staged text decides, as old and new may be the same bytes.
   */
  private static boolean renamedInCase(
      Path root, Journal journal, Journal.Step step, String current, boolean written) {
    if (current == null) {
      return false;
    }
    for (Journal.Step other : journal.steps()) {
      if (other.path().equals(step.path()) || !other.path().equalsIgnoreCase(step.path())) {
        continue;
      }
      Journal.Step creating = written ? other : step;
      boolean movedIn =
          !Files.exists(
              root.resolve(Journal.STAGED).resolve(creating.path()), LinkOption.NOFOLLOW_LINKS);
      String text = written ? other.after() : other.before();
      if (movedIn == written
          && current.equals(text)
          && CaseAliases.sameFile(root.resolve(step.path()), root.resolve(other.path()))) {
        return true;
      }
    }
    return false;
  }

  /** Puts every file the journal names back as it was before the run. */
  private static void backward(Path root, Journal journal) throws IOException {
    List<Journal.Step> steps = new ArrayList<>(journal.steps());
    java.util.Collections.reverse(steps);
    for (Journal.Step step : steps) {
      Path target = root.resolve(step.path());
      Path saved = root.resolve(Journal.SAVED).resolve(step.path());
      ProjectPaths.checkNoLink(root, step.path());
      if (ProjectFile.is(step.path())) {
        backwardInPlace(root, step, saved);
        continue;
      }
      String current = hash(target);
      if (java.util.Objects.equals(current, step.before())) {
        continue;
      }
      if (step.before() == null && renamedInCase(root, journal, step, current, false)) {
        continue; // not written yet: what is there is the old name's file, still in place
      }
      if (step.before() == null) {
        if (current.equals(step.after())) {
          Files.delete(target);
          CrashPoint.reached();
          continue;
        }
        throw changedSince(target);
      }
      if ((current == null || current.equals(step.after())) && step.before().equals(hash(saved))) {
        move(saved, target);
        CrashPoint.reached();
        continue;
      }
      throw changedSince(target);
    }
    List<String> directories = new ArrayList<>(journal.directories());
    java.util.Collections.reverse(directories);
    for (String directory : directories) {
      try {
        Files.deleteIfExists(root.resolve(directory));
        CrashPoint.reached();
      } catch (DirectoryNotEmptyException e) {
        // something else lives there now: it stays
      }
    }
  }

  /**
   * The project file's step: saved by copy (a second name would share the bytes written in place),
   * then overwritten in place. Resumed after a crash, a file that starts with the new text is this
   * run's unfinished write, and is finished.
   */
  private static void forwardInPlace(
      Path root, Journal.Step step, Path staged, Path saved, boolean verify) throws IOException {
    byte[] current = ProjectFile.read(root);
    String now = current == null ? null : StateFile.sha256(current);
    if (verify && step.after().equals(now)) {
      return; // written before the crash; its staged text may be cleaned away already
    }
    byte[] after = Files.readAllBytes(staged);
    if (verify) {
      ProjectPaths.checkNoLink(root, step.path());
      if (!java.util.Objects.equals(now, step.before())
          && !ProjectFile.startsWith(current, after)) {
        throw changedSince(root.resolve(step.path()));
      }
    }
    if (java.util.Objects.equals(now, step.before())) {
      Files.createDirectories(saved.getParent());
      Files.write(saved, current);
      CrashPoint.reached();
    }
    ProjectFile.overwrite(root, after);
    CrashPoint.reached();
  }

  /** Puts the project file's saved text back in place, if the run had changed it. */
  private static void backwardInPlace(Path root, Journal.Step step, Path saved) throws IOException {
    byte[] current = ProjectFile.read(root);
    String now = current == null ? null : StateFile.sha256(current);
    if (java.util.Objects.equals(now, step.before())) {
      return;
    }
    byte[] before =
        Files.isRegularFile(saved, LinkOption.NOFOLLOW_LINKS) ? Files.readAllBytes(saved) : null;
    Path staged = root.resolve(Journal.STAGED).resolve(step.path());
    byte[] after =
        Files.isRegularFile(staged, LinkOption.NOFOLLOW_LINKS) ? Files.readAllBytes(staged) : null;
    boolean ours =
        step.after().equals(now)
            || ProjectFile.startsWith(current, after)
            || ProjectFile.startsWith(current, before);
    if (before == null || !step.before().equals(StateFile.sha256(before)) || !ours) {
      throw changedSince(root.resolve(step.path()));
    }
    ProjectFile.overwrite(root, before);
    CrashPoint.reached();
  }

  /** The SHA-256 of the file at {@code path}, the project file read through the lock's channel. */
  private static String hash(Path root, String path) throws IOException {
    if (ProjectFile.is(path)) {
      byte[] bytes = ProjectFile.read(root);
      return bytes == null ? null : StateFile.sha256(bytes);
    }
    return hash(root.resolve(path));
  }

  private static ApionlyException changedSince(Path target) {
    return ProjectPaths.refusal(
        target,
        "changed while a run was interrupted, so that run can be neither finished nor undone;"
            + " restore the project from git, then remove "
            + Journal.DIRECTORY);
  }

  /**
   * The end of a complete run: emptied folders go, the renames reach the disk, then the journal.
   */
  private static void finish(Path root, Journal journal) throws IOException {
    Set<Path> touched = new LinkedHashSet<>();
    for (Journal.Step step : journal.steps()) {
      Path parent = root.resolve(step.path()).getParent();
      if (step.after() == null) {
        removeEmptyParents(root, parent);
      } else {
        touched.add(parent);
      }
    }
    touched.forEach(ProjectWriter::syncDirectory);
    clean(root);
  }

  /** Removes {@code .apionly/pending}: staged and saved texts first, the journal last. */
  private static void clean(Path root) throws IOException {
    deleteTree(root.resolve(Journal.STAGED));
    deleteTree(root.resolve(Journal.SAVED));
    Files.deleteIfExists(root.resolve(Journal.FILE));
    CrashPoint.reached();
    Files.deleteIfExists(root.resolve(Journal.DIRECTORY));
  }

  private static void deleteTree(Path directory) throws IOException {
    if (!Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(directory)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(path);
        CrashPoint.reached();
      }
    } catch (java.io.UncheckedIOException e) {
      throw e.getCause();
    }
  }

  private static boolean isEmpty(Path directory) throws IOException {
    if (!Files.exists(directory, LinkOption.NOFOLLOW_LINKS)) {
      return true;
    }
    try (Stream<Path> walk = Files.walk(directory)) {
      return walk.allMatch(Files::isDirectory);
    }
  }

  /** The SHA-256 of the regular file at {@code path}, or null if there is none. */
  private static String hash(Path path) throws IOException {
    return Files.isRegularFile(path, LinkOption.NOFOLLOW_LINKS)
        ? StateFile.sha256(Files.readAllBytes(path))
        : null;
  }

  /** A second name for {@code file} (its bytes are not copied), or a copy where links fail. */
  private static void keep(Path file, Path saved) throws IOException {
    try {
      Files.createLink(saved, file);
    } catch (UnsupportedOperationException | FileAlreadyExistsException e) {
      Files.copy(file, saved, StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      Files.copy(file, saved, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  private static void move(Path from, Path to) throws IOException {
    try {
      Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
    } catch (AtomicMoveNotSupportedException e) {
      Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
    }
  }

  /** Makes the names in {@code directory} durable; where a system cannot, the run goes on. */
  private static void syncDirectory(Path directory) {
    try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | RuntimeException e) {
      // not every system syncs a directory (Windows cannot open one): renames stay ordered
    }
  }

  private static void removeEmptyParents(Path root, Path directory) throws IOException {
    for (Path dir = directory;
        dir != null && !dir.equals(root) && dir.startsWith(root);
        dir = dir.getParent()) {
      if (!Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)) {
        continue; // emptied and removed for an earlier file of the same folder
      }
      try (DirectoryStream<Path> entries = Files.newDirectoryStream(dir)) {
        if (entries.iterator().hasNext()) {
          return;
        }
      }
      Files.delete(dir);
      CrashPoint.reached();
    }
  }
}
