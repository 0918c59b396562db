package dev.apionly.cli;

import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine.Parameters;

/** The spec directories or files a reading command takes: the current directory when none. */
final class SpecInputs {

  @Parameters(
      arity = "0..*",
      paramLabel = "DIR|FILE",
      description =
          "Spec directories (searched recursively for *.yaml, *.yml) or spec files (default: the"
              + " current directory).")
  List<Path> inputs;

  /** What to load. */
  List<Path> sources() {
    return inputs == null || inputs.isEmpty() ? List.of(Path.of("")) : inputs;
  }
}
