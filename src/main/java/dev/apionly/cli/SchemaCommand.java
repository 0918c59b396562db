package dev.apionly.cli;

import dev.apionly.diagnostic.ExitCode;
import dev.apionly.spec.SpecSchema;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/** {@code apionly schema}: the JSON Schema of the spec, for editors and other tools. */
@Command(
    name = "schema",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Print the JSON Schema (draft 2020-12) of spec format v1: the same schema the loader checks"
          + " specs against.",
      "Save it beside your specs and point your editor at it, e.g. with a first line"
          + " '# yaml-language-server: $schema=./apionly.schema.json'."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {"0:printed"})
final class SchemaCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Override
  public Integer call() {
    spec.commandLine().getOut().print(SpecSchema.v1().text());
    return ExitCode.OK;
  }
}
