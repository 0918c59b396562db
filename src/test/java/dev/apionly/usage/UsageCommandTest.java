package dev.apionly.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apionly.Cli;
import dev.apionly.TestFiles;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code apionly usage} end to end, on specs and log files made here. */
class UsageCommandTest extends UsageFixture {

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
      more.row(ERP, "2026-03-09T11:00:00.000Z", "METHOD_NAME", "query", "ENTITY_NAME", "<b>x</b>");
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
