package dev.apionly.cli;

import dev.apionly.diagnostic.ApionlyException;
import dev.apionly.diagnostic.ExitCode;
import dev.apionly.diagnostic.Location;
import dev.apionly.diagnostic.Paths;
import dev.apionly.spec.Names;
import dev.apionly.spec.StarterSpec;
import dev.apionly.write.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code apionly init}: a commented starter spec that passes as it is. */
@Command(
    name = "init",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = {
      "Write NAME.yaml: a commented starter spec with one read grant, every other key shown in"
          + " comments.",
      "Never overwrites a file."
    },
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:written",
      "2:bad name or username, or the file exists already (nothing written)"
    })
final class InitCommand implements Callable<Integer>, WritesFiles {

  @Spec CommandSpec spec;

  @Mixin CommonOptions common;

  @Parameters(
      index = "0",
      paramLabel = "NAME",
      description = "API name of the integration, e.g. ERP_Order_Sync.")
  String name;

  @Option(
      names = "--user",
      paramLabel = "USERNAME",
      description =
          "Username of the API-only integration user (an email address form, e.g."
              + " erp-sync@acme.example.integration). Without it the user block is commented out.")
  String username;

  @Option(
      names = "--out",
      paramLabel = "DIR",
      description = "Directory to write NAME.yaml into (default: the current directory).")
  Path out;

  @Override
  public boolean writesFiles() {
    return true;
  }

  @Override
  public Integer call() {
    Path directory = out == null ? Path.of("") : out;
    Path file = directory.resolve(name + ".yaml");
    String problem = Names.apiNameProblem(name);
    if (problem != null) {
      throw ApionlyException.of(
          ExitCode.BAD_INPUT, Location.of(file), "name '" + name + "' " + problem);
    }
    if (username != null && !Names.looksLikeEmail(username)) {
      throw ApionlyException.of(
          ExitCode.BAD_INPUT,
          Location.of(file),
          "--user '"
              + username
              + "' is not in the form of an email address (at most 80 characters); Salesforce"
              + " usernames look like erp-sync@acme.example.integration");
    }
    try {
      Files.createDirectories(directory.toAbsolutePath());
      AtomicFile.create(
          file, new StarterSpec(name, username).text().getBytes(StandardCharsets.UTF_8));
    } catch (FileAlreadyExistsException e) {
      throw ApionlyException.of(
          ExitCode.BAD_INPUT,
          Location.of(file),
          "file exists already; init never overwrites: choose another NAME or --out DIR");
    } catch (IOException e) {
      throw ApionlyException.of(
          ExitCode.BAD_INPUT, Location.of(file), "cannot write file: " + e.getMessage());
    }
    if (!common.quiet) {
      String shown = Paths.display(file);
      spec.commandLine().getOut().println("created " + shown);
      spec.commandLine()
          .getOut()
          .println("next: edit its grants, then run 'apionly generate " + shown + "'");
    }
    return ExitCode.OK;
  }
}
