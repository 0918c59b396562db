package dev.apionly.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apionly.Cli;
import dev.apionly.TestFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code apionly review} between two commits of the examples in a throwaway git repository.
 * Expected reports live in {@code src/test/resources/review/<case>/}; run with {@code
 * -Drecreate=true} to rewrite them, then read the git diff.
 */
class ReviewTest {

  private static final Path EXPECTED = TestFiles.repository().resolve("src/test/resources/review");

  @TempDir Path repo;

  private Path examples;

  @BeforeEach
  void commitTheExamples() {
    examples = repo.resolve("examples");
    TestFiles.copy(TestFiles.repository().resolve("examples"), examples);
    git("init", "-q", ".");
    git("config", "user.email", "review@example.invalid");
    git("config", "user.name", "review");
    git("config", "commit.gpgsign", "false");
    commit("base");
    git("tag", "base");
  }

  @Test
  void pullRequestChangesAreReportedAsMarkdownAndJson() {
    pullRequest();
    commit("head");

    Cli.Run markdown = review("--base", "base", examples.toString());
    assertEquals(0, markdown.exitCode(), markdown.toString());
    assertGolden("pull-request/review.md", markdown.out());

    Cli.Run json = review("--base", "base", "--format", "json", examples.toString());
    assertEquals(0, json.exitCode(), json.toString());
    assertGolden("pull-request/review.json", json.out());
  }

  @Test
  void theReportSaysWhatChangedAndWhy() throws IOException {
    pullRequest();
    commit("head");
    JsonNode report = json(review("--base", "base", "--format", "json", examples.toString()));

    JsonNode billing = integration(report, "Billing_Engine");
    JsonNode delete = change(billing, "object", "Payment__c");
    assertEquals("changed", delete.get("action").asText());
    assertEquals("high", delete.get("risk").asText());
    assertTrue(delete.get("widens").asBoolean());
    assertEquals(
        "Payments reversed by the billing engine are deleted.", text(delete, "justification"));
    assertEquals("[\"read\",\"create\",\"edit\"]", delete.get("before").toString());
    assertEquals("high", change(billing, "userPermission", "ViewSetup").get("risk").asText());
    assertEquals("changed", change(billing, "user", "email").get("action").asText());

    // the baseline gains Order read: every group that includes it gains it too
    JsonNode dispatch = integration(report, "Field_Service_Dispatch");
    assertTrue(
        dispatch.get("group").get("added").toString().contains("\"Order\""), dispatch.toString());
    assertEquals(
        "removed",
        change(dispatch, "muting", "field PricebookEntry.UnitPrice").get("action").asText());

    JsonNode removed = integration(report, "Warehouse_Extract");
    assertEquals("removed", removed.get("status").asText());
    // its oauth block's External Client App goes too, as destructiveChanges.xml deletes it
    assertEquals(
        List.of(
            "ExternalClientApplication",
            "ExtlClntAppGlobalOauthSettings",
            "ExtlClntAppOauthConfigurablePolicies",
            "ExtlClntAppOauthSettings",
            "PermissionSet",
            "PermissionSetGroup",
            "UserAccessPolicy"),
        types(removed.get("deletedComponents")));

    JsonNode renamed = integration(report, "Marketing_Cloud_Sync");
    assertEquals("added", renamed.get("status").asText());
    assertEquals("Marketing_Automation_Sync", renamed.get("renamedFrom").asText());

    JsonNode partner = integration(report, "Partner_Feed");
    assertEquals("high", change(partner, "oauth", "client").get("risk").asText());

    assertEquals(
        "[{\"integration\":\"Support_Desk_Bridge\",\"from\":\"examples/support-desk-bridge.yaml\","
            + "\"to\":\"examples/support/desk.yaml\"}]",
        report.get("moves").toString());
    for (JsonNode integration : report.get("integrations")) {
      assertFalse(integration.get("name").asText().equals("ERP_Order_Sync"), "reorder only");
      assertFalse(integration.get("name").asText().equals("Support_Desk_Bridge"), "moved only");
    }
  }

  @Test
  void theJsonHasExactlyTheKeysItsSchemaRequires() throws IOException {
    pullRequest();
    commit("head");
    JsonNode report = json(review("--base", "base", "--format", "json", examples.toString()));
    JsonNode schema;
    try (var in = ReviewJson.class.getResourceAsStream("review.schema.json")) {
      schema = new ObjectMapper().readTree(in);
    }
    JsonNode defs = schema.get("$defs");
    assertKeys(schema, report);
    assertKeys(schema.get("properties").get("summary"), report.get("summary"));
    for (JsonNode integration : report.get("integrations")) {
      assertKeys(defs.get("integration"), integration);
      integration.get("changes").forEach(c -> assertKeys(defs.get("change"), c));
      JsonNode group = defs.get("integration").get("properties").get("group").get("oneOf").get(1);
      assertKeys(group, integration.get("group"));
      integration.get("group").get("effective").forEach(g -> assertKeys(defs.get("grant"), g));
      integration.get("deletedComponents").forEach(c -> assertKeys(defs.get("component"), c));
    }
  }

  private static void assertKeys(JsonNode schema, JsonNode node) {
    List<String> required = new ArrayList<>();
    schema.get("required").forEach(r -> required.add(r.asText()));
    List<String> actual = new ArrayList<>();
    node.fieldNames().forEachRemaining(actual::add);
    assertEquals(required, actual, node.toString());
  }

  @Test
  void theGateTripsOnNewAccessAtOrAboveItsLevel() {
    pullRequest();
    commit("head");
    Cli.Run high = review("--base", "base", "--fail-on", "high", examples.toString());
    assertEquals(1, high.exitCode(), high.toString());
    assertTrue(high.out().contains("Gate `--fail-on high`: **tripped**."), high.out());
    assertTrue(high.err().contains("at or above --fail-on high"), high.err());

    Cli.Run critical = review("--base", "base", "--fail-on", "critical", examples.toString());
    assertEquals(0, critical.exitCode(), critical.toString());
    assertTrue(critical.out().contains("Gate `--fail-on critical`: passed."), critical.out());

    Cli.Run bad = review("--base", "base", "--fail-on", "severe", examples.toString());
    assertEquals(2, bad.exitCode(), bad.toString());
    assertTrue(bad.err().contains("accepted: low, medium, high, critical"), bad.err());
  }

  @Test
  void removingAGrantOnlyNarrowsAccessAndPassesTheGate() {
    edit("erp-order-sync.yaml", "flows: [Order_Post_Processing]\n", "");
    commit("head");
    Cli.Run run =
        review("--base", "base", "--fail-on", "low", "--format", "json", examples.toString());
    assertEquals(0, run.exitCode(), run.toString());
    JsonNode flow =
        change(integration(json(run), "ERP_Order_Sync"), "flow", "Order_Post_Processing");
    assertEquals("removed", flow.get("action").asText());
    assertFalse(flow.get("widens").asBoolean());
  }

  @Test
  void noChangeReportsNothing() {
    Cli.Run markdown = review("--base", "base", examples.toString());
    assertEquals(0, markdown.exitCode(), markdown.toString());
    assertGolden("empty/review.md", markdown.out());
    Cli.Run json = review("--base", "base", "--format", "json", examples.toString());
    assertGolden("empty/review.json", json.out());
  }

  @Test
  void reorderingYamlReportsNothing() {
    edit("erp-order-sync.yaml", "read: [Name, AccountNumber]", "read: [AccountNumber, Name]");
    edit(
        "erp-order-sync.yaml",
        "  Account:\n    access: read\n    fields:\n      read: [AccountNumber, Name]\n",
        "  Account:\n    fields:\n      read: [AccountNumber, Name]\n    access: [read]\n");
    edit("erp-order-sync.yaml", "apexClasses: [OrderSyncRestResource]\n", "");
    edit(
        "erp-order-sync.yaml",
        "userPermissions:\n",
        "apexClasses:\n  - OrderSyncRestResource\nuserPermissions:\n");
    commit("reordered");
    assertTrue(git("diff", "--stat", "base", "HEAD").contains("erp-order-sync.yaml"));

    Cli.Run run = review("--base", "base", examples.toString());
    assertEquals(0, run.exitCode(), run.toString());
    assertEquals(
        review("--base", "HEAD", examples.toString()).out().replace("`HEAD`", "`base`"), run.out());
    assertTrue(run.out().contains("**No access changes.**"), run.out());
  }

  @Test
  void movedAndRenamedSpecFilesAreMovesNotChanges() throws IOException {
    Files.createDirectories(examples.resolve("teams/erp"));
    git("mv", "examples/erp-order-sync.yaml", "examples/teams/erp/orders.yml");
    // its certificate is named relative to the spec, so it moves along
    git("mv", "examples/certs", "examples/teams/erp/certs");
    commit("moved");
    Cli.Run run = review("--base", "base", "--format", "json", examples.toString());
    JsonNode report = json(run);
    assertEquals(0, report.get("integrations").size(), run.out());
    assertEquals("examples/teams/erp/orders.yml", report.get("moves").get(0).get("to").asText());
    assertTrue(
        review("--base", "base", examples.toString()).out().contains("**Spec files moved**"));
  }

  @Test
  void theWorkingTreeAndIndexAreLeftAlone() {
    pullRequest();
    commit("head");
    edit("api-baseline.yaml", "  Pricebook2:\n", "  Campaign:\n    access: read\n  Pricebook2:\n");
    git("add", "examples/api-baseline.yaml");
    edit("billing-engine.yaml", "ticket: SEC-1288", "ticket: SEC-1300");
    String status = git("status", "--porcelain=v1", "--untracked-files=all");
    String head = git("rev-parse", "HEAD");
    String staged = git("diff", "--cached");

    Cli.Run run = review("--base", "base", "--format", "json", examples.toString());
    assertEquals(0, run.exitCode(), run.toString());

    assertEquals(status, git("status", "--porcelain=v1", "--untracked-files=all"));
    assertEquals(head, git("rev-parse", "HEAD"));
    assertEquals(staged, git("diff", "--cached"));
    // the head is what is on disk, uncommitted edits included
    assertTrue(run.out().contains("\"target\": \"Campaign\""), run.out());
    assertTrue(run.out().contains("SEC-1300"), run.out());
  }

  @Test
  void aDirectoryCanBeTheBase(@TempDir Path before) {
    TestFiles.copy(examples, before);
    edit("warehouse-extract.yaml", "access: [read, viewAll]", "access: [read, viewAll, modifyAll]");
    Cli.Run run = review("--base", before.toString(), "--format", "json", examples.toString());
    assertEquals(0, run.exitCode(), run.toString());
    JsonNode account = change(integration(json(run), "Warehouse_Extract"), "object", "Account");
    assertEquals(
        "[\"read\",\"edit\",\"delete\",\"viewAll\",\"modifyAll\"]",
        account.get("after").toString());
    assertEquals("high", account.get("risk").asText());
    assertEquals(0, json(run).get("moves").size(), "same relative paths on both sides");
  }

  @Test
  void aNameInAnotherLetterCaseIsTheSameIntegration(@TempDir Path before) {
    TestFiles.copy(examples, before);
    edit("warehouse-extract.yaml", "name: Warehouse_Extract", "name: WAREHOUSE_EXTRACT");
    Cli.Run run = review("--base", before.toString(), "--format", "json", examples.toString());
    assertEquals(0, run.exitCode(), run.toString());
    // Salesforce compares API names ignoring case: one set, not one removed and another added
    assertEquals(0, json(run).get("integrations").size(), run.out());

    edit("warehouse-extract.yaml", "access: [read, viewAll]", "access: [read, viewAll, modifyAll]");
    run = review("--base", before.toString(), "--format", "json", examples.toString());
    JsonNode changed = integration(json(run), "WAREHOUSE_EXTRACT");
    assertEquals("changed", changed.get("status").asText(), "named as it is now");
    assertEquals(1, json(run).get("integrations").size(), run.out());
  }

  /** An object or field respelt in another letter case is the same grant: no change of access. */
  @Test
  void grantsRespeltInAnotherLetterCaseAreNoChange(@TempDir Path before) {
    TestFiles.copy(examples, before);
    edit("erp-order-sync.yaml", "read: [Name, AccountNumber]", "read: [NAME, accountnumber]");
    edit("erp-order-sync.yaml", "  Account:\n", "  ACCOUNT:\n");
    Cli.Run run = review("--base", before.toString(), examples.toString());
    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(run.out().contains("**No access changes.**"), run.out());
  }

  @Test
  void aChangedEnvironmentUsernameIsAChangeOfAccess(@TempDir Path before) {
    TestFiles.copy(examples, before);
    edit("apionly.yaml", "usernameSuffix: .qa", "usernameSuffix: .qa2");
    edit(
        "erp-order-sync.yaml",
        "  email: erp-team@acme.example\n",
        "  email: erp-team@acme.example\n  environments:\n"
            + "    uat: { username: erp-uat@acme.example }\n");
    Cli.Run run = review("--base", before.toString(), "--format", "json", examples.toString());
    assertEquals(0, run.exitCode(), run.toString());
    JsonNode erp = integration(json(run), "ERP_Order_Sync");
    JsonNode qa = change(erp, "user", "username (qa)");
    assertEquals("changed", qa.get("action").asText());
    assertEquals("[\"erp-sync@acme.example.integration.qa\"]", qa.get("before").toString());
    assertEquals("[\"erp-sync@acme.example.integration.qa2\"]", qa.get("after").toString());
    assertEquals("high", qa.get("risk").asText());
    assertTrue(qa.get("widens").asBoolean());
    JsonNode uat = change(erp, "user", "username (uat)");
    assertEquals("[\"erp-uat@acme.example\"]", uat.get("after").toString());
    change(integration(json(run), "Billing_Engine"), "user", "username (qa)");

    Cli.Run markdown = review("--base", before.toString(), examples.toString());
    assertTrue(markdown.out().contains("username (qa)"), markdown.out());
  }

  @Test
  void aBaseThatIsNeitherADirectoryNorARevisionIsBadInput() {
    Cli.Run run = review("--base", "no-such-branch", examples.toString());
    assertEquals(2, run.exitCode(), run.toString());
    assertTrue(
        run.err().contains("--base 'no-such-branch' is neither a directory nor a commit"),
        run.err());
    assertFalse(run.err().contains("\tat "), run.err());
  }

  @Test
  void specsMissingAtTheBaseAreAllNew() throws IOException {
    Path later = repo.resolve("later");
    Files.createDirectories(later);
    Files.copy(examples.resolve("api-baseline.yaml"), later.resolve("api-baseline.yaml"));
    commit("later");
    JsonNode report = json(review("--base", "base", "--format", "json", later.toString()));
    assertEquals("added", integration(report, "Api_Baseline").get("status").asText());
  }

  // --- the pull request: one of each kind of change

  private void pullRequest() {
    edit(
        "billing-engine.yaml",
        "  Payment__c:\n    access: [create, edit]",
        "  Payment__c:\n    access: [create, edit, delete]\n"
            + "    justification: Payments reversed by the billing engine are deleted.");
    edit(
        "billing-engine.yaml",
        "externalCredentialPrincipals: [Billing_Engine-Billing_Principal]\n",
        "externalCredentialPrincipals: [Billing_Engine-Billing_Principal]\nuserPermissions:\n"
            + "  - name: ViewSetup\n    justification: Reads org limits before each batch.\n");
    edit(
        "billing-engine.yaml",
        "  email: finance-systems@acme.example",
        "  email: billing-ops@acme.example");
    String dispatch = TestFiles.read(examples.resolve("field-service-dispatch.yaml"));
    TestFiles.write(
        examples.resolve("field-service-dispatch.yaml"),
        dispatch.substring(0, dispatch.indexOf("mute:")));
    edit("api-baseline.yaml", "  Pricebook2:\n", "  Order:\n    access: read\n  Pricebook2:\n");
    edit("erp-order-sync.yaml", "read: [Name, AccountNumber]", "read: [AccountNumber, Name]");
    edit(
        "marketing-automation.yaml",
        "name: Marketing_Automation_Sync",
        "name: Marketing_Cloud_Sync");
    git("rm", "-q", "examples/warehouse-extract.yaml");
    try {
      Files.createDirectories(examples.resolve("support"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    git("mv", "examples/support-desk-bridge.yaml", "examples/support/desk.yaml");
    TestFiles.write(
        examples.resolve("partner-feed.yaml"),
        """
        # A partner portal pulls open cases every five minutes.
        name: Partner_Feed
        owner: partner-team@acme.example
        ticket: SEC-1502
        user:
          username: partner-feed@acme.example.integration
          email: partner-team@acme.example
        objects:
          Case:
            access: read
            fields:
              read: [Subject, Status]
        oauth:
          flow: client-credentials
          scopes: [api]
        """);
  }

  // --- helpers

  private static Cli.Run review(String... args) {
    List<String> all = new ArrayList<>(List.of("review"));
    all.addAll(List.of(args));
    return Cli.run(all.toArray(String[]::new));
  }

  private void edit(String file, String from, String to) {
    Path path = examples.resolve(file);
    String text = TestFiles.read(path);
    assertTrue(text.contains(from), file + " has no '" + from + "'");
    TestFiles.write(path, text.replace(from, to));
  }

  private void commit(String message) {
    git("add", "-A");
    git("commit", "-q", "--allow-empty", "-m", message);
  }

  private String git(String... args) {
    return TestFiles.git(repo, args);
  }

  private static JsonNode json(Cli.Run run) {
    try {
      return new ObjectMapper().readTree(run.out());
    } catch (IOException e) {
      throw new AssertionError(run.toString(), e);
    }
  }

  private static JsonNode integration(JsonNode report, String name) {
    for (JsonNode integration : report.get("integrations")) {
      if (integration.get("name").asText().equals(name)) {
        return integration;
      }
    }
    throw new AssertionError("no integration " + name + " in " + report);
  }

  private static JsonNode change(JsonNode integration, String area, String target) {
    for (JsonNode change : integration.get("changes")) {
      if (change.get("area").asText().equals(area)
          && change.get("target").asText().equals(target)) {
        return change;
      }
    }
    throw new AssertionError("no " + area + " " + target + " in " + integration);
  }

  private static String text(JsonNode node, String key) {
    return node.get(key).isNull() ? null : node.get(key).asText();
  }

  private static List<String> types(JsonNode components) {
    List<String> out = new ArrayList<>();
    components.forEach(c -> out.add(c.get("type").asText()));
    return out;
  }

  private static void assertGolden(String name, String actual) {
    Path file = EXPECTED.resolve(name);
    if (Boolean.getBoolean("recreate")) {
      TestFiles.write(file, actual);
      return;
    }
    assertTrue(Files.isRegularFile(file), file + " is missing: run with -Drecreate=true");
    assertEquals(TestFiles.read(file), actual, "differs from " + file);
  }

  /** A permission written in another case is the same permission, rated as such. */
  @Test
  void aPermissionInAnotherCaseIsRatedAsItselfAndTripsTheGate() {
    edit(
        "erp-order-sync.yaml",
        "userPermissions:\n  - RunFlow\n",
        "userPermissions:\n  - RunFlow\n  - name: modifyAllData\n    justification: Migration.\n");
    commit("head");
    Cli.Run critical = review("--base", "base", "--fail-on", "critical", examples.toString());
    assertEquals(1, critical.exitCode(), critical.toString());
    assertTrue(critical.out().contains("ModifyAllData"), critical.out());
    assertFalse(critical.out().contains("modifyAllData"), critical.out());
  }
}
