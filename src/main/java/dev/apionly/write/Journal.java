package dev.apionly.write;

import dev.apionly.diagnostic.Diagnostic;
import dev.apionly.diagnostic.Diagnostics;
import dev.apionly.diagnostic.ExitCode;
import dev.apionly.diagnostic.Location;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * What a run is about to do, written down before it touches a file, so that the next run can finish
 * or undo it after a crash: the directories it creates and, per file, the SHA-256 before and after.
 * It counts only once its last line, {@code commit}, is on disk; until then no project file has
 * been touched.
 */
record Journal(List<String> directories, List<Journal.Step> steps, boolean committed) {

  /** apionly's own working folder for a run in progress; nothing else lives there. */
  static final String DIRECTORY = ".apionly/pending";

  static final String FILE = DIRECTORY + "/journal";

  /** The new texts, each at its project path below this folder. */
  static final String STAGED = DIRECTORY + "/new";

  /** The replaced and deleted files, kept until the run is complete, for undoing it. */
  static final String SAVED = DIRECTORY + "/old";

  private static final String HEADER = "apionly journal 1";
  private static final String COMMIT = "commit";
  private static final String MKDIR = "mkdir";
  private static final String NONE = "-";
  private static final Pattern SHA256 = Pattern.compile("[0-9a-f]{64}");

  /** One file of the run; {@code before} and {@code after} are SHA-256s, null for none. */
  record Step(Change.Kind kind, String path, String before, String after) {}

  Journal {
    directories = List.copyOf(directories);
    steps = List.copyOf(steps);
  }

  /** The journal of {@code plan}: its changes, and the directories missing for its new files. */
  static Journal of(Plan plan) {
    Set<String> missing = new HashSet<>();
    Set<String> present = new HashSet<>();
    List<String> directories = new ArrayList<>();
    List<Step> steps = new ArrayList<>();
    // deletions first, each kind in path order: a file renamed in letter case only, on a
    // filesystem that ignores case, is one file under both names, and must be gone from the old
    // name before the new one is written
    List<Change> ordered = new ArrayList<>(plan.changes());
    ordered.sort(Comparator.comparing(change -> change.kind() != Change.Kind.DELETE));
    for (Change change : ordered) {
      steps.add(
          new Step(change.kind(), change.path(), change.sha256Before(), change.sha256After()));
      if (change.kind() != Change.Kind.CREATE) {
        continue;
      }
      List<String> chain = new ArrayList<>();
      for (int slash = change.path().lastIndexOf('/');
          slash > 0;
          slash = change.path().lastIndexOf('/', slash - 1)) {
        String directory = change.path().substring(0, slash);
        if (missing.contains(directory) || present.contains(directory)) {
          break;
        }
        if (Files.exists(plan.root().resolve(directory), LinkOption.NOFOLLOW_LINKS)) {
          present.add(directory);
          break;
        }
        chain.add(0, directory);
      }
      for (String directory : chain) {
        if (missing.add(directory)) {
          directories.add(directory);
        }
      }
    }
    return new Journal(directories, steps, false);
  }

  /** The text before the commit line. */
  String text() {
    StringBuilder out = new StringBuilder(HEADER).append('\n');
    directories.forEach(d -> out.append(MKDIR).append('\t').append(d).append('\n'));
    for (Step step : steps) {
      out.append(step.kind().word())
          .append('\t')
          .append(step.path())
          .append('\t')
          .append(step.before() == null ? NONE : step.before())
          .append('\t')
          .append(step.after() == null ? NONE : step.after())
          .append('\n');
    }
    return out.toString();
  }

  static String commitLine() {
    return COMMIT + "\n";
  }

  /**
   * The journal in {@code text}. One without its commit line is uncommitted and its steps are not
   * read: the run it describes never touched a project file. A committed one is read strictly,
   * every path one {@code owned} accepts (or an update of {@code sfdx-project.json}, the one file
   * of the user's apionly edits), so a forged journal cannot lead anywhere else.
   */
  static Journal parse(Path file, String text, Pattern owned) {
    if (!text.startsWith(HEADER + "\n") || !text.endsWith("\n" + COMMIT + "\n")) {
      return new Journal(List.of(), List.of(), false);
    }
    String[] lines = text.split("\n", -1);
    List<String> directories = new ArrayList<>();
    List<Step> steps = new ArrayList<>();
    Diagnostics problems = new Diagnostics();
    // the header is line 1; the text ends "commit\n", so the last two items are not steps
    for (int i = 1; i < lines.length - 2; i++) {
      String[] columns = lines[i].split("\t", -1);
      Location where = new Location(file, i + 1, 1);
      if (columns.length == 2 && columns[0].equals(MKDIR) && safeDirectory(columns[1])) {
        directories.add(columns[1]);
        continue;
      }
      Change.Kind kind = columns.length == 4 ? kind(columns[0]) : null;
      if (kind == null
          || !(owned.matcher(columns[1]).matches()
              || columns[1].equals(StateFile.PATH)
              || columns[1].equals(EditedFile.PROJECT_FILE) && kind == Change.Kind.UPDATE)
          || !hash(columns[2])
          || !hash(columns[3])) {
        problems.add(
            Diagnostic.error(
                    where,
                    "not a line apionly writes; it finishes or undoes nothing through this"
                        + " journal: restore the project from git and remove "
                        + DIRECTORY)
                .withoutSource());
        continue;
      }
      steps.add(
          new Step(
              kind,
              columns[1],
              columns[2].equals(NONE) ? null : columns[2],
              columns[3].equals(NONE) ? null : columns[3]));
    }
    for (String directory : directories) {
      if (steps.stream().noneMatch(s -> s.path().startsWith(directory + "/"))) {
        problems.add(
            Diagnostic.error(
                    Location.of(file),
                    "lists a directory '"
                        + ProjectPaths.printable(directory)
                        + "' that holds none of its files")
                .withoutSource());
      }
    }
    problems.throwIfErrors(ExitCode.BAD_INPUT);
    return new Journal(directories, steps, true);
  }

  private static Change.Kind kind(String word) {
    for (Change.Kind kind : Change.Kind.values()) {
      if (kind.word().equals(word)) {
        return kind;
      }
    }
    return null;
  }

  private static boolean hash(String column) {
    return column.equals(NONE) || SHA256.matcher(column).matches();
  }

  private static boolean safeDirectory(String path) {
    for (String part : path.split("/", -1)) {
      if (part.isEmpty()
          || part.equals(".")
          || part.equals("..")
          || part.chars().anyMatch(c -> c < 0x20 || c == 0x7f || c == '\\')) {
        return false;
      }
    }
    return !path.toLowerCase(Locale.ROOT).startsWith(DIRECTORY);
  }
}
