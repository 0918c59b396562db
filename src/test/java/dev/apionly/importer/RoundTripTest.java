package dev.apionly.importer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.apionly.Cli;
import dev.apionly.TestFiles;
import dev.apionly.metadata.MetadataXml;
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
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every real retrieved permission set in the shared corpus: import, then generate, gives a
 * permission set with exactly the original's grants (licence aside: apionly always writes the API
 * integration licence). Fails on the first difference, naming it.
 */
class RoundTripTest {

  static Stream<Path> corpus() throws IOException {
    List<Path> files = new ArrayList<>();
    try (Stream<Path> walk = Files.walk(TestFiles.shared().resolve("corpus/real-metadata"))) {
      walk.filter(
              p ->
                  p.toString().endsWith(".permissionset-meta.xml")
                      || p.toString().endsWith(".permissionset"))
          .filter(p -> !p.getFileName().toString().matches("[A-Za-z][A-Za-z0-9]*__.*"))
          .sorted()
          .forEach(files::add);
    }
    assertTrue(files.size() >= 15, files.toString());
    return files.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void importThenGenerateKeepsEveryGrant(Path original, @TempDir Path project) throws Exception {
    TestFiles.sfdxProject(project);
    Cli.Run imported =
        Cli.run("import", original.toString(), "--out", project.resolve("specs").toString());
    assertEquals(0, imported.exitCode(), imported.toString());
    Cli.Run generated =
        Cli.run("generate", project.resolve("specs").toString(), "--out", project.toString());
    assertEquals(0, generated.exitCode(), generated.toString());

    Path[] sets;
    try (Stream<Path> list = Files.list(project.resolve("force-app/main/default/permissionsets"))) {
      sets = list.toArray(Path[]::new);
    }
    assertEquals(1, sets.length);
    SortedSet<Grant> before =
        Grants.of(
            MetadataXml.toModel(
                "x", MetadataXml.parse(TestFiles.read(original), PermissionSetXml.class)));
    SortedSet<Grant> after =
        Grants.of(
            MetadataXml.toModel(
                "x", MetadataXml.parse(TestFiles.read(sets[0]), PermissionSetXml.class)));
    SortedSet<Grant> lost = new TreeSet<>(before);
    lost.removeAll(after);
    SortedSet<Grant> added = new TreeSet<>(after);
    added.removeAll(before);
    if (!lost.isEmpty()) {
      fail(
          original.getFileName()
              + ": the round trip lost "
              + lost.first()
              + " (and "
              + (lost.size() - 1)
              + " more)");
    }
    if (!added.isEmpty()) {
      fail(
          original.getFileName()
              + ": the round trip added "
              + added.first()
              + " (and "
              + (added.size() - 1)
              + " more)");
    }
  }
}
