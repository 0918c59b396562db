package dev.apionly.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apionly.Cli;
import dev.apionly.TestFiles;
import dev.apionly.model.Component;
import dev.apionly.model.MetadataType;
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
 * The components of every golden case, as each stage sees them: what generate writes, what review
 * reports deleted when the specs go, and what the destructive manifest then deletes from the org.
 * They must be the same set, and together the cases must cover every component type: a type one
 * stage forgets (review once left out the External Client App types) fails here.
 */
class EveryStageCoversEveryComponentTest {

  private static final Path GOLDEN = TestFiles.repository().resolve("src/test/resources/golden");
  private static final Pattern TYPES = Pattern.compile("<types>(.*?)</types>", Pattern.DOTALL);
  private static final Pattern MEMBER = Pattern.compile("<members>([^<]*)</members>");
  private static final Pattern NAME = Pattern.compile("<name>([^<]*)</name>");

  @TempDir Path work;

  @Test
  void generateReviewAndDeletionsAgreeForEveryType() throws IOException {
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
      Snapshot snapshot = Snapshot.load("base", List.of(specs), specs);
      for (Snapshot.Entry entry : snapshot.integrations().values()) {
        for (Component component : AccessDiff.components(Optional.of(entry))) {
          reviewed.add(component.type().typeName() + " " + component.member());
        }
      }
      assertEquals(written, reviewed, golden + ": review's components");

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
