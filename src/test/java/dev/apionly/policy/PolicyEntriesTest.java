package dev.apionly.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apionly.Cli;
import dev.apionly.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The org's policy file itself: entries that name nothing, allows that allow nothing, conflicts,
 * wildcards over every object; and lint's machine formats when a file cannot be read.
 */
class PolicyEntriesTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  private Cli.Run lint(String config, String spec, String... flags) {
    TestFiles.write(dir.resolve("specs/apionly.yaml"), config);
    TestFiles.write(dir.resolve("specs/a.yaml"), "name: A\nowner: o@acme.example\n" + spec);
    String[] args = new String[flags.length + 2];
    args[0] = "lint";
    System.arraycopy(flags, 0, args, 1, flags.length);
    args[args.length - 1] = dir.resolve("specs").toString();
    return Cli.run(args);
  }

  @Test
  void aMisspeltForbidEntryIsReportedWithTheNearestName() {
    Cli.Run run =
        lint(
            "policy:\n  forbid: [ModifyAlData, \"*.modifyAl\"]\n",
            "objects:\n  Account: { access: read }\n");
    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(
        run.out()
            .contains(
                "apionly.yaml:2:12: warning: policy.forbid entry 'ModifyAlData' names no known user"
                    + " permission, object verb or grant of these specs (did you mean"
                    + " 'ModifyAllData'?)"),
        run.out());
    assertTrue(run.out().contains("(did you mean '*.modifyAll'?)"), run.out());
    assertTrue(run.out().contains("[unknown-policy-entry]"), run.out());
  }

  @Test
  void entriesForCustomGrantsObjectVerbsAndFieldsAreAccepted() {
    Cli.Run run =
        lint(
            "policy:\n  forbid: [Contact.delete, Account.Phone.edit, Bypass_Validation]\n"
                + "  levels: { \"*.viewAll\": critical, Order_Sync: high }\n",
            "apexClasses: [Order_Sync]\ncustomPermissions: [Bypass_Validation]\n"
                + "objects:\n  Account: { access: read }\n");
    assertFalse(run.out().contains("unknown-policy-entry"), run.out());
  }

  @Test
  void aForbiddenCustomPermissionIsRefused() {
    Cli.Run run =
        lint(
            "policy:\n  forbid: [Bypass_Validation]\n", "customPermissions: [Bypass_Validation]\n");
    assertEquals(1, run.exitCode(), run.toString());
    assertTrue(
        run.out().contains("a.yaml:3:21: error: custom permission Bypass_Validation is forbidden"),
        run.out());
  }

  @Test
  void aWildcardForbidsAVerbOnEveryObjectEvenWhenImplied() {
    Cli.Run run =
        lint(
            "policy:\n  forbid: [\"*.viewAll\"]\n",
            "objects:\n  Case:\n    access: [modifyAll]\n    justification: Archive job.\n");
    assertEquals(1, run.exitCode(), run.toString());
    assertTrue(
        run.out().contains("object Case.viewAll is forbidden by policy.forbid in apionly.yaml"),
        run.out());
    assertTrue(run.out().contains("('*.viewAll' at "), run.out());
  }

  @Test
  void aWildcardLevelMakesEveryDeleteCritical() {
    Cli.Run run =
        lint(
            "policy:\n  levels: { \"*.delete\": critical }\n",
            "objects:\n  Case:\n    access: [delete]\n    justification: Purges spam.\n");
    assertEquals(1, run.exitCode(), run.toString());
    assertTrue(run.out().contains("critical grant object Case.delete is not allowed"), run.out());
  }

  @Test
  void anAllowForAGrantThatIsNotCriticalHasNoEffect() {
    Cli.Run run = lint("policy:\n  allowCritical: [ViewSetup, ViewAllData]\n", "");
    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(
        run.out()
            .contains(
                "apionly.yaml:2:19: warning: policy.allowCritical lists 'ViewSetup', which is"
                    + " high, not critical, here"),
        run.out());
    assertTrue(run.out().contains("[allow-not-critical]"), run.out());
    assertFalse(run.out().contains("'ViewAllData', which"), run.out());
  }

  @Test
  void forbidWinsOverAllowAndSaysSo() {
    Cli.Run run =
        lint(
            "policy:\n  allowCritical: [ViewAllData]\n  forbid: [ViewAllData]\n",
            "userPermissions:\n  - name: ViewAllData\n    justification: Nightly extract.\n");
    assertEquals(1, run.exitCode(), run.toString());
    assertTrue(run.out().contains("[policy-conflict]"), run.out());
    assertTrue(run.out().contains("[forbidden-grant]"), run.out());
    assertFalse(run.out().contains("[critical-not-allowed]"), run.out());
  }

  @Test
  void impliedCriticalGrantsNeedTheOrgsAllowToo() {
    Cli.Run run =
        lint(
            "policy:\n  allowCritical: [ModifyAllData]\n",
            "userPermissions:\n  - name: ModifyAllData\n    justification: Data migration.\n");
    assertEquals(1, run.exitCode(), run.toString());
    assertTrue(
        run.out().contains("critical grant user permission ViewAllData is not allowed"), run.out());
  }

  @Test
  void badInputIsAFindingInJsonAndSarifAndExitsTwo() throws Exception {
    TestFiles.write(dir.resolve("specs/b.yaml"), "name: B\nowner: o@acme.example\nobjcts: {}\n");
    for (String format : new String[] {"json", "sarif"}) {
      Cli.Run run = lint("policy:\n  forbid: []\n", "", "--format", format);
      assertEquals(2, run.exitCode(), run.toString());
      JsonNode root = JSON.readTree(run.out());
      String text = root.toString();
      assertTrue(text.contains("bad-input"), text);
      assertTrue(text.contains("unknown key 'objcts'"), text);
      assertFalse(run.err().contains("\tat "), run.err());
    }
    Cli.Run text = lint("policy:\n  forbid: []\n", "");
    assertEquals(2, text.exitCode(), text.toString());
    assertTrue(text.err().contains("b.yaml:3:1: error: unknown key 'objcts'"), text.err());
  }

  @Test
  void sarifNamesFilesAsUrisWithSecuritySeverities() throws Exception {
    Files.createDirectories(dir.resolve("specs/with space"));
    TestFiles.write(
        dir.resolve("specs/with space/c.yaml"),
        "name: C\nowner: o@acme.example\nobjects:\n  Account: { access: delete }\n");
    Cli.Run run = lint("policy:\n  forbid: []\n", "", "--format", "sarif");
    assertEquals(1, run.exitCode(), run.toString());
    JsonNode runNode = JSON.readTree(run.out()).path("runs").get(0);
    boolean found = false;
    for (JsonNode result : runNode.path("results")) {
      String uri =
          result
              .path("locations")
              .get(0)
              .path("physicalLocation")
              .path("artifactLocation")
              .path("uri")
              .asText();
      assertFalse(uri.contains(" "), uri);
      // the temporary directory is outside the working directory: an absolute file URI
      assertTrue(uri.startsWith("file:/"), uri);
      found |= uri.endsWith("/with%20space/c.yaml");
    }
    assertTrue(found, run.out());
    for (JsonNode rule : runNode.path("tool").path("driver").path("rules")) {
      String id = rule.path("id").asText();
      JsonNode properties = rule.path("properties");
      assertTrue(properties.path("tags").toString().contains("security"), id);
      if (!rule.path("defaultConfiguration").path("level").asText().equals("note")) {
        double severity = Double.parseDouble(properties.path("security-severity").asText());
        assertTrue(severity > 0 && severity <= 10, id);
      }
    }
  }

  @Test
  void sarifPathsBelowTheWorkingDirectoryAreRelativeToTheSourceRoot() throws Exception {
    Path examples = TestFiles.repository().resolve("src/test/resources/policy-violations");
    Path relative = Path.of("").toAbsolutePath().relativize(examples);
    Cli.Run run = Cli.run("lint", "--format", "sarif", relative.toString());
    JsonNode result = JSON.readTree(run.out()).path("runs").get(0).path("results").get(0);
    JsonNode artifact =
        result.path("locations").get(0).path("physicalLocation").path("artifactLocation");
    assertEquals("%SRCROOT%", artifact.path("uriBaseId").asText(), run.out());
    assertTrue(
        artifact.path("uri").asText().startsWith("src/test/resources/policy-violations/"),
        run.out());
  }

  /** Salesforce ignores case in API names, so every policy entry and grant is matched so too. */
  @Test
  void policyEntriesMatchGrantsWhateverTheirCase() {
    Cli.Run forbidden =
        lint(
            "policy:\n  forbid: [modifyalldata, \"account.DELETE\"]\n",
            "objects:\n  ACCOUNT: { access: delete, justification: Purge. }\n"
                + "userPermissions:\n  - { name: ModifyAllData, justification: Migration. }\n");
    assertEquals(1, forbidden.exitCode(), forbidden.toString());
    assertTrue(
        forbidden.out().contains("object ACCOUNT.delete is forbidden by policy.forbid"),
        forbidden.out());
    assertTrue(
        forbidden.out().contains("user permission ModifyAllData is forbidden by policy.forbid"),
        forbidden.out());
    assertFalse(forbidden.out().contains("unknown-policy-entry"), forbidden.out());

    Cli.Run lowered =
        lint(
            "policy:\n  levels: { viewsetup: low, \"*.DELETE\": medium }\n",
            "objects:\n  Case: { access: delete }\nuserPermissions: [viewsetup]\n");
    assertEquals(0, lowered.exitCode(), lowered.toString());
    assertFalse(lowered.out().contains("missing-justification"), lowered.out());

    Cli.Run critical =
        lint(
            "policy:\n  allowCritical: [viewalldata]\n",
            "userPermissions:\n" + "  - { name: VIEWALLDATA, justification: Reads everything. }\n");
    assertEquals(0, critical.exitCode(), critical.toString());
  }
}
