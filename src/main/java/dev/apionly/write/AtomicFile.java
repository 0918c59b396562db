package dev.apionly.write;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.UUID;

/**
 * A file written whole or not at all: the bytes go to a temporary file in the same directory, reach
 * the disk, and only then take the file's name, so a full disk or a crash never leaves a truncated
 * file and never harms the one that was there. The temporary name is unique to the run ({@code
 * .NAME.RANDOM.apionly-tmp}), so it is never a user's file, and only it is ever removed.
 */
public final class AtomicFile {

  private AtomicFile() {}

  /**
   * Writes {@code bytes} to {@code target}, replacing any file there in one step. A symbolic link
   * at {@code target} is refused, never written through: where it points may be anyone's file (a
   * link committed to a repository would aim a CI job's report at it).
   */
  public static void replace(Path target, byte[] bytes) throws IOException {
    if (Files.isSymbolicLink(target)) {
      throw new FileSystemException(
          target.toString(),
          null,
          "is a symbolic link, and apionly never writes through one; accepted: a path that is not"
              + " a link");
    }
    Path file = target;
    Path temp = write(file, bytes);
    try {
      try {
        Files.move(temp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
    syncDirectory(file);
  }

  /**
   * Writes {@code bytes} to {@code target}, which must not exist: throws {@link
   * FileAlreadyExistsException} if it does (or appears meanwhile), and then writes nothing.
   */
  public static void create(Path target, byte[] bytes) throws IOException {
    if (Files.exists(target, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      throw new FileAlreadyExistsException(target.toString());
    }
    Path temp = write(target, bytes);
    try {
      try {
        // a hard link takes the name only if it is free, in one step
        Files.createLink(target, temp);
      } catch (UnsupportedOperationException e) {
        Files.move(temp, target);
      }
    } finally {
      Files.deleteIfExists(temp);
    }
    syncDirectory(target);
  }

  private static Path write(Path target, byte[] bytes) throws IOException {
    Path directory = target.toAbsolutePath().getParent();
    Path temp =
        directory.resolve("." + target.getFileName() + "." + UUID.randomUUID() + ".apionly-tmp");
    try (FileChannel channel =
        FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
      ByteBuffer buffer = ByteBuffer.wrap(bytes);
      while (buffer.hasRemaining()) {
        channel.write(buffer);
      }
      channel.force(true);
    } catch (IOException | RuntimeException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
    return temp;
  }

  private static void syncDirectory(Path file) {
    try (FileChannel channel =
        FileChannel.open(file.toAbsolutePath().getParent(), StandardOpenOption.READ)) {
      channel.force(true);
    } catch (IOException | RuntimeException e) {
      // not every system syncs a directory: the file is complete either way
    }
  }
}
