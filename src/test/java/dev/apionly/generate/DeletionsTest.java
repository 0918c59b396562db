package dev.apionly.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apionly.Cli;
import dev.apionly.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Removed components and {@code manifest/destructiveChanges.xml}; drift shown as a diff. */
class DeletionsTest {

  private static final String DESTRUCTIVE = "manifest/destructiveChanges.xml";

  @TempDir Path project;

  private Path specs;

  @BeforeEach
  void generateTheExamples() {
    TestFiles.sfdxProject(project);
    specs = project.resolve("specs");
    TestFiles.copy(TestFiles.repository().resolve("examples"), specs);
    assertEquals(0, generate().exitCode());
    assertFalse(Files.exists(project.resolve(DESTRUCTIVE)), "nothing removed yet");
  }

  /**
   * Salesforce names Billing_Engine and BILLING_ENGINE one component: renaming an integration in
   * letter case only must not list it for deletion, or deploying with the destructive manifest
   * would delete what the same deploy just wrote.
   */
  @Test
  void aRenameInLetterCaseOnlyDeletesNothingFromTheOrg() throws IOException {
    String billing = TestFiles.read(specs.resolve("billing-engine.yaml"));
    assertTrue(billing.contains("name: Billing_Engine\n"), billing);
    TestFiles.write(
        specs.resolve("billing-engine.yaml"),
        billing.replace("name: Billing_Engine\n", "name: BILLING_ENGINE\n"));

    Cli.Run run = generate();
    assertEquals(0, run.exitCode(), run.toString());
    assertFalse(Files.exists(project.resolve(DESTRUCTIVE)), run.out());
    assertTrue(
        Files.exists(
            project.resolve(
                "force-app/main/default/permissionsets/BILLING_ENGINE.permissionset-meta.xml")));
    assertTrue(TestFiles.read(project.resolve("manifest/package.xml")).contains("BILLING_ENGINE"));
  }

  @Test
  void removedComponentsAreListedUntilTheirDeletionIsDeployed() throws IOException {
    Files.delete(specs.resolve("warehouse-extract.yaml"));
    String dispatch = TestFiles.read(specs.resolve("field-service-dispatch.yaml"));
    TestFiles.write(
        specs.resolve("field-service-dispatch.yaml"),
        dispatch.substring(0, dispatch.indexOf("mute:")));

    Cli.Run run = generate();
    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(run.out().contains("--post-destructive-changes " + DESTRUCTIVE), run.out());
    String manifest = TestFiles.read(project.resolve(DESTRUCTIVE));
    assertEquals(
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <Package xmlns="http://soap.sforce.com/2006/04/metadata">
            <types>
                <members>Warehouse_Extract</members>
                <name>ExternalClientApplication</name>
            </types>
            <types>
                <members>Warehouse_Extract_glbloauth</members>
                <name>ExtlClntAppGlobalOauthSettings</name>
            </types>
            <types>
                <members>Warehouse_Extract_oauthPlcy</members>
                <name>ExtlClntAppOauthConfigurablePolicies</name>
            </types>
            <types>
                <members>Warehouse_Extract_oauth</members>
                <name>ExtlClntAppOauthSettings</name>
            </types>
            <types>
                <members>Field_Service_Dispatch_Muted</members>
                <name>MutingPermissionSet</name>
            </types>
            <types>
                <members>Warehouse_Extract</members>
                <name>PermissionSet</name>
            </types>
            <types>
                <members>Warehouse_Extract</members>
                <name>PermissionSetGroup</name>
            </types>
            <types>
                <members>Warehouse_Extract</members>
                <name>UserAccessPolicy</name>
            </types>
            <version>66.0</version>
        </Package>
        """,
        manifest);
    assertFalse(
        TestFiles.read(project.resolve("manifest/package.xml")).contains("Warehouse_Extract"));

    // later runs keep it: the org still has those components until the manifest is deployed
    Cli.Run again = generate();
    assertTrue(again.out().contains("nothing changed"), again.toString());
    assertEquals(manifest, TestFiles.read(project.resolve(DESTRUCTIVE)));
    assertEquals(0, check().exitCode());

    // deployed: the next run forgets them and removes the file
    Cli.Run deployed = generate("--deletions-deployed");
    assertEquals(0, deployed.exitCode(), deployed.toString());
    assertTrue(deployed.out().contains("delete " + DESTRUCTIVE), deployed.out());
    assertFalse(Files.exists(project.resolve(DESTRUCTIVE)));
    assertEquals(0, check().exitCode());
  }

  @Test
  void aComponentGeneratedAgainLeavesTheList() throws IOException {
    String warehouse = TestFiles.read(specs.resolve("warehouse-extract.yaml"));
    String billing = TestFiles.read(specs.resolve("billing-engine.yaml"));
    Files.delete(specs.resolve("warehouse-extract.yaml"));
    Files.delete(specs.resolve("billing-engine.yaml"));
    assertEquals(0, generate().exitCode());
    assertTrue(TestFiles.read(project.resolve(DESTRUCTIVE)).contains("Billing_Engine"));

    TestFiles.write(specs.resolve("warehouse-extract.yaml"), warehouse);
    assertEquals(0, generate().exitCode());
    String manifest = TestFiles.read(project.resolve(DESTRUCTIVE));
    assertFalse(manifest.contains("Warehouse_Extract"), manifest);
    assertTrue(manifest.contains("Billing_Engine"), manifest);

    TestFiles.write(specs.resolve("billing-engine.yaml"), billing);
    assertEquals(0, generate().exitCode());
    assertFalse(Files.exists(project.resolve(DESTRUCTIVE)), "nothing left to delete");
  }

  @Test
  void aRemovedGrantNeedsNoDestructiveChange() {
    String erp = TestFiles.read(specs.resolve("erp-order-sync.yaml"));
    TestFiles.write(
        specs.resolve("erp-order-sync.yaml"), erp.replace("flows: [Order_Post_Processing]\n", ""));
    Cli.Run run = generate();
    assertEquals(0, run.exitCode(), run.toString());
    assertFalse(Files.exists(project.resolve(DESTRUCTIVE)), run.out());
  }

  @Test
  void checkPrintsAShortUnifiedDiffOfEachFile() {
    String erp = TestFiles.read(specs.resolve("erp-order-sync.yaml"));
    TestFiles.write(
        specs.resolve("erp-order-sync.yaml"),
        erp.replace(
            "flows: [Order_Post_Processing]\n", "flows: [Order_Post_Processing, Order_Audit]\n"));

    Cli.Run run = check();
    assertEquals(1, run.exitCode(), run.toString());
    String out = run.out();
    String set = "force-app/main/default/permissionsets/ERP_Order_Sync.permissionset-meta.xml";
    assertTrue(
        out.contains("would update " + set + "\n    --- a/" + set + "\n    +++ b/" + set), out);
    assertTrue(out.contains("\n    +        <flow>Order_Audit</flow>\n"), out);
    assertFalse(out.contains("\n    -        <flow>Order_Post_Processing</flow>"), out);
    assertTrue(out.contains("\n    @@ -"), out);
    assertTrue(out.contains("files out of date"), out);
    // nothing was written
    assertEquals(0, generate().exitCode());
    assertTrue(TestFiles.read(project.resolve(set)).contains("Order_Audit"));
  }

  @Test
  void checkCutsLongDiffsShortUnlessVerbose() throws IOException {
    Files.delete(specs.resolve("warehouse-extract.yaml"));
    Cli.Run brief = check();
    assertEquals(1, brief.exitCode(), brief.toString());
    assertTrue(brief.out().contains("more lines (see --verbose)"), brief.out());
    Cli.Run full = check("--verbose");
    assertFalse(full.out().contains("more lines (see --verbose)"), full.out());
    assertTrue(full.out().length() > brief.out().length());
    assertTrue(full.out().contains("would create " + DESTRUCTIVE), full.out());
  }

  private Cli.Run generate(String... extra) {
    return run("generate", extra);
  }

  private Cli.Run check(String... extra) {
    String[] args = new String[extra.length + 1];
    args[0] = "--check";
    System.arraycopy(extra, 0, args, 1, extra.length);
    return run("generate", args);
  }

  private Cli.Run run(String command, String... extra) {
    String[] args = new String[extra.length + 4];
    args[0] = command;
    System.arraycopy(extra, 0, args, 1, extra.length);
    args[extra.length + 1] = specs.toString();
    args[extra.length + 2] = "--out";
    args[extra.length + 3] = project.toString();
    return Cli.run(args);
  }
}
