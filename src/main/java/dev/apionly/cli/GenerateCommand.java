package dev.apionly.cli;

import dev.apionly.diagnostic.Diagnostic;
import dev.apionly.diagnostic.ExitCode;
import dev.apionly.generate.Generator;
import dev.apionly.model.ImpliedGrant;
import dev.apionly.model.Integration;
import dev.apionly.write.Change;
import dev.apionly.write.SfdxProject;
import dev.apionly.write.UnifiedDiff;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code apionly generate}: specs in, Salesforce DX metadata out (or, with --check, a drift
 * report).
 */
@Command(
    name = "generate",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Write the permission set, group, muting set, user access policy, user definition,"
          + " provisioning script and manifest of every spec into an SFDX project.",
      "Writes all files or none, and never a file it did not write itself."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:written (or, with --check, in sync)",
      "1:policy errors (or, with --check, files out of date)",
      "2:bad input"
    })
final class GenerateCommand implements Callable<Integer>, WritesFiles {

  /** How many lines of each file's diff --check prints without --verbose. */
  private static final int DIFF_LINES = 40;

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin CommonOptions common;

  @Parameters(
      arity = "0..*",
      paramLabel = "DIR|FILE",
      description =
          "Spec directories (searched recursively for *.yaml, *.yml) or spec files (default:"
              + " plugins.apionly.specs in sfdx-project.json).")
  List<Path> inputs;

  @Option(
      names = "--out",
      paramLabel = "PROJECT_DIR",
      description =
          "The SFDX project to write into (default: the nearest sfdx-project.json upward from the"
              + " current directory).")
  Path out;

  @Option(
      names = "--templates",
      paramLabel = "DIR",
      description = "Render with the Velocity templates in DIR instead of the built-in ones.")
  Path templates;

  @Option(
      names = "--check",
      description =
          "Write nothing; list every file that would change, each with a short unified diff"
              + " (all of it with --verbose), and exit 1 if any would.")
  boolean check;

  @Option(
      names = "--deletions-deployed",
      description =
          "The deletions in manifest/destructiveChanges.xml have been deployed to every org:"
              + " forget them (the file goes when nothing else is pending).")
  boolean deletionsDeployed;

  @Override
  public boolean writesFiles() {
    return !check;
  }

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    DiagnosticPrinter printer = DiagnosticPrinter.of(spec, common);
    List<Path> sources = inputs;
    if (sources == null || sources.isEmpty()) {
      sources =
          SfdxProject.locate(out, Path.of(""))
              .specsDirectory()
              .map(List::of)
              .orElseThrow(
                  () ->
                      new picocli.CommandLine.ParameterException(
                          spec.commandLine(),
                          "no specs given: name spec directories or files, or set"
                              + " plugins.apionly.specs in sfdx-project.json"));
    }
    Generator.Request request =
        new Generator.Request(sources, out, templates, Path.of(""), deletionsDeployed);
    Generator.Result result = check ? Generator.plan(request) : Generator.generate(request);
    printer.print(result.diagnostics());
    if (check) {
      return reportCheck(stdout, result);
    }
    if (!common.quiet) {
      for (Change change : result.plan().changes()) {
        stdout.println(change.kind().word() + " " + change.path());
      }
      if (common.verbose) {
        printImplied(stdout, printer, result.integrations());
      }
      printDeletions(stdout, result);
      stdout.println(summary(result));
    }
    return ExitCode.OK;
  }

  private int reportCheck(PrintWriter stdout, Generator.Result result) {
    if (result.plan().isEmpty()) {
      if (!common.quiet) {
        stdout.println(
            "in sync: "
                + plural(result.integrations().size(), "integration")
                + ", nothing would change");
      }
      return ExitCode.OK;
    }
    for (Change change : result.plan().changes()) {
      stdout.println("would " + change.kind().word() + " " + change.path());
      if (!common.quiet) {
        UnifiedDiff.of(change, common.verbose ? 0 : DIFF_LINES)
            .forEach(line -> stdout.println("    " + line));
      }
    }
    stdout.println(
        result.plan().changes().size()
            + " files out of date; run 'apionly generate' and commit the result");
    return ExitCode.FINDINGS;
  }

  /** Says how to deploy the deletions when this run wrote or changed the destructive manifest. */
  private static void printDeletions(PrintWriter stdout, Generator.Result result) {
    for (Change change : result.plan().changes()) {
      if (change.path().endsWith("/destructiveChanges.xml") && change.after() != null) {
        stdout.println(
            "note: "
                + change.path()
                + " lists components to delete from the org; deploy with 'sf project deploy start"
                + " --manifest manifest/package.xml --post-destructive-changes "
                + change.path()
                + "', then run generate with --deletions-deployed");
      }
    }
  }

  /** Implied grants are part of what --verbose lists on standard output, as notes. */
  private static void printImplied(
      PrintWriter stdout, DiagnosticPrinter printer, List<Integration> integrations) {
    for (Integration integration : integrations) {
      for (ImpliedGrant implied : integration.implied()) {
        Diagnostic note =
            Diagnostic.note(
                    implied.location(),
                    integration.name()
                        + ": "
                        + implied.grant()
                        + " implied by "
                        + implied.requiredBy())
                .withoutSource();
        stdout.println(printer.format(note));
      }
    }
  }

  private static String summary(Generator.Result result) {
    long created = count(result, Change.Kind.CREATE);
    long updated = count(result, Change.Kind.UPDATE);
    long deleted = count(result, Change.Kind.DELETE);
    long implied = result.integrations().stream().mapToLong(i -> i.implied().size()).sum();
    String changes =
        result.plan().isEmpty()
            ? "nothing changed"
            : created + " created, " + updated + " updated, " + deleted + " deleted";
    return plural(result.integrations().size(), "integration")
        + ": "
        + changes
        + (implied > 0 ? "; " + implied + " implied grants added (see --verbose)" : "");
  }

  static String plural(long count, String noun) {
    return count + " " + noun + (count == 1 ? "" : "s");
  }

  private static long count(Generator.Result result, Change.Kind kind) {
    return result.plan().changes().stream().filter(c -> c.kind() == kind).count();
  }
}
