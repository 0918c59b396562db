package dev.apionly.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apionly.TestFiles;
import dev.apionly.metadata.xml.PermissionSetUserPermissionXml;
import dev.apionly.metadata.xml.PermissionSetXml;
import dev.apionly.model.FieldAccess;
import dev.apionly.model.MetadataType;
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
        assertThrows(
            MetadataException.class, () -> MetadataXml.parse(xml, MetadataRoot.PERMISSION_SET));
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
                    HEAD + "    <label>X</lable>\n</PermissionSet>\n",
                    MetadataRoot.PERMISSION_SET));
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
                    MetadataRoot.PERMISSION_SET_GROUP));
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
                MetadataRoot.PERMISSION_SET));
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
        PermissionSetXml xml = MetadataXml.parse(TestFiles.read(file), MetadataRoot.PERMISSION_SET);
        assertTrue(xml.getLabel() != null, file.toString());
      }
    }
  }

  /** A list split by other elements, as hand edits leave it, is read whole. */
  @Test
  void aSplitListIsReadWhole() throws MetadataException {
    String text =
        HEAD
            + "    <userPermissions><enabled>true</enabled><name>ApiEnabled</name></userPermissions>\n"
            + "    <label>S</label>\n"
            + "    <tabSettings><tab>Invoice__c</tab><visibility>Visible</visibility></tabSettings>\n"
            + "    <userPermissions><enabled>true</enabled><name>RunFlow</name></userPermissions>\n"
            + "    <tabSettings><tab>Order__c</tab><visibility>Hidden</visibility></tabSettings>\n"
            + "</PermissionSet>";
    PermissionSetXml xml = MetadataXml.parse(text, MetadataRoot.PERMISSION_SET);
    assertEquals(
        List.of("ApiEnabled", "RunFlow"),
        xml.getUserPermissions().stream().map(PermissionSetUserPermissionXml::getName).toList());
    assertEquals(
        List.of(
            "tabSettings: tab=Invoice__c, visibility=Visible",
            "tabSettings: tab=Order__c, visibility=Hidden"),
        MetadataXml.unread(text, MetadataRoot.PERMISSION_SET).stream()
            .map(UnknownElement::display)
            .toList());
  }

  /**
   * What the model leaves out is listed, typed or not, in the order written; an element the schema
   * does not declare does not stop the file from being read.
   */
  @Test
  void whatTheModelLeavesOutIsListed() throws MetadataException {
    String text =
        HEAD
            + "    <futureAccesses><name>X</name><level>Full <b>and</b> more</level></futureAccesses>\n"
            + "    <label>S</label>\n"
            + "    <hasActivationRequired>false</hasActivationRequired>\n"
            + "    <futureFlag> on </futureFlag>\n"
            + "    <empty/>\n"
            + "</PermissionSet>";
    assertEquals("S", MetadataXml.parse(text, MetadataRoot.PERMISSION_SET).getLabel());
    assertEquals(
        List.of(
            "futureAccesses: name=X, level=Full and more",
            "hasActivationRequired: false",
            "futureFlag: on",
            "empty"),
        MetadataXml.unread(text, MetadataRoot.PERMISSION_SET).stream()
            .map(UnknownElement::display)
            .toList());
  }

  @Test
  void aValueOfTheWrongTypeIsAnErrorWithItsLine() {
    MetadataException e =
        assertThrows(
            MetadataException.class,
            () ->
                MetadataXml.parse(
                    HEAD
                        + "    <label>S</label>\n"
                        + "    <userPermissions><enabled>yes</enabled><name>A</name></userPermissions>\n"
                        + "</PermissionSet>\n",
                    MetadataRoot.PERMISSION_SET));
    assertEquals(4, e.line(), e.getMessage());
    assertTrue(e.getMessage().contains("yes"), e.getMessage());
  }

  /** Nesting far beyond any metadata file is refused with its position, not a stack overflow. */
  @Test
  void deepNestingIsRefused() {
    int depth = MetadataXml.MAX_DEPTH + 5;
    String xml =
        HEAD
            + "<futureThing>".repeat(depth)
            + "x"
            + "</futureThing>".repeat(depth)
            + "<label>S</label></PermissionSet>";
    MetadataException e =
        assertThrows(
            MetadataException.class, () -> MetadataXml.parse(xml, MetadataRoot.PERMISSION_SET));
    assertTrue(e.getMessage().contains("nested deeper than"), e.getMessage());
    assertEquals(3, e.line());
  }

  @Test
  void aMutingSetNeedsItsOwnRootAndMutesWhatItNames() throws MetadataException {
    String muting =
        "<MutingPermissionSet xmlns=\"http://soap.sforce.com/2006/04/metadata\">"
            + "<fieldPermissions><editable>true</editable><field>A.B</field>"
            + "<readable>false</readable></fieldPermissions>"
            + "<fieldPermissions><editable>false</editable><field>A.C</field>"
            + "<readable>true</readable></fieldPermissions>"
            + "<label>M</label></MutingPermissionSet>";
    PermissionSet set =
        MetadataXml.toMutingModel(
            "M", MetadataXml.parse(muting, MetadataRoot.MUTING_PERMISSION_SET));
    assertEquals(
        List.of(new FieldAccess("A.B", true), new FieldAccess("A.C", false)), set.fields());
    MetadataException e =
        assertThrows(
            MetadataException.class, () -> MetadataXml.parse(muting, MetadataRoot.PERMISSION_SET));
    assertTrue(e.getMessage().contains("root element is MutingPermissionSet"), e.getMessage());
  }

  @Test
  void contentAfterTheRootMustBeWellFormed() {
    MetadataException e =
        assertThrows(
            MetadataException.class,
            () ->
                MetadataXml.parse(
                    HEAD + "<label>S</label>\n</PermissionSet>\n<extra>",
                    MetadataRoot.PERMISSION_SET));
    assertTrue(e.getMessage().startsWith("malformed XML"), e.getMessage());
    assertEquals(5, e.line(), e.getMessage());
  }

  @Test
  void aRootOutsideTheMetadataNamespaceIsNamed() {
    MetadataException e =
        assertThrows(
            MetadataException.class,
            () ->
                MetadataXml.parse(
                    "<PermissionSet><label>X</label></PermissionSet>",
                    MetadataRoot.PERMISSION_SET));
    assertTrue(e.getMessage().contains("PermissionSet in no namespace"), e.getMessage());
    assertEquals(1, e.line());
  }

  /** A declared namespace is the file's own text, which may hold anything: never quoted back. */
  @Test
  void aForeignNamespaceIsNotQuoted() {
    String secret = "https://user:hunter2-s3cret@acme.example/ns";
    MetadataException e =
        assertThrows(
            MetadataException.class,
            () ->
                MetadataXml.parse(
                    "<PermissionSet xmlns=\"" + secret + "\"><label>X</label></PermissionSet>",
                    MetadataRoot.PERMISSION_SET));
    assertTrue(e.getMessage().contains("in another namespace"), e.getMessage());
    assertFalse(e.getMessage().contains("hunter2"), e.getMessage());
  }

  @Test
  void everyRegisteredTypeIsReadIntoTheClassXjcDeclaredForItsRoot() throws MetadataException {
    for (MetadataType type : MetadataType.values()) {
      MetadataRoot<?> root = MetadataRoot.of(type);
      assertEquals(type.rootElement(), root.element());
      String empty = "<" + type.rootElement() + " xmlns=\"" + MetadataXml.NAMESPACE + "\"/>";
      assertEquals(root.type(), MetadataXml.parse(empty, root).getClass(), type.toString());
    }
    assertEquals(
        PermissionSetXml.class, MetadataRoot.of(MetadataType.MUTING_PERMISSION_SET).type());
  }
}
