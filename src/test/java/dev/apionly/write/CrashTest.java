package dev.apionly.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apionly.Cli;
import dev.apionly.TestFiles;
import dev.apionly.render.OutputLayout;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Real processes stopped in the middle of writing, and run two at once: after any crash the next
 * run leaves the project exactly as it was or exactly as the crashed run would have, by itself; two
 * runs at once never leave a half-written project or a raw error.
 */
class CrashTest {

  private static final Pattern OWNED = new OutputLayout("force-app", "66.0").generatedPaths();

  @TempDir static Path work;

  private static Path before;
  private static Path after;
  private static Map<String, String> oldState;
  private static Map<String, String> newState;

  /**
   * The old project lacks one spec (an app whose four folders the new run creates); the new one
   * lacks another (a user whose files, script and folders the new run deletes).
   */
  @BeforeAll
  static void states() throws IOException {
    before = work.resolve("before");
    Projects.generated(before, "warehouse-extract.yaml");
    after = work.resolve("after");
    Projects.generated(after, "warehouse-extract.yaml");
    replaceSpecs(after);
    Cli.Run run = generate(after);
    assertEquals(0, run.exitCode(), run.toString());
    oldState = Projects.state(before);
    newState = Projects.state(after);
    // the examples have environments: the run also edits apionly's entries in sfdx-project.json
    assertFalse(
        oldState.get("sfdx-project.json").equals(newState.get("sfdx-project.json")),
        "the crashing run should edit sfdx-project.json");
  }

  private static void replaceSpecs(Path project) throws IOException {
    Files.delete(project.resolve("specs/billing-engine.yaml"));
    TestFiles.copy(
        TestFiles.repository().resolve("examples/warehouse-extract.yaml").getParent(),
        project.resolve("specs-all"));
    Files.move(
        project.resolve("specs-all/warehouse-extract.yaml"),
        project.resolve("specs/warehouse-extract.yaml"));
    try (var walk = Files.walk(project.resolve("specs-all"))) {
      for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }

  private static Cli.Run generate(Path project) {
    return Cli.run("generate", project.resolve("specs").toString(), "--out", project.toString());
  }

  /** A fresh copy of the old project, with the new specs in place. */
  private static Path oldCopy(String name) throws IOException {
    Path copy = work.resolve(name);
    TestFiles.copy(before, copy);
    replaceSpecs(copy);
    return copy;
  }

  private static void recover(Path project) {
    try (ProjectLock lock = ProjectLock.acquire(project)) {
      ProjectWriter.recover(project, OWNED);
    }
  }

  private static void assertOldOrNew(Path project, String what) {
    Map<String, String> state = Projects.state(project);
    assertTrue(
        state.equals(oldState) || state.equals(newState),
        what + ": neither the old nor the new project: " + difference(state));
  }

  private static String difference(Map<String, String> state) {
    List<String> out = new ArrayList<>();
    for (String path : state.keySet()) {
      if (!oldState.containsKey(path) && !newState.containsKey(path)) {
        out.add("extra " + path);
      }
    }
    for (String path : newState.keySet()) {
      if (!state.containsKey(path)) {
        out.add("missing " + path);
      }
    }
    return out.toString();
  }

  private static void assertNextRunSucceeds(Path project, String what) {
    Cli.Run run = generate(project);
    assertEquals(0, run.exitCode(), what + ": " + run);
    assertEquals(newState, Projects.state(project), what);
  }

  @Test
  void aRunHaltedAfterAnyFileOperationIsFinishedOrUndoneByTheNext() throws IOException {
    int crashes = 0;
    for (int point = 1; ; point++) {
      Path project = oldCopy("halt-" + point);
      List<String> command =
          Projects.java(WriterProcess.class.getName(), "-Dapionly.test.crash-after=" + point);
      command.addAll(List.of(project.toString(), after.toString()));
      Process process = Projects.start(command, work.resolve("halt-" + point + ".log"));
      int code = Projects.exitCode(process);
      if (code == 0) {
        assertEquals(newState, Projects.state(project), "a run that was not halted");
        break;
      }
      assertEquals(
          CrashPoint.HALTED,
          code,
          "halted at " + point + ": " + TestFiles.read(work.resolve("halt-" + point + ".log")));
      crashes++;
      recover(project);
      assertOldOrNew(project, "halted after operation " + point);
      assertNextRunSucceeds(project, "after a halt at operation " + point);
    }
    assertTrue(crashes >= 50, "only " + crashes + " points to halt at");
  }

  /**
   * Recovery is itself a run that can be stopped: halted at any of its own file operations, the
   * next recovery still leaves the old or the new project, and the next run the new one.
   */
  @Test
  void aRecoveryHaltedAtAnyOperationIsFinishedOrUndoneByTheNext() throws IOException {
    int halts = 0;
    for (int point : new int[] {20, 35, 50}) {
      Path crashed = oldCopy("crashed-" + point);
      List<String> write =
          Projects.java(WriterProcess.class.getName(), "-Dapionly.test.crash-after=" + point);
      write.addAll(List.of(crashed.toString(), after.toString()));
      assertEquals(
          CrashPoint.HALTED,
          Projects.exitCode(Projects.start(write, work.resolve("crashed-" + point + ".log"))));
      for (int again = 1; ; again += 2) {
        String name = "recovery-" + point + "-" + again;
        Path project = work.resolve(name);
        TestFiles.copy(crashed, project);
        List<String> recovery =
            Projects.java(WriterProcess.class.getName(), "-Dapionly.test.crash-after=" + again);
        recovery.addAll(List.of(project.toString(), after.toString(), "recover"));
        int code = Projects.exitCode(Projects.start(recovery, work.resolve(name + ".log")));
        if (code == 0) {
          assertOldOrNew(project, "a recovery that was not halted, after " + point);
          break;
        }
        assertEquals(CrashPoint.HALTED, code, TestFiles.read(work.resolve(name + ".log")));
        halts++;
        recover(project);
        assertOldOrNew(project, "recovery halted at " + again + " after a halt at " + point);
        assertNextRunSucceeds(project, "after recovery halted at " + again);
      }
    }
    assertTrue(halts >= 3, "only " + halts + " recoveries halted");
  }

  @Test
  void aRunKilledAtRandomMomentsIsFinishedOrUndoneByTheNext() throws Exception {
    Random random = new Random(14);
    for (int run = 0; run < 6; run++) {
      Path project = oldCopy("kill-" + run);
      List<String> command = Projects.java("dev.apionly.cli.Main");
      command.addAll(
          List.of("generate", project.resolve("specs").toString(), "--out", project.toString()));
      Process process = Projects.start(command, work.resolve("kill-" + run + ".log"));
      Thread.sleep(250 + random.nextInt(600));
      process.destroyForcibly(); // SIGKILL
      Projects.exitCode(process);
      recover(project);
      assertOldOrNew(project, "killed run " + run);
      assertNextRunSucceeds(project, "after killed run " + run);
    }
  }

  @Test
  void twoWritersAtOnceLeaveTheNewProject() throws IOException {
    for (int pair = 0; pair < 20; pair++) {
      Path project = oldCopy("writers-" + pair);
      List<String> command = Projects.java(WriterProcess.class.getName());
      command.addAll(List.of(project.toString(), after.toString()));
      runPair(project, "writers-" + pair, command);
    }
  }

  @Test
  void twoGenerateCommandsAtOnceLeaveTheNewProjectAndClearMessages() throws IOException {
    for (int pair = 0; pair < 3; pair++) {
      Path project = oldCopy("pair-" + pair);
      List<String> command = Projects.java("dev.apionly.cli.Main");
      command.addAll(
          List.of("generate", project.resolve("specs").toString(), "--out", project.toString()));
      runPair(project, "pair-" + pair, command);
    }
  }

  /**
   * Runs {@code command} twice at once: each run finishes, or stops naming the other (exit 2); the
   * project ends exactly new, with no lock or run left behind.
   */
  private static void runPair(Path project, String name, List<String> command) {
    List<Process> processes = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      processes.add(Projects.start(command, work.resolve(name + "-" + i + ".log")));
    }
    for (int i = 0; i < 2; i++) {
      int code = Projects.exitCode(processes.get(i));
      String log = TestFiles.read(work.resolve(name + "-" + i + ".log"));
      assertFalse(log.contains("internal error") || log.contains("Exception"), log);
      assertTrue(
          code == 0 || (code == 2 && log.contains("another apionly run is writing")),
          name + ": exit " + code + "\n" + log);
    }
    assertEquals(newState, Projects.state(project), name);
  }
}
