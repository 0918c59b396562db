package dev.apionly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The distribution archive `mvn package` makes, as a user gets it: unpacked into a directory whose
 * path has spaces, installed with its one command, and run from the link it puts on the PATH.
 */
class DistributionIT {

  private static final String VERSION = System.getProperty("apionly.version");
  private static final Path TARGET = TestFiles.repository().resolve("target");

  @TempDir static Path scratch;
  private static Path unpacked;
  private static Path prefix;

  /** What a run printed and returned. */
  record Run(int exitCode, String out, String err) {}

  @BeforeAll
  static void unpackAndInstall() throws Exception {
    Path archive = TARGET.resolve("apionly-" + VERSION + ".tar.gz");
    assertTrue(Files.isRegularFile(archive), archive + " is made by mvn package");
    Path into = Files.createDirectories(scratch.resolve("unpacked here, with spaces"));
    Run tar = run(into, Map.of(), "tar", "xzf", archive.toString());
    assertEquals(0, tar.exitCode(), tar.toString());
    unpacked = into.resolve("apionly-" + VERSION);
    prefix = scratch.resolve("a prefix");
    Run install =
        run(scratch, home(), unpacked.resolve("install.sh").toString(), prefix.toString());
    assertEquals(0, install.exitCode(), install.toString());
    assertEquals("", install.err(), "a clean install says nothing on stderr");
    assertTrue(install.out().contains("linked " + prefix.resolve("bin/apionly")), install.out());
  }

  @Test
  void bothArchivesHoldTheSameFiles() throws Exception {
    Run list =
        run(
            scratch,
            Map.of(),
            "tar",
            "tzf",
            TARGET.resolve("apionly-" + VERSION + ".tar.gz").toString());
    TreeSet<String> tar = new TreeSet<>(list.out().lines().filter(l -> !l.endsWith("/")).toList());
    TreeSet<String> zip = new TreeSet<>();
    try (ZipFile file = new ZipFile(TARGET.resolve("apionly-" + VERSION + ".zip").toFile())) {
      for (Enumeration<? extends ZipEntry> e = file.entries(); e.hasMoreElements(); ) {
        ZipEntry entry = e.nextElement();
        if (!entry.isDirectory()) {
          zip.add(entry.getName());
        }
      }
    }
    String root = "apionly-" + VERSION + "/";
    TreeSet<String> expected =
        new TreeSet<>(
            List.of(
                root + "bin/apionly",
                root + "install.sh",
                root + "lib/apionly.jar",
                root + "lib/apionly.classlist",
                root + "share/bash-completion/completions/apionly",
                root + "README.md",
                root + "LICENSE"));
    assertEquals(expected, tar);
    assertEquals(expected, zip);
  }

  @Test
  void theInstalledLinkRunsWithItsClassDataArchive() throws Exception {
    Path link = prefix.resolve("bin/apionly");
    assertTrue(Files.isSymbolicLink(link), link + " is a link into share/apionly");
    Path share = prefix.resolve("share/apionly");
    assertTrue(Files.isRegularFile(share.resolve("lib/apionly.jsa")), "archive made at install");
    Run version = run(scratch, Map.of(), link.toString(), "--version");
    assertEquals(0, version.exitCode(), version.toString());
    assertEquals("apionly " + VERSION + "\n", version.out());
    assertEquals("", version.err());
    // -Xshare:on fails the start when the archive cannot be used: it must fit the installed jar
    Run shared =
        run(scratch, Map.of("APIONLY_JAVA_OPTIONS", "-Xshare:on"), link.toString(), "--version");
    assertEquals(0, shared.exitCode(), shared.toString());
  }

  @Test
  void aStaleOrForeignClassDataArchiveIsPassedOverQuietly(@TempDir Path copy) throws Exception {
    // an archive of another JVM build reads as garbage to this one: the start must not notice
    Run cp = run(scratch, Map.of(), "cp", "-R", prefix.toString(), copy.resolve("p").toString());
    assertEquals(0, cp.exitCode(), cp.toString());
    Path share = copy.resolve("p/share/apionly");
    Files.write(share.resolve("lib/apionly.jsa"), "not a class-data archive".getBytes());
    Run version = run(scratch, Map.of(), share.resolve("bin/apionly").toString(), "--version");
    assertEquals(0, version.exitCode(), version.toString());
    assertEquals("apionly " + VERSION + "\n", version.out());
    assertEquals("", version.err());
  }

  @Test
  void generateRunsFromThePathInAProjectElsewhere(@TempDir Path project) throws Exception {
    TestFiles.sfdxProject(project);
    TestFiles.copy(TestFiles.repository().resolve("examples"), project.resolve("specs"));
    Map<String, String> path =
        Map.of("PATH", prefix.resolve("bin") + java.io.File.pathSeparator + System.getenv("PATH"));
    // through a shell, which looks the command up on the PATH given here, as a user's would
    Run generate = run(project, path, "sh", "-c", "apionly generate specs");
    assertEquals(0, generate.exitCode(), generate.toString());
    assertTrue(generate.out().startsWith("create "), generate.out());
    assertTrue(
        Files.isRegularFile(
            project.resolve(
                "force-app/main/default/permissionsets/ERP_Order_Sync.permissionset-meta.xml")),
        generate.out());
    Run check = run(project, path, "sh", "-c", "apionly generate --check specs");
    assertEquals(0, check.exitCode(), check.toString());
  }

  @Test
  void theCompletionScriptIsWhereBashCompletionLooks() throws Exception {
    Path script = prefix.resolve("share/bash-completion/completions/apionly");
    Run complete =
        run(
            scratch,
            Map.of(),
            "bash",
            "-c",
            "source \"$0\" && complete -p apionly",
            script.toString());
    assertEquals(0, complete.exitCode(), complete.toString());
    assertTrue(complete.out().contains("apionly"), complete.out());
  }

  @Test
  void withoutAPrefixItInstallsUnderHomeDotLocal() throws Exception {
    Run install = run(scratch, home(), unpacked.resolve("install.sh").toString());
    assertEquals(0, install.exitCode(), install.toString());
    Path link = scratch.resolve("home/.local/bin/apionly");
    Run version = run(scratch, Map.of(), link.toString(), "--version");
    assertEquals("apionly " + VERSION + "\n", version.out(), version.toString());
  }

  @Test
  void installRefusesADirectoryThatIsNotADistribution(@TempDir Path elsewhere) throws Exception {
    Files.copy(unpacked.resolve("install.sh"), elsewhere.resolve("install.sh"));
    Run install =
        run(scratch, home(), "sh", elsewhere.resolve("install.sh").toString(), prefix.toString());
    assertEquals(2, install.exitCode(), install.toString());
    assertTrue(install.err().contains("is not an unpacked apionly distribution"), install.err());
  }

  private static Map<String, String> home() throws IOException {
    return Map.of("HOME", Files.createDirectories(scratch.resolve("home")).toString());
  }

  private static Run run(Path directory, Map<String, String> env, String... command)
      throws IOException, InterruptedException {
    ProcessBuilder builder = new ProcessBuilder(new ArrayList<>(List.of(command)));
    builder.directory(directory.toFile());
    builder.environment().putAll(env);
    Path out = Files.createTempFile(scratch, "out", ".txt");
    Path err = Files.createTempFile(scratch, "err", ".txt");
    builder.redirectOutput(out.toFile()).redirectError(err.toFile());
    builder.redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")));
    Process process = builder.start();
    if (!process.waitFor(120, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new AssertionError(String.join(" ", command) + " did not finish in 120 s");
    }
    return new Run(
        process.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
