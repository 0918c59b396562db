package dev.apionly.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apionly.Cli;
import dev.apionly.TestFiles;
import dev.apionly.diagnostic.ApionlyException;
import dev.apionly.diagnostic.Diagnostic;
import dev.apionly.diagnostic.Location;
import dev.apionly.diagnostic.Severity;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine.Help.Ansi;

/** {@code schema}, {@code init}, {@code completion} and colour, run in-process. */
class EcosystemCommandsTest {

  @Test
  void schemaPrintsTheDraft202012SchemaTheLoaderUses() throws Exception {
    Cli.Run run = Cli.run("schema");
    assertEquals(0, run.exitCode(), run.toString());
    assertEquals("", run.err());
    JsonNode schema = new ObjectMapper().readTree(run.out());
    assertEquals("https://json-schema.org/draft/2020-12/schema", schema.path("$schema").asText());
    assertEquals(false, schema.path("additionalProperties").asBoolean(true));
    assertTrue(schema.path("properties").has("userPermissions"), run.out());
    assertEquals(dev.apionly.spec.SpecSchema.v1().text(), run.out());
  }

  @Test
  void initWritesAStarterThatGenerates(@TempDir Path dir) {
    TestFiles.sfdxProject(dir);
    Path specs = dir.resolve("specs");
    Cli.Run init =
        Cli.run(
            "init",
            "Order_Sync",
            "--user",
            "order-sync@acme.example.integration",
            "--out",
            specs.toString());
    assertEquals(0, init.exitCode(), init.toString());
    Path file = specs.resolve("Order_Sync.yaml");
    assertTrue(init.out().contains("created " + file), init.out());
    String text = TestFiles.read(file);
    assertTrue(text.contains("name: Order_Sync\n"), text);
    assertTrue(text.contains("username: 'order-sync@acme.example.integration'"), text);
    assertTrue(text.lines().filter(l -> l.startsWith("#")).count() > 10, text);

    Cli.Run generate = Cli.run("generate", specs.toString(), "--out", dir.toString());
    assertEquals(0, generate.exitCode(), generate.toString());
    assertTrue(
        Files.isRegularFile(
            dir.resolve(
                "force-app/main/default/useraccesspolicies/Order_Sync.useraccesspolicy-meta.xml")),
        generate.toString());
  }

  @Test
  void initWithoutAUserLeavesTheUserOut(@TempDir Path dir) {
    TestFiles.sfdxProject(dir);
    Cli.Run init = Cli.run("init", "Reader", "--out", dir.resolve("specs").toString(), "-q");
    assertEquals(0, init.exitCode(), init.toString());
    assertEquals("", init.out());
    assertTrue(TestFiles.read(dir.resolve("specs/Reader.yaml")).contains("# user:\n"));
    Cli.Run generate =
        Cli.run("generate", dir.resolve("specs").toString(), "--out", dir.toString());
    assertEquals(0, generate.exitCode(), generate.toString());
    assertFalse(Files.exists(dir.resolve("config/users/Reader-user-def.json")));
  }

  @Test
  void initNeverOverwrites(@TempDir Path dir) {
    Path file = dir.resolve("Reader.yaml");
    TestFiles.write(file, "mine\n");
    Cli.Run run = Cli.run("init", "Reader", "--out", dir.toString());
    assertEquals(2, run.exitCode(), run.toString());
    assertTrue(run.err().contains("file exists already"), run.err());
    assertEquals("mine\n", TestFiles.read(file));
  }

  @Test
  void initRefusesBadNamesAndUsernames(@TempDir Path dir) {
    Cli.Run name = Cli.run("init", "Order__Sync", "--out", dir.toString());
    assertEquals(2, name.exitCode(), name.toString());
    assertTrue(name.err().contains("name 'Order__Sync' is not a valid API name"), name.err());

    Cli.Run user = Cli.run("init", "Order_Sync", "--user", "order sync", "--out", dir.toString());
    assertEquals(2, user.exitCode(), user.toString());
    assertTrue(user.err().contains("not in the form of an email address"), user.err());
    assertEquals(List.of(), TestFiles.tree(dir).keySet().stream().toList());
  }

  @Test
  void initQuotesAUsernameYamlWouldReadOtherwise(@TempDir Path dir) {
    TestFiles.sfdxProject(dir);
    Path specs = dir.resolve("specs");
    Cli.Run init =
        Cli.run("init", "Odd_User", "--user", "*o'k#1@acme.example", "--out", specs.toString());
    assertEquals(0, init.exitCode(), init.toString());
    Cli.Run generate = Cli.run("generate", specs.toString(), "--out", dir.toString());
    assertEquals(0, generate.exitCode(), generate.toString());
    assertTrue(
        TestFiles.read(dir.resolve("config/users/Odd_User-user-def.json"))
            .contains("*o'k#1@acme.example"));
  }

  @Test
  void theStarterPassesLint(@TempDir Path dir) {
    Cli.Run init =
        Cli.run("init", "Starter_Check", "--user", "s@acme.example", "--out", dir.toString());
    assertEquals(0, init.exitCode(), init.toString());
    Cli.Run lint = Cli.run("lint", dir.toString());
    assertEquals(0, lint.exitCode(), lint.toString());
  }

  @Test
  void completionCoversEveryCommand() {
    Cli.Run run = Cli.run("completion");
    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(run.out().startsWith("#!/usr/bin/env bash"), run.out());
    for (String command : List.of("generate", "init", "schema", "completion")) {
      assertTrue(run.out().contains(command), command);
    }
    assertTrue(run.out().contains("--check"), "options of generate");
    assertTrue(run.out().contains("complete -F"), "registers with bash");
  }

  @Test
  void everyCommandHasHelpAndTheBuildVersion() {
    String version = Cli.run("--version").out();
    for (String command : List.of("init", "schema", "completion")) {
      Cli.Run help = Cli.run(command, "--help");
      assertEquals(0, help.exitCode(), help.toString());
      assertTrue(help.out().contains("Usage: apionly " + command), help.out());
      assertEquals(version, Cli.run(command, "--version").out());
    }
    assertTrue(Cli.run("--help").out().contains("completion"));
  }

  @Test
  void colourOnlyOnATerminalAndNeverWithNoColor() {
    assertEquals(Ansi.ON, Colour.ansi(Map.of(), true));
    assertEquals(Ansi.OFF, Colour.ansi(Map.of(), false));
    assertEquals(Ansi.OFF, Colour.ansi(Map.of("NO_COLOR", "1"), true));
    assertEquals(Ansi.ON, Colour.ansi(Map.of("NO_COLOR", ""), true));
    assertEquals(Ansi.OFF, Colour.ansi(Map.of("TERM", "dumb"), true));
  }

  /** Standard error sent to a file or a pipe gets no colour, even with a console. */
  @Test
  void aRedirectedStandardErrorIsNoTerminal(@org.junit.jupiter.api.io.TempDir Path dir)
      throws java.io.IOException {
    Path fd = dir.resolve("2");
    java.nio.file.Files.createSymbolicLink(fd, Path.of("/home/me/log"));
    assertFalse(Colour.errorIsTerminal(true, fd));
    java.nio.file.Files.delete(fd);
    java.nio.file.Files.createSymbolicLink(fd, Path.of("pipe:[4242]"));
    assertFalse(Colour.errorIsTerminal(true, fd));
    java.nio.file.Files.delete(fd);
    java.nio.file.Files.createSymbolicLink(fd, Path.of("/dev/pts/3"));
    assertTrue(Colour.errorIsTerminal(true, fd));
    assertFalse(Colour.errorIsTerminal(false, fd));
    // where the system does not say, as standard output is
    assertTrue(Colour.errorIsTerminal(true, dir.resolve("missing")));
  }

  @Test
  void diagnosticsColourTheSeverityOnlyWhenAsked() {
    ApionlyException failure =
        new ApionlyException(
            2,
            List.of(
                new Diagnostic(
                    Severity.ERROR, new Location(Path.of("a.yaml"), 3, 4), "boom", false)));
    StringWriter plain = new StringWriter();
    new DiagnosticPrinter(new PrintWriter(plain, true), Ansi.OFF, false).failure(failure, true);
    assertTrue(plain.toString().startsWith("a.yaml:3:4: error: boom\n"), plain.toString());
    assertFalse(plain.toString().contains("\u001B["), plain.toString());

    StringWriter coloured = new StringWriter();
    new DiagnosticPrinter(new PrintWriter(coloured, true), Ansi.ON, false).failure(failure, true);
    assertTrue(coloured.toString().startsWith("a.yaml:3:4: \u001B["), coloured.toString());
    assertTrue(
        coloured.toString().contains("error\u001B[") && coloured.toString().contains(": boom"));

    Cli.Run help = Cli.run("init", "--help");
    assertFalse(help.out().contains("\u001B["), "in-process runs are never coloured");
  }

  @Test
  void oneQuietRuleAndOneColourRuleForEveryDiagnostic() {
    Diagnostic warning =
        Diagnostic.warning(new Location(Path.of("a.yaml"), 2, 1), "odd \u001B[31m").withoutSource();
    Diagnostic error = Diagnostic.error(Location.of(Path.of("b.yaml")), "bad");
    StringWriter quiet = new StringWriter();
    new DiagnosticPrinter(new PrintWriter(quiet, true), Ansi.OFF, true)
        .print(List.of(warning, error));
    assertEquals("b.yaml: error: bad\n", quiet.toString());

    StringWriter coloured = new StringWriter();
    new DiagnosticPrinter(new PrintWriter(coloured, true), Ansi.ON, false)
        .print(List.of(warning, error));
    String text = coloured.toString();
    assertTrue(text.startsWith("a.yaml:2:1: \u001B["), text);
    // the colour is apionly's own: an escape in a message is still shown as U+FFFD
    assertTrue(text.contains("warning\u001B[") && text.contains(": odd \uFFFD[31m\n"), text);
  }
}
