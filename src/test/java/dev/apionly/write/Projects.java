package dev.apionly.write;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.apionly.Cli;
import dev.apionly.TestFiles;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Two states of one project for crash and concurrency tests: the examples generated, then the
 * examples with one spec gone and another added (files created in new folders, updated, deleted),
 * and helpers to copy a state, compare trees (directories too) and run apionly in a process.
 */
final class Projects {

  private Projects() {}

  /** The project generated from the examples less {@code left}, specs of {@code specs} in place. */
  static void generated(Path project, String left) {
    TestFiles.sfdxProject(project);
    TestFiles.copy(TestFiles.repository().resolve("examples"), project.resolve("specs"));
    try {
      Files.delete(project.resolve("specs/" + left));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    Cli.Run run =
        Cli.run("generate", project.resolve("specs").toString(), "--out", project.toString());
    assertEquals(0, run.exitCode(), run.toString());
  }

  /** Every file (with its text) and every directory below {@code root}, specs left out. */
  static Map<String, String> state(Path root) {
    Map<String, String> out = new TreeMap<>();
    try (Stream<Path> walk = Files.walk(root)) {
      for (Path path : walk.toList()) {
        String relative = root.relativize(path).toString();
        if (relative.isEmpty() || relative.startsWith("specs")) {
          continue;
        }
        out.put(relative, Files.isDirectory(path) ? "<dir>" : Files.readString(path));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** The java command that runs {@code mainClass} with the test class path. */
  static List<String> java(String mainClass, String... properties) {
    return dev.apionly.Cli.java(mainClass, properties);
  }

  /** Starts {@code command} with its output in {@code log}. */
  static Process start(List<String> command, Path log) {
    try {
      return new ProcessBuilder(command)
          .redirectErrorStream(true)
          .redirectOutput(log.toFile())
          .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null")))
          .start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static int exitCode(Process process) {
    try {
      return process.waitFor();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
