package dev.apionly.cli;

import dev.apionly.diagnostic.ExitCode;
import dev.apionly.diagnostic.Paths;
import dev.apionly.importer.Importer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code apionly import}: existing permission sets and groups in, one spec each out. */
@Command(
    name = "import",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Write one spec per permission set (source or metadata-API format) and per permission set"
          + " group, with exactly the grants of the file.",
      "Risky grants get the justification \"Imported from FILE: review\"; critical ones are"
          + " allowed in the apionly.yaml it writes. What a spec cannot express (tabs, apps, View"
          + " All Fields, another licence) is listed in a warning and at the top of the spec.",
      "Managed-package sets (ns__Name) are skipped. Writes all files or none, and never over an"
          + " existing file."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:imported", "2:bad input, or a file in --out exists (nothing written)"})
final class ImportCommand implements Callable<Integer>, WritesFiles {

  @Spec CommandSpec spec;

  @Mixin CommonOptions common;

  @Parameters(
      arity = "1..*",
      paramLabel = "FILE_OR_DIR",
      description =
          "Permission set (*.permissionset-meta.xml, *.permissionset) and group"
              + " (*.permissionsetgroup-meta.xml, *.permissionsetgroup) files, or directories"
              + " searched for them.")
  List<Path> inputs;

  @Option(
      names = "--out",
      required = true,
      paramLabel = "DIR",
      description = "Directory to write the specs (NAME.yaml) and apionly.yaml into.")
  Path out;

  @Override
  public boolean writesFiles() {
    return true;
  }

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    Importer.Result result = Importer.run(new Importer.Request(inputs, out));
    DiagnosticPrinter.of(spec, common).print(result.diagnostics());
    if (!common.quiet) {
      result.written().forEach(file -> stdout.println("created " + Paths.display(file)));
      stdout.println(
          GenerateCommand.plural(result.written().size(), "file")
              + " written; next: set each owner, review each \"Imported from\" justification, then"
              + " run 'apionly generate "
              + Paths.display(out)
              + "'");
    }
    return ExitCode.OK;
  }
}
