package dev.apionly.metadata;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apionly.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every XML file apionly generates (golden cases and examples) is valid against the schema apionly
 * ships, derived from the Metadata API WSDL. The conformance run checks them against the full
 * WSDLs.
 */
public class WsdlValidationTest {

  private static final MetadataSchema SCHEMA = MetadataSchema.bundled();

  /** Generated metadata files: golden expectations and the repository's own generated output. */
  public static Stream<Path> generatedXml() throws IOException {
    List<Path> files = new ArrayList<>();
    for (Path root :
        List.of(
            TestFiles.repository().resolve("src/test/resources/golden"),
            TestFiles.repository().resolve("force-app"),
            TestFiles.repository().resolve("manifest"))) {
      try (Stream<Path> walk = Files.walk(root)) {
        walk.filter(p -> p.toString().endsWith(".xml")).sorted().forEach(files::add);
      }
    }
    assertTrue(files.size() > 30, "expected generated XML files, found " + files.size());
    return files.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("generatedXml")
  void validAgainstTheBundledSchema(Path file) throws IOException {
    List<MetadataException> problems = SCHEMA.validate(file);
    assertEquals(
        List.of(),
        problems.stream().map(p -> p.line() + ":" + p.column() + " " + p.getMessage()).toList(),
        file.toString());
  }

  @Test
  void rejectsAnElementOutOfOrder() throws IOException {
    String xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<PermissionSet xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n"
            + "    <label>X</label>\n"
            + "    <description>after label</description>\n"
            + "</PermissionSet>\n";
    List<MetadataException> problems = SCHEMA.validate(xml);
    assertFalse(problems.isEmpty());
    assertEquals(4, problems.get(0).line());
  }

  @Test
  void rejectsAnObjectPermissionMissingARequiredFlag() throws IOException {
    String xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<PermissionSet xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n"
            + "    <label>X</label>\n"
            + "    <objectPermissions>\n"
            + "        <allowRead>true</allowRead>\n"
            + "        <object>Account</object>\n"
            + "    </objectPermissions>\n"
            + "</PermissionSet>\n";
    assertFalse(SCHEMA.validate(xml).isEmpty());
  }

  @Test
  void fixturesInCanonicalOrderAreValidToo() throws IOException {
    // the schema accepts what Salesforce itself writes (a check of the check)
    List<Path> canonical =
        TestFiles.metadataFiles(TestFiles.fixtures()).stream()
            .filter(f -> f.getFileName().toString().startsWith("Canonical_"))
            .toList();
    assertTrue(canonical.size() >= 5, canonical.toString());
    for (Path file : canonical) {
      assertEquals(
          List.of(),
          SCHEMA.validate(file).stream().map(Throwable::getMessage).toList(),
          file.toString());
    }
  }

  @Test
  void aFixtureOutOfOrderIsNot() throws IOException {
    Path handEdited =
        TestFiles.fixtures().resolve("source/Support_Desk_Bridge.permissionset-meta.xml");
    assertFalse(SCHEMA.validate(handEdited).isEmpty());
  }

  @Test
  void aMutingSetIsCheckedAsAPermissionSet() throws IOException {
    String xml =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
            + "<MutingPermissionSet xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n"
            + "    <label>M</label>\n"
            + "</MutingPermissionSet>\n";
    assertEquals(List.of(), SCHEMA.validate(xml));
  }
}
