package dev.apionly.cli;

import dev.apionly.diagnostic.ApionlyException;
import dev.apionly.diagnostic.Diagnostics;
import dev.apionly.diagnostic.ExitCode;
import dev.apionly.policy.Finding;
import dev.apionly.policy.LintFormat;
import dev.apionly.policy.Linter;
import dev.apionly.policy.Rule;
import dev.apionly.validate.ProjectSource;
import dev.apionly.validate.SourceCheck;
import dev.apionly.workspace.Workspace;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code apionly lint}: every spec against least privilege and the org's policy. */
@Command(
    name = "lint",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Check every spec for least privilege: risky grants without a justification, critical"
          + " grants the org's policy does not allow, forbidden grants, imported justifications,"
          + " unknown permissions, and implied grants (notes: in json always; in text with"
          + " --verbose or --include-notes; in sarif only with --include-notes)."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:no finding at error level", "1:findings at error level", "2:bad input"})
final class LintCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin CommonOptions common;

  @Mixin SpecInputs specInputs;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description = "text (default), json, or sarif (SARIF 2.1.0 for code scanning).")
  LintFormat format = LintFormat.TEXT;

  @Option(
      names = "--include-notes",
      description =
          "Also write notes (implied grants) in text and sarif. SARIF leaves them out by default:"
              + " code scanning would open one alert per implied grant.")
  boolean includeNotes;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    DiagnosticPrinter printer = DiagnosticPrinter.of(spec, common);
    List<Path> sources = specInputs.sources();
    Diagnostics diagnostics = new Diagnostics();
    Workspace workspace;
    try {
      // the project around the specs is read once, for its included sets and its source's names
      workspace =
          Workspace.load(() -> SpecInputs.project(sources), sources, Path.of(""), diagnostics);
      workspace.specs();
    } catch (ApionlyException e) {
      if (format == LintFormat.TEXT) {
        throw e;
      }
      // CI uploads what lint writes: a file it cannot read is a finding there too
      stdout.print(format.write(Linter.badInput(e.diagnostics()), true, Version.version()));
      printer.failure(e, false);
      return e.exitCode();
    }
    printer.print(diagnostics.sorted());
    List<Finding> findings =
        new ArrayList<>(Linter.lint(workspace.specs(), true, workspace.repository()));
    workspace
        .project()
        .ifPresent(
            project -> {
              Diagnostics names = new Diagnostics();
              SourceCheck.check(
                  workspace.loaded(),
                  ProjectSource.read(project.packageDirectoryPaths()),
                  project.namespace(),
                  names,
                  SourceCheck.Strictness.WARNINGS);
              names.sorted().stream()
                  .map(
                      d ->
                          new Finding(
                              Rule.UNKNOWN_SOURCE_NAME, d.severity(), d.location(), d.message()))
                  .forEach(findings::add);
            });
    findings.sort(Linter.ORDER);
    if (format == LintFormat.TEXT && common.quiet) {
      findings.stream()
          .filter(Finding::isError)
          .forEach(f -> stdout.println(f.diagnostic().format()));
    } else {
      boolean notes = includeNotes || (format == LintFormat.TEXT && common.verbose);
      stdout.print(format.write(findings, notes, Version.version()));
    }
    return Linter.hasErrors(findings) ? ExitCode.FINDINGS : ExitCode.OK;
  }
}
