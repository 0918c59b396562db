package dev.apionly.validate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apionly.Cli;
import dev.apionly.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Spec names against the project's own source: typos found offline, what it cannot know left. */
class SourceCheckTest {

  @TempDir Path project;

  private static final String XML = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n";

  @BeforeEach
  void source() {
    TestFiles.write(
        project.resolve("sfdx-project.json"),
        "{\"packageDirectories\": [{\"path\": \"force-app\", \"default\": true},"
            + " {\"path\": \"unpackaged\"}], \"sourceApiVersion\": \"66.0\"}\n");
    Path main = project.resolve("force-app/main/default");
    Path price = main.resolve("objects/Price__c");
    TestFiles.write(price.resolve("Price__c.object-meta.xml"), XML + "<CustomObject/>\n");
    TestFiles.write(price.resolve("fields/Amount__c.field-meta.xml"), XML + "<CustomField/>\n");
    TestFiles.write(price.resolve("fields/Currency__c.field-meta.xml"), XML + "<CustomField/>\n");
    TestFiles.write(
        price.resolve("recordTypes/Retail.recordType-meta.xml"), XML + "<RecordType/>\n");
    TestFiles.write(
        main.resolve("objects/Account/fields/Region__c.field-meta.xml"), XML + "<CustomField/>\n");
    TestFiles.write(
        main.resolve("objects/Sync_Setting__mdt/Sync_Setting__mdt.object-meta.xml"),
        XML + "<CustomObject/>\n");
    TestFiles.write(
        main.resolve("objects/Sync_Config__c/Sync_Config__c.object-meta.xml"),
        XML
            + "<CustomObject xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n"
            + "    <customSettingsType>Hierarchy</customSettingsType>\n</CustomObject>\n");
    TestFiles.write(main.resolve("classes/OrderSync.cls"), "public class OrderSync {}\n");
    TestFiles.write(main.resolve("pages/SyncStatus.page"), "<apex:page/>\n");
    TestFiles.write(main.resolve("flows/Post_Sync.flow-meta.xml"), XML + "<Flow/>\n");
    TestFiles.write(
        project.resolve("unpackaged/customPermissions/Bypass_Rules.customPermission-meta.xml"),
        XML + "<CustomPermission/>\n");
    TestFiles.write(
        main.resolve("externalCredentials/SAP.externalCredential-meta.xml"),
        XML
            + "<ExternalCredential xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n"
            + "    <externalCredentialParameters>\n"
            + "        <parameterGroup>Named</parameterGroup>\n"
            + "        <parameterName>Named</parameterName>\n"
            + "        <parameterType>NamedPrincipal</parameterType>\n"
            + "        <sequenceNumber>1</sequenceNumber>\n"
            + "    </externalCredentialParameters>\n"
            + "    <externalCredentialParameters>\n"
            + "        <parameterName>Scope</parameterName>\n"
            + "        <parameterType>AuthParameter</parameterType>\n"
            + "    </externalCredentialParameters>\n"
            + "</ExternalCredential>\n");
  }

  private void spec(String body) {
    TestFiles.write(
        project.resolve("specs/price.yaml"), "name: Price_Sync\nowner: o@acme.example\n" + body);
  }

  private Cli.Run validate() {
    return Cli.run("validate", project.resolve("specs").toString(), "--out", project.toString());
  }

  @Test
  void namesTheSourceDefinesPassInAnyCase() throws Exception {
    spec(
        "objects:\n"
            + "  price__C:\n    access: read\n    fields:\n      read: [AMOUNT__c, Name]\n"
            + "    recordTypes: [retail]\n"
            + "  Account:\n    access: read\n    fields:\n      read: [Region__c, Name]\n"
            + "  acme__Shipment__c:\n    access: read\n"
            + "  Contact:\n    access: read\n    fields:\n      read: [Nickname__c]\n"
            + "apexClasses: [ordersync, acme__Managed]\n"
            + "apexPages: [SyncStatus]\nflows: [Post_Sync]\ncustomPermissions: [Bypass_Rules]\n"
            + "customMetadataTypes: [Sync_Setting__mdt]\ncustomSettings: [Sync_Config__c]\n"
            + "externalCredentialPrincipals: [SAP-Named]\n");
    assertEquals(
        0, Cli.run("generate", project + "/specs", "--out", project.toString()).exitCode());

    Cli.Run run = validate();

    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(run.out().contains("1 spec checked against the project's source"), run.out());
  }

  @Test
  void typosAreErrorsWithTheNearestName() {
    spec(
        "objects:\n"
            + "  Prce__c:\n    access: read\n"
            + "  Price__c:\n    access: read\n    fields:\n      read: [Amont__c]\n"
            + "    recordTypes: [Retial]\n"
            + "  Account:\n    access: read\n    fields:\n      read: [Regoin__c]\n"
            + "apexClasses: [OrderSink]\napexPages: [SyncStatuss]\nflows: [Post_Snyc]\n"
            + "customPermissions: [Bypass_Rule]\ncustomMetadataTypes: [Sync_Settings__mdt]\n"
            + "customSettings: [Sync_Conf__c]\nexternalCredentialPrincipals: [SAP-Name]\n");

    Cli.Run run = validate();

    assertEquals(1, run.exitCode(), run.toString());
    for (String expected :
        new String[] {
          "price.yaml:4:3: error: object 'Prce__c' is not defined in the project's source (did you"
              + " mean 'Price__c'?)",
          "price.yaml:9:14: error: field 'Amont__c' is not a field of Price__c in the project's"
              + " source (did you mean 'Amount__c'?)",
          "record type 'Retial' is not a record type of Price__c in the project's source (did you"
              + " mean 'Retail'?)",
          "field 'Regoin__c' is not a field of Account in the project's source (did you mean"
              + " 'Region__c'?)",
          "Apex class 'OrderSink' is not defined in the project's source (did you mean"
              + " 'OrderSync'?)",
          "Visualforce page 'SyncStatuss'",
          "flow 'Post_Snyc' is not defined in the project's source (did you mean 'Post_Sync'?)",
          "custom permission 'Bypass_Rule'",
          "custom metadata type 'Sync_Settings__mdt'",
          "custom setting 'Sync_Conf__c'",
          "external credential principal 'SAP-Name' is not defined in the project's source (did"
              + " you mean 'SAP-Named'?)"
        }) {
      assertTrue(run.err().contains(expected), expected + "\n" + run.err());
    }
  }

  @Test
  void generateWarnsAndStillWrites() {
    spec("objects:\n  Prce__c:\n    access: read\n");

    Cli.Run run = Cli.run("generate", project + "/specs", "--out", project.toString());

    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(
        run.err().contains("warning: object 'Prce__c' is not defined in the project's source"),
        run.err());
    assertTrue(Files.exists(project.resolve(".apionly/generated.tsv")));
  }

  @Test
  void aKindTheProjectKeepsNoneOfIsNotChecked() throws Exception {
    Files.walk(project.resolve("force-app/main/default/classes"))
        .sorted(java.util.Comparator.reverseOrder())
        .forEach(p -> p.toFile().delete());
    spec("apexClasses: [ClassFromAnotherRepository]\n");

    Cli.Run run = validate();

    assertFalse(run.err().contains("ClassFromAnotherRepository"), run.err());
  }

  @Test
  void theProjectsOwnNamespaceIsLocal() {
    TestFiles.write(
        project.resolve("sfdx-project.json"),
        "{\"packageDirectories\": [{\"path\": \"force-app\", \"default\": true}],"
            + " \"namespace\": \"acme\", \"sourceApiVersion\": \"66.0\"}\n");
    spec("objects:\n  acme__Prce__c:\n    access: read\napexClasses: [acme__OrderSync]\n");

    Cli.Run run = validate();

    assertEquals(1, run.exitCode(), run.toString());
    assertTrue(run.err().contains("object 'acme__Prce__c'"), run.err());
    assertTrue(run.err().contains("did you mean 'Price__c'?"), run.err());
    assertFalse(run.err().contains("acme__OrderSync"), run.err());
  }
}
