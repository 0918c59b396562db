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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every XML file apionly generates (golden cases and examples) is valid against the WSDL. */
class WsdlValidationTest {

  private static MetadataSchema v66;
  private static MetadataSchema v62;

  @BeforeAll
  static void loadSchemas() throws Exception {
    v66 = MetadataSchema.fromWsdl(TestFiles.wsdl("66"));
    v62 = MetadataSchema.fromWsdl(TestFiles.wsdl("62"));
  }

  /** Generated metadata files: golden expectations and the repository's own generated output. */
  static Stream<Path> generatedXml() throws IOException {
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
  void validAgainstMetadataWsdl(Path file) throws IOException {
    MetadataSchema schema =
        TestFiles.read(file).contains("<version>62.0</version>")
                || file.toString().contains("defaults-and-layout")
            ? v62
            : v66;
    List<MetadataException> problems = schema.validate(file);
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
    List<MetadataException> problems = v66.validate(xml);
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
    assertFalse(v66.validate(xml).isEmpty());
  }

  @Test
  void realRetrievedFilesAreValidToo() throws IOException {
    // the schema wrapper accepts what Salesforce itself writes (a check of the check)
    Path corpus = TestFiles.shared().resolve("corpus/real-metadata/nebula-logger");
    try (Stream<Path> files = Files.list(corpus)) {
      for (Path file : files.sorted().toList()) {
        assertEquals(
            List.of(),
            v66.validate(file).stream().map(Throwable::getMessage).toList(),
            file.toString());
      }
    }
  }
}
