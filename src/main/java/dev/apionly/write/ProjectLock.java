package dev.apionly.write;

import dev.apionly.diagnostic.ApionlyException;
import dev.apionly.diagnostic.ExitCode;
import dev.apionly.diagnostic.Location;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.ReadOnlyFileSystemException;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.UUID;

/**
 * One run at a time per project: an operating-system lock on {@code .apionly/lock}, which holds who
 * has it (pid, host, start time) so that a second run can name the holder. The system drops the
 * lock when its process dies, so a lock left by a killed run is simply taken over.
 */
public final class ProjectLock implements AutoCloseable {

  /** Where the lock lives, relative to the project root; it is removed when the run ends. */
  public static final String PATH = ".apionly/lock";

  /** How long a second run waits for the first before it gives up. */
  public static final Duration WAIT = Duration.ofSeconds(5);

  private static final long POLL_MILLIS = 50;

  /** How Linux words EROFS, which Java reports as a plain file-system exception. */
  private static final String READ_ONLY = "Read-only file system";

  private final Path file;
  private final FileChannel channel;
  private final FileLock lock;
  private final Path createdDirectory;

  private ProjectLock(Path file, FileChannel channel, FileLock lock, Path createdDirectory) {
    this.file = file;
    this.channel = channel;
    this.lock = lock;
    this.createdDirectory = createdDirectory;
  }

  /** Takes the lock of the project at {@code root}, waiting up to {@link #WAIT} for it. */
  public static ProjectLock acquire(Path root) {
    return acquire(root, WAIT);
  }

  static ProjectLock acquire(Path root, Duration wait) {
    ProjectPaths.checkNoLink(root, PATH);
    Path file = root.resolve(PATH);
    Path directory = file.getParent();
    Instant deadline = Instant.now().plus(wait);
    String holder = "";
    try {
      Path created = Files.exists(directory, LinkOption.NOFOLLOW_LINKS) ? null : directory;
      while (true) {
        Files.createDirectories(directory);
        ProjectPaths.checkNoLink(root, PATH);
        FileChannel channel;
        try {
          channel =
              FileChannel.open(
                  file,
                  StandardOpenOption.CREATE,
                  StandardOpenOption.READ,
                  StandardOpenOption.WRITE,
                  LinkOption.NOFOLLOW_LINKS);
        } catch (NoSuchFileException e) {
          continue; // the directory went with another run's end: make it again
        }
        FileLock lock = tryLock(channel);
        if (lock != null) {
          String me = holder(root);
          channel.truncate(0);
          channel.write(ByteBuffer.wrap(me.getBytes(StandardCharsets.UTF_8)), 0);
          // the file may have been removed and made again by other runs while this one waited
          // on the old one: the lock counts only if the path still leads to this very file
          if (me.equals(read(file))) {
            return new ProjectLock(file, channel, lock, created);
          }
          lock.release();
          channel.close();
          continue;
        }
        channel.close();
        holder = read(file);
        if (Instant.now().isAfter(deadline)) {
          throw ApionlyException.of(
              ExitCode.BAD_INPUT,
              Location.of(file),
              "another apionly run is writing this project ("
                  + (holder.isBlank() ? "holder unknown" : holder.strip())
                  + "); waited "
                  + wait.toSeconds()
                  + " s for it: run again when it has finished");
        }
        Thread.sleep(POLL_MILLIS);
      }
    } catch (AccessDeniedException | ReadOnlyFileSystemException e) {
      return unlocked();
    } catch (FileSystemException e) {
      if (READ_ONLY.equals(e.getReason())) {
        return unlocked();
      }
      throw ApionlyException.of(
          ExitCode.BAD_INPUT,
          Location.of(file),
          "cannot take the project's lock: " + e.getMessage());
    } catch (IOException e) {
      throw ApionlyException.of(
          ExitCode.BAD_INPUT,
          Location.of(file),
          "cannot take the project's lock: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw ApionlyException.of(
          ExitCode.BAD_INPUT,
          Location.of(file),
          "interrupted while waiting for the project's lock");
    }
  }

  /**
   * No lock, for a project this process cannot write: no run of the same user can change it either,
   * so planning goes on and any write fails with its own message.
   */
  private static ProjectLock unlocked() {
    return new ProjectLock(null, null, null, null);
  }

  private static FileLock tryLock(FileChannel channel) throws IOException {
    try {
      return channel.tryLock();
    } catch (OverlappingFileLockException e) {
      return null; // held by another run in this same JVM
    }
  }

  private static String holder(Path root) {
    // the host name from the environment or the kernel: a name-service lookup could hang
    String host = System.getenv("HOSTNAME");
    if (host == null || host.isBlank()) {
      host = System.getenv("COMPUTERNAME");
    }
    if (host == null || host.isBlank()) {
      host = read(Path.of("/proc/sys/kernel/hostname")).strip();
    }
    if (host.isBlank()) {
      host = "unknown host";
    }
    return "pid "
        + ProcessHandle.current().pid()
        + " on "
        + host
        + ", since "
        + Instant.now().truncatedTo(ChronoUnit.SECONDS)
        + ", run "
        + UUID.randomUUID()
        + "\n";
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  /** Gives the lock up: the file goes first, so no later run can take this one's stale copy. */
  @Override
  public void close() {
    if (lock == null) {
      return;
    }
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // a lock file left behind is harmless: the next run takes it over
    }
    try {
      lock.release();
      channel.close();
    } catch (IOException ignored) {
      // closing the channel releases the lock in any case
    }
    if (createdDirectory != null) {
      try {
        Files.deleteIfExists(createdDirectory);
      } catch (IOException ignored) {
        // not empty: this run or another one wrote there
      }
    }
  }
}
