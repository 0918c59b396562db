package dev.apionly.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apionly.Cli;
import dev.apionly.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * apionly adopted by an SFDX repository that already exists: its own permission sets, manifest,
 * workflows and README, and settings under {@code plugins.apionly} in sfdx-project.json. The flow
 * the README gives (import, then generate) works in it, and nothing of the repository's is lost.
 */
class ExistingRepositoryTest {

  @TempDir Path repository;

  private static final String MANIFEST =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          + "<Package xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n"
          + "    <types>\n        <members>*</members>\n        <name>ApexClass</name>\n"
          + "    </types>\n    <version>62.0</version>\n</Package>\n";

  private Path sets;

  @BeforeEach
  void repository() {
    TestFiles.write(
        repository.resolve("sfdx-project.json"),
        "{\n  \"packageDirectories\": [\n    {\n      \"path\": \"force-app\",\n"
            + "      \"default\": true\n    }\n  ],\n  \"name\": \"acme-org\",\n"
            + "  \"sourceApiVersion\": \"66.0\",\n"
            + "  \"plugins\": {\n    \"apionly\": {\n      \"specs\": \"config/apionly\"\n    }\n"
            + "  }\n}\n");
    sets = repository.resolve("force-app/main/default/permissionsets");
    for (String name :
        new String[] {
          "Canonical_Warehouse_Extract.permissionset-meta.xml",
          "Canonical_Archive_Reader.permissionset-meta.xml",
          "Support_Desk_Bridge.permissionset-meta.xml"
        }) {
      TestFiles.write(
          sets.resolve(name), TestFiles.read(TestFiles.fixtures().resolve("source/" + name)));
    }
    TestFiles.write(
        repository.resolve("force-app/main/default/classes/WarehouseExtractService.cls"),
        "public class WarehouseExtractService {}\n");
    TestFiles.write(repository.resolve("manifest/package.xml"), MANIFEST);
    TestFiles.write(repository.resolve("README.md"), "# acme-org\n");
    TestFiles.write(repository.resolve(".github/workflows/deploy.yml"), "on: push\n");
  }

  private Cli.Run in(String... args) {
    return Cli.runIn(repository, args);
  }

  @Test
  void importThenGenerateAdoptsTheRepositorysOwnSets() {
    Cli.Run imported =
        in("import", "force-app/main/default/permissionsets", "--out", "config/apionly");
    assertEquals(0, imported.exitCode(), imported.toString());
    Map<String, String> before = TestFiles.tree(repository);

    Cli.Run generated = in("generate");

    assertEquals(0, generated.exitCode(), generated.toString());
    for (String set :
        new String[] {
          "Canonical_Warehouse_Extract", "Canonical_Archive_Reader", "Support_Desk_Bridge"
        }) {
      assertTrue(
          generated.err().contains(set + ".permissionset-meta.xml: note: adopted"),
          set + "\n" + generated.err());
    }
    assertTrue(
        generated.err().contains("which drops what a spec cannot express: license (none)"),
        generated.err());
    assertTrue(generated.err().contains("manifest/package.xml: note: is yours"), generated.err());
    Map<String, String> after = TestFiles.tree(repository);
    for (String untouched :
        new String[] {
          "manifest/package.xml", "README.md", ".github/workflows/deploy.yml", "sfdx-project.json"
        }) {
      assertEquals(before.get(untouched), after.get(untouched), untouched);
    }
    assertTrue(after.containsKey("manifest/apionly-package.xml"), after.keySet().toString());
    String state = after.get(".apionly/generated.tsv");
    assertTrue(
        state.contains(
            "force-app/main/default/permissionsets/Support_Desk_Bridge.permissionset-meta.xml\tSupport_Desk_Bridge\t"),
        state);
    assertTrue(state.contains("manifest/apionly-package.xml\t"), state);

    Cli.Run check = in("generate", "--check");
    assertEquals(0, check.exitCode(), check.toString());
    Cli.Run lint = in("lint");
    assertTrue(lint.exitCode() <= 1, lint.toString());
    assertFalse(lint.err().contains("README.md"), lint.toString());
  }

  @Test
  void aSetTheSpecDoesNotReproduceIsRefusedNamingTheDifference() throws Exception {
    assertEquals(
        0,
        in("import", "force-app/main/default/permissionsets", "--out", "config/apionly")
            .exitCode());
    Path spec = repository.resolve("config/apionly/Canonical_Archive_Reader.yaml");
    Files.writeString(
        spec,
        TestFiles.read(spec).replace("Lead.Company", "Lead.Status").replace("Company", "Status"));
    Map<String, String> before = TestFiles.tree(repository);

    Cli.Run run = in("generate");

    assertEquals(2, run.exitCode(), run.toString());
    assertTrue(
        run.err()
            .contains(
                "Canonical_Archive_Reader.permissionset-meta.xml: error: exists but was not"
                    + " written by apionly, and the spec does not reproduce it: the file grants field"
                    + " Lead.Company.read that the spec does not; the spec grants field Lead.Status.read"),
        run.err());
    assertEquals(before, TestFiles.tree(repository), "nothing written");
  }

  @Test
  void settingsAreCheckedWithTheirLineAndColumn() {
    TestFiles.write(
        repository.resolve("sfdx-project.json"),
        "{\n  \"packageDirectories\": [{\"path\": \"force-app\", \"default\": true}],\n"
            + "  \"plugins\": {\n    \"apionly\": {\n      \"spec\": \"config/apionly\",\n"
            + "      \"manifest\": \"../outside.xml\"\n    }\n  }\n}\n");

    Cli.Run run = in("generate");

    assertEquals(2, run.exitCode(), run.toString());
    assertTrue(
        run.err()
            .contains(
                "sfdx-project.json:5:7: error: unknown setting 'plugins.apionly.spec' (did you mean 'specs'?)"),
        run.err());
    assertTrue(
        run.err()
            .contains("sfdx-project.json:6:19: error: plugins.apionly.manifest leaves the project"),
        run.err());
  }

  @Test
  void aConfiguredManifestAndPackageDirectoryAreWhereApionlyWrites() {
    TestFiles.write(
        repository.resolve("sfdx-project.json"),
        "{\"packageDirectories\": [{\"path\": \"force-app\", \"default\": true},"
            + " {\"path\": \"integrations\"}], \"sourceApiVersion\": \"66.0\","
            + " \"plugins\": {\"apionly\": {\"specs\": \"specs\", \"manifest\": \"manifest/integrations.xml\","
            + " \"packageDirectory\": \"integrations\"}}}\n");
    TestFiles.write(
        repository.resolve("specs/erp.yaml"),
        "name: Erp_Sync\nowner: erp@acme.example\nobjects:\n  Account:\n    access: read\n");

    Cli.Run run = in("generate");

    assertEquals(0, run.exitCode(), run.toString());
    Map<String, String> tree = TestFiles.tree(repository);
    assertTrue(
        tree.containsKey(
            "integrations/main/default/permissionsets/Erp_Sync.permissionset-meta.xml"),
        tree.keySet().toString());
    assertTrue(tree.containsKey("manifest/integrations.xml"), tree.keySet().toString());
    assertEquals(MANIFEST, tree.get("manifest/package.xml"));
  }
}
