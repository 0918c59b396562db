package dev.apionly.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apionly.Cli;
import dev.apionly.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A forged state file, symbolic links, odd file names, a held lock and a user's own staging-like
 * files: apionly refuses with exit 2 naming the cause, and changes nothing, inside the project or
 * out of it.
 */
class HostileFilesTest {

  private static final String PS = "force-app/main/default/permissionsets/";

  @TempDir Path project;
  @TempDir Path outside;

  @BeforeEach
  void generated() {
    TestFiles.sfdxProject(project);
    TestFiles.write(
        project.resolve("specs/a.yaml"),
        "name: Alpha_Sync\nowner: o@acme.example\nobjects:\n  Account:\n    access: read\n");
    TestFiles.write(
        project.resolve("specs/u.yaml"),
        "name: User_Sync\nowner: o@acme.example\nuser:\n  username: u@acme.example.integration\n"
            + "  email: u@acme.example\n");
    TestFiles.write(project.resolve("README.md"), "# mine\n");
    TestFiles.write(project.resolve(".github/workflows/ci.yml"), "on: push\n");
    assertEquals(0, generate().exitCode());
  }

  private Cli.Run generate() {
    return Cli.run("generate", project.resolve("specs").toString(), "--out", project.toString());
  }

  private void forge(String path, String contentOf) {
    String sha = StateFile.sha256(TestFiles.read(project.resolve(contentOf)).getBytes());
    Path state = project.resolve(StateFile.PATH);
    TestFiles.write(
        state, TestFiles.read(state) + path + "\tAlpha_Sync\tspecs/a.yaml\t" + sha + "\n");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "README.md",
        ".github/workflows/ci.yml",
        "specs/a.yaml",
        "sfdx-project.json",
        "force-app/main/default/permissionsets/../../../../sfdx-project.json",
        "force-app/main/default/permissionsets/./Alpha_Sync.permissionset-meta.xml",
        "/etc/hostname",
        "../outside.txt",
        "force-app\\main\\default\\permissionsets\\X.permissionset-meta.xml",
        "force-app/main/default/permissionsets/X\u0000.permissionset-meta.xml",
        "force-app/main/default/permissionsets/Alpha_Sync.permissionset-meta.xml\tx",
      })
  void aForgedStateLineIsRefusedAndDeletesNothing(String path) {
    String victim =
        path.contains("ci.yml")
            ? ".github/workflows/ci.yml"
            : path.contains("specs")
                ? "specs/a.yaml"
                : path.contains("sfdx") ? "sfdx-project.json" : "README.md";
    forge(path, victim);
    int line = TestFiles.read(project.resolve(StateFile.PATH)).split("\n").length;
    Map<String, String> before = TestFiles.tree(project);
    Cli.Run run = generate();
    assertEquals(2, run.exitCode(), run.toString());
    assertTrue(run.err().contains("generated.tsv:" + line + ":"), run.err());
    assertFalse(run.err().contains("internal error"), run.err());
    assertEquals(before, TestFiles.tree(project));
  }

  @Test
  void aSpecNameWithATabOrNewlineIsRefusedBeforeItReachesTheStateFile() throws IOException {
    for (String name : List.of("tab\there.yaml", "line\nbreak.yaml")) {
      TestFiles.write(
          project.resolve("specs/" + name),
          "name: Other_Sync\nowner: o@acme.example\nobjects:\n  Lead:\n    access: read\n");
      Map<String, String> before = TestFiles.tree(project);
      Cli.Run run = generate();
      assertEquals(2, run.exitCode(), run.toString());
      assertTrue(run.err().contains("control character U+000"), run.err());
      assertEquals(before, TestFiles.tree(project));
      Files.delete(project.resolve("specs/" + name));
    }
  }

  @Test
  void aSpecColumnWithControlCharactersIsEscapedInTheStateFile() {
    String spec = "specs/odd\\name\t\n.yaml";
    String text =
        StateFile.format(
            List.of(
                new StateFile.Entry(
                    PS + "A.permissionset-meta.xml",
                    Optional.of(new Owner("A", spec)),
                    "0".repeat(64))));
    assertEquals(3, text.split("\n").length, text);
    assertEquals(spec, StateFile.unescape(StateFile.escape(spec)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"force-app", ".apionly", "config", "scripts", "manifest", PS})
  void aSymbolicLinkOnTheWayOutIsRefusedAndNothingOutsideChanges(String directory)
      throws IOException {
    Path link = project.resolve(directory);
    Path target = outside.resolve("moved");
    Files.move(link, target);
    Files.createSymbolicLink(link, target);
    Map<String, String> outsideBefore = TestFiles.tree(outside);
    Files.delete(project.resolve("specs/u.yaml")); // deletes under config/ and scripts/
    TestFiles.write(
        project.resolve("specs/a.yaml"),
        "name: Alpha_Sync\nowner: o@acme.example\nobjects:\n  Lead:\n    access: read\n");
    Cli.Run run = generate();
    assertEquals(2, run.exitCode(), run.toString());
    assertTrue(run.err().contains("is a symbolic link pointing outside the project"), run.err());
    assertTrue(run.err().contains(directory.replaceAll("/$", "")), run.err());
    assertEquals(outsideBefore, TestFiles.tree(outside));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        PS + "Alpha_Sync.permissionset-meta.xml",
        "force-app/package.xml",
        "FORCE-APP/main/package.xml",
        ".apionly/package.xml",
        ".APIONLY/pending/new/package.xml",
        "manifest/destructiveChanges.xml",
        "manifest/apionly-destructiveChanges.xml",
        "Manifest/DestructiveChanges.XML",
      })
  void aConfiguredManifestCannotTakeTheSeatOfAnotherFile(String manifest) {
    TestFiles.write(
        project.resolve("sfdx-project.json"),
        "{\"packageDirectories\": [{\"path\": \"force-app\", \"default\": true}],\n"
            + "\"plugins\": {\"apionly\": {\"manifest\": \""
            + manifest
            + "\"}}}\n");
    Map<String, String> before = TestFiles.tree(project);
    Cli.Run run = generate();
    assertEquals(2, run.exitCode(), run.toString());
    assertTrue(
        run.err().contains("sfdx-project.json:2:37: error: plugins.apionly.manifest"), run.err());
    assertFalse(run.err().contains("internal error"), run.err());
    assertEquals(before, TestFiles.tree(project));
  }

  @Test
  void aSpecsDirectoryThatIsASymbolicLinkIsRefusedNotReadAsEmpty() throws IOException {
    Path specs = project.resolve("specs");
    Files.move(specs, outside.resolve("specs"));
    Files.createSymbolicLink(specs, outside.resolve("specs"));
    Map<String, String> before = TestFiles.tree(project);
    Cli.Run run = generate();
    assertEquals(2, run.exitCode(), run.toString());
    assertTrue(run.err().contains("specs: error: is a symbolic link to a directory"), run.err());
    assertEquals(before, TestFiles.tree(project));
  }

  @Test
  void aLinkedFolderAmongTheSpecsIsRefusedNotPassedOver() throws IOException {
    Files.createDirectories(outside.resolve("team"));
    Files.move(project.resolve("specs/u.yaml"), outside.resolve("team/u.yaml"));
    Files.createSymbolicLink(project.resolve("specs/team"), outside.resolve("team"));
    Map<String, String> before = TestFiles.tree(project);
    Cli.Run run = generate();
    assertEquals(2, run.exitCode(), run.toString());
    assertTrue(
        run.err().contains("specs/team: error: is a symbolic link to a directory"), run.err());
    assertEquals(before, TestFiles.tree(project));
  }

  /**
   * A file of the user's whose name is a generated one's but for letter case: Salesforce would
   * deploy both as one component, so generate refuses rather than writing the twin beside it.
   */
  @Test
  void aFileThatDiffersOnlyInLetterCaseIsNeverTwinned() throws Exception {
    Path sets = project.resolve("force-app/main/default/permissionsets");
    Path generated = sets.resolve("Alpha_Sync.permissionset-meta.xml");
    Path users = sets.resolve("alpha_sync.permissionset-meta.xml");
    Files.move(generated, users);
    Files.writeString(
        users,
        TestFiles.read(users)
            .replace("<allowEdit>false</allowEdit>", "<allowEdit>true</allowEdit>"));
    TestFiles.deleteTree(project.resolve(".apionly"));
    Map<String, String> before = TestFiles.tree(project);

    Cli.Run run = generate();

    assertEquals(2, run.exitCode(), run.toString());
    assertTrue(
        run.err()
            .contains(
                "alpha_sync.permissionset-meta.xml: error: is yours, and has the name of"
                    + " force-app/main/default/permissionsets/Alpha_Sync.permissionset-meta.xml"
                    + " but for letter case"),
        run.err());
    assertEquals(before, TestFiles.tree(project), "nothing written");
  }

  @Test
  void aNameFromTheRepositoryCannotWriteToTheTerminal() {
    for (String name : List.of("Invo\u001be__c", "Invo\u009be__c", "Invo\u202ee__c")) {
      Path folder = project.resolve("force-app/main/default/objects/" + name);
      TestFiles.write(
          folder.resolve(name + ".object-meta.xml"),
          "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
              + "<CustomObject xmlns=\"http://soap.sforce.com/2006/04/metadata\"/>\n");
    }
    TestFiles.write(
        project.resolve("specs/a.yaml"),
        "name: Alpha_Sync\nowner: o@acme.example\nobjects:\n  Invoxe__c:\n    access: read\n");
    Cli.Run run = Cli.runIn(project, "validate", "specs");
    assertEquals(1, run.exitCode(), run.toString());
    assertTrue(run.err().contains("did you mean 'Invo\uFFFDe__c'"), run.err());
    assertFalse(run.err().chars().anyMatch(c -> Character.isISOControl(c) && c != '\n'), run.err());
    assertFalse(run.err().contains("\u202e"), run.err());
  }

  @Test
  void aSpecLinkedToAFileOutsideIsNeitherReadNorQuoted() throws IOException {
    Path secret = outside.resolve("secret.yaml");
    TestFiles.write(secret, "name: Sneaky\npassword: hunter2-very-secret\n");
    Files.createSymbolicLink(project.resolve("specs/sneaky.yaml"), secret);
    Cli.Run run = generate();
    assertEquals(2, run.exitCode(), run.toString());
    assertTrue(
        run.err().contains("sneaky.yaml: error: is a symbolic link to a file outside"), run.err());
    assertFalse(run.err().contains("hunter2"), run.err());
    Cli.Run lint = Cli.run("lint", project.resolve("specs/sneaky.yaml").toString());
    assertEquals(2, lint.exitCode(), lint.toString());
    assertFalse(lint.err().contains("hunter2"), lint.err());
  }

  @Test
  void aFifoGivenAsTheSpecIsNamedForWhatItIs() throws Exception {
    Path fifo = project.resolve("specs/pipe.yaml");
    assertEquals(0, new ProcessBuilder("mkfifo", fifo.toString()).start().waitFor());
    Cli.Run run = Cli.run("lint", fifo.toString());
    assertEquals(2, run.exitCode(), run.toString());
    assertTrue(run.err().contains("is a named pipe (FIFO), not a regular file"), run.err());
  }

  @Test
  void aUsersOwnStagingNamedFilesSurviveAFailedRun() {
    TestFiles.write(project.resolve(PS + "notes.apionly-new"), "mine\n");
    TestFiles.write(project.resolve("docs/draft.apionly-new"), "mine too\n");
    TestFiles.write(project.resolve(PS + "Alpha_Sync.permissionset-meta.xml"), "hand edit\n");
    TestFiles.write(
        project.resolve("specs/a.yaml"),
        "name: Alpha_Sync\nowner: o@acme.example\nobjects:\n  Lead:\n    access: read\n");
    assertEquals(2, generate().exitCode());
    assertEquals("mine\n", TestFiles.read(project.resolve(PS + "notes.apionly-new")));
    assertEquals("mine too\n", TestFiles.read(project.resolve("docs/draft.apionly-new")));
  }

  @Test
  void aSecondRunWaitsThenNamesTheHolder() {
    try (ProjectLock lock = ProjectLock.acquire(project)) {
      long start = System.nanoTime();
      Cli.Run run = generate();
      assertEquals(2, run.exitCode(), run.toString());
      assertTrue(
          run.err()
              .contains(
                  "another apionly run is writing this project (pid "
                      + ProcessHandle.current().pid()
                      + " on "),
          run.err());
      assertTrue(run.err().contains(", since 20"), run.err());
      assertTrue(System.nanoTime() - start >= ProjectLock.WAIT.toNanos());
    }
    assertFalse(Files.exists(project.resolve(ProjectLock.PATH)));
    assertEquals(0, generate().exitCode());
  }

  @Test
  void theLockNoteOfADeadRunIsTakenOver() {
    TestFiles.write(
        project.resolve(ProjectLock.PATH), "pid 999999 on gone, since 2020-01-01T00:00:00Z\n");
    Cli.Run run = generate();
    assertEquals(0, run.exitCode(), run.toString());
    assertFalse(Files.exists(project.resolve(ProjectLock.PATH)));
  }

  @Test
  void aForgedJournalIsRefusedAndChangesNothing() throws IOException {
    Path journal = project.resolve(".apionly/pending/journal");
    TestFiles.write(
        journal,
        "apionly journal 1\ndelete\tREADME.md\t"
            + StateFile.sha256("# mine\n".getBytes())
            + "\t-\ncommit\n");
    Map<String, String> before = TestFiles.tree(project);
    Cli.Run run = generate();
    assertEquals(2, run.exitCode(), run.toString());
    assertTrue(run.err().contains("journal:2:1: error: not a line apionly writes"), run.err());
    assertEquals(before, TestFiles.tree(project));
  }

  @Test
  void checkRefusesWhileARunIsPending() throws IOException {
    Files.createDirectories(project.resolve(".apionly/pending"));
    Cli.Run run =
        Cli.run(
            "generate",
            "--check",
            project.resolve("specs").toString(),
            "--out",
            project.toString());
    assertEquals(2, run.exitCode(), run.toString());
    assertTrue(run.err().contains("'apionly generate' finishes or undoes it"), run.err());
    Cli.Run fix = generate();
    assertEquals(0, fix.exitCode(), fix.toString());
    assertTrue(fix.err().contains("undid an interrupted run"), fix.err());
    assertFalse(Files.exists(project.resolve(".apionly/pending")));
  }
}
