package dev.apionly.metadata;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.List;
import java.util.function.Consumer;

/**
 * The regular files of an SFDX project's package directories, as the CLI reads them: links are not
 * followed, and folders that never hold metadata (node_modules, .sfdx, .sf, .git) are passed over.
 * An unreadable corner defines nothing.
 */
public final class SourceTree {

  private static final List<String> SKIPPED = List.of("node_modules", ".sfdx", ".sf", ".git");

  private SourceTree() {}

  /** Gives every regular file under {@code directories} to {@code visit}. */
  public static void walk(List<Path> directories, Consumer<Path> visit) {
    for (Path directory : directories) {
      if (!Files.isDirectory(directory)) {
        continue;
      }
      try {
        Files.walkFileTree(
            directory,
            new SimpleFileVisitor<>() {
              @Override
              public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attributes) {
                return SKIPPED.contains(String.valueOf(dir.getFileName()))
                    ? FileVisitResult.SKIP_SUBTREE
                    : FileVisitResult.CONTINUE;
              }

              @Override
              public FileVisitResult visitFile(Path file, BasicFileAttributes attributes) {
                if (attributes.isRegularFile()) {
                  visit.accept(file);
                }
                return FileVisitResult.CONTINUE;
              }

              @Override
              public FileVisitResult visitFileFailed(Path file, IOException e) {
                return FileVisitResult.CONTINUE;
              }
            });
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }
}
