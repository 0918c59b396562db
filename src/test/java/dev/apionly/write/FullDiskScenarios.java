package dev.apionly.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apionly.Cli;
import dev.apionly.TestFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Map;

/**
 * The full-disk scenarios, run by {@link FullDiskTest} in a process of their own whose mount
 * namespace has a 1 MB tmpfs at the directory given: so no root is needed, and nothing is left
 * mounted when the process ends. Exit 0 when the scenario holds, 1 with the reason when not.
 */
public final class FullDiskScenarios {

  private final Path disk;
  private final Path work;

  private FullDiskScenarios(Path disk, Path work) {
    this.disk = disk;
    this.work = work;
  }

  /** {@code SCENARIO DISK WORK}: a scenario's name, the tmpfs, a directory on another disk. */
  public static void main(String[] args) {
    FullDiskScenarios scenarios = new FullDiskScenarios(Path.of(args[1]), Path.of(args[2]));
    try {
      switch (args[0]) {
        case "report" -> scenarios.aReportThatDoesNotFitLeavesTheOldOneWhole();
        case "generate" -> scenarios.aGenerateThatDoesNotFitChangesNothing();
        case "init" -> scenarios.anInitThatDoesNotFitLeavesNoPartFile();
        default -> throw new IllegalArgumentException("no scenario " + args[0]);
      }
    } catch (Throwable e) {
      System.out.println("scenario " + args[0] + " failed: " + e);
      System.exit(1);
    }
    System.exit(0);
  }

  /** Fills the disk, then frees {@code free} bytes of it again. */
  private void fill(long free) throws IOException {
    Path filler = disk.resolve("filler");
    try (OutputStream out = Files.newOutputStream(filler)) {
      byte[] block = new byte[4096];
      while (true) {
        out.write(block);
        out.flush();
      }
    } catch (IOException e) {
      // full
    }
    if (free > 0) {
      try (FileChannel channel = FileChannel.open(filler, StandardOpenOption.WRITE)) {
        channel.truncate(Math.max(0, channel.size() - free));
      }
    }
  }

  void aReportThatDoesNotFitLeavesTheOldOneWhole() throws IOException {
    Path specs = work.resolve("specs");
    TestFiles.copy(TestFiles.repository().resolve("examples"), specs);
    Path report = disk.resolve("access.html");
    Cli.Run first = Cli.run("report", specs.toString(), "--out", report.toString());
    assertEquals(0, first.exitCode(), first.toString());
    String old = TestFiles.read(report);
    fill(0);
    Cli.Run run =
        Cli.run("report", specs.toString(), "--out", report.toString(), "--format", "markdown");
    assertEquals(2, run.exitCode(), run.toString());
    assertTrue(
        run.err().contains("No space left on device; the existing file is unchanged"), run.err());
    assertEquals(old, TestFiles.read(report));
    try (var files = Files.list(disk)) {
      assertEquals(2, files.count(), "no temporary file left");
    }
  }

  void aGenerateThatDoesNotFitChangesNothing() throws IOException {
    Path project = disk.resolve("project");
    TestFiles.sfdxProject(project);
    TestFiles.copy(TestFiles.repository().resolve("examples"), project.resolve("specs"));
    Files.delete(project.resolve("specs/billing-engine.yaml"));
    Cli.Run first =
        Cli.run("generate", project.resolve("specs").toString(), "--out", project.toString());
    assertEquals(0, first.exitCode(), first.toString());
    TestFiles.copy(TestFiles.repository().resolve("examples"), project.resolve("specs"));
    Map<String, String> before = TestFiles.tree(project);
    fill(8192);
    Cli.Run run =
        Cli.run("generate", project.resolve("specs").toString(), "--out", project.toString());
    assertEquals(2, run.exitCode(), run.toString());
    assertTrue(run.err().contains("could not write the project, nothing was changed"), run.err());
    assertEquals(before, TestFiles.tree(project));
    assertFalse(Files.exists(project.resolve(".apionly/pending")));
    Files.delete(disk.resolve("filler"));
    Cli.Run again =
        Cli.run("generate", project.resolve("specs").toString(), "--out", project.toString());
    assertEquals(0, again.exitCode(), again.toString());
  }

  void anInitThatDoesNotFitLeavesNoPartFile() throws IOException {
    Path out = disk.resolve("imported");
    Files.createDirectories(out);
    fill(0);
    Cli.Run run = Cli.run("init", "Erp_Sync", "--out", out.toString());
    assertEquals(2, run.exitCode(), run.toString());
    try (var files = Files.list(out)) {
      assertEquals(0, files.count(), "nothing left behind");
    }
  }
}
