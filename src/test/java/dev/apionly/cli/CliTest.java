package dev.apionly.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apionly.Cli;
import dev.apionly.TestFiles;
import java.nio.file.Path;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command line as a user meets it: help, version, usage errors and exit codes. */
class CliTest {

  @Test
  void helpListsTheCommands() {
    Cli.Run run = Cli.run("--help");
    assertEquals(0, run.exitCode());
    assertTrue(run.out().contains("generate"), run.out());
    assertTrue(run.out().contains("Exit codes:"), run.out());
  }

  /** A run builds only the subcommand it names, under the name that command declares. */
  @Test
  void eachSubcommandIsRegisteredUnderItsOwnName() {
    Cli.Run help = Cli.run("--help");
    for (String name : Main.SUBCOMMANDS) {
      picocli.CommandLine.Command command =
          Main.subcommand(name).getClass().getAnnotation(picocli.CommandLine.Command.class);
      assertEquals(name, command.name());
      assertTrue(help.out().contains("  " + name + " "), name);
      if (!name.equals("completion")) {
        assertEquals(Set.of(name), Main.needed(name, "--help"));
      }
    }
    assertEquals(Main.SUBCOMMANDS, Main.needed("completion"));
    assertEquals(Main.SUBCOMMANDS, Main.needed("--help"));
    assertEquals(Main.SUBCOMMANDS, Main.needed("generat"));
    assertEquals(Set.of("generate"), Main.needed("generate", "x"));
  }

  @Test
  void versionComesFromTheBuild() {
    Cli.Run run = Cli.run("--version");
    assertEquals(0, run.exitCode());
    assertTrue(run.out().matches("apionly \\d+\\.\\d+\\.\\d+(-SNAPSHOT)?\\s*"), run.out());
    assertEquals(run.out(), Cli.run("generate", "--version").out());
  }

  @Test
  void usageErrorsExitTwoWithoutAStackTrace() {
    Cli.Run unknown = Cli.run("generate", "--frobnicate", "x");
    assertEquals(2, unknown.exitCode());
    assertTrue(unknown.err().contains("Unknown option: '--frobnicate'"), unknown.err());
    assertFalse(unknown.err().contains("\tat "), unknown.err());

    Cli.Run none = Cli.run();
    assertEquals(2, none.exitCode());
    assertTrue(none.err().contains("a command is required"), none.err());

    Cli.Run typo = Cli.run("generat");
    assertEquals(2, typo.exitCode());
    assertTrue(typo.err().contains("generate"), typo.err());
  }

  /** '--out .' and other paths that normalise to fewer parts name the same project. */
  @Test
  void anOutPathWithDotsIsTheProjectItNames(@TempDir Path dir) {
    TestFiles.sfdxProject(dir);
    TestFiles.write(dir.resolve("specs/s.yaml"), "name: Dots\nowner: o@acme.example\n");
    TestFiles.write(dir.resolve("sub/keep.txt"), "");
    Cli.Run run =
        Cli.run(
            "generate", dir.resolve("specs").toString(), "--out", dir.resolve("sub/..").toString());
    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(
        java.nio.file.Files.exists(
            dir.resolve("force-app/main/default/permissionsets/Dots.permissionset-meta.xml")));
  }

  @Test
  void generateWithoutAProjectSaysWhatToDo(@TempDir Path dir) {
    TestFiles.write(dir.resolve("s.yaml"), "name: A\nowner: o\n");
    Cli.Run run = Cli.run("generate", dir.resolve("s.yaml").toString(), "--out", dir.toString());
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("no sfdx-project.json in this directory"), run.err());
  }

  @Test
  void missingInputIsBadInput(@TempDir Path dir) {
    TestFiles.sfdxProject(dir);
    Cli.Run run = Cli.run("generate", dir.resolve("nope").toString(), "--out", dir.toString());
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("no such file or directory"), run.err());
  }

  @Test
  void errorsQuoteTheLineWithACaret(@TempDir Path dir) {
    TestFiles.sfdxProject(dir);
    TestFiles.write(
        dir.resolve("specs/s.yaml"),
        "name: A\nowner: o\nobjects:\n  Account:\n    access: [read, rad]\n");
    Cli.Run run = Cli.run("generate", dir.resolve("specs").toString(), "--out", dir.toString());
    assertEquals(2, run.exitCode());
    assertTrue(
        run.err().contains("s.yaml:5:20: error: unknown access 'rad' (did you mean 'read'?)"),
        run.err());
    assertTrue(run.err().contains("    access: [read, rad]\n                   ^\n"), run.err());
  }

  @Test
  void sfdxProjectApiVersionBelowUserAccessPolicies(@TempDir Path dir) {
    TestFiles.write(
        dir.resolve("sfdx-project.json"),
        "{\"packageDirectories\":[{\"path\":\"force-app\",\"default\":true}],\"sourceApiVersion\":\"56.0\"}");
    TestFiles.write(
        dir.resolve("specs/s.yaml"),
        "name: A\nowner: o\nuser:\n  username: a@b.co\n  email: a@b.co\n");
    Cli.Run run = Cli.run("generate", dir.resolve("specs").toString(), "--out", dir.toString());
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("available from API 57.0"), run.err());
  }

  @Test
  void verboseListsImpliedGrants(@TempDir Path dir) {
    TestFiles.sfdxProject(dir);
    TestFiles.write(
        dir.resolve("specs/s.yaml"),
        "name: A\nowner: o\nobjects:\n  Order:\n    access: [create]\n");
    Cli.Run run =
        Cli.run("generate", "-v", dir.resolve("specs").toString(), "--out", dir.toString());
    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(
        run.out().contains("s.yaml:5:14: note: A: Order.read implied by Order.create"), run.out());
  }

  @Test
  void theRepositoryOutputIsInSyncWithItsExamples() {
    Path repo = TestFiles.repository();
    Cli.Run run =
        Cli.run(
            "generate", "--check", repo.resolve("examples").toString(), "--out", repo.toString());
    assertEquals(0, run.exitCode(), run.toString());
  }
}
