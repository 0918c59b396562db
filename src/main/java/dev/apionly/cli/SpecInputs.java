package dev.apionly.cli;

import dev.apionly.metadata.RepositorySets;
import dev.apionly.write.SfdxProject;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Parameters;

/**
 * The spec directories or files a reading command takes; when none are given, the project's
 * configured specs directory ({@code plugins.apionly.specs} in sfdx-project.json), else the current
 * directory.
 */
final class SpecInputs {

  @Parameters(
      arity = "0..*",
      paramLabel = "DIR|FILE",
      description =
          "Spec directories (searched recursively for *.yaml, *.yml) or spec files (default:"
              + " plugins.apionly.specs in sfdx-project.json, else the current directory).")
  List<Path> inputs;

  /** What to load. */
  List<Path> sources() {
    return inputs == null || inputs.isEmpty() ? configured().orElse(List.of(Path.of(""))) : inputs;
  }

  /**
   * The permission sets of the SFDX project around {@code sources} (or the current directory): what
   * an {@code include} of a set no spec describes grants.
   */
  static RepositorySets repositorySets(List<Path> sources) {
    return repositorySets(project(sources));
  }

  /** The permission sets of {@code project}'s package directories; none without a project. */
  static RepositorySets repositorySets(Optional<SfdxProject> project) {
    return project
        .map(p -> RepositorySets.read(p.packageDirectoryPaths()))
        .orElse(RepositorySets.none());
  }

  /** The SFDX project around {@code sources} (or the current directory), if there is one. */
  static Optional<SfdxProject> project(List<Path> sources) {
    return SfdxProject.find(sources.isEmpty() ? Path.of("") : sources.get(0));
  }

  /** The configured specs directory of the project around the current directory, if any. */
  static Optional<List<Path>> configured() {
    return SfdxProject.find(Path.of("")).flatMap(SfdxProject::specsDirectory).map(List::of);
  }
}
