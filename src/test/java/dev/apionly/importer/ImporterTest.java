package dev.apionly.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apionly.Cli;
import dev.apionly.TestFiles;
import dev.apionly.diagnostic.Diagnostics;
import dev.apionly.metadata.MetadataRoot;
import dev.apionly.metadata.MetadataXml;
import dev.apionly.model.Grant;
import dev.apionly.model.GrantType;
import dev.apionly.model.Grants;
import dev.apionly.spec.IntegrationSpec;
import dev.apionly.spec.SpecLoader;
import dev.apionly.spec.SpecSet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Import of hand-written permission sets and groups: every awkward case the corpus lacks. */
class ImporterTest {

  /** Hand-edited order, metadata-API format, an old API version, no trailing newline. */
  private static final String AWKWARD =
      """
      <?xml version="1.0" encoding="UTF-8" ?>
      <PermissionSet xmlns="http://soap.sforce.com/2006/04/metadata">
          <userPermissions><name>ModifyAllData</name><enabled>true</enabled></userPermissions>
          <userPermissions><name>ViewAllData</name><enabled>true</enabled></userPermissions>
          <userPermissions><name>ViewRoles</name><enabled>true</enabled></userPermissions>
          <label>Sync &amp; "Export"</label>
          <tabSettings><visibility>Visible</visibility><tab>Invoice__c</tab></tabSettings>
          <userPermissions><enabled>true</enabled><name>ViewSetup</name></userPermissions>
          <userPermissions><enabled>true</enabled><name>LightningExperienceUser</name></userPermissions>
          <userPermissions><enabled>false</enabled><name>AuthorApex</name></userPermissions>
          <userPermissions><enabled>true</enabled><name>ApiEnabled</name></userPermissions>
          <fieldPermissions>
              <readable>false</readable><field>Invoice__c.Amount__c</field><editable>true</editable>
          </fieldPermissions>
          <fieldPermissions>
              <field>Contact.Email</field><readable>true</readable><editable>false</editable>
          </fieldPermissions>
          <fieldPermissions>
              <field>Contact.Phone</field><readable>false</readable><editable>false</editable>
          </fieldPermissions>
          <recordTypeVisibilities><recordType>Case.Support</recordType><visible>true</visible></recordTypeVisibilities>
          <objectPermissions>
              <object>Invoice__c</object><allowRead>true</allowRead><allowDelete>true</allowDelete>
              <allowEdit>true</allowEdit><allowCreate>false</allowCreate>
              <modifyAllRecords>false</modifyAllRecords><viewAllRecords>false</viewAllRecords>
              <viewAllFields>true</viewAllFields>
          </objectPermissions>
          <objectPermissions>
              <object>Account</object><allowRead>false</allowRead><allowCreate>false</allowCreate>
              <allowEdit>false</allowEdit><allowDelete>false</allowDelete>
              <modifyAllRecords>false</modifyAllRecords><viewAllRecords>false</viewAllRecords>
          </objectPermissions>
          <classAccesses><enabled>true</enabled><apexClass>InvoiceService</apexClass></classAccesses>
          <flowAccesses><flow>Invoice_Flow</flow><enabled>true</enabled></flowAccesses>
          <customMetadataTypeAccesses><name>Sync_Setting__mdt</name><enabled>true</enabled></customMetadataTypeAccesses>
          <externalCredentialPrincipalAccesses><enabled>true</enabled><externalCredentialPrincipal>SAP-Principal</externalCredentialPrincipal></externalCredentialPrincipalAccesses>
          <license>Salesforce</license>
          <description>First line
      second line: with a colon # and a hash</description>
      </PermissionSet>""";

  @Test
  void importsEveryGrantExactlyAndMarksWhatItCannotExpress(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("in/Invoice_Sync.permissionset");
    TestFiles.write(file, AWKWARD);
    Path out = dir.resolve("specs");

    Cli.Run run = Cli.run("import", file.toString(), "--out", out.toString());

    assertEquals(0, run.exitCode(), run.toString());
    String spec = TestFiles.read(out.resolve("Invoice_Sync.yaml"));
    assertTrue(spec.contains("#   - tabSettings: visibility=Visible, tab=Invoice__c"), spec);
    assertTrue(spec.contains("#   - viewAllFields on Invoice__c"), spec);
    assertTrue(spec.contains("#   - license Salesforce"), spec);
    assertTrue(spec.contains("#   - readable false on Invoice__c.Amount__c"), spec);
    assertTrue(spec.contains("owner: " + SpecWriter.OWNER_PLACEHOLDER), spec);
    assertTrue(spec.contains("  - LightningExperienceUser  # UI-only"), spec);
    assertTrue(
        spec.contains(
            "  - name: ModifyAllData\n"
                + "    justification: \"Imported from Invoice_Sync.permissionset: review\""),
        spec);
    assertTrue(spec.contains("  - name: ViewSetup\n    justification: \"Imported from "), spec);
    assertTrue(spec.contains("  - ApiEnabled\n"), spec);
    assertFalse(spec.contains("AuthorApex"), "disabled entries grant nothing: " + spec);
    assertFalse(spec.contains("Phone"), spec);
    assertTrue(spec.contains("  Case:\n    access: []  # none in the original"), spec);
    assertTrue(spec.contains("    recordTypes:\n      - Support\n"), spec);
    assertTrue(spec.contains("  Invoice__c:\n    access: [read, edit, delete]\n"), spec);
    assertTrue(spec.contains("      edit:\n        - Amount__c\n"), spec);
    assertTrue(run.err().contains("warning: not imported as written"), run.err());
    assertTrue(run.err().contains("1 tabSettings"), run.err());
    assertTrue(run.err().contains("licence 'Salesforce' is not the API integration"), run.err());
    assertTrue(
        run.err().contains("LightningExperienceUser only change the user interface"), run.err());

    String config = TestFiles.read(out.resolve("apionly.yaml"));
    assertTrue(
        config.contains("policy:\n  allowCritical:\n    - ModifyAllData\n    - ViewAllData\n"),
        config);

    // the spec loads as generate loads it, with the label and description as written
    SpecSet loaded = SpecLoader.load(List.of(out), new Diagnostics());
    IntegrationSpec parsed = loaded.specs().get(0).spec();
    assertEquals("Sync & \"Export\"", parsed.label().value());
    assertEquals(
        "First line\nsecond line: with a colon # and a hash", parsed.description().value());
    assertEquals(
        List.of("ModifyAllData", "ViewAllData"),
        loaded.specs().get(0).config().allowCritical().stream().map(r -> r.value()).toList());
  }

  @Test
  void importedSpecsGenerateTheSameGrants(@TempDir Path dir) throws Exception {
    Path file = dir.resolve("Invoice_Sync.permissionset-meta.xml");
    TestFiles.write(file, AWKWARD);
    TestFiles.sfdxProject(dir);
    Files.createDirectories(dir.resolve("force-app"));
    assertEquals(0, Cli.run("import", file.toString(), "--out", dir + "/specs").exitCode());

    Cli.Run generated = Cli.run("generate", dir + "/specs", "--out", dir.toString());

    assertEquals(0, generated.exitCode(), generated.toString());
    Cli.Run lint = Cli.run("lint", dir + "/specs");
    assertEquals(0, lint.exitCode(), lint.toString());
    assertTrue(
        (lint.out() + lint.err()).contains("[imported-justification]"),
        "lint warns on each imported justification: " + lint);
    SortedSet<Grant> expected =
        Grants.of(
            MetadataXml.toModel("x", MetadataXml.parse(AWKWARD, MetadataRoot.PERMISSION_SET)));
    SortedSet<Grant> actual =
        Grants.of(
            MetadataXml.toModel(
                "x",
                MetadataXml.parse(
                    TestFiles.read(
                        dir.resolve(
                            "force-app/main/default/permissionsets/"
                                + "Invoice_Sync.permissionset-meta.xml")),
                    MetadataRoot.PERMISSION_SET)));
    assertEquals(expected, actual);
    assertTrue(expected.contains(new Grant(GrantType.FIELD, "Invoice__c.Amount__c", "edit")));
  }

  @Test
  void importingTwiceRefusesAndWritesNothing(@TempDir Path dir) {
    Path file = dir.resolve("Invoice_Sync.permissionset-meta.xml");
    TestFiles.write(file, AWKWARD);
    Path out = dir.resolve("specs");
    TestFiles.write(out.resolve("Invoice_Sync.yaml"), "name: Mine\nowner: me\n");

    Cli.Run run = Cli.run("import", file.toString(), "--out", out.toString());

    assertEquals(2, run.exitCode(), run.toString());
    assertTrue(run.err().contains("Invoice_Sync.yaml: error: file exists already"), run.err());
    assertEquals("name: Mine\nowner: me\n", TestFiles.read(out.resolve("Invoice_Sync.yaml")));
    assertFalse(Files.exists(out.resolve("apionly.yaml")), "nothing else written either");
  }

  @Test
  void groupsBecomeIncludeListsAndManagedSetsAreSkipped(@TempDir Path dir) {
    TestFiles.write(
        dir.resolve("in/Support_Bundle.permissionsetgroup-meta.xml"),
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <PermissionSetGroup xmlns="http://soap.sforce.com/2006/04/metadata">
            <permissionSets>Support_Base</permissionSets>
            <mutingPermissionSets>Support_Muted</mutingPermissionSets>
            <label>Support Bundle</label>
            <permissionSets>pkg__Package_User</permissionSets>
            <status>Updated</status>
        </PermissionSetGroup>
        """);
    TestFiles.write(
        dir.resolve("in/pkg__Package_User.permissionset-meta.xml"),
        "<PermissionSet xmlns=\"http://soap.sforce.com/2006/04/metadata\"><label>P</label>"
            + "</PermissionSet>");
    Path out = dir.resolve("specs");

    Cli.Run run = Cli.run("import", dir.resolve("in").toString(), "--out", out.toString());

    assertEquals(0, run.exitCode(), run.toString());
    String spec = TestFiles.read(out.resolve("Support_Bundle.yaml"));
    assertTrue(spec.contains("include:\n  - Support_Base\n  - pkg__Package_User\n"), spec);
    assertTrue(spec.contains("#   - mutingPermissionSets Support_Muted"), spec);
    assertTrue(run.err().contains("note: 'pkg__Package_User' belongs to the managed package"));
    assertFalse(Files.exists(out.resolve("pkg__Package_User.yaml")));
  }

  @Test
  void whatIsNotImportableSaysWhichFilesAre(@TempDir Path dir) {
    Path policy = dir.resolve("in/Feed.useraccesspolicy-meta.xml");
    TestFiles.write(policy, "<UserAccessPolicy/>\n");
    Cli.Run file = Cli.run("import", policy.toString(), "--out", dir.resolve("a").toString());
    assertEquals(2, file.exitCode(), file.toString());
    assertTrue(
        file.err()
            .contains(
                ": error: not a permission set or group file; accepted: *.permissionset-meta.xml,"
                    + " *.permissionsetgroup-meta.xml, *.permissionset, *.permissionsetgroup\n"),
        file.toString());

    Cli.Run empty =
        Cli.run("import", dir.resolve("in").toString(), "--out", dir.resolve("b").toString());
    assertEquals(2, empty.exitCode(), empty.toString());
    assertTrue(
        empty
            .err()
            .contains(
                ": error: no permission set or group to import; accepted:"
                    + " *.permissionset-meta.xml, *.permissionsetgroup-meta.xml (source format) or"
                    + " *.permissionset, *.permissionsetgroup (metadata-API format), or directories"
                    + " holding them\n"),
        empty.toString());
  }

  @Test
  void malformedXmlIsAnErrorAtItsLine(@TempDir Path dir) {
    Path file = dir.resolve("Broken.permissionset-meta.xml");
    TestFiles.write(
        file,
        "<?xml version=\"1.0\"?>\n<PermissionSet xmlns=\"http://soap.sforce.com/2006/04/metadata\">"
            + "\n  <label>x</labl>\n</PermissionSet>\n");

    Cli.Run run = Cli.run("import", file.toString(), "--out", dir.resolve("specs").toString());

    assertEquals(2, run.exitCode(), run.toString());
    assertTrue(run.err().contains("Broken.permissionset-meta.xml:3:"), run.err());
    assertFalse(Files.exists(dir.resolve("specs")));
  }

  @Test
  void aLongDescriptionIsCutAndAnInvalidNameRenamed(@TempDir Path dir) {
    Path file = dir.resolve("my-set.permissionset");
    TestFiles.write(
        file,
        "<PermissionSet xmlns=\"http://soap.sforce.com/2006/04/metadata\"><label>L</label>"
            + "<description>"
            + "d".repeat(300)
            + "</description></PermissionSet>");

    Cli.Run run = Cli.run("import", file.toString(), "--out", dir.resolve("specs").toString());

    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(run.err().contains("imported as 'my_set'"), run.err());
    assertTrue(run.err().contains("description is longer than 255"), run.err());
    String spec = TestFiles.read(dir.resolve("specs/my_set.yaml"));
    assertTrue(spec.contains("description: \"" + "d".repeat(255) + "\"\n"), spec);
  }

  @Test
  void aCriticalPermissionGenerateAddsIsAllowedToo(@TempDir Path dir) {
    Path file = dir.resolve("Bulk_Load.permissionset-meta.xml");
    TestFiles.write(
        file,
        "<PermissionSet xmlns=\"http://soap.sforce.com/2006/04/metadata\"><label>B</label>"
            + "<userPermissions><enabled>true</enabled><name>ModifyAllData</name>"
            + "</userPermissions></PermissionSet>");
    TestFiles.sfdxProject(dir);
    TestFiles.write(dir.resolve("force-app/.keep"), "");

    Cli.Run run = Cli.run("import", file.toString(), "--out", dir + "/specs");

    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(
        run.err().contains("generate will also grant user permission ViewAllData"), run.err());
    assertTrue(TestFiles.read(dir.resolve("specs/apionly.yaml")).contains("    - ViewAllData\n"));
    Cli.Run generated = Cli.run("generate", dir + "/specs", "--out", dir.toString());
    assertEquals(0, generated.exitCode(), generated.toString());
  }

  @Test
  void theRoundTripCheckNamesTheFirstDifference() {
    SortedSet<Grant> original = new TreeSet<>(List.of(new Grant(GrantType.OBJECT, "A", "read")));
    SortedSet<Grant> generated = new TreeSet<>(original);
    generated.add(new Grant(GrantType.OBJECT, "A", "edit"));

    AssertionError error =
        assertThrows(
            AssertionError.class,
            () -> RoundTripTest.firstDifference(Path.of("X"), original, generated));

    assertTrue(
        error.getMessage().contains("object A.edit is in the generated set"), error.getMessage());
  }

  /**
   * Where a file is imported from never stops the import: a temporary directory whose name looks
   * random, a hand-edited permission name in another case, and the header comment and
   * justifications import writes all load back.
   */
  @Test
  void aRandomLookingDirectoryAndAnotherCaseNeverFailAnImport(@TempDir Path dir) {
    Path source =
        dir.resolve(
            "Zk8Qw3Rt6Yp1Lm4Nb7Vc2Xs5Df9Gh0Jk3Pq8Wz1Ty4/9f86d081884c7d659a2feaa0c55ad015a3bf4f1b");
    Path file = source.resolve("Invoice_Sync.permissionset-meta.xml");
    TestFiles.write(
        file,
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <PermissionSet xmlns="http://soap.sforce.com/2006/04/metadata">
            <label>Invoice Sync</label>
            <userPermissions><enabled>true</enabled><name>viewSETUP</name></userPermissions>
        </PermissionSet>
        """);
    Path out = dir.resolve("specs");

    Cli.Run run = Cli.run("import", file.toString(), "--out", out.toString());

    assertEquals(0, run.exitCode(), run.toString());
    String spec = TestFiles.read(out.resolve("Invoice_Sync.yaml"));
    assertTrue(spec.contains("name: ViewSetup"), spec);
    assertTrue(spec.contains("Imported from Invoice_Sync.permissionset-meta.xml: review"), spec);
    assertFalse(spec.contains("Zk8Qw3Rt6Yp1"), spec);
  }
}
