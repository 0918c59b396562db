package dev.apionly.cli;

import dev.apionly.diagnostic.ApionlyException;
import dev.apionly.diagnostic.ExitCode;
import dev.apionly.diagnostic.Location;
import dev.apionly.write.AtomicFile;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A command that may write files, and says whether this run would: only then can a failure's
 * summary honestly promise that nothing was written (a read-only command never had anything to
 * write, and saying so would suggest it might have).
 */
interface WritesFiles {

  /** Whether this run, with its options as given, writes files when it succeeds. */
  boolean writesFiles();

  /**
   * Writes a report's {@code text} to {@code out} in one step (its folder made first), for the
   * commands with {@code --out FILE}; a failure is bad input naming the file (exit 2).
   */
  static void writeReport(Path out, String text) {
    try {
      Path parent = out.toAbsolutePath().getParent();
      if (parent != null) {
        Files.createDirectories(parent);
      }
      AtomicFile.replace(out, text.getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw ApionlyException.of(
          ExitCode.BAD_INPUT,
          Location.of(out),
          "cannot write the report: "
              + e.getMessage()
              + (Files.exists(out) ? "; the existing file is unchanged" : ""));
    }
  }
}
