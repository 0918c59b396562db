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
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code apionly lint} in its three formats, and the policy's effect on generate. */
class LintTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  @TempDir Path dir;

  @BeforeEach
  void specs() {
    TestFiles.write(
        dir.resolve("specs/apionly.yaml"),
        "policy:\n  allowCritical: [ViewAllData]\n  levels: { ViewSetup: medium }\n");
    TestFiles.write(
        dir.resolve("specs/a.yaml"),
        "name: Risky\nowner: o@acme.example\nobjects:\n  Account:\n    access: [read, delete]\n"
            + "userPermissions:\n  - ViewSetup\n  - name: ViewAllData\n"
            + "    justification: \"Imported from legacy.permissionset-meta.xml: review\"\n"
            + "  - ViewSetpu\n");
  }

  @Test
  void textNamesRuleLineAndColumn() {
    Cli.Run run = Cli.run("lint", dir.resolve("specs").toString());
    assertEquals(1, run.exitCode(), run.toString());
    assertTrue(
        run.out()
            .contains(
                "a.yaml:5:20: error: high-risk grant object Account.delete has no justification"),
        run.out());
    assertTrue(run.out().contains("[missing-justification]"), run.out());
    assertTrue(
        run.out().contains("a.yaml:9:20: warning: justification was written by import"), run.out());
    assertTrue(run.out().contains("(did you mean 'ViewSetup'?)"), run.out());
    assertTrue(run.out().contains("1 error, 2 warnings"), run.out());
    assertFalse(run.out().contains("note:"), "notes only with --verbose");
    assertTrue(
        Cli.run("lint", "-v", dir.resolve("specs").toString())
            .out()
            .contains("ViewRoles is added because ViewSetup needs it [implied-grant]"));
  }

  /** A pair Salesforce does not enforce is advice: a note at the permission, nothing added. */
  @Test
  void aPairRealSetsContradictIsANoteNotAGrant() {
    TestFiles.write(
        dir.resolve("specs/a.yaml"),
        "name: Logs\nowner: o@acme.example\nuserPermissions:\n  - name: viewEventLogFiles\n"
            + "    justification: Reads Event Monitoring logs\n");
    Cli.Run run = Cli.run("lint", "-v", dir.resolve("specs").toString());
    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(
        run.out()
            .contains(
                "a.yaml:4:11: note: ViewEventLogFiles is granted without ApiEnabled; Salesforce"
                    + " does not require it with ViewEventLogFiles, so apionly adds nothing ("),
        run.out());
    assertTrue(run.out().contains("[permission-advice]"), run.out());
    assertFalse(run.out().contains("[implied-grant]"), "nothing is added for advice");
    TestFiles.write(
        dir.resolve("specs/a.yaml"),
        "name: Logs\nowner: o@acme.example\nuserPermissions:\n  - name: ViewEventLogFiles\n"
            + "    justification: Reads Event Monitoring logs\n  - APIENABLED\n");
    Cli.Run both = Cli.run("lint", "-v", dir.resolve("specs").toString());
    assertFalse(both.out().contains("[permission-advice]"), both.out());
  }

  @Test
  void jsonListsEveryFinding() throws Exception {
    Cli.Run run = Cli.run("lint", "--format", "json", dir.resolve("specs").toString());
    assertEquals(1, run.exitCode());
    JsonNode root = JSON.readTree(run.out());
    assertEquals(1, root.path("summary").path("errors").asInt());
    Set<String> rules = new HashSet<>();
    root.path("findings").forEach(f -> rules.add(f.path("rule").asText()));
    assertEquals(
        Set.of(
            "missing-justification",
            "imported-justification",
            "unknown-user-permission",
            "implied-grant"),
        rules);
    JsonNode first = root.path("findings").get(0);
    assertTrue(first.path("file").asText().endsWith("a.yaml"));
    assertTrue(first.path("line").asInt() > 0);
  }

  @Test
  void sarifIsWhatCodeScanningReads() throws Exception {
    Cli.Run run = Cli.run("lint", "--format", "sarif", dir.resolve("specs").toString());
    assertEquals(1, run.exitCode());
    JsonNode root = JSON.readTree(run.out());
    assertEquals("2.1.0", root.path("version").asText());
    JsonNode runNode = root.path("runs").get(0);
    JsonNode rules = runNode.path("tool").path("driver").path("rules");
    assertEquals(Rule.values().length, rules.size());
    List<String> ids = new ArrayList<>();
    rules.forEach(
        r -> {
          ids.add(r.path("id").asText());
          assertFalse(r.path("help").path("text").asText().isBlank());
          assertFalse(r.path("shortDescription").path("text").asText().isBlank());
        });
    for (JsonNode result : runNode.path("results")) {
      assertEquals(result.path("ruleId").asText(), ids.get(result.path("ruleIndex").asInt()));
      assertTrue(Set.of("error", "warning", "note").contains(result.path("level").asText()));
      JsonNode location = result.path("locations").get(0).path("physicalLocation");
      assertTrue(location.path("artifactLocation").path("uri").asText().endsWith("a.yaml"));
      assertTrue(location.path("region").path("startLine").asInt() >= 1);
      assertTrue(location.path("region").path("startColumn").asInt() >= 1);
      assertFalse(result.path("message").path("text").asText().isBlank());
    }
  }

  /** One code-scanning alert per implied grant would drown the real findings. */
  @Test
  void sarifLeavesNotesOutUnlessAskedAndJsonKeepsThem() throws Exception {
    String specs = dir.resolve("specs").toString();
    Set<String> quiet = sarifLevels(Cli.run("lint", "--format", "sarif", specs));
    assertEquals(Set.of("error", "warning"), quiet);
    assertEquals(
        quiet,
        sarifLevels(Cli.run("lint", "--format", "sarif", "--verbose", specs)),
        "-v is for people");
    assertEquals(
        Set.of("error", "warning", "note"),
        sarifLevels(Cli.run("lint", "--format", "sarif", "--include-notes", specs)));
    Cli.Run text = Cli.run("lint", "--include-notes", specs);
    assertTrue(text.out().contains("note: ") && text.out().contains("[implied-grant]"), text.out());
    JsonNode json = JSON.readTree(Cli.run("lint", "--format", "json", specs).out());
    assertTrue(json.path("summary").path("notes").asInt() > 0, json.toString());
  }

  private static Set<String> sarifLevels(Cli.Run run) throws Exception {
    assertEquals(1, run.exitCode(), run.toString());
    Set<String> levels = new HashSet<>();
    JSON.readTree(run.out())
        .path("runs")
        .get(0)
        .path("results")
        .forEach(r -> levels.add(r.path("level").asText()));
    return levels;
  }

  @Test
  void generateRefusesPolicyErrorsAndWritesNothing() {
    TestFiles.sfdxProject(dir);
    Cli.Run run = Cli.run("generate", dir.resolve("specs").toString(), "--out", dir.toString());
    assertEquals(1, run.exitCode(), run.toString());
    assertTrue(run.err().contains("[missing-justification]"), run.err());
    assertFalse(Files.exists(dir.resolve("force-app")));
  }

  @Test
  void justifiedSpecsPassAndImpliedUserPermissionsAreGranted() {
    TestFiles.sfdxProject(dir);
    TestFiles.write(
        dir.resolve("specs/a.yaml"),
        "name: Fine\nowner: o@acme.example\nobjects:\n  Account:\n    access: [read, delete]\n"
            + "    justification: Removes merged duplicates.\nuserPermissions:\n  - ViewSetup\n");
    assertEquals(0, Cli.run("lint", dir.resolve("specs").toString()).exitCode());
    Cli.Run run = Cli.run("generate", dir.resolve("specs").toString(), "--out", dir.toString());
    assertEquals(0, run.exitCode(), run.toString());
    String set =
        TestFiles.read(
            dir.resolve("force-app/main/default/permissionsets/Fine.permissionset-meta.xml"));
    assertTrue(set.contains("<name>ViewRoles</name>"), set);
    assertTrue(set.contains("<allowEdit>true</allowEdit>"), "delete implies edit");
  }

  @Test
  void theExamplesPassLint() {
    Cli.Run run = Cli.run("lint", TestFiles.repository().resolve("examples").toString());
    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(run.out().contains("0 errors, 0 warnings"), run.out());
  }
}
