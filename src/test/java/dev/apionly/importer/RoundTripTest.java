package dev.apionly.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.apionly.Cli;
import dev.apionly.TestFiles;
import dev.apionly.metadata.MetadataRoot;
import dev.apionly.metadata.MetadataXml;
import dev.apionly.metadata.xml.PermissionSetGroupXml;
import dev.apionly.metadata.xml.PermissionSetXml;
import dev.apionly.model.Grant;
import dev.apionly.model.GrantType;
import dev.apionly.model.Grants;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every permission set and group fixture: import, then generate, gives a permission set (or group)
 * whose grants equal the original's. Fails on the first difference, naming it. The conformance run
 * does the same over real retrieved files.
 */
public class RoundTripTest {

  /** The permission sets and groups below {@code root} (muting sets are not imported). */
  public static Stream<Path> importable(Path root) {
    return TestFiles.metadataFiles(root).stream()
        .filter(f -> !f.getFileName().toString().contains(".mutingpermissionset"));
  }

  static Stream<Path> fixtures() {
    return importable(TestFiles.fixtures());
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("fixtures")
  void importThenGenerateKeepsEveryGrant(Path original, @TempDir Path project) throws Exception {
    roundTrip(original, project);
  }

  /** Imports {@code original} into a new project at {@code project}, generates, compares. */
  public static void roundTrip(Path original, Path project) throws Exception {
    TestFiles.sfdxProject(project);
    Files.createDirectories(project.resolve("force-app"));
    Path specs = project.resolve("specs");
    Cli.Run imported = Cli.run("import", original.toString(), "--out", specs.toString());
    assertEquals(0, imported.exitCode(), imported.toString());

    String name = original.getFileName().toString().replaceAll("\\.permissionset.*$", "");
    if (name.contains("__")) {
      assertTrue(imported.err().contains("skipped"), imported.toString());
      assertTrue(
          imported.err().contains("namespace '" + name.split("__")[0] + "'"), imported.err());
      assertTrue(!Files.exists(specs) || TestFiles.tree(specs).isEmpty(), imported.toString());
      return;
    }
    String spec = name.replaceAll("[^A-Za-z0-9]+", "_");
    assertTrue(Files.isRegularFile(specs.resolve(spec + ".yaml")), imported.toString());

    Cli.Run generated = Cli.run("generate", specs.toString(), "--out", project.toString());
    assertEquals(0, generated.exitCode(), generated.toString());

    String text = TestFiles.read(original);
    Path output = project.resolve("force-app/main/default");
    if (original.toString().contains(".permissionsetgroup")) {
      PermissionSetGroupXml before = MetadataXml.parse(text, MetadataRoot.PERMISSION_SET_GROUP);
      PermissionSetGroupXml after =
          MetadataXml.parse(
              TestFiles.read(
                  output.resolve("permissionsetgroups/" + spec + ".permissionsetgroup-meta.xml")),
              MetadataRoot.PERMISSION_SET_GROUP);
      SortedSet<String> expected = new TreeSet<>(before.getPermissionSets());
      expected.add(spec);
      assertEquals(expected, new TreeSet<>(after.getPermissionSets()), original.toString());
      return;
    }
    SortedSet<Grant> expected =
        Grants.of(MetadataXml.toModel(spec, MetadataXml.parse(text, MetadataRoot.PERMISSION_SET)));
    SortedSet<Grant> actual =
        Grants.of(
            MetadataXml.toModel(
                spec,
                MetadataXml.parse(
                    TestFiles.read(
                        output.resolve("permissionsets/" + spec + ".permissionset-meta.xml")),
                    MetadataRoot.PERMISSION_SET)));
    firstDifference(original, expected, actual);
  }

  @Test
  void theFixturesHaveGrantsOfEveryKind() {
    SortedSet<String> kinds = new TreeSet<>();
    for (Path file : fixtures().toList()) {
      String text = TestFiles.read(file);
      if (!text.contains("<PermissionSet ")) {
        continue;
      }
      Grants.of(MetadataXml.toModel("x", parse(text))).forEach(g -> kinds.add(g.kind().name()));
    }
    // so the round trip above is not vacuous for any kind
    for (GrantType kind : GrantType.values()) {
      assertTrue(kinds.contains(kind.name()), kind + " in " + kinds);
    }
  }

  private static PermissionSetXml parse(String text) {
    try {
      return MetadataXml.parse(text, MetadataRoot.PERMISSION_SET);
    } catch (dev.apionly.metadata.MetadataException e) {
      throw new AssertionError(e);
    }
  }

  /** Fails naming the first grant, in sorted order, that only one side has. */
  static void firstDifference(Path original, SortedSet<Grant> expected, SortedSet<Grant> actual) {
    SortedSet<Grant> all = new TreeSet<>(expected);
    all.addAll(actual);
    for (Grant grant : all) {
      if (!actual.contains(grant)) {
        fail(original + ": " + grant + " is in the original but not in the generated set");
      }
      if (!expected.contains(grant)) {
        fail(original + ": " + grant + " is in the generated set but not in the original");
      }
    }
    assertTrue(!expected.isEmpty() || actual.isEmpty(), original.toString());
  }
}
