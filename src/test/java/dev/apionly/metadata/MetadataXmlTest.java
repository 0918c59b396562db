package dev.apionly.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apionly.TestFiles;
import dev.apionly.model.PermissionSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading metadata XML: safe against entities, precise about errors, tolerant of real files. */
public class MetadataXmlTest {

  private static final String HEAD =
      "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
          + "<PermissionSet xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n";

  @Test
  void refusesDoctypesAndSoExternalEntities(@TempDir Path dir) throws IOException {
    Path secret = dir.resolve("secret.txt");
    Files.writeString(secret, "TOP-SECRET");
    String xml =
        "<?xml version=\"1.0\"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM \""
            + secret.toUri()
            + "\">]>\n"
            + "<PermissionSet xmlns=\"http://soap.sforce.com/2006/04/metadata\"><label>&e;</label></PermissionSet>";
    MetadataException e =
        assertThrows(MetadataException.class, () -> MetadataXml.parse(xml, PermissionSetXml.class));
    assertFalse(e.getMessage().contains("TOP-SECRET"), e.getMessage());
    assertTrue(e.getMessage().contains("DOCTYPE"), e.getMessage());
  }

  @Test
  void malformedXmlHasItsLine() {
    MetadataException e =
        assertThrows(
            MetadataException.class,
            () ->
                MetadataXml.parse(
                    HEAD + "    <label>X</lable>\n</PermissionSet>\n", PermissionSetXml.class));
    assertEquals(3, e.line());
  }

  @Test
  void aDifferentRootIsNamed() {
    MetadataException e =
        assertThrows(
            MetadataException.class,
            () ->
                MetadataXml.parse(
                    HEAD + "    <label>X</label>\n</PermissionSet>\n",
                    PermissionSetGroupXml.class));
    assertTrue(e.getMessage().contains("expected PermissionSetGroup"), e.getMessage());
  }

  @Test
  void readsOnlyEnabledGrantsInAnyOrder() throws MetadataException {
    PermissionSet set =
        MetadataXml.toModel(
            "S",
            MetadataXml.parse(
                HEAD
                    + "    <userPermissions><name>ViewSetup</name><enabled>false</enabled></userPermissions>\n"
                    + "    <label>S</label>\n"
                    + "    <userPermissions><enabled>true</enabled><name> RunFlow </name></userPermissions>\n"
                    + "    <fieldPermissions><readable>false</readable><field>A.B</field><editable>false</editable></fieldPermissions>\n"
                    + "</PermissionSet>",
                PermissionSetXml.class));
    assertEquals(List.of("RunFlow"), set.userPermissions());
    assertEquals(List.of(), set.fields());
  }

  @Test
  void everyFixtureParses() throws MetadataException {
    List<Path> files = TestFiles.metadataFiles(TestFiles.fixtures());
    assertTrue(files.size() >= 7, files.toString());
    everyPermissionSetParses(files);
  }

  /**
   * Each permission set (source or metadata-API format) among {@code files} parses, label and all.
   */
  public static void everyPermissionSetParses(List<Path> files) throws MetadataException {
    for (Path file : files) {
      String name = file.getFileName().toString();
      if (name.matches(".*\\.permissionset(-meta\\.xml)?")) {
        PermissionSetXml xml = MetadataXml.parse(TestFiles.read(file), PermissionSetXml.class);
        assertTrue(xml.label != null, file.toString());
      }
    }
  }

  /** A list split by other elements, as hand edits leave it, is read whole. */
  @Test
  void aSplitListIsReadWhole() throws MetadataException {
    PermissionSetXml xml =
        MetadataXml.parse(
            HEAD
                + "    <userPermissions><enabled>true</enabled><name>ApiEnabled</name></userPermissions>\n"
                + "    <label>S</label>\n"
                + "    <tabSettings><tab>Invoice__c</tab><visibility>Visible</visibility></tabSettings>\n"
                + "    <userPermissions><enabled>true</enabled><name>RunFlow</name></userPermissions>\n"
                + "    <tabSettings><tab>Order__c</tab><visibility>Hidden</visibility></tabSettings>\n"
                + "</PermissionSet>",
            PermissionSetXml.class);
    assertEquals(
        List.of("ApiEnabled", "RunFlow"),
        xml.userPermissions.stream().map(PermissionSetXml.NamedAccess::key).toList());
    assertEquals(
        List.of(
            "tabSettings: tab=Invoice__c, visibility=Visible",
            "tabSettings: tab=Order__c, visibility=Hidden"),
        xml.other.stream().map(UnknownElement::display).toList());
  }

  @Test
  void aRootOutsideTheMetadataNamespaceIsNamed() {
    MetadataException e =
        assertThrows(
            MetadataException.class,
            () ->
                MetadataXml.parse(
                    "<PermissionSet><label>X</label></PermissionSet>", PermissionSetXml.class));
    assertTrue(e.getMessage().contains("in namespace ''"), e.getMessage());
    assertEquals(1, e.line());
  }
}
