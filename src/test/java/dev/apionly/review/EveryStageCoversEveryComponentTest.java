package dev.apionly.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apionly.Cli;
import dev.apionly.TestFiles;
import dev.apionly.model.Component;
import dev.apionly.model.MetadataType;
import dev.apionly.resolve.ResolvedSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every registered {@link MetadataType} through every stage. The components of every golden case,
 * as each stage sees them: what generate writes (and so renders and verifies), what review reports
 * deleted when the specs go, and what the destructive manifest then deletes from the org, must be
 * the same set; generate adopts the files of exactly the types that adopt, and import reads each
 * file as its type says. Together the cases must cover every type: a type one stage forgets (review
 * once left out the External Client App types) fails here.
 */
class EveryStageCoversEveryComponentTest {

  private static final Path GOLDEN = TestFiles.repository().resolve("src/test/resources/golden");
  private static final Pattern TYPES = Pattern.compile("<types>(.*?)</types>", Pattern.DOTALL);
  private static final Pattern MEMBER = Pattern.compile("<members>([^<]*)</members>");
  private static final Pattern NAME = Pattern.compile("<name>([^<]*)</name>");

  @TempDir Path work;

  @Test
  void everyStageHandlesEveryType() throws IOException {
    Set<MetadataType> covered = EnumSet.noneOf(MetadataType.class);
    List<Path> cases;
    try (Stream<Path> list = Files.list(GOLDEN)) {
      cases = list.filter(c -> Files.isDirectory(c.resolve("input/specs"))).sorted().toList();
    }
    assertTrue(cases.size() >= 5, cases.toString());
    for (Path golden : cases) {
      Path project = work.resolve(golden.getFileName().toString());
      TestFiles.copy(golden.resolve("input"), project);
      if (!Files.exists(project.resolve("sfdx-project.json"))) {
        TestFiles.sfdxProject(project);
      }
      Path specs = project.resolve("specs");
      Cli.Run first = Cli.run("generate", specs.toString(), "--out", project.toString());
      assertEquals(0, first.exitCode(), golden + "\n" + first);

      SortedSet<String> written = new TreeSet<>();
      for (String path : TestFiles.tree(project).keySet()) {
        MetadataType.ofPath(path)
            .ifPresent(
                c -> {
                  written.add(c.type().typeName() + " " + c.member());
                  covered.add(c.type());
                });
      }

      SortedSet<String> reviewed = new TreeSet<>();
      Snapshot snapshot = Snapshot.load("base", java.util.Optional.empty(), List.of(specs), specs);
      for (ResolvedSpec entry : snapshot.integrations()) {
        for (Component component : AccessDiff.components(Optional.of(entry))) {
          reviewed.add(component.type().typeName() + " " + component.member());
        }
      }
      assertEquals(written, reviewed, golden + ": review's components");

      adoption(project, golden);
      imports(project, golden);

      try (Stream<Path> files = Files.walk(specs)) {
        for (Path spec :
            files
                .filter(f -> f.toString().endsWith(".yaml") || f.toString().endsWith(".yml"))
                .filter(f -> !f.getFileName().toString().equals("apionly.yaml"))
                .toList()) {
          Files.delete(spec);
        }
      }
      Cli.Run second = Cli.run("generate", specs.toString(), "--out", project.toString());
      assertEquals(0, second.exitCode(), golden + "\n" + second);
      assertEquals(
          written,
          destructive(project.resolve("manifest/destructiveChanges.xml")),
          golden + ": the destructive manifest");
    }
    assertEquals(EnumSet.allOf(MetadataType.class), covered, "every type in some golden case");
  }

  /** Every type has its template, and its root in the bundled schema with the type it names. */
  @Test
  void everyTypeHasATemplateAndARoot() throws IOException {
    String schema =
        Files.readString(
            TestFiles.repository().resolve("src/main/resources/salesforce/metadata-v66.xsd"));
    for (MetadataType type : MetadataType.values()) {
      assertTrue(
          Files.isRegularFile(TestFiles.repository().resolve("templates/" + type.template())),
          type.template());
      String root =
          "<xsd:element name=\""
              + type.rootElement()
              + "\" type=\"tns:"
              + type.schemaType()
              + "\"/>";
      assertTrue(schema.contains(root), root);
    }
  }

  /**
   * In a copy of {@code project} without its state file, generate takes over the files of exactly
   * the types that adopt (the others, left as they were, it writes over with the same bytes).
   */
  private void adoption(Path project, Path golden) {
    Path copy = work.resolve(golden.getFileName() + "-adopted");
    TestFiles.copy(project, copy);
    TestFiles.deleteTree(copy.resolve(".apionly"));
    Cli.Run run = Cli.run("generate", copy.resolve("specs").toString(), "--out", copy.toString());
    assertEquals(0, run.exitCode(), golden + "\n" + run);
    for (String path : TestFiles.tree(copy).keySet()) {
      Optional<Component> component = MetadataType.ofPath(path);
      if (component.isPresent()) {
        boolean adopts = component.get().type().adoption() != MetadataType.Adoption.NONE;
        assertEquals(
            adopts, run.err().contains(path + ": note: adopted:"), golden + ": " + path + run);
      }
    }
  }

  /**
   * Import, file by file: a spec for each file of a type import turns into one, a note for a muting
   * set, and a refusal for every other type.
   */
  private void imports(Path project, Path golden) {
    int n = 0;
    for (String path : TestFiles.tree(project).keySet()) {
      Optional<Component> component = MetadataType.ofPath(path);
      if (component.isEmpty()) {
        continue;
      }
      Path out = work.resolve(golden.getFileName() + "-imported-" + n++);
      Cli.Run run = Cli.run("import", project.resolve(path).toString(), "--out", out.toString());
      String where = golden + ": " + path + "\n" + run;
      switch (component.get().type().importing()) {
        case SPEC, INCLUDE -> {
          assertEquals(0, run.exitCode(), where);
          assertTrue(Files.exists(out.resolve(component.get().member() + ".yaml")), where);
        }
        case NOTE -> {
          assertEquals(0, run.exitCode(), where);
          assertTrue(run.err().contains("note: muting permission set skipped"), where);
          assertTrue(run.out().startsWith("0 files written"), where);
        }
        case NONE -> {
          assertEquals(2, run.exitCode(), where);
          assertTrue(run.err().contains("not a permission set or group file"), where);
        }
      }
    }
  }

  private static SortedSet<String> destructive(Path manifest) throws IOException {
    SortedSet<String> out = new TreeSet<>();
    Matcher types = TYPES.matcher(Files.readString(manifest));
    while (types.find()) {
      Matcher name = NAME.matcher(types.group(1));
      assertTrue(name.find(), types.group(1));
      Matcher members = MEMBER.matcher(types.group(1));
      while (members.find()) {
        out.add(name.group(1) + " " + members.group(1));
      }
    }
    return out;
  }
}
