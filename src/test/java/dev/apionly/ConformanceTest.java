package dev.apionly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apionly.importer.RoundTripTest;
import dev.apionly.metadata.MetadataException;
import dev.apionly.metadata.MetadataSchema;
import dev.apionly.metadata.MetadataXml;
import dev.apionly.metadata.MetadataXmlTest;
import dev.apionly.metadata.TrimmedSchema;
import dev.apionly.metadata.WsdlValidationTest;
import dev.apionly.model.PermissionSet;
import dev.apionly.model.UserPermissions;
import dev.apionly.policy.RiskCatalogueTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The conformance run ({@code mvn verify -Pconformance}): apionly against Salesforce's full
 * Metadata API WSDLs (v62, v66) and real retrieved permission sets, kept outside the repository.
 * Without them it fails, naming what is missing; it never skips.
 */
@Tag("conformance")
class ConformanceTest {

  private static MetadataSchema v66;
  private static MetadataSchema v62;

  @BeforeAll
  static void loadWsdls() throws IOException, MetadataException {
    v66 = MetadataSchema.fromWsdl(TestFiles.wsdl("66"));
    v62 = MetadataSchema.fromWsdl(TestFiles.wsdl("62"));
  }

  static Path corpus() {
    return TestFiles.shared().resolve("corpus/real-metadata");
  }

  /** The committed schema is exactly what the project's tool derives from the v66 WSDL. */
  @Test
  void theBundledSchemaIsDerivedFromTheV66Wsdl() throws IOException, MetadataException {
    String derived = TrimmedSchema.derive(TestFiles.wsdl("66"));
    String committed =
        TestFiles.read(
            TestFiles.repository().resolve("src/main/resources/salesforce/metadata-v66.xsd"));
    assertEquals(
        derived,
        committed,
        "regenerate it: java -cp target/apionly.jar dev.apionly.metadata.TrimmedSchema"
            + " ../shared/salesforce/metadata-v66.wsdl src/main/resources/salesforce/metadata-v66.xsd");
  }

  static Stream<Path> generatedXml() throws IOException {
    return WsdlValidationTest.generatedXml();
  }

  /** Generated files against the full WSDL of the API version they declare (v62 or v66). */
  @ParameterizedTest(name = "{0}")
  @MethodSource("generatedXml")
  void generatedFilesAreValidAgainstTheFullWsdl(Path file) throws IOException {
    MetadataSchema schema =
        TestFiles.read(file).contains("<version>62.0</version>")
                || file.toString().contains("defaults-and-layout")
            ? v62
            : v66;
    assertEquals(
        List.of(),
        schema.validate(file).stream()
            .map(p -> p.line() + ":" + p.column() + " " + p.getMessage())
            .toList(),
        file.toString());
  }

  /** Both the full WSDL and the bundled schema accept what Salesforce itself wrote. */
  @Test
  void realRetrievedFilesAreValid() throws IOException {
    try (Stream<Path> files = Files.list(corpus().resolve("nebula-logger"))) {
      for (Path file : files.sorted().toList()) {
        for (MetadataSchema schema : List.of(v66, MetadataSchema.bundled())) {
          assertEquals(
              List.of(),
              schema.validate(file).stream().map(Throwable::getMessage).toList(),
              file.toString());
        }
      }
    }
  }

  @Test
  void everyRealRetrievedFileParses() throws MetadataException {
    List<Path> files = TestFiles.metadataFiles(corpus());
    assertTrue(files.size() > 15, files.toString());
    MetadataXmlTest.everyPermissionSetParses(files);
  }

  static Stream<Path> realFiles() {
    return RoundTripTest.importable(corpus());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("realFiles")
  void importThenGenerateKeepsEveryRealGrant(Path original, @TempDir Path project)
      throws Exception {
    RoundTripTest.roundTrip(original, project);
  }

  /** Every permission seen in real metadata is rated, so none falls to the unknown default. */
  @Test
  void ratesEveryUserPermissionSeenInRealMetadata() throws IOException {
    List<String> seen =
        Files.readAllLines(TestFiles.shared().resolve("salesforce/user-permissions-seen.txt"))
            .stream()
            .map(String::strip)
            .filter(l -> !l.isEmpty() && !l.startsWith("#"))
            .toList();
    assertTrue(seen.size() > 200, "seen " + seen.size());
    assertEquals(List.of(), RiskCatalogueTest.unrated(seen));
  }

  /**
   * No real retrieved permission set holds an enforced pair's permission without what it needs
   * (else Salesforce does not enforce the pair: make it advice), and an "observed" pair is seen
   * together at least once.
   */
  @Test
  void realSetsContradictNoEnforcedDependency() throws Exception {
    List<PermissionSet> sets = new ArrayList<>();
    try (Stream<Path> files = Files.walk(corpus())) {
      for (Path file :
          files.filter(f -> f.toString().matches(".*\\.permissionset(-meta\\.xml)?$")).toList()) {
        sets.add(
            MetadataXml.permissionSet(file.getFileName().toString(), Files.readAllBytes(file)));
      }
    }
    assertTrue(sets.size() > 10, "real sets " + sets.size());
    List<String> contradicted = new ArrayList<>();
    for (UserPermissions.Dependency pair : UserPermissions.dependencies()) {
      boolean together = false;
      for (PermissionSet set : sets) {
        boolean has = holds(set, pair.permission());
        boolean needed = holds(set, pair.requires());
        together |= has && needed;
        if (pair.enforced() && has && !needed) {
          contradicted.add(
              set.name() + " holds " + pair.permission() + " without " + pair.requires());
        }
      }
      if (pair.evidence().kind() == UserPermissions.EvidenceKind.OBSERVED) {
        assertTrue(together, pair + " is never seen together in the real sets");
      }
    }
    assertEquals(List.of(), contradicted);
  }

  private static boolean holds(PermissionSet set, String permission) {
    return set.userPermissions().stream().anyMatch(permission::equalsIgnoreCase);
  }
}
