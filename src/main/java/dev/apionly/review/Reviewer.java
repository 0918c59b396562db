package dev.apionly.review;

import dev.apionly.diagnostic.ApionlyException;
import dev.apionly.diagnostic.Diagnostic;
import dev.apionly.diagnostic.Location;
import dev.apionly.metadata.RepositorySets;
import dev.apionly.resolve.Resolver;
import dev.apionly.write.SfdxProject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Reads both sides of a review and compares them. The head is the specs under the given paths as
 * they are on disk; the base is a directory of specs or, when no such directory exists, a git
 * revision of the repository the specs live in.
 */
public final class Reviewer {

  private Reviewer() {}

  /** The review of {@code inputs} against {@code base}. Throws (exit 2) on bad input. */
  public static Review review(String base, List<Path> inputs) {
    Path directory = Path.of(base);
    Optional<SfdxProject> project = SfdxProject.find(inputs.get(0));
    if (Files.isDirectory(directory)) {
      // a directory of specs has no repository of its own: both sides see today's sets
      Snapshot before = Snapshot.load(base, Optional.empty(), List.of(directory), directory);
      Path headBase =
          inputs.size() == 1 && Files.isDirectory(inputs.get(0)) ? inputs.get(0) : Path.of("");
      Snapshot after = Snapshot.load(label(inputs), project, inputs, headBase);
      return Review.compare(before.withRepository(after.workspace().repository()), after);
    }
    GitRevision revision = GitRevision.of(inputs.get(0), base);
    Snapshot after =
        Snapshot.load(label(revision.repository(), inputs), project, inputs, revision.repository());
    Path tree;
    try {
      tree = Files.createTempDirectory("apionly-base-").toRealPath();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    try {
      List<Path> baseInputs = new ArrayList<>();
      for (Path input : inputs) {
        revision.extract(input, tree).ifPresent(baseInputs::add);
      }
      List<Path> baseSets = new ArrayList<>();
      for (Path packageDirectory :
          project.map(SfdxProject::packageDirectoryPaths).orElse(List.of())) {
        revision.extractPermissionSets(packageDirectory, tree).ifPresent(baseSets::add);
      }
      Snapshot before =
          (baseInputs.isEmpty() ? Snapshot.empty(base) : loadRevision(base, baseInputs, tree))
              .withRepository(RepositorySets.read(baseSets));
      return Review.compare(before, after);
    } finally {
      delete(tree);
    }
  }

  private static Snapshot loadRevision(String revision, List<Path> inputs, Path tree) {
    try {
      return Snapshot.load(revision, Optional.empty(), inputs, tree);
    } catch (ApionlyException e) {
      List<Diagnostic> diagnostics = new ArrayList<>();
      diagnostics.add(
          Diagnostic.note(
              Location.of(Path.of(revision)),
              "the problems below are in the specs as they are at --base " + revision));
      diagnostics.addAll(e.diagnostics());
      throw new ApionlyException(e.exitCode(), diagnostics);
    }
  }

  /** The inputs relative to the repository, as git shows paths. */
  private static String label(Path repository, List<Path> inputs) {
    return String.join(
        " ",
        inputs.stream()
            .map(p -> Resolver.relative(repository, p))
            .map(p -> p.isEmpty() ? "." : p)
            .toList());
  }

  private static String label(List<Path> inputs) {
    return String.join(" ", inputs.stream().map(p -> p.toString().replace('\\', '/')).toList());
  }

  private static void delete(Path root) {
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(path);
      }
    } catch (IOException | UncheckedIOException e) {
      // a temporary directory left behind is harmless
    }
  }
}
