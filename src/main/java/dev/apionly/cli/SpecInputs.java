package dev.apionly.cli;

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

  /** The configured specs directory of the project around the current directory, if any. */
  static Optional<List<Path>> configured() {
    return SfdxProject.find(Path.of("")).flatMap(SfdxProject::specsDirectory).map(List::of);
  }
}
