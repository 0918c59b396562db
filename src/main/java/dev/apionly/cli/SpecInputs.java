package dev.apionly.cli;

import dev.apionly.diagnostic.ApionlyException;
import dev.apionly.diagnostic.Diagnostics;
import dev.apionly.diagnostic.ExitCode;
import dev.apionly.diagnostic.Location;
import dev.apionly.workspace.Workspace;
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
   * The workspace of {@link #sources()}, in the SFDX project around them (whose permission sets are
   * what an {@code include} of a set no spec describes grants); specs name their files relative to
   * the working directory. Stops (exit 2) when no spec is found: a report of nothing is a mistake
   * in the arguments.
   */
  Workspace workspace(Diagnostics diagnostics) {
    List<Path> sources = sources();
    Workspace workspace = Workspace.load(() -> project(sources), sources, Path.of(""), diagnostics);
    if (workspace.loaded().specs().isEmpty()) {
      throw ApionlyException.of(
          ExitCode.BAD_INPUT,
          Location.of(sources.get(0)),
          "no spec found; accepted: directories holding *.yaml or *.yml specs, or spec files");
    }
    return workspace;
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
