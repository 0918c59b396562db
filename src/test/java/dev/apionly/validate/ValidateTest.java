package dev.apionly.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apionly.Cli;
import dev.apionly.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code apionly validate} against saved describes and against the Metadata API WSDL. */
class ValidateTest {

  private static final Path ORG_SCHEMA =
      TestFiles.repository().resolve("src/test/resources/org-schema");

  private static final String TYPOS =
      """
      name: Billing_Sync
      owner: billing@acme.example
      objects:
        Acount:
          access: read
        Account:
          access: read
          fields:
            read: [AcountNumber, Industry, CreatedDate]
            edit: [Name, Rating_Score__c]
          recordTypes: [Partnr]
        Invoice__c:
          access: [read, create]
          fields:
            edit: [Amount__c, Status__c]
        AppAnalyticsQueryRequest:
          access: read
      """;

  @Test
  void typosGetTheNearestNameAndBadFieldPermissionsAreRefused(@TempDir Path dir) {
    Path spec = dir.resolve("specs/billing.yaml");
    TestFiles.write(spec, TYPOS);

    Cli.Run run =
        Cli.run("validate", dir.resolve("specs").toString(), "--org-schema", ORG_SCHEMA.toString());

    assertEquals(1, run.exitCode(), run.toString());
    String err = run.err();
    assertTrue(
        err.contains(
            "billing.yaml:4:3: error: object 'Acount' is not in the org schema (did you mean"
                + " 'Account'?)"),
        err);
    assertTrue(
        err.contains(
            "billing.yaml:9:14: error: field 'AcountNumber' is not a field of Account (did you"
                + " mean 'AccountNumber'?)"),
        err);
    assertTrue(
        err.contains(
            "billing.yaml:11:19: error: record type 'Partnr' is not a record type of Account (did"
                + " you mean 'Partner'?); accepted: Master, Partner"),
        err);
    assertTrue(
        err.contains(
            "billing.yaml:10:14: error: Account.Name is required (createable, not nillable"),
        err);
    assertTrue(
        err.contains(
            "billing.yaml:15:14: error: Invoice__c.Amount__c is required (createable, not"
                + " nillable"),
        err);
    assertTrue(
        err.contains(
            "billing.yaml:9:38: error: field-level security cannot be set on Account.CreatedDate"),
        err);
    assertTrue(
        err.contains("billing.yaml:10:20: warning: Account.Rating_Score__c is read-only"), err);
    assertTrue(
        err.contains(
            "billing.yaml:17:13: warning: the describe of AppAnalyticsQueryRequest says its records"
                + " are not queryable"),
        err);
    assertTrue(err.contains("Invoce__c.json: warning: holds an sf error"), err);
    String headlines =
        String.join(
            "\n",
            err.lines().filter(l -> l.contains(": error: ") || l.contains(": warning: ")).toList());
    assertFalse(headlines.contains("Industry"), "a permissionable, optional field is fine: " + err);
    assertFalse(headlines.contains("Status__c"), "a defaulted field is not required: " + err);
    assertTrue(err.contains("    access: read\n"), "the source line is quoted: " + err);
  }

  @Test
  void correctSpecsAreValid(@TempDir Path dir) {
    TestFiles.write(
        dir.resolve("specs/ok.yaml"),
        """
        name: Ok
        owner: o@acme.example
        objects:
          account:
            access: read
            fields:
              read: [AccountNumber]
            recordTypes: [Partner]
        mute:
          objects:
            Invoice__c: {access: [edit], fields: {edit: [Status__c]}}
        """);

    Cli.Run run =
        Cli.run("validate", dir.resolve("specs").toString(), "--org-schema", ORG_SCHEMA.toString());

    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(run.out().contains("1 spec checked against 3 described objects"), run.out());
    assertTrue(run.err().contains("object 'account' is spelt 'Account' in the org"), run.err());
  }

  @Test
  void listObjectsPrintsWhatToDescribe(@TempDir Path dir) {
    TestFiles.write(dir.resolve("specs/billing.yaml"), TYPOS);

    Cli.Run run = Cli.run("validate", dir.resolve("specs").toString(), "--list-objects");

    assertEquals(0, run.exitCode(), run.toString());
    assertEquals("Account\nAcount\nAppAnalyticsQueryRequest\nInvoice__c\n", run.out());
  }

  @Test
  void generatedFilesAreCheckedAgainstTheWsdlWithTheirLine(@TempDir Path project) throws Exception {
    Path wsdlFile = TestFiles.wsdlOfBundledSchema(project.resolve("org/metadata.wsdl"));
    TestFiles.sfdxProject(project);
    Files.createDirectories(project.resolve("force-app"));
    TestFiles.write(
        project.resolve("specs/ok.yaml"),
        "name: Ok\nowner: o@acme.example\nobjects:\n  Account:\n    access: read\n");
    assertEquals(
        0, Cli.run("generate", project + "/specs", "--out", project.toString()).exitCode());
    String wsdl = wsdlFile.toString();

    Cli.Run valid = Cli.run("validate", "--wsdl", wsdl, "--out", project.toString());
    assertEquals(0, valid.exitCode(), valid.toString());
    assertTrue(valid.out().contains("valid: 3 generated files checked"), valid.out());

    Path set = project.resolve("force-app/main/default/permissionsets/Ok.permissionset-meta.xml");
    String text = TestFiles.read(set);
    Files.writeString(set, text.replace("    <label>", "    <tabs>x</tabs>\n    <label>"));
    int line = (int) text.lines().takeWhile(l -> !l.contains("<label>")).count() + 1;

    Cli.Run invalid = Cli.run("validate", "--wsdl", wsdl, "--out", project.toString());

    assertEquals(1, invalid.exitCode(), invalid.toString());
    assertTrue(
        invalid.err().contains("Ok.permissionset-meta.xml:" + line + ":"), invalid.toString());
    assertTrue(
        invalid.err().contains("not valid against the org's Metadata API WSDL"), invalid.err());
  }

  @Test
  void withoutAWsdlTheBundledSchemaChecksTheOutput(@TempDir Path project) throws Exception {
    TestFiles.sfdxProject(project);
    Files.createDirectories(project.resolve("force-app"));
    TestFiles.write(
        project.resolve("specs/ok.yaml"),
        "name: Ok\nowner: o@acme.example\nobjects:\n  Account:\n    access: read\n");
    assertEquals(
        0, Cli.run("generate", project + "/specs", "--out", project.toString()).exitCode());

    Cli.Run valid = Cli.run("validate", "--out", project.toString());
    assertEquals(0, valid.exitCode(), valid.toString());
    assertTrue(
        valid
            .out()
            .contains(
                "valid: 3 generated files checked against the Metadata API schema 66.0 (built in)"),
        valid.out());

    Path group =
        project.resolve(
            "force-app/main/default/permissionsetgroups/Ok.permissionsetgroup-meta.xml");
    Files.writeString(
        group, TestFiles.read(group).replace("<label>", "<status>Recalculating</status><label>"));
    Cli.Run invalid = Cli.run("validate", "--out", project.toString());
    assertEquals(1, invalid.exitCode(), invalid.toString());
    assertTrue(invalid.err().contains("Ok.permissionsetgroup-meta.xml:"), invalid.err());
    assertTrue(
        invalid.err().contains("not valid against the Metadata API schema 66.0"), invalid.err());
  }

  @Test
  void aMissingWsdlIsBadInput(@TempDir Path dir) {
    Cli.Run run = Cli.run("validate", "--wsdl", dir.resolve("none.wsdl").toString());
    assertEquals(2, run.exitCode(), run.toString());
    assertTrue(run.err().contains("none.wsdl: error: no such file"), run.err());
  }
}
