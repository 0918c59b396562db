package dev.apionly.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apionly.Cli;
import dev.apionly.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code apionly import}: risk made visible, nothing dropped silently, nothing overwritten. */
class ImportTest {

  private static final String HEAD =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<PermissionSet xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n";

  @TempDir Path dir;

  private Path set(String name, String body) {
    Path file = dir.resolve("in/" + name + ".permissionset-meta.xml");
    TestFiles.write(file, HEAD + body + "</PermissionSet>");
    return file;
  }

  @Test
  void riskyGrantsAreKeptAndMarkedForReview() {
    set(
        "Admin_Tools",
        "    <label>Admin &amp; \"tools\"</label>\n"
            + "    <userPermissions><enabled>true</enabled><name>ModifyAllData</name></userPermissions>\n"
            + "    <userPermissions><enabled>true</enabled><name>RunFlow</name></userPermissions>\n"
            + "    <objectPermissions><allowCreate>false</allowCreate><allowDelete>true</allowDelete>"
            + "<allowEdit>true</allowEdit><allowRead>true</allowRead><modifyAllRecords>false</modifyAllRecords>"
            + "<object>Case</object><viewAllRecords>false</viewAllRecords></objectPermissions>\n"
            + "    <tabSettings><tab>standard-Case</tab><visibility>Visible</visibility></tabSettings>\n");
    Cli.Run run =
        Cli.run("import", dir.resolve("in").toString(), "--out", dir.resolve("specs").toString());
    assertEquals(0, run.exitCode(), run.toString());
    String spec = TestFiles.read(dir.resolve("specs/Admin_Tools.yaml"));
    assertTrue(spec.contains("label: \"Admin & \\\"tools\\\"\""), spec);
    assertTrue(
        spec.contains(
            "  - name: ModifyAllData\n    justification: \"Imported from Admin_Tools.permissionset-meta.xml: review\""),
        spec);
    assertTrue(spec.contains("  - RunFlow\n"), spec);
    assertTrue(
        spec.contains("    access: [read, edit, delete]\n    justification: \"Imported from"),
        spec);
    assertTrue(spec.contains("#   tabSettings: tab=standard-Case, visibility=Visible"), spec);
    assertTrue(
        run.err().contains("warning: not imported: tabSettings: tab=standard-Case"), run.err());
    assertTrue(
        TestFiles.read(dir.resolve("specs/apionly.yaml"))
            .contains("allowCritical: [ModifyAllData, ViewAllData]"));

    // the imported specs generate as they are; lint warns on every imported justification
    TestFiles.sfdxProject(dir);
    assertEquals(
        0,
        Cli.run("generate", dir.resolve("specs").toString(), "--out", dir.toString()).exitCode());
    Cli.Run lint = Cli.run("lint", dir.resolve("specs").toString());
    assertEquals(0, lint.exitCode(), lint.toString());
    assertTrue(lint.out().contains("0 errors, 2 warnings"), lint.out());
  }

  @Test
  void groupsBecomeIncludeListsAndManagedSetsAreSkipped() {
    TestFiles.write(
        dir.resolve("in/Sales_Ops.permissionsetgroup-meta.xml"),
        "<?xml version=\"1.0\"?>\n<PermissionSetGroup xmlns=\"http://soap.sforce.com/2006/04/metadata\">"
            + "<label>Sales Ops</label><permissionSets>Reports</permissionSets>"
            + "<permissionSets>Api_Baseline</permissionSets><mutingPermissionSets>Sales_Ops_Muted</mutingPermissionSets>"
            + "<status>Updated</status></PermissionSetGroup>");
    set("pkg__Managed_Set", "<label>M</label>");
    Cli.Run run =
        Cli.run("import", dir.resolve("in").toString(), "--out", dir.resolve("specs").toString());
    assertEquals(0, run.exitCode(), run.toString());
    String spec = TestFiles.read(dir.resolve("specs/Sales_Ops.yaml"));
    assertTrue(spec.contains("include: [Api_Baseline, Reports]"), spec);
    assertTrue(spec.contains("mutingPermissionSets: Sales_Ops_Muted"), spec);
    assertTrue(
        run.err().contains("note: skipped: 'pkg__Managed_Set' belongs to a managed package"),
        run.err());
    assertFalse(Files.exists(dir.resolve("specs/pkg__Managed_Set.yaml")));
  }

  @Test
  void neverReplacesAFile() {
    set("Reader", "<label>R</label>");
    TestFiles.write(dir.resolve("specs/Reader.yaml"), "mine\n");
    Cli.Run run =
        Cli.run("import", dir.resolve("in").toString(), "--out", dir.resolve("specs").toString());
    assertEquals(2, run.exitCode(), run.toString());
    assertTrue(run.err().contains("Reader.yaml: error: exists already"), run.err());
    assertEquals("mine\n", TestFiles.read(dir.resolve("specs/Reader.yaml")));
    assertFalse(Files.exists(dir.resolve("specs/apionly.yaml")));
  }

  @Test
  void malformedXmlIsReportedAtItsLine() {
    set("Broken", "    <label>x</lable>\n");
    Cli.Run run =
        Cli.run("import", dir.resolve("in").toString(), "--out", dir.resolve("specs").toString());
    assertEquals(2, run.exitCode(), run.toString());
    assertTrue(run.err().contains("Broken.permissionset-meta.xml:3:"), run.err());
    assertFalse(Files.exists(dir.resolve("specs")));
  }
}
