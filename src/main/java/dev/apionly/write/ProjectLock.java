package dev.apionly.write;

import dev.apionly.diagnostic.ApionlyException;
import dev.apionly.diagnostic.ExitCode;
import dev.apionly.diagnostic.Location;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.ReadOnlyFileSystemException;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One run at a time per project: an operating-system lock on {@code .apionly/lock}, which holds who
 * has it (pid, host, start time) so that a second run can name the holder. The system drops the
 * lock when its process dies, so a lock left by a killed run is simply taken over.
 */
public final class ProjectLock implements AutoCloseable {

  /** Who holds the lock, relative to the project root; removed when the run ends. */
  public static final String PATH = ".apionly/lock";

  /** How long a second run waits for the first before it gives up. */
  public static final Duration WAIT = Duration.ofSeconds(5);

  private static final long POLL_MILLIS = 50;

  /** How Linux words EROFS, which Java reports as a plain file-system exception. */
  private static final String READ_ONLY = "Read-only file system";

  /**
   * The locks this process holds, by project root: their channel is the way to sfdx-project.json.
   */
  private static final java.util.Map<Path, ProjectLock> HELD =
      new java.util.concurrent.ConcurrentHashMap<>();

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
    Path project = root.resolve(SfdxProject.FILE_NAME);
    Instant deadline = Instant.now().plus(wait);
    try {
      while (true) {
        // the lock is held on sfdx-project.json, which every project has and apionly never
        // replaces (opened for writing only because the system locks only files so opened);
        // a lock file made and removed by each run could be taken twice between the two
        FileChannel channel =
            FileChannel.open(project, StandardOpenOption.READ, StandardOpenOption.WRITE);
        FileLock lock = tryLock(channel);
        if (lock != null) {
          Path directory = file.getParent();
          Path created = Files.exists(directory, LinkOption.NOFOLLOW_LINKS) ? null : directory;
          Files.createDirectories(directory);
          ProjectPaths.checkNoLink(root, PATH);
          Files.writeString(file, holder(), StandardCharsets.UTF_8);
          ProjectLock held = new ProjectLock(file, channel, lock, created);
          HELD.put(key(root), held);
          return held;
        }
        channel.close();
        if (Instant.now().isAfter(deadline)) {
          String holder = read(file).strip();
          throw ApionlyException.of(
              ExitCode.BAD_INPUT,
              Location.of(file),
              "another apionly run is writing this project ("
                  + (holder.isEmpty() ? "holder unknown" : holder)
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

  private static String holder() {
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
        + "\n";
  }

  private static String read(Path file) {
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      return "";
    }
  }

  /** The lock this process holds on the project at {@code root}, or null. */
  static ProjectLock held(Path root) {
    return HELD.get(key(root));
  }

  private static Path key(Path root) {
    return root.toAbsolutePath().normalize();
  }

  /** The open channel of the project's sfdx-project.json, on which the lock is held. */
  FileChannel channel() {
    return channel;
  }

  /** Gives the lock up, its holder's note first. */
  @Override
  public void close() {
    if (lock == null) {
      return;
    }
    HELD.values().remove(this);
    try {
      Files.deleteIfExists(file);
    } catch (IOException ignored) {
      // a note left behind is harmless: the next run overwrites it
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
