package dev.apionly.cli;

import dev.apionly.diagnostic.ApionlyException;
import dev.apionly.diagnostic.Diagnostic;
import dev.apionly.diagnostic.Diagnostics;
import dev.apionly.diagnostic.ExitCode;
import dev.apionly.diagnostic.Location;
import dev.apionly.spec.SpecLoader;
import dev.apionly.spec.SpecSet;
import dev.apionly.validate.OrgSchema;
import dev.apionly.validate.OrgSchemaCheck;
import dev.apionly.validate.WsdlCheck;
import dev.apionly.write.SfdxProject;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code apionly validate}: catch what an org would reject, before deploy time. */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Check against a real org: --wsdl validates the generated files against the org's Metadata"
          + " API WSDL; --org-schema checks every object, field and record type the specs name"
          + " against 'sf sobject describe --json' snapshots."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:valid (warnings allowed)", "1:errors found", "2:bad input"})
final class ValidateCommand implements Callable<Integer> {

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Mixin CommonOptions common;

  @Parameters(
      arity = "0..*",
      paramLabel = "DIR|FILE",
      description = "Spec directories or files, for --org-schema (default: the current directory).")
  List<Path> inputs;

  @Option(
      names = "--wsdl",
      paramLabel = "FILE",
      description = "The org's Metadata API WSDL (Setup > API).")
  Path wsdl;

  @Option(
      names = "--org-schema",
      paramLabel = "DIR",
      description =
          "A directory of 'sf sobject describe --sobject X --json' outputs, one per object.")
  Path orgSchema;

  @Option(
      names = "--out",
      paramLabel = "PROJECT_DIR",
      description = "The SFDX project whose generated files --wsdl checks (default: the nearest).")
  Path out;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    PrintWriter stderr = spec.commandLine().getErr();
    if (wsdl == null && orgSchema == null) {
      throw new picocli.CommandLine.ParameterException(
          spec.commandLine(),
          "nothing to validate against: give --wsdl FILE, --org-schema DIR, or both");
    }
    Diagnostics diagnostics = new Diagnostics();
    String summary = "";
    if (wsdl != null) {
      SfdxProject project = SfdxProject.locate(out, Path.of(""));
      int files = WsdlCheck.check(wsdl, project.root(), diagnostics);
      summary += GenerateCommand.plural(files, "generated file") + " checked against the WSDL";
    }
    if (orgSchema != null) {
      Diagnostics input = new Diagnostics();
      OrgSchema schema = OrgSchema.read(orgSchema, input);
      List<Path> sources = inputs == null || inputs.isEmpty() ? List.of(Path.of("")) : inputs;
      SpecSet specs = SpecLoader.load(sources, input);
      input.throwIfErrors(ExitCode.BAD_INPUT);
      if (specs.specs().isEmpty()) {
        throw ApionlyException.of(ExitCode.BAD_INPUT, Location.of(sources.get(0)), "no spec found");
      }
      OrgSchemaCheck.check(specs, schema, diagnostics);
      summary +=
          (summary.isEmpty() ? "" : "; ")
              + GenerateCommand.plural(specs.specs().size(), "spec")
              + " checked against "
              + GenerateCommand.plural(schema.objects().size(), "described object");
    }
    List<Diagnostic> found = diagnostics.sorted();
    for (Diagnostic diagnostic : found) {
      if (!common.quiet || diagnostic.isError()) {
        stderr.println(diagnostic.format());
      }
    }
    long errors = found.stream().filter(Diagnostic::isError).count();
    if (!common.quiet) {
      stdout.println(summary + ": " + GenerateCommand.plural(errors, "error"));
    }
    return errors > 0 ? ExitCode.FINDINGS : ExitCode.OK;
  }
}
