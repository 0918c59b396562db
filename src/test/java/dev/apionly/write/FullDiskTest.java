package dev.apionly.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apionly.Cli;
import dev.apionly.TestFiles;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A real full disk (a small tmpfs, mounted as root): a report that does not fit leaves the old one
 * whole, and a generate that does not fit leaves the project as it was, with honest messages.
 */
class FullDiskTest {

  @TempDir Path work;

  private Path disk;

  @BeforeEach
  void mount() throws Exception {
    disk = work.resolve("disk");
    Files.createDirectories(disk);
    Process mount =
        new ProcessBuilder("mount", "-t", "tmpfs", "-o", "size=1m", "tmpfs", disk.toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(mount.getInputStream().readAllBytes());
    assertEquals(0, mount.waitFor(), "mount a tmpfs (the tests run as root): " + output);
  }

  @AfterEach
  void unmount() throws Exception {
    new ProcessBuilder("umount", disk.toString()).start().waitFor();
  }

  /** Fills the disk up to all but about {@code free} bytes, or until a write fails for 0. */
  private void fill(long free) throws IOException {
    try (OutputStream out = Files.newOutputStream(disk.resolve("filler"))) {
      byte[] block = new byte[4096];
      while (free == 0 || Files.getFileStore(disk).getUsableSpace() > free + block.length) {
        out.write(block);
        out.flush();
      }
    } catch (IOException e) {
      // full already
    }
  }

  @Test
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

  @Test
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

  @Test
  void anImportThatDoesNotFitLeavesNoPartFile() throws IOException {
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
