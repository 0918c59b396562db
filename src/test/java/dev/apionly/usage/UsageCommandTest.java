package dev.apionly.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apionly.Cli;
import dev.apionly.TestFiles;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code apionly usage} end to end, on specs and log files made here. */
class UsageCommandTest {

  static final String ERP = EventLogs.userId(1);
  static final String WAREHOUSE = EventLogs.userId(2);
  static final String PERSON = EventLogs.userId(7);

  @TempDir Path dir;
  Path specs;
  Path logs;
  Path users;

  @BeforeEach
  void setUp() {
    specs = dir.resolve("specs");
    logs = dir.resolve("logs");
    users = dir.resolve("users.csv");
    TestFiles.write(
        specs.resolve("erp.yaml"),
        """
        name: ERP_Sync
        owner: erp-team@acme.example
        user:
          username: erp-sync@acme.example.integration
          email: erp-team@acme.example
        objects:
          Account:
            access: read
            fields:
              read: [Name]
          Order:
            access: [create, edit]            # read is implied
          Invoice__c:
            access:
              - read
              - create
          Product2: {access: read}
        """);
    TestFiles.write(
        specs.resolve("warehouse.yaml"),
        """
        name: Warehouse_Extract
        owner: data@acme.example
        user:
          username: Warehouse@acme.example.integration
          email: data@acme.example
        objects:
          Case:
            access: read
        """);
    TestFiles.write(
        specs.resolve("nouser.yaml"),
        """
        name: No_User
        owner: x@acme.example
        objects:
          Lead:
            access: read
        """);
    // the map has 18-character ids; a username in another case still matches
    TestFiles.write(
        users,
        "\"Id\",\"Username\"\n"
            + "\""
            + ERP
            + "\",\"erp-sync@acme.example.integration\"\n"
            + "\""
            + WAREHOUSE
            + "\",\"warehouse@acme.example.integration\"\n"
            + "\""
            + PERSON
            + "\",\"someone@acme.example\"\n");
  }

  void typicalLogs() {
    try (EventLogs.Log api = EventLogs.file(logs.resolve("api.csv"), "API")) {
      api.row(ERP, "2026-03-02T10:00:00.000Z", "METHOD_NAME", "query", "ENTITY_NAME", "account");
      api.row(ERP, "2026-03-03T10:00:00.000Z", "METHOD_NAME", "create", "ENTITY_NAME", "Order");
      api.row(ERP, "2026-03-04T10:00:00.000Z", "METHOD_NAME", "describeSObjects");
      api.row(
          ERP,
          "2026-03-05T10:00:00.000Z",
          "METHOD_NAME",
          "delete",
          "ENTITY_NAME",
          "Contact",
          "REQUEST_STATUS",
          "A");
      api.row(PERSON, "2026-03-06T10:00:00.000Z", "METHOD_NAME", "query", "ENTITY_NAME", "Lead");
    }
    try (EventLogs.Log rest = EventLogs.file(logs.resolve("rest.csv"), "RestApi")) {
      rest.row(
          ERP,
          "2026-03-07T10:00:00.000Z",
          "METHOD",
          "PATCH",
          "URI",
          "/services/data/v62.0/sobjects/Contact/ERP_Id__c/42",
          "ENTITY_NAME",
          "Contact",
          "STATUS_CODE",
          "403");
      rest.row(
          WAREHOUSE.substring(0, 15),
          "2026-03-08T10:00:00.000Z",
          "METHOD",
          "GET",
          "URI",
          "/services/data/v62.0/query",
          "ENTITY_NAME",
          "Case",
          "STATUS_CODE",
          "200");
    }
    try (EventLogs.Log bulk = EventLogs.file(logs.resolve("bulk2.csv"), "BulkApi2")) {
      bulk.row(ERP, "2026-03-09T10:00:00.000Z", "OPERATION_TYPE", "upsert", "ENTITY_TYPE", "Order");
    }
    try (EventLogs.Log total = EventLogs.file(logs.resolve("total.csv"), "ApiTotalUsage")) {
      // the API log already holds SOAP calls: this one is left to it
      total.row(
          ERP,
          "2026-03-10T10:00:00.000Z",
          "API_FAMILY",
          "SOAP",
          "API_RESOURCE",
          "query",
          "ENTITY_NAME",
          "Invoice__c");
    }
  }

  Cli.Run usage(String... more) {
    List<String> args =
        new ArrayList<>(
            List.of("usage", specs.toString(), "--logs", logs.toString(), "--users", users.toString()));
    args.addAll(List.of(more));
    return Cli.run(args.toArray(String[]::new));
  }

  JsonNode json(Cli.Run run) throws Exception {
    assertEquals(0, run.exitCode(), run.toString());
    return new ObjectMapper().readTree(run.out());
  }

  JsonNode integration(JsonNode root, String name) {
    for (JsonNode node : root.get("integrations")) {
      if (node.get("name").asText().equals(name)) {
        return node;
      }
    }
    throw new AssertionError("no " + name + " in " + root);
  }

  @Test
  void unusedAndUngrantedPerIntegration() throws Exception {
    typicalLogs();
    JsonNode root = json(usage("--format", "json"));
    assertEquals("2026-03-02", root.at("/window/from").asText());
    assertEquals("2026-03-10", root.at("/window/to").asText());
    assertEquals(4, root.at("/counts/files").asInt());
    assertEquals(9, root.at("/counts/rows").asInt());
    assertEquals(1, root.at("/counts/otherUserCalls").asInt());
    assertEquals(1, root.at("/counts/otherUsers").asInt());
    assertEquals(1, root.at("/counts/coveredElsewhere").asInt());

    JsonNode erp = integration(root, "ERP_Sync");
    assertEquals("calls", erp.get("evidence").asText());
    assertEquals(6, erp.get("calls").asInt());
    assertEquals(1, erp.get("withoutObject").asInt());
    // "account" was read (objects compare ignoring case); Order created and upserted, so read
    // (implied) and edit are used; Invoice__c and Product2 saw no call at all
    assertEquals(
        "[{\"object\":\"Invoice__c\",\"verbs\":[\"read\",\"create\"],\"wholeObject\":true,"
            + "\"grantedBy\":[\"ERP_Sync\"]},{\"object\":\"Product2\",\"verbs\":[\"read\"],"
            + "\"wholeObject\":true,\"grantedBy\":[\"ERP_Sync\"]}]",
        erp.get("unused").toString());
    // a refused delete and a refused upsert: used but not granted
    assertEquals(
        "[{\"object\":\"Contact\",\"verbs\":[\"create\",\"edit\",\"delete\"],\"calls\":2,"
            + "\"denied\":2,\"lastSeen\":\"2026-03-07T10:00:00.000Z\"}]",
        erp.get("ungranted").toString());

    JsonNode warehouse = integration(root, "Warehouse_Extract");
    assertEquals("calls", warehouse.get("evidence").asText());
    assertEquals("[]", warehouse.get("unused").toString());
    assertEquals("no-user", integration(root, "No_User").get("evidence").asText());
  }

  @Test
  void markdownForAPullRequest() {
    typicalLogs();
    Cli.Run run = usage();
    assertEquals(0, run.exitCode(), run.toString());
    String md = run.out();
    assertTrue(md.startsWith("## API access in use, 2026-03-02 to 2026-03-10\n"), md);
    assertTrue(
        md.contains("| ERP\\_Sync | erp-sync@acme.example.integration | calls | 6 | 2 | 1 |"), md);
    assertTrue(md.contains("Granted but not used between 2026-03-02 and 2026-03-10:"), md);
    assertTrue(
        md.contains(
            "| Invoice\\_\\_c | read, create (no call at all: fields and record types too) |"),
        md);
    assertTrue(
        md.contains("| Contact | create, edit, delete | 2 | 2 | 2026-03-07T10:00:00.000Z |"), md);
    assertTrue(md.contains("The spec has no `user`"), md);
  }

  @Test
  void sameInputSameBytes() {
    typicalLogs();
    for (String format : List.of("markdown", "json", "html")) {
      assertEquals(usage("--format", format).out(), usage("--format", format).out(), format);
    }
  }

  @Test
  void htmlKeepsThePolicyAndEscapesLogValues() {
    typicalLogs();
    try (EventLogs.Log more = EventLogs.file(logs.resolve("zz.csv"), "API")) {
      more.row(
          ERP, "2026-03-09T11:00:00.000Z", "METHOD_NAME", "query", "ENTITY_NAME", "<b>x</b>");
    }
    Path out = dir.resolve("site/usage.html");
    Cli.Run run = usage("--out", out.toString());
    assertEquals(0, run.exitCode(), run.toString());
    String html = TestFiles.read(out);
    assertTrue(html.contains("script-src 'sha256-"), html);
    assertTrue(html.contains("style-src 'sha256-"), html);
    assertFalse(html.contains("<b>x</b>"), "a log value never becomes markup");
    assertTrue(html.contains("&lt;b&gt;x&lt;/b&gt;"), html);
  }

  @Test
  void sinceNarrowsTheWindow() throws Exception {
    typicalLogs();
    JsonNode root = json(usage("--format", "json", "--since", "2026-03-06"));
    assertEquals("2026-03-06", root.at("/window/from").asText());
    assertEquals("2026-03-06", root.at("/window/since").asText());
    assertEquals(4, root.at("/counts/outsideWindow").asInt());
    JsonNode erp = integration(root, "ERP_Sync");
    assertTrue(erp.get("unused").toString().contains("\"Account\""), erp.toString());
  }

  @Test
  void aUserWhoMadeNoCallLeavesEveryGrantUnused() throws Exception {
    try (EventLogs.Log api = EventLogs.file(logs.resolve("api.csv"), "API")) {
      api.row(ERP, "2026-03-02T10:00:00.000Z", "METHOD_NAME", "query", "ENTITY_NAME", "Account");
    }
    JsonNode warehouse = integration(json(usage("--format", "json")), "Warehouse_Extract");
    assertEquals("no-calls", warehouse.get("evidence").asText());
    assertEquals("Case", warehouse.at("/unused/0/object").asText());
  }

  @Test
  void outFileIsWrittenWholeAndFormatFollowsItsExtension() throws Exception {
    typicalLogs();
    Path out = dir.resolve("usage.json");
    Cli.Run run = usage("--out", out.toString());
    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(run.out().startsWith("wrote " + out + ": json usage of 3 integrations"), run.out());
    assertEquals(1, new ObjectMapper().readTree(out.toFile()).get("schemaVersion").asInt());
    try (var files = java.nio.file.Files.list(dir)) {
      assertTrue(files.noneMatch(p -> p.getFileName().toString().endsWith(".tmp")));
    }
  }
}
