package dev.apionly.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apionly.Cli;
import dev.apionly.TestFiles;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code apionly validate} against a WSDL and against an org's describe snapshot. */
class ValidateTest {

  private static final Path SCHEMA =
      TestFiles.repository().resolve("src/test/resources/org-schema");

  @TempDir Path dir;

  private Cli.Run orgSchema(String spec) {
    TestFiles.write(dir.resolve("specs/s.yaml"), "name: Check\nowner: o@acme.example\n" + spec);
    return Cli.run("validate", dir.resolve("specs").toString(), "--org-schema", SCHEMA.toString());
  }

  @Test
  void aMatchingSpecIsValid() {
    Cli.Run run =
        orgSchema(
            "objects:\n  Account:\n    access: [read, edit]\n    fields: {read: [Industry], edit: [AccountNumber]}\n"
                + "    recordTypes: [Partner]\n");
    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(
        run.out().contains("1 spec checked against 2 described objects: 0 errors"), run.out());
  }

  @Test
  void typosGetTheNearestName() {
    Cli.Run run =
        orgSchema(
            "objects:\n  Acount:\n    access: read\n  Account:\n    access: read\n"
                + "    fields: {read: [Industy]}\n    recordTypes: [Partnr]\n");
    assertEquals(1, run.exitCode(), run.toString());
    assertTrue(
        run.err()
            .contains(
                "s.yaml:4:3: error: object 'Acount' is not in the org schema (did you mean 'Account'?)"),
        run.err());
    assertTrue(
        run.err()
            .contains(
                "s.yaml:8:21: error: field 'Account.Industy' is not in the org schema (did you mean 'Industry'?)"),
        run.err());
    assertTrue(
        run.err()
            .contains(
                "record type 'Partnr' is not an active record type of Account in the org schema (did you mean 'Partner'?)"),
        run.err());
  }

  @Test
  void requiredAndUnpermissionableFieldsAreRefused() {
    Cli.Run run =
        orgSchema(
            "objects:\n  Invoice__c:\n    access: [read, edit]\n    fields: {edit: [Account__c, Name, Amount__c]}\n");
    assertEquals(1, run.exitCode(), run.toString());
    assertTrue(run.err().contains("field 'Invoice__c.Account__c' is required"), run.err());
    assertTrue(
        run.err().contains("field 'Invoice__c.Name' takes no field-level security"), run.err());
    assertFalse(run.err().contains("Amount__c'"), run.err());
  }

  @Test
  void whatTheDescribingUserCannotDoIsAWarning() {
    Cli.Run run =
        orgSchema("objects:\n  Invoice__c:\n    access: [read, delete]\n    justification: x\n");
    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(
        run.err().contains("warning: the org schema says Invoice__c is not deletable"), run.err());
  }

  @Test
  void inactiveRecordTypesDoNotCount() {
    Cli.Run run = orgSchema("objects:\n  Account:\n    access: read\n    recordTypes: [Legacy]\n");
    assertEquals(1, run.exitCode(), run.toString());
  }

  @Test
  void generatedFilesAgainstTheWsdl() {
    TestFiles.sfdxProject(dir);
    TestFiles.write(
        dir.resolve("specs/s.yaml"),
        "name: Check\nowner: o@acme.example\nobjects:\n  Account:\n    access: read\n");
    assertEquals(
        0,
        Cli.run("generate", dir.resolve("specs").toString(), "--out", dir.toString()).exitCode());
    Cli.Run valid =
        Cli.run("validate", "--wsdl", TestFiles.wsdl("66").toString(), "--out", dir.toString());
    assertEquals(0, valid.exitCode(), valid.toString());
    assertTrue(
        valid.out().contains("3 generated files checked against the WSDL: 0 errors"), valid.out());

    // a file that breaks the schema: reported at its line, exit 1
    Path set = dir.resolve("force-app/main/default/permissionsets/Check.permissionset-meta.xml");
    TestFiles.write(
        set, TestFiles.read(set).replace("<label>", "<labl>").replace("</label>", "</labl>"));
    Cli.Run invalid =
        Cli.run("validate", "--wsdl", TestFiles.wsdl("66").toString(), "--out", dir.toString());
    assertEquals(1, invalid.exitCode(), invalid.toString());
    assertTrue(invalid.err().contains("Check.permissionset-meta.xml:5:"), invalid.err());

    Cli.Run notWsdl = Cli.run("validate", "--wsdl", set.toString(), "--out", dir.toString());
    assertEquals(2, notWsdl.exitCode(), notWsdl.toString());
    assertTrue(notWsdl.err().contains("not a Metadata API WSDL"), notWsdl.err());
  }

  @Test
  void somethingToValidateAgainstIsRequired() {
    Cli.Run run = Cli.run("validate");
    assertEquals(2, run.exitCode());
    assertTrue(run.err().contains("give --wsdl FILE, --org-schema DIR, or both"), run.err());
  }
}
