package dev.apionly;

import dev.apionly.cli.Main;
import java.io.File;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs apionly in-process with captured output, as a user's shell would. */
public final class Cli {

  /** What one run printed and returned. */
  public record Run(int exitCode, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exitCode + "\n--- stdout\n" + out + "--- stderr\n" + err;
    }
  }

  /** How long a run as a process may take: far longer than any test's run needs. */
  private static final long TIMEOUT_SECONDS = 120;

  private Cli() {}

  /**
   * Runs apionly as its own process in {@code directory}, as a user's shell would there: what
   * depends on the working directory (the project found upward, configured defaults) is real.
   */
  public static Run runIn(Path directory, String... args) {
    return runIn(directory, List.of(), args);
  }

  /**
   * {@link #runIn(Path, String...)} with {@code javaOptions} given to {@code java} (system
   * properties such as {@code -Dname=value}). A run that has not ended after {@value
   * #TIMEOUT_SECONDS} seconds is killed and fails the test.
   */
  public static Run runIn(Path directory, List<String> javaOptions, String... args) {
    List<String> command =
        new ArrayList<>(java("dev.apionly.cli.Main", javaOptions.toArray(String[]::new)));
    command.addAll(List.of(args));
    try {
      Path out = Files.createTempFile("apionly-out", ".txt");
      Path err = Files.createTempFile("apionly-err", ".txt");
      try {
        Process process =
            new ProcessBuilder(command)
                .directory(directory.toFile())
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")))
                .start();
        if (!process.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
          process.destroyForcibly().waitFor();
          throw new AssertionError(
              "still running after "
                  + TIMEOUT_SECONDS
                  + " s: apionly "
                  + String.join(" ", args)
                  + " with "
                  + javaOptions);
        }
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
      } finally {
        Files.deleteIfExists(out);
        Files.deleteIfExists(err);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** The java command that runs {@code mainClass} with the test class path, started quickly. */
  public static List<String> java(String mainClass, String... properties) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-XX:TieredStopAtLevel=1");
    command.add("-XX:+UseSerialGC");
    command.add("-Xshare:auto");
    command.addAll(List.of(properties));
    command.add("-cp");
    command.add(System.getProperty("java.class.path"));
    command.add(mainClass);
    return command;
  }

  public static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(out), new PrintWriter(err), args);
    return new Run(code, out.toString(), err.toString());
  }
}
