package dev.apionly.write;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Arrays;

/**
 * Reads and writes {@code sfdx-project.json} in place, through the channel the {@link ProjectLock}
 * holds its lock on when this process holds it. The lock is a record lock on that very file: the
 * system drops it when the process closes any descriptor of the file, and a rename would leave it
 * on a file no longer there, so while the lock is held the file is neither reopened nor replaced.
 */
public final class ProjectFile {

  private ProjectFile() {}

  /** Whether {@code path} (relative to the root) is the project file. */
  static boolean is(String path) {
    return path.equals(EditedFile.PROJECT_FILE);
  }

  /** The bytes of the project file of {@code root}, or null when there is none. */
  public static byte[] read(Path root) throws IOException {
    ProjectLock lock = ProjectLock.held(root);
    Path file = root.resolve(EditedFile.PROJECT_FILE);
    if (lock == null) {
      return Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS) ? Files.readAllBytes(file) : null;
    }
    FileChannel channel = lock.channel();
    ByteBuffer buffer = ByteBuffer.allocate(Math.toIntExact(channel.size()));
    long position = 0;
    while (buffer.hasRemaining()) {
      int read = channel.read(buffer, position);
      if (read < 0) {
        break;
      }
      position += read;
    }
    return Arrays.copyOf(buffer.array(), buffer.position());
  }

  /**
   * Replaces the project file's bytes with {@code bytes} in place: written from the start, then cut
   * to length, then synced. Killed part way, the file starts with {@code bytes}, which is how a
   * resumed run recognises its own unfinished write.
   */
  static void overwrite(Path root, byte[] bytes) throws IOException {
    ProjectLock lock = ProjectLock.held(root);
    if (lock != null) {
      write(lock.channel(), bytes);
      return;
    }
    try (FileChannel channel =
        FileChannel.open(root.resolve(EditedFile.PROJECT_FILE), StandardOpenOption.WRITE)) {
      write(channel, bytes);
    }
  }

  private static void write(FileChannel channel, byte[] bytes) throws IOException {
    ByteBuffer buffer = ByteBuffer.wrap(bytes);
    long position = 0;
    while (buffer.hasRemaining()) {
      position += channel.write(buffer, position);
    }
    channel.truncate(bytes.length);
    channel.force(true);
  }

  /** Whether {@code text} begins with {@code prefix}. */
  static boolean startsWith(byte[] text, byte[] prefix) {
    return text != null
        && prefix != null
        && text.length >= prefix.length
        && Arrays.equals(text, 0, prefix.length, prefix, 0, prefix.length);
  }
}
