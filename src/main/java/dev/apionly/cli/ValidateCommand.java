package dev.apionly.cli;

import dev.apionly.diagnostic.ApionlyException;
import dev.apionly.diagnostic.Diagnostics;
import dev.apionly.diagnostic.ExitCode;
import dev.apionly.diagnostic.Location;
import dev.apionly.diagnostic.Paths;
import dev.apionly.metadata.MetadataException;
import dev.apionly.metadata.MetadataSchema;
import dev.apionly.spec.SpecSet;
import dev.apionly.validate.OrgSchema;
import dev.apionly.validate.OutputValidation;
import dev.apionly.validate.ProjectSource;
import dev.apionly.validate.SchemaCheck;
import dev.apionly.validate.SourceCheck;
import dev.apionly.workspace.Workspace;
import dev.apionly.write.SfdxProject;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code apionly validate}: generated files against an org's Metadata API WSDL, and the names in
 * specs against the org's schema saved with {@code sf sobject describe}.
 */
@Command(
    name = "validate",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Check before deploying.",
      "Without options: every XML file generate wrote into the project, against the Metadata"
          + " API schema apionly ships (API 66.0).",
      "--wsdl: the same files against the Metadata API WSDL downloaded from the org (Setup >"
          + " API > Generate Metadata WSDL), for the org's own API version.",
      "--org-schema: every object, field and record type the specs name, against saved 'sf"
          + " sobject describe --json' outputs: names exist (with the nearest name for a typo),"
          + " no field permissions on required or non-permissionable fields, and objects the"
          + " describe says are out of reach.",
      "--list-objects: print the objects the specs name, one a line, to describe them."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:valid", "1:findings at error level", "2:bad input"})
final class ValidateCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Mixin CommonOptions common;

  @Parameters(
      arity = "0..*",
      paramLabel = "DIR|FILE",
      description = "Spec directories or files (for --org-schema and --list-objects).")
  List<Path> inputs = new ArrayList<>();

  @Option(
      names = "--wsdl",
      paramLabel = "FILE",
      description =
          "The org's Metadata API WSDL (Setup > API > Generate Metadata WSDL); default: the"
              + " schema apionly ships.")
  Path wsdl;

  @Option(
      names = "--org-schema",
      paramLabel = "DIR",
      description = "A directory of 'sf sobject describe --sobject NAME --json' outputs.")
  Path orgSchema;

  @Option(
      names = "--list-objects",
      description = "Print every object the specs name, one a line, and exit.")
  boolean listObjects;

  @Option(
      names = "--out",
      paramLabel = "PROJECT_DIR",
      description =
          "The SFDX project generate wrote into, for --wsdl (default: the nearest"
              + " sfdx-project.json upward from the current directory).")
  Path out;

  @Override
  public Integer call() {
    PrintWriter stdout = spec.commandLine().getOut();
    if ((orgSchema != null || listObjects) && inputs.isEmpty()) {
      throw new ParameterException(
          spec.commandLine(), "--org-schema and --list-objects need the spec directories");
    }
    Diagnostics diagnostics = new Diagnostics();
    // the specs are checked as written (validate never resolves them), and first: a bad spec is
    // named before a missing project; then the project, for the names its own source defines
    Workspace workspace =
        inputs.isEmpty()
            ? null
            : Workspace.load(
                () ->
                    listObjects
                        ? Optional.empty()
                        : out != null || orgSchema == null
                            ? Optional.of(SfdxProject.locate(out, Path.of("")))
                            : SfdxProject.find(Path.of("")),
                inputs,
                Path.of(""),
                diagnostics);
    SpecSet specs = workspace == null ? null : workspace.loaded();
    Optional<SfdxProject> project = workspace == null ? Optional.empty() : workspace.project();
    if (listObjects) {
      SchemaCheck.objects(specs).forEach(stdout::println);
      return ExitCode.OK;
    }
    List<String> done = new ArrayList<>();
    if (specs != null && project.isPresent()) {
      ProjectSource source = ProjectSource.read(project.get().packageDirectoryPaths());
      SourceCheck.check(
          specs, source, project.get().namespace(), diagnostics, SourceCheck.Strictness.ERRORS);
      done.add(
          GenerateCommand.plural(specs.specs().size(), "spec")
              + " checked against the project's source");
    }
    if (wsdl != null || orgSchema == null) {
      MetadataSchema schema = wsdl != null ? schema(wsdl) : MetadataSchema.bundled();
      String against =
          wsdl != null
              ? "the org's Metadata API WSDL"
              : "the Metadata API schema " + MetadataSchema.BUNDLED_VERSION;
      int files =
          OutputValidation.validate(
              schema,
              against,
              project.orElseGet(() -> SfdxProject.locate(out, Path.of(""))),
              wsdl != null || specs == null,
              diagnostics);
      done.add(
          GenerateCommand.plural(files, "generated file")
              + " checked against "
              + (wsdl != null ? Paths.display(wsdl) : against + " (built in)"));
    }
    if (orgSchema != null) {
      Diagnostics reading = new Diagnostics();
      OrgSchema schema = OrgSchema.read(orgSchema, reading);
      reading.throwIfErrors(ExitCode.BAD_INPUT);
      diagnostics.addAll(reading);
      SchemaCheck.check(specs, schema, diagnostics);
      done.add(
          GenerateCommand.plural(specs.specs().size(), "spec")
              + " checked against "
              + GenerateCommand.plural(schema.objects().size(), "described object"));
    }
    if (diagnostics.hasErrors()) {
      throw new ApionlyException(ExitCode.FINDINGS, diagnostics.sorted());
    }
    DiagnosticPrinter.of(spec, common).print(diagnostics.sorted());
    if (!common.quiet) {
      stdout.println("valid: " + String.join("; ", done));
    }
    return ExitCode.OK;
  }

  private static MetadataSchema schema(Path wsdl) {
    if (!Files.isRegularFile(wsdl)) {
      throw ApionlyException.of(
          ExitCode.BAD_INPUT,
          Location.of(wsdl),
          "no such file; --wsdl takes the Metadata WSDL downloaded from Setup > API");
    }
    try {
      return MetadataSchema.fromWsdl(wsdl);
    } catch (MetadataException e) {
      throw ApionlyException.of(
          ExitCode.BAD_INPUT,
          new Location(wsdl, Math.max(e.line(), 0), Math.max(e.column(), 0)),
          e.getMessage());
    } catch (IOException e) {
      throw ApionlyException.of(
          ExitCode.BAD_INPUT, Location.of(wsdl), "cannot read file: " + e.getMessage());
    }
  }
}
