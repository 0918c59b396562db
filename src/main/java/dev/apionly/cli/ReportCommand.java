package dev.apionly.cli;

import dev.apionly.diagnostic.Diagnostics;
import dev.apionly.diagnostic.ExitCode;
import dev.apionly.diagnostic.Paths;
import dev.apionly.report.AccessReport;
import dev.apionly.report.ReportFormat;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code apionly report}: who can read, change or delete what, for access reviews and audits. */
@Command(
    name = "report",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Write an access report of every spec: a matrix of integrations and objects with the verbs"
          + " each integration holds through its group, coloured by risk, riskiest first.",
      "HTML is one self-contained page (no network) with filters and every integration's owner,"
          + " ticket, user, licences, OAuth flow, user permissions and fields; CSV and Markdown"
          + " carry the matrix."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:written", "2:bad input"})
final class ReportCommand implements Callable<Integer>, WritesFiles {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin CommonOptions common;

  @Mixin SpecInputs specInputs;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description =
          "html, csv or markdown (default: from the extension of --out: .csv, .md; else html).")
  ReportFormat format;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Write the report to FILE (default: standard output).")
  Path out;

  /** Without --out the report goes to standard output: nothing to write. */
  @Override
  public boolean writesFiles() {
    return out != null;
  }

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    Diagnostics diagnostics = new Diagnostics();
    AccessReport report = specInputs.workspace(diagnostics).access();
    DiagnosticPrinter.of(spec, common).print(diagnostics.sorted());
    ReportFormat chosen = chosenFormat();
    String text = chosen.render(report);
    if (out == null) {
      stdout.print(text);
      return ExitCode.OK;
    }
    WritesFiles.writeReport(out, text);
    if (!common.quiet) {
      stdout.println(
          "wrote "
              + Paths.display(out)
              + ": "
              + chosen.key()
              + " report of "
              + GenerateCommand.plural(report.integrations().size(), "integration")
              + " and "
              + GenerateCommand.plural(report.objects().size(), "object"));
    }
    return ExitCode.OK;
  }

  private ReportFormat chosenFormat() {
    if (format != null) {
      return format;
    }
    if (out != null && out.getFileName() != null) {
      return ReportFormat.ofFileName(out.getFileName().toString()).orElse(ReportFormat.HTML);
    }
    return ReportFormat.HTML;
  }
}
