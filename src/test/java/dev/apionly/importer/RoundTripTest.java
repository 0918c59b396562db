package dev.apionly.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.apionly.Cli;
import dev.apionly.TestFiles;
import dev.apionly.metadata.MetadataXml;
import dev.apionly.metadata.PermissionSetGroupXml;
import dev.apionly.metadata.PermissionSetXml;
import dev.apionly.model.Grant;
import dev.apionly.model.Grants;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every real retrieved file in the shared corpus: import, then generate, gives a permission set (or
 * group) whose grants equal the original's. Fails on the first difference, naming it.
 */
class RoundTripTest {

  static Stream<Path> corpus() throws IOException {
    Path root = TestFiles.shared().resolve("corpus/real-metadata");
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(root)) {
      walk.filter(Files::isRegularFile)
          .filter(f -> f.toString().contains(".permissionset"))
          .sorted()
          .forEach(files::add);
    }
    assertTrue(files.size() >= 20, "the corpus is where it should be: " + files);
    return files.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void importThenGenerateKeepsEveryGrant(Path original, @TempDir Path project) throws Exception {
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
      PermissionSetGroupXml before = MetadataXml.parse(text, PermissionSetGroupXml.class);
      PermissionSetGroupXml after =
          MetadataXml.parse(
              TestFiles.read(
                  output.resolve("permissionsetgroups/" + spec + ".permissionsetgroup-meta.xml")),
              PermissionSetGroupXml.class);
      SortedSet<String> expected = new TreeSet<>(before.permissionSets);
      expected.add(spec);
      assertEquals(expected, new TreeSet<>(after.permissionSets), original.toString());
      return;
    }
    SortedSet<Grant> expected =
        Grants.of(MetadataXml.toModel(spec, MetadataXml.parse(text, PermissionSetXml.class)));
    SortedSet<Grant> actual =
        Grants.of(
            MetadataXml.toModel(
                spec,
                MetadataXml.parse(
                    TestFiles.read(
                        output.resolve("permissionsets/" + spec + ".permissionset-meta.xml")),
                    PermissionSetXml.class)));
    firstDifference(original, expected, actual);
  }

  @Test
  void theCorpusHasGrantsOfEveryKindImportCovers() throws IOException {
    SortedSet<String> kinds = new TreeSet<>();
    for (Path file : corpus().toList()) {
      String text = TestFiles.read(file);
      if (!text.contains("<PermissionSet ")) {
        continue;
      }
      Grants.of(MetadataXml.toModel("x", parse(text))).forEach(g -> kinds.add(g.kind().name()));
    }
    // so the round trip above is not vacuous for these kinds
    for (String kind :
        List.of(
            "OBJECT",
            "FIELD",
            "APEX_CLASS",
            "APEX_PAGE",
            "CUSTOM_PERMISSION",
            "CUSTOM_METADATA_TYPE",
            "CUSTOM_SETTING",
            "USER_PERMISSION")) {
      assertTrue(kinds.contains(kind), kind + " in " + kinds);
    }
  }

  private static PermissionSetXml parse(String text) {
    try {
      return MetadataXml.parse(text, PermissionSetXml.class);
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
