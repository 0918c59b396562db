package dev.apionly.cli;

import dev.apionly.diagnostic.Diagnostic;
import dev.apionly.diagnostic.Diagnostics;
import dev.apionly.diagnostic.ExitCode;
import dev.apionly.diagnostic.Location;
import dev.apionly.diagnostic.Paths;
import dev.apionly.usage.Evidence;
import dev.apionly.usage.IntegrationUsage;
import dev.apionly.usage.SpecSuggestions;
import dev.apionly.usage.Usage;
import dev.apionly.usage.UsageAnalysis;
import dev.apionly.usage.UsageFormat;
import dev.apionly.workspace.Workspace;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code apionly usage}: which grants each integration used, from Event Monitoring logs. */
@Command(
    name = "usage",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Set Event Monitoring logs (EventLogFile CSVs of the types ApiTotalUsage, API, RestApi,"
          + " BulkApi, BulkApi2) against every spec: per integration, the object verbs granted"
          + " but not used in the logs' window, and the access used without a grant (calls,"
          + " refused calls, last seen). Calls by users that are no integration's are counted and"
          + " ignored.",
      "With --suggest, writes tightened specs (unused verbs and objects removed) into a new"
          + " directory, for review like any other change."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:written", "2:bad input (a spec, a log file, the user map, a flag)"})
final class UsageCommand implements Callable<Integer>, WritesFiles {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin CommonOptions common;

  @Mixin SpecInputs specInputs;

  @Option(
      names = "--logs",
      required = true,
      paramLabel = "DIR",
      description = "The EventLogFile CSV files (searched recursively for *.csv).")
  Path logs;

  @Option(
      names = "--users",
      required = true,
      paramLabel = "FILE",
      description =
          "The org's users: sf data query --query \"SELECT Id, Username FROM User\""
              + " --result-format csv.")
  Path users;

  @Option(
      names = "--since",
      paramLabel = "DATE",
      description = "Only calls on or after this day (UTC), e.g. 2026-03-01.")
  LocalDate since;

  @Option(
      names = "--format",
      paramLabel = "FORMAT",
      description =
          "markdown, json or html (default: from the extension of --out: .json, .html; else"
              + " markdown).")
  UsageFormat format;

  @Option(
      names = "--out",
      paramLabel = "FILE",
      description = "Write the report to FILE, whole or not at all (default: standard output).")
  Path out;

  @Option(
      names = "--suggest",
      paramLabel = "DIR",
      description =
          "Write a tightened copy of each spec with unused grants into DIR; never over a file.")
  Path suggest;

  /** Without --out or --suggest everything goes to standard output: nothing to write. */
  @Override
  public boolean writesFiles() {
    return out != null || suggest != null;
  }

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    Diagnostics diagnostics = new Diagnostics();
    Workspace workspace = specInputs.workspace(diagnostics);
    Usage usage = UsageAnalysis.analyse(workspace.access(), logs, users, since);
    List<SpecSuggestions.Suggestion> suggestions =
        suggest == null ? List.of() : SpecSuggestions.of(workspace.specs(), usage, diagnostics);
    for (IntegrationUsage integration : usage.integrations()) {
      if (integration.evidence() == Evidence.USER_NOT_IN_MAP) {
        diagnostics.warning(
            Location.of(Path.of(integration.specFile())),
            integration.name()
                + "'s user is not in the user map "
                + Paths.display(users)
                + ": the logs cannot speak for it");
      } else if (integration.evidence() == Evidence.NO_USER && common.verbose) {
        diagnostics.add(
            Diagnostic.note(
                Location.of(Path.of(integration.specFile())),
                integration.name() + " has no user: no call can be tied to it"));
      }
    }
    DiagnosticPrinter.of(spec, common).print(diagnostics.sorted());
    UsageFormat chosen = chosenFormat();
    String text = chosen.render(usage);
    if (suggest != null) {
      // an existing file stops the run before the report is written: a refusal writes nothing
      checkFree(suggestions);
    }
    if (out == null) {
      stdout.print(text);
    } else {
      WritesFiles.writeReport(out, text);
    }
    if (suggest != null) {
      SpecSuggestions.write(suggestions, suggest);
    }
    if (!common.quiet && (out != null || suggest != null)) {
      PrintWriter notes = out == null ? stderr : stdout;
      if (out != null) {
        notes.println(
            "wrote "
                + Paths.display(out)
                + ": "
                + chosen.key()
                + " usage of "
                + GenerateCommand.plural(usage.integrations().size(), "integration")
                + " from "
                + usage.window().from()
                + " to "
                + usage.window().to());
      }
      if (suggest != null) {
        notes.println(
            "wrote "
                + GenerateCommand.plural(suggestions.size(), "tightened spec")
                + " into "
                + Paths.display(suggest));
      }
    }
    return ExitCode.OK;
  }

  private void checkFree(List<SpecSuggestions.Suggestion> suggestions) {
    Diagnostics taken = new Diagnostics();
    for (SpecSuggestions.Suggestion suggestion : suggestions) {
      Path target = suggest.resolve(suggestion.fileName());
      // a link counts as a file, even one leading nowhere: nothing is written through it
      if (java.nio.file.Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
        taken.error(
            Location.of(target),
            "a file is already here; apionly usage never writes over a file (nor over the"
                + " original specs); accepted: a --suggest directory without "
                + suggestion.fileName());
      }
    }
    taken.throwIfErrors(ExitCode.BAD_INPUT);
  }

  private UsageFormat chosenFormat() {
    if (format != null) {
      return format;
    }
    if (out != null && out.getFileName() != null) {
      return UsageFormat.ofFileName(out.getFileName().toString()).orElse(UsageFormat.MARKDOWN);
    }
    return UsageFormat.MARKDOWN;
  }
}
