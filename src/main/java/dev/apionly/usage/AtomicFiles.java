package dev.apionly.usage;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Files written whole or not at all: the text goes to a temporary file in the target's directory,
 * which is then moved into place, so a failure never leaves a truncated report or spec behind.
 */
public final class AtomicFiles {

  private AtomicFiles() {}

  /** Writes {@code text} to {@code target}, replacing it in one step if it exists. */
  public static void replace(Path target, String text) throws IOException {
    Path staged = stage(target, text);
    try {
      try {
        Files.move(
            staged, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(staged, target, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(staged);
    }
  }

  /** Writes {@code text} to {@code target}, which must not exist (then nothing is written). */
  static void writeNew(Path target, String text) throws IOException {
    Path staged = stage(target, text);
    try {
      // a plain move refuses an existing target, where an atomic one may replace it
      Files.move(staged, target);
    } finally {
      Files.deleteIfExists(staged);
    }
  }

  private static Path stage(Path target, String text) throws IOException {
    Path directory = target.toAbsolutePath().getParent();
    Files.createDirectories(directory);
    Path staged = Files.createTempFile(directory, ".apionly-", ".tmp");
    try {
      Files.writeString(staged, text, StandardCharsets.UTF_8);
      return staged;
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(staged);
      throw e;
    }
  }
}
