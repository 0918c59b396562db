package dev.apionly.cli;

import dev.apionly.diagnostic.Diagnostic;
import dev.apionly.diagnostic.ExitCode;
import dev.apionly.diagnostic.Paths;
import dev.apionly.importer.Importer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code apionly import}: existing permission sets and groups into specs. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Write one spec per permission set (source or metadata-API format) and per permission set"
          + " group, every grant kept. Risky grants get an 'Imported from FILE: review'"
          + " justification, critical ones go into the apionly.yaml it writes; what a spec cannot"
          + " express is listed in a warning and a comment. Never replaces a file."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:imported", "2:bad input (nothing written)"})
final class ImportCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin CommonOptions common;

  @Parameters(
      arity = "1..*",
      paramLabel = "FILE_OR_DIR",
      description = "Permission set (group) files, or directories searched for them.")
  List<Path> inputs;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Where to write the specs and apionly.yaml (created if missing).")
  Path out;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    Importer.Result result = Importer.read(inputs);
    List<Path> written = Importer.write(result, out);
    for (Diagnostic diagnostic : result.notes()) {
      if (!common.quiet) {
        stderr.println(diagnostic.headline());
      }
    }
    if (!common.quiet) {
      written.forEach(p -> stdout.println("wrote " + Paths.display(p)));
      stdout.println(
          GenerateCommand.plural(result.specs().size(), "spec")
              + " imported; set each 'owner' and review every 'Imported from' justification"
              + " (apionly lint lists them)");
    }
    return ExitCode.OK;
  }
}
