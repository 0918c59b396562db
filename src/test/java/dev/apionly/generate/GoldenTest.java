package dev.apionly.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.apionly.Cli;
import dev.apionly.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.xmlunit.builder.DiffBuilder;
import org.xmlunit.diff.Diff;

/**
 * Golden cases: {@code golden/<case>/input} is a project (specs under {@code specs/}, an optional
 * {@code sfdx-project.json}); {@code golden/<case>/expected} is every file generate writes into it,
 * compared to the byte. Run with {@code -Drecreate=true} to rewrite the expected files, then read
 * the git diff.
 */
class GoldenTest {

  private static final Path GOLDEN = TestFiles.repository().resolve("src/test/resources/golden");

  static Stream<String> cases() throws IOException {
    try (Stream<Path> list = Files.list(GOLDEN)) {
      return list
          .filter(Files::isDirectory)
          .map(p -> p.getFileName().toString())
          .sorted()
          .toList()
          .stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void generatesExpectedFiles(String name, @TempDir Path project) throws IOException {
    Path input = GOLDEN.resolve(name).resolve("input");
    TestFiles.copy(input, project);
    if (!Files.exists(project.resolve("sfdx-project.json"))) {
      TestFiles.sfdxProject(project);
    }
    Map<String, String> inputs = TestFiles.tree(project);

    Cli.Run run = generate(project);
    assertEquals(0, run.exitCode(), run.toString());
    Map<String, String> actual = new TreeMap<>(TestFiles.tree(project));
    // an input generate edits (sfdx-project.json, for its replacements) is compared as output
    actual.entrySet().removeIf(e -> e.getValue().equals(inputs.get(e.getKey())));

    Path expectedDir = GOLDEN.resolve(name).resolve("expected");
    if (Boolean.getBoolean("recreate")) {
      deleteTree(expectedDir);
      actual.forEach((path, text) -> TestFiles.write(expectedDir.resolve(path), text));
      return;
    }
    Map<String, String> expected = TestFiles.tree(expectedDir);
    assertEquals(expected.keySet(), actual.keySet(), "generated files differ from " + expectedDir);
    List<String> differences = new ArrayList<>();
    for (String path : expected.keySet()) {
      if (!expected.get(path).equals(actual.get(path))) {
        differences.add(describe(path, expected.get(path), actual.get(path)));
      }
    }
    if (!differences.isEmpty()) {
      fail(
          "golden case "
              + name
              + " differs (rerun with -Drecreate=true to accept, then review the diff):\n"
              + String.join("\n", differences));
    }

    // idempotence: a second run writes nothing and --check finds the tree in sync
    Cli.Run again = generate(project);
    assertEquals(0, again.exitCode(), again.toString());
    assertTrue(again.out().contains("nothing changed"), again.toString());
    Map<String, String> after = new TreeMap<>(TestFiles.tree(project));
    after.entrySet().removeIf(e -> e.getValue().equals(inputs.get(e.getKey())));
    assertEquals(actual, after);
    Cli.Run check =
        Cli.run(
            "generate",
            "--check",
            project.resolve("specs").toString(),
            "--out",
            project.toString());
    assertEquals(0, check.exitCode(), check.toString());
  }

  private static Cli.Run generate(Path project) {
    return Cli.run("generate", project.resolve("specs").toString(), "--out", project.toString());
  }

  private static String describe(String path, String expected, String actual) {
    StringBuilder out = new StringBuilder("--- " + path + "\n");
    if (path.endsWith(".xml")) {
      try {
        Diff diff = DiffBuilder.compare(expected).withTest(actual).checkForIdentical().build();
        diff.getDifferences().forEach(d -> out.append("  ").append(d).append('\n'));
      } catch (RuntimeException e) {
        out.append("  (not XML: ").append(e.getMessage()).append(")\n");
      }
    }
    String[] want = expected.split("\n", -1);
    String[] got = actual.split("\n", -1);
    for (int i = 0; i < Math.max(want.length, got.length); i++) {
      String w = i < want.length ? want[i] : "<end>";
      String g = i < got.length ? got[i] : "<end>";
      if (!w.equals(g)) {
        out.append("  line ")
            .append(i + 1)
            .append(":\n    expected: ")
            .append(w)
            .append("\n    actual:   ")
            .append(g)
            .append('\n');
        break;
      }
    }
    return out.toString();
  }

  private static void deleteTree(Path root) throws IOException {
    if (!Files.exists(root)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }
  }
}
