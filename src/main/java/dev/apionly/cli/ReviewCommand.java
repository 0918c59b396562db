package dev.apionly.cli;

import dev.apionly.diagnostic.ExitCode;
import dev.apionly.model.RiskLevel;
import dev.apionly.review.Review;
import dev.apionly.review.ReviewJson;
import dev.apionly.review.ReviewMarkdown;
import dev.apionly.review.Reviewer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.TypeConversionException;

/** {@code apionly review}: the change in access between a base and the specs on disk. */
@Command(
    name = "review",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Compare the specs with a base (a directory of specs or a git revision) and report, per"
          + " integration, the access added, removed and changed, each with its risk level and"
          + " justification, and the effective access of every changed group.",
      "A git revision is read from the repository's object store: the working tree is not"
          + " touched."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:reported (and the --fail-on gate, if set, passed)",
      "1:the change gives access at or above the --fail-on level",
      "2:bad input"
    })
final class ReviewCommand implements Callable<Integer> {

  /** Output formats. */
  enum Format {
    markdown,
    json
  }

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin CommonOptions common;

  @Option(
      names = "--base",
      required = true,
      paramLabel = "DIR|REV",
      description =
          "What to compare with: a directory of specs, or else a git revision (branch, tag,"
              + " commit) of the repository the specs live in, e.g. origin/main.")
  String base;

  @Parameters(
      arity = "0..*",
      paramLabel = "DIR",
      description =
          "Spec directories or files as they are now (default: plugins.apionly.specs in"
              + " sfdx-project.json, else the current directory).")
  List<Path> inputs;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "markdown (default: a pull-request comment) or json (see the README schema).")
  Format format = Format.markdown;

  @Option(
      names = "--fail-on",
      paramLabel = "LEVEL",
      converter = RiskLevelConverter.class,
      description =
          "Exit 1 when the change gives access at or above LEVEL: low, medium, high or critical"
              + " (any letter case).")
  RiskLevel failOn;

  /** A risk level in any letter case, as CI variables and habits spell it (HIGH, High). */
  static final class RiskLevelConverter implements ITypeConverter<RiskLevel> {
    @Override
    public RiskLevel convert(String value) {
      return RiskLevel.fromKey(value.strip().toLowerCase(Locale.ROOT))
          .orElseThrow(
              () ->
                  new TypeConversionException(
                      "'"
                          + value
                          + "' is not a risk level; accepted: "
                          + String.join(", ", RiskLevel.keys())
                          + " (any letter case)"));
    }
  }

  @Override
  public Integer call() {
    Optional<RiskLevel> gate = Optional.ofNullable(failOn);
    List<Path> paths =
        inputs == null || inputs.isEmpty()
            ? SpecInputs.configured().orElse(List.of(Path.of(".")))
            : inputs;
    Review review = Reviewer.review(base, paths);
    PrintWriter stdout = spec.commandLine().getOut();
    stdout.print(
        format == Format.json ? ReviewJson.of(review, gate) : ReviewMarkdown.of(review, gate));
    if (gate.isPresent() && review.widensAtLeast(gate.get())) {
      spec.commandLine()
          .getErr()
          .println(
              "apionly: the change gives access at risk level "
                  + review.highestWidening().orElseThrow().key()
                  + ", at or above --fail-on "
                  + gate.get().key());
      return ExitCode.FINDINGS;
    }
    return ExitCode.OK;
  }
}
