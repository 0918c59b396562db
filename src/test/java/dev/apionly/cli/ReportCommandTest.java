package dev.apionly.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apionly.Cli;
import dev.apionly.TestFiles;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code apionly report} as a user runs it: formats, output file, exit codes. */
class ReportCommandTest {

  @TempDir Path dir;

  private String examples() {
    return TestFiles.repository().resolve("examples").toString();
  }

  @Test
  void writesHtmlToTheOutFile() {
    Path out = dir.resolve("site/access.html");
    Cli.Run run = Cli.run("report", examples(), "--out", out.toString());
    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(run.out().startsWith("wrote " + out + ": html report of 7 integrations"), run.out());
    assertTrue(TestFiles.read(out).startsWith("<!DOCTYPE html>"));
  }

  /** A link at --out (one a pull request could commit) is refused, and its target left alone. */
  @Test
  void aLinkAtOutIsRefusedAndItsTargetUntouched() throws java.io.IOException {
    Path victim = dir.resolve("victim.txt");
    TestFiles.write(victim, "keep me\n");
    Path out = dir.resolve("access.html");
    java.nio.file.Files.createSymbolicLink(out, victim);
    Cli.Run run = Cli.run("report", examples(), "--out", out.toString());
    assertEquals(2, run.exitCode(), run.toString());
    assertTrue(run.err().contains("is a symbolic link"), run.err());
    assertEquals("keep me\n", TestFiles.read(victim));
    assertTrue(java.nio.file.Files.isSymbolicLink(out));
  }

  @Test
  void formatFollowsTheOutExtensionUnlessGiven() {
    Path csv = dir.resolve("access.csv");
    assertEquals(0, Cli.run("report", examples(), "--out", csv.toString()).exitCode());
    assertTrue(TestFiles.read(csv).startsWith("integration,risk,owner,ticket,"));
    Path forced = dir.resolve("access.txt");
    assertEquals(
        0,
        Cli.run("report", examples(), "--format", "markdown", "--out", forced.toString())
            .exitCode());
    assertTrue(TestFiles.read(forced).startsWith("# Integration access"));
  }

  @Test
  void printsToStandardOutputWithoutOut() {
    Cli.Run run = Cli.run("report", examples(), "--format", "csv");
    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(run.out().contains("\r\nERP_Order_Sync,medium,erp-team@acme.example,SEC-1234,"));
  }

  @Test
  void unknownFormatIsBadInput() {
    Cli.Run run = Cli.run("report", examples(), "--format", "pdf");
    assertEquals(2, run.exitCode(), run.toString());
    assertTrue(run.err().contains("--format"), run.err());
  }

  @Test
  void noSpecIsBadInput() {
    Cli.Run run = Cli.run("report", dir.toString());
    assertEquals(2, run.exitCode(), run.toString());
    assertTrue(run.err().contains("no spec found; accepted:"), run.err());
  }

  @Test
  void badSpecIsReportedWithItsPosition() {
    TestFiles.write(
        dir.resolve("bad.yaml"), "name: Bad\nowner: x\nobjects:\n  Account: {access: rad}\n");
    Cli.Run run = Cli.run("report", dir.toString());
    assertEquals(2, run.exitCode(), run.toString());
    assertTrue(run.err().contains("bad.yaml:4:"), run.err());
  }
}
