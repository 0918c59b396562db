package dev.apionly.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apionly.Cli;
import dev.apionly.TestFiles;
import dev.apionly.diagnostic.Diagnostics;
import dev.apionly.model.Grant;
import dev.apionly.model.Grants;
import dev.apionly.model.Integration;
import dev.apionly.resolve.Resolver;
import dev.apionly.spec.SpecLoader;
import dev.apionly.spec.SpecSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** {@code usage --suggest}: tightened specs that load, next to the originals, never over a file. */
class SpecSuggestionsTest extends UsageFixture {

  private List<Integration> load(Path path) {
    Diagnostics diagnostics = new Diagnostics();
    SpecSet set = SpecLoader.load(List.of(path), diagnostics);
    assertFalse(diagnostics.hasErrors(), diagnostics.sorted().toString());
    return Resolver.resolve(set, Path.of(""), diagnostics).integrations();
  }

  private String objectGrants(Integration integration) {
    SortedSet<Grant> grants = Grants.of(integration.permissionSet());
    return grants.stream()
        .filter(g -> g.kind() == dev.apionly.model.GrantType.OBJECT)
        .map(Grant::key)
        .collect(Collectors.joining(" "));
  }

  @Test
  void writesTightenedSpecsThatLoad() {
    typicalLogs();
    // Order: only created, so edit is unused; Account read; a scalar, a flow list, a block list
    try (EventLogs.Log more = EventLogs.file(logs.resolve("zz.csv"), "API")) {
      more.row(
          ERP, "2026-03-09T11:00:00.000Z", "METHOD_NAME", "query", "ENTITY_NAME", "Invoice__c");
    }
    Path tight = dir.resolve("tight");
    Cli.Run run = usage("--suggest", tight.toString());
    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(run.err().contains("wrote 1 tightened spec into " + tight), run.err());
    Path erp = tight.resolve("erp.yaml");
    String text = TestFiles.read(erp);
    assertTrue(
        text.startsWith(
            "# Tightened by apionly usage from the Event Monitoring logs of 2026-03-02 to"
                + " 2026-03-10:\n# 7 API calls by erp-sync@acme.example.integration"),
        text);
    assertTrue(text.contains("#   Invoice__c: create\n"), text);
    assertTrue(text.contains("#   Product2: the whole object (read)\n"), text);
    assertFalse(text.contains("Product2: {access"), text);
    assertTrue(text.contains("    access: [create, edit]            # read is implied"), text);
    // the suggestion loads with apionly's own loader and grants a subset of the original
    Integration before = load(specs.resolve("erp.yaml")).get(0);
    Integration after = load(erp).get(0);
    assertEquals(
        "Account.read Invoice__c.create Invoice__c.read Order.create Order.edit Order.read"
            + " Product2.read",
        objectGrants(before));
    assertEquals(
        "Account.read Invoice__c.read Order.create Order.edit Order.read", objectGrants(after));
    assertFalse(TestFiles.read(specs.resolve("erp.yaml")).startsWith("# Tightened"));
  }

  @Test
  void editUnusedWhereOnlyCreateWasCalled() {
    try (EventLogs.Log api = EventLogs.file(logs.resolve("api.csv"), "API")) {
      api.row(ERP, "2026-03-02T10:00:00.000Z", "METHOD_NAME", "create", "ENTITY_NAME", "Order");
      api.row(ERP, "2026-03-02T10:00:00.000Z", "METHOD_NAME", "query", "ENTITY_NAME", "Account");
      api.row(ERP, "2026-03-02T10:00:00.000Z", "METHOD_NAME", "query", "ENTITY_NAME", "Product2");
      api.row(ERP, "2026-03-02T10:00:00.000Z", "METHOD_NAME", "insert", "ENTITY_NAME", "Product2");
      api.row(
          ERP, "2026-03-02T10:00:00.000Z", "METHOD_NAME", "create", "ENTITY_NAME", "invoice__C");
    }
    Path tight = dir.resolve("tight");
    Cli.Run run = usage("--suggest", tight.toString(), "--format", "json");
    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(run.out().contains("\"insert\": 1"), "an unknown method is counted by name");
    String text = TestFiles.read(tight.resolve("erp.yaml"));
    assertTrue(text.contains("    access: [create]            # read is implied"), text);
    assertTrue(text.contains("#   Order: edit\n"), text);
    Integration after = load(tight.resolve("erp.yaml")).get(0);
    assertEquals(
        "Account.read Invoice__c.create Invoice__c.read Order.create Order.read Product2.read",
        objectGrants(after));
  }

  @Test
  void neverWritesOverAFile() {
    typicalLogs();
    Path tight = dir.resolve("tight");
    TestFiles.write(tight.resolve("erp.yaml"), "mine\n");
    Path out = dir.resolve("usage.md");
    Cli.Run run = usage("--suggest", tight.toString(), "--out", out.toString());
    assertEquals(2, run.exitCode(), run.toString());
    assertTrue(run.err().contains("tight/erp.yaml: error: a file is already here"), run.err());
    assertEquals("mine\n", TestFiles.read(tight.resolve("erp.yaml")));
    assertFalse(Files.exists(out), "nothing written");
  }

  @Test
  void aDanglingLinkWhereASuggestionGoesStopsTheRunBeforeTheReport() throws Exception {
    typicalLogs();
    Path tight = dir.resolve("tight");
    Files.createDirectories(tight);
    Files.createSymbolicLink(tight.resolve("erp.yaml"), dir.resolve("nowhere/erp.yaml"));
    Path out = dir.resolve("usage.md");
    TestFiles.write(out, "the last good report\n");
    Cli.Run run = usage("--suggest", tight.toString(), "--out", out.toString());
    assertEquals(2, run.exitCode(), run.toString());
    assertTrue(run.err().contains("tight/erp.yaml: error: a file is already here"), run.err());
    assertEquals("the last good report\n", TestFiles.read(out), "the report is kept");
    assertFalse(Files.exists(dir.resolve("nowhere")), "nothing written through the link");
  }

  @Test
  void suggestingIntoTheSpecsDirectoryIsRefused() {
    typicalLogs();
    Cli.Run run = usage("--suggest", specs.toString());
    assertEquals(2, run.exitCode(), run.toString());
    assertTrue(run.err().contains("erp.yaml: error: a file is already here"), run.err());
  }
}
