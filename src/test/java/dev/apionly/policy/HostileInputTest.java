package dev.apionly.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apionly.Cli;
import dev.apionly.TestFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file of the bad-spec and policy-violation corpora, generated into a project: the exit code
 * and the message at the line and column its first line expects, no stack trace, no secret echoed,
 * and the project unchanged to the byte.
 */
class HostileInputTest {

  private static final Pattern EXPECT = Pattern.compile("# expect: (\\d) (\\d+):(\\d+) (.+)");
  private static final Path RESOURCES = TestFiles.repository().resolve("src/test/resources");

  static Stream<Path> corpus() throws IOException {
    List<Path> files = new ArrayList<>();
    for (String dir : List.of("bad-specs", "policy-violations")) {
      try (Stream<Path> list = Files.list(RESOURCES.resolve(dir))) {
        list.filter(p -> p.toString().endsWith(".yaml"))
            .filter(p -> !p.getFileName().toString().equals("apionly.yaml"))
            .sorted()
            .forEach(files::add);
      }
    }
    return files.stream();
  }

  @Test
  void theCorpusIsLargeEnough() throws IOException {
    assertTrue(corpus().count() >= 25, "at least 25 hostile or bad specs");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void refusedWithItsMessageAndNothingWritten(Path spec, @TempDir Path project) throws IOException {
    String text = TestFiles.read(spec);
    Matcher expect = EXPECT.matcher(text.lines().findFirst().orElse(""));
    assertTrue(expect.matches(), spec + " must start with '# expect: EXIT LINE:COL MESSAGE'");
    TestFiles.sfdxProject(project);
    Path specs = project.resolve("specs");
    Files.createDirectories(specs);
    Files.copy(spec, specs.resolve(spec.getFileName()));
    Path config = spec.resolveSibling("apionly.yaml");
    if (Files.exists(config)) {
      Files.copy(config, specs.resolve("apionly.yaml"));
    }
    Map<String, String> before = TestFiles.tree(project);

    Cli.Run run = Cli.run("generate", specs.toString(), "--out", project.toString());

    assertEquals(Integer.parseInt(expect.group(1)), run.exitCode(), run.toString());
    String where = spec.getFileName() + ":" + expect.group(2) + ":" + expect.group(3) + ": error: ";
    assertTrue(
        run.err().lines().anyMatch(l -> l.contains(where) && l.contains(expect.group(4))),
        "expected '" + where + "..." + expect.group(4) + "' in\n" + run.err());
    assertFalse(run.err().contains("\tat "), run.err());
    assertFalse(run.err().contains("SECRET"), "a secret was echoed:\n" + run.err());
    assertEquals(before, TestFiles.tree(project));
  }

  /**
   * The same corpus against a project that already holds generated output: every file of it, state
   * file included, is unchanged to the byte; lint gives the same exit code; with --debug a stack
   * trace may appear, a secret still does not.
   */
  @ParameterizedTest(name = "{0}")
  @MethodSource("corpus")
  void anExistingProjectIsLeftAsItWas(Path spec, @TempDir Path project) throws IOException {
    Matcher expect = EXPECT.matcher(TestFiles.read(spec).lines().findFirst().orElse(""));
    assertTrue(expect.matches(), spec.toString());
    TestFiles.sfdxProject(project);
    Path specs = project.resolve("specs");
    TestFiles.write(
        specs.resolve("good.yaml"),
        "name: Good_Sync\nowner: o@acme.example\nobjects:\n  Account: { access: read }\n");
    Path config = spec.resolveSibling("apionly.yaml");
    if (Files.exists(config)) {
      Files.copy(config, specs.resolve("apionly.yaml"));
    }
    Cli.Run first = Cli.run("generate", specs.toString(), "--out", project.toString());
    assertEquals(0, first.exitCode(), first.toString());
    Files.copy(spec, specs.resolve(spec.getFileName()));
    Map<String, String> before = TestFiles.tree(project);

    int code = Integer.parseInt(expect.group(1));
    for (String[] args :
        List.of(
            new String[] {"generate", specs.toString(), "--out", project.toString()},
            new String[] {"generate", "--debug", specs.toString(), "--out", project.toString()},
            new String[] {"generate", "--check", specs.toString(), "--out", project.toString()},
            new String[] {"lint", specs.toString()},
            new String[] {"lint", "--format", "sarif", specs.toString()},
            new String[] {"lint", "--format", "json", specs.toString()})) {
      Cli.Run run = Cli.run(args);
      assertEquals(code, run.exitCode(), String.join(" ", args) + "\n" + run);
      assertFalse(run.toString().contains("SECRET"), "a secret was echoed:\n" + run);
      if (!List.of(args).contains("--debug")) {
        assertFalse(run.err().contains("\tat "), run.err());
      }
      assertEquals(before, TestFiles.tree(project), String.join(" ", args));
    }
  }

  /** Hostile files that cannot sit in the corpus as text: each refused, nothing written. */
  @Test
  void binaryHugeBombAndDeepFiles(@TempDir Path project) throws IOException {
    TestFiles.sfdxProject(project);
    Path specs = project.resolve("specs");
    Files.createDirectories(specs);
    Files.write(
        specs.resolve("binary.yaml"), new byte[] {0x7f, 'E', 'L', 'F', 0, 0, 1, (byte) 0xff});
    Files.writeString(specs.resolve("huge.yaml"), "name: A\n#" + "x".repeat(2_000_000) + "\n");
    StringBuilder bomb = new StringBuilder("a0: &a0 [x, x, x, x, x, x, x, x, x]\n");
    for (int i = 1; i < 12; i++) {
      bomb.append("a").append(i).append(": &a").append(i).append(" [");
      for (int j = 0; j < 9; j++) {
        bomb.append(j == 0 ? "" : ", ").append("*a").append(i - 1);
      }
      bomb.append("]\n");
    }
    Files.writeString(specs.resolve("bomb.yaml"), bomb);
    Files.writeString(
        specs.resolve("deep.yaml"), "name: " + "[".repeat(5000) + "]".repeat(5000) + "\n");
    Files.writeString(specs.resolve("empty.yaml"), "");
    Files.write(
        specs.resolve("latin1.yaml"), "name: Caf\u00e9\n".getBytes(StandardCharsets.ISO_8859_1));
    Map<String, String> before = TestFiles.tree(project);

    Cli.Run run = Cli.run("generate", specs.toString(), "--out", project.toString());

    assertEquals(2, run.exitCode(), run.toString());
    for (String file : List.of("binary", "huge", "bomb", "deep", "empty", "latin1")) {
      assertTrue(run.err().contains(file + ".yaml"), file + " not reported:\n" + run.err());
    }
    assertFalse(run.err().contains("\tat "), run.err());
    assertEquals(before, TestFiles.tree(project));
  }

  /** A named pipe given as the spec is named for what it is, and never read (it would block). */
  @Test
  void aFifoIsNamedForWhatItIs(@TempDir Path project) throws Exception {
    TestFiles.sfdxProject(project);
    Path fifo = project.resolve("spec.yaml");
    Process mkfifo = new ProcessBuilder("mkfifo", fifo.toString()).start();
    assertEquals(0, mkfifo.waitFor());

    Cli.Run run = Cli.run("generate", fifo.toString(), "--out", project.toString());

    assertEquals(2, run.exitCode(), run.toString());
    assertTrue(run.err().contains("spec.yaml: error: is a named pipe (FIFO)"), run.err());
    assertFalse(run.err().contains("no such file"), run.err());
  }

  /** Windows device names, in any case and with an extension, are no integration names. */
  @Test
  void windowsDeviceNamesAreRefused() {
    for (String name : List.of("CON", "prn", "Aux", "nul", "COM1", "com9", "LPT1", "lpt9")) {
      assertTrue(
          dev.apionly.spec.Names.windowsReservedProblem(name) != null
              && dev.apionly.spec.Names.windowsReservedProblem(name + ".permissionset") != null,
          name);
    }
    for (String name : List.of("Console", "COM10", "COM0", "LPT", "Null_Sync", "CON_Sync")) {
      assertEquals(null, dev.apionly.spec.Names.windowsReservedProblem(name), name);
    }
  }
}
