package dev.apionly.write;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.apionly.Cli;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real full disk: a 1 MB tmpfs in a mount namespace of the test's own ({@code unshare}, which
 * needs no root where user namespaces are allowed, as on Debian and Ubuntu), holding what a run
 * writes. A report that does not fit leaves the old one whole; a generate that does not fit leaves
 * the project as it was; an init leaves no part file; each says so honestly.
 */
class FullDiskTest {

  @TempDir Path work;

  /** Runs {@code scenario} of {@link FullDiskScenarios} with a full-size tmpfs mounted for it. */
  private void inNamespace(String scenario) throws Exception {
    Path disk = Files.createDirectories(work.resolve("disk"));
    Path other = Files.createDirectories(work.resolve("other"));
    Path log = work.resolve("scenario.log");
    List<String> command =
        new ArrayList<>(
            List.of(
                "unshare",
                "--user",
                "--map-root-user",
                "--mount",
                "sh",
                "-c",
                "mount -t tmpfs -o size=1m tmpfs \"$1\" && shift && exec \"$@\"",
                "sh",
                disk.toString()));
    command.addAll(Cli.java(FullDiskScenarios.class.getName()));
    command.addAll(List.of(scenario, disk.toString(), other.toString()));
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
            .start();
    if (!process.waitFor(5, TimeUnit.MINUTES)) {
      process.destroyForcibly();
    }
    assertEquals(
        0,
        process.exitValue(),
        "a tmpfs in a mount namespace of its own (unshare --user --map-root-user --mount; root,"
            + " or user namespaces allowed) and the scenario in it:\n"
            + read(log));
  }

  private static String read(Path log) throws IOException {
    return Files.exists(log) ? Files.readString(log) : "";
  }

  @Test
  void aReportThatDoesNotFitLeavesTheOldOneWhole() throws Exception {
    inNamespace("report");
  }

  @Test
  void aGenerateThatDoesNotFitChangesNothing() throws Exception {
    inNamespace("generate");
  }

  @Test
  void anInitThatDoesNotFitLeavesNoPartFile() throws Exception {
    inNamespace("init");
  }
}
