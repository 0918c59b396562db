package dev.apionly.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apionly.Cli;
import dev.apionly.TestFiles;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A bad spec is named before a missing or bad project: the spec is what the user is working on, and
 * lint's machine formats carry it as a finding for CI to upload.
 */
class SpecsBeforeProjectTest {

  @TempDir Path dir;

  private void badSpec() {
    TestFiles.write(dir.resolve("specs/a.yaml"), "name: Bad\nowner: o@acme.example\nobjectz: {}\n");
  }

  @Test
  void validateNamesTheSpecWithoutAProject() {
    badSpec();
    Cli.Run run = Cli.runIn(dir, "validate", "specs");
    assertEquals(2, run.exitCode(), run.toString());
    assertTrue(run.err().contains("a.yaml:3:1: error: unknown key 'objectz'"), run.err());
    assertFalse(run.err().contains("sfdx-project.json"), run.err());
  }

  @Test
  void lintSarifCarriesTheBadSpecBesideABadProject() {
    badSpec();
    TestFiles.write(dir.resolve("sfdx-project.json"), "{ not json");
    Cli.Run run = Cli.runIn(dir, "lint", "--format", "sarif", "specs");
    assertEquals(2, run.exitCode(), run.toString());
    assertTrue(run.out().contains("\"ruleId\": \"bad-input\""), run.out());
    assertTrue(run.out().contains("unknown key 'objectz'"), run.out());
  }

  @Test
  void lintSarifCarriesABadProjectAsAFinding() {
    TestFiles.write(
        dir.resolve("specs/a.yaml"),
        "name: Good\nowner: o@acme.example\nobjects:\n  Account:\n    access: read\n");
    TestFiles.write(dir.resolve("sfdx-project.json"), "{ not json");
    Cli.Run run = Cli.runIn(dir, "lint", "--format", "sarif", "specs");
    assertEquals(2, run.exitCode(), run.toString());
    assertTrue(run.out().contains("\"ruleId\": \"bad-input\""), run.out());
  }
}
