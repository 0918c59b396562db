package dev.apionly.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apionly.Cli;
import dev.apionly.TestFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * apionly changes only what it wrote, removes what it no longer writes, and writes all or nothing.
 */
class OwnershipTest {

  private static final String PS = "force-app/main/default/permissionsets/";

  @TempDir Path project;

  @BeforeEach
  void project() {
    TestFiles.sfdxProject(project);
    spec("a.yaml", "Alpha_Sync", "Account");
    spec("b.yaml", "Beta_Sync", "Contact");
  }

  private void spec(String file, String name, String object) {
    TestFiles.write(
        project.resolve("specs/" + file),
        "name: "
            + name
            + "\nowner: o@acme.example\nobjects:\n  "
            + object
            + ":\n    access: read\n");
  }

  private Cli.Run generate(String... inputs) {
    String[] args = new String[inputs.length + 3];
    args[0] = "generate";
    for (int i = 0; i < inputs.length; i++) {
      args[i + 1] = project.resolve(inputs[i]).toString();
    }
    args[inputs.length + 1] = "--out";
    args[inputs.length + 2] = project.toString();
    return Cli.run(args);
  }

  @Test
  void refusesToOverwriteAFileItDidNotWrite() {
    TestFiles.write(project.resolve(PS + "Alpha_Sync.permissionset-meta.xml"), "mine\n");
    Map<String, String> before = TestFiles.tree(project);
    Cli.Run run = generate("specs");
    assertEquals(2, run.exitCode(), run.toString());
    assertTrue(
        run.err()
            .contains(
                "Alpha_Sync.permissionset-meta.xml: error: exists but was not written by apionly"),
        run.err());
    assertTrue(run.err().contains("nothing was written"), run.err());
    assertEquals(before, TestFiles.tree(project));
  }

  @Test
  void refusesToOverwriteAHandEdit() {
    assertEquals(0, generate("specs").exitCode());
    Path file = project.resolve(PS + "Alpha_Sync.permissionset-meta.xml");
    TestFiles.write(file, TestFiles.read(file).replace("<allowRead>true", "<allowRead>false"));
    spec("a.yaml", "Alpha_Sync", "Lead");
    Map<String, String> before = TestFiles.tree(project);
    Cli.Run run = generate("specs");
    assertEquals(2, run.exitCode(), run.toString());
    assertTrue(run.err().contains("was edited since apionly wrote it"), run.err());
    assertEquals(before, TestFiles.tree(project));
  }

  @Test
  void removesTheFilesOfADeletedSpec() throws IOException {
    assertEquals(0, generate("specs").exitCode());
    Files.delete(project.resolve("specs/b.yaml"));
    Cli.Run run = generate("specs");
    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(run.out().contains("delete " + PS + "Beta_Sync.permissionset-meta.xml"), run.out());
    assertFalse(Files.exists(project.resolve(PS + "Beta_Sync.permissionset-meta.xml")));
    assertFalse(TestFiles.read(project.resolve("manifest/package.xml")).contains("Beta_Sync"));
    assertFalse(TestFiles.read(project.resolve(StateFile.PATH)).contains("Beta_Sync"));
  }

  @Test
  void removesTheFilesOfARenamedIntegration() {
    assertEquals(0, generate("specs").exitCode());
    spec("b.yaml", "Gamma_Sync", "Contact");
    assertEquals(0, generate("specs").exitCode());
    assertFalse(Files.exists(project.resolve(PS + "Beta_Sync.permissionset-meta.xml")));
    assertTrue(Files.exists(project.resolve(PS + "Gamma_Sync.permissionset-meta.xml")));
  }

  @Test
  void removesEmptiedDirectories() throws IOException {
    TestFiles.write(
        project.resolve("specs/u.yaml"),
        "name: User_Sync\nowner: o@acme.example\nuser:\n  username: u@acme.example.integration\n"
            + "  email: u@acme.example\n");
    assertEquals(0, generate("specs").exitCode());
    assertTrue(Files.isDirectory(project.resolve("config/users")));
    Files.delete(project.resolve("specs/u.yaml"));
    assertEquals(0, generate("specs").exitCode());
    assertFalse(Files.exists(project.resolve("config")));
    assertFalse(Files.exists(project.resolve("scripts")));
  }

  @Test
  void keepsIntegrationsOutsideTheRun() {
    assertEquals(0, generate("specs").exitCode());
    Cli.Run run = generate("specs/a.yaml");
    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(Files.exists(project.resolve(PS + "Beta_Sync.permissionset-meta.xml")));
    assertTrue(TestFiles.read(project.resolve("manifest/package.xml")).contains("Beta_Sync"));
    assertTrue(run.out().contains("nothing changed"), run.out());
  }

  /**
   * A spec outside the run that names the loaded integration in another letter case names the same
   * component: its files are not kept beside the loaded one's, so the manifest lists it once.
   */
  @Test
  void anIntegrationOutsideTheRunInAnotherCaseIsNotKeptTwice() {
    assertEquals(0, generate("specs").exitCode());
    TestFiles.write(
        project.resolve("other/beta.yaml"),
        "name: BETA_SYNC\nowner: o@acme.example\nobjects:\n  Contact:\n    access: read\n");
    Cli.Run run = generate("other");
    assertEquals(0, run.exitCode(), run.toString());
    String manifest = TestFiles.read(project.resolve("manifest/package.xml"));
    assertTrue(manifest.contains("<members>BETA_SYNC</members>"), manifest);
    assertFalse(manifest.contains("<members>Beta_Sync</members>"), manifest);
  }

  @Test
  void oneBadSpecMeansNothingIsWritten() {
    TestFiles.write(project.resolve("specs/c.yaml"), "name: Bad__Name\nowner: o\n");
    Cli.Run run = generate("specs");
    assertEquals(2, run.exitCode());
    assertFalse(Files.exists(project.resolve("force-app")));
    assertFalse(Files.exists(project.resolve(StateFile.PATH)));
  }

  @Test
  void checkReportsDriftAndWritesNothing() {
    Map<String, String> before = TestFiles.tree(project);
    Cli.Run run =
        Cli.run(
            "generate",
            "--check",
            project.resolve("specs").toString(),
            "--out",
            project.toString());
    assertEquals(1, run.exitCode(), run.toString());
    assertTrue(
        run.out().contains("would create " + PS + "Alpha_Sync.permissionset-meta.xml"), run.out());
    assertEquals(before, TestFiles.tree(project));
  }

  @Test
  void aFailedWriteRestoresEverything() throws IOException {
    TestFiles.write(project.resolve("kept.txt"), "old\n");
    TestFiles.write(project.resolve("blocker"), "a file where a directory is needed\n");
    Map<String, String> before = TestFiles.tree(project);
    Plan plan =
        new Plan(
            project,
            List.of(
                new Change(Change.Kind.UPDATE, "kept.txt", bytes("old\n"), bytes("new\n")),
                new Change(Change.Kind.CREATE, "fresh/a.txt", null, bytes("a\n")),
                new Change(Change.Kind.CREATE, "blocker/b.txt", null, bytes("b\n"))));
    assertThrows(IOException.class, () -> ProjectWriter.apply(plan));
    assertEquals(before, TestFiles.tree(project));
    assertFalse(Files.exists(project.resolve("fresh")));
  }

  /**
   * An integration renamed in letter case only, on a filesystem that ignores case (macOS's and
   * Windows' defaults), where the new name reaches the file written under the old one. Here a hard
   * link stands for that second name: one file, two spellings. The run renames apionly's own files
   * (the old name deleted, the new one written) instead of calling them the user's, adopting them,
   * or deleting the one file after writing it.
   */
  @Test
  void anIntegrationRenamedInCaseWhereTheFilesystemIgnoresCase() throws IOException {
    TestFiles.write(
        project.resolve("specs/a.yaml"),
        "name: Alpha_Sync\nowner: o@acme.example\nobjects:\n  Account:\n    access: read\n"
            + "user:\n  username: alpha@acme.example.integration\n  email: o@acme.example\n");
    assertEquals(0, generate("specs").exitCode());
    List<String> renamed =
        List.of(
            PS + "%s.permissionset-meta.xml",
            "force-app/main/default/permissionsetgroups/%s.permissionsetgroup-meta.xml",
            "force-app/main/default/useraccesspolicies/%s.useraccesspolicy-meta.xml",
            "config/users/%s-user-def.json",
            "scripts/apex/provision-%s.apex");
    for (String path : renamed) {
      Files.createLink(
          project.resolve(String.format(path, "ALPHA_Sync")),
          project.resolve(String.format(path, "Alpha_Sync")));
    }
    TestFiles.write(
        project.resolve("specs/a.yaml"),
        TestFiles.read(project.resolve("specs/a.yaml"))
            .replace("name: Alpha_Sync", "name: ALPHA_Sync"));

    Cli.Run run = generate("specs");
    assertEquals(0, run.exitCode(), run.toString());
    assertFalse(run.err().contains("adopted"), run.err());
    Map<String, String> after = TestFiles.tree(project);
    for (String path : renamed) {
      String now = String.format(path, "ALPHA_Sync");
      assertTrue(run.out().contains("create " + now), run.out());
      assertTrue(run.out().contains("delete " + String.format(path, "Alpha_Sync")), run.out());
      assertTrue(after.containsKey(now), now + " in " + after.keySet());
      assertFalse(after.containsKey(String.format(path, "Alpha_Sync")), after.keySet().toString());
    }
    assertTrue(after.get(String.format(renamed.get(0), "ALPHA_Sync")).contains("ALPHA"));
    String state = after.get(StateFile.PATH);
    assertTrue(state.contains("ALPHA_Sync.permissionset-meta.xml"), state);
    assertFalse(state.contains("Alpha_Sync"), state);
    Cli.Run check =
        Cli.run(
            "generate",
            project.resolve("specs").toString(),
            "--out",
            project.toString(),
            "--check");
    assertEquals(0, check.exitCode(), check.toString());
  }

  /**
   * A second name in another case for a file apionly wrote, edited since: still refused as a hand
   * edit, nothing written.
   */
  @Test
  void aFileRenamedInCaseAndEditedIsStillRefused() throws IOException {
    assertEquals(0, generate("specs").exitCode());
    Path old = project.resolve(PS + "Alpha_Sync.permissionset-meta.xml");
    Files.createLink(project.resolve(PS + "ALPHA_Sync.permissionset-meta.xml"), old);
    Files.writeString(
        old, Files.readString(old).replace("</PermissionSet>", "<!-- x --></PermissionSet>"));
    spec("a.yaml", "ALPHA_Sync", "Account");
    Map<String, String> before = TestFiles.tree(project);

    Cli.Run run = generate("specs");
    assertEquals(2, run.exitCode(), run.toString());
    assertTrue(run.err().contains("was edited since apionly wrote it"), run.err());
    assertEquals(before, TestFiles.tree(project));
  }

  private static byte[] bytes(String text) {
    return text.getBytes(StandardCharsets.UTF_8);
  }
}
