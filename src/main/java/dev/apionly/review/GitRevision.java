package dev.apionly.review;

import dev.apionly.diagnostic.ApionlyException;
import dev.apionly.diagnostic.ExitCode;
import dev.apionly.diagnostic.Location;
import dev.apionly.model.MetadataType;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The spec files of a git revision, copied out of the repository's object store into a directory of
 * their own with {@code git ls-tree} and {@code git cat-file}: the working tree, the index and HEAD
 * are never touched.
 */
public final class GitRevision {

  private final Path repository;
  private final String revision;
  private final String commit;

  private GitRevision(Path repository, String revision, String commit) {
    this.repository = repository;
    this.revision = revision;
    this.commit = commit;
  }

  /**
   * The revision {@code revision} of the repository that holds {@code path}. Throws (exit 2) when
   * {@code path} is not in a repository or the revision names no commit there.
   */
  public static GitRevision of(Path path, String revision) {
    Path directory = Files.isDirectory(path) ? path : path.toAbsolutePath().getParent();
    Result top = git(directory, "rev-parse", "--show-toplevel");
    if (top.code() != 0) {
      throw ApionlyException.of(
          ExitCode.BAD_INPUT,
          Location.of(path),
          "--base '"
              + revision
              + "' is not a directory, and this path is not in a git repository to read it as a"
              + " revision from; accepted: a directory of specs, or a git revision (a branch, tag"
              + " or commit) of the repository the specs live in");
    }
    Path repository = Path.of(top.text().strip());
    if (revision.startsWith("-")) {
      throw badRevision(path, revision);
    }
    Result commit = git(repository, "rev-parse", "--verify", "--quiet", revision + "^{commit}");
    if (commit.code() != 0) {
      throw badRevision(path, revision);
    }
    return new GitRevision(repository, revision, commit.text().strip());
  }

  private static ApionlyException badRevision(Path path, String revision) {
    return ApionlyException.of(
        ExitCode.BAD_INPUT,
        Location.of(path),
        "--base '"
            + revision
            + "' is neither a directory nor a commit of this git repository (is it fetched? CI"
            + " clones are often shallow: fetch the base branch first); accepted: a directory of"
            + " specs, or a git revision");
  }

  /** The repository's top directory. */
  public Path repository() {
    return repository;
  }

  /** The revision as the user wrote it. */
  public String revision() {
    return revision;
  }

  /** The full commit id it names. */
  public String commit() {
    return commit;
  }

  /**
   * Writes the {@code *.yaml} and {@code *.yml} files under {@code path} (a working-tree path in
   * this repository), and the certificates ({@code *.crt}, {@code *.pem}, {@code *.cer}) their
   * {@code oauth} blocks name, as they are at this revision into {@code into}, at their paths
   * relative to the repository. Returns where {@code path} is below {@code into}, or empty if the
   * revision has no spec there.
   */
  public java.util.Optional<Path> extract(Path path, Path into) {
    return extract(path, into, f -> isYaml(f) || isCertificate(f), GitRevision::isYaml);
  }

  /**
   * Writes the permission sets (source format) under {@code directory}, a package directory, as
   * they are at this revision into {@code into}. Returns where {@code directory} is below {@code
   * into}, or empty if the revision has none there.
   */
  public java.util.Optional<Path> extractPermissionSets(Path directory, Path into) {
    java.util.function.Predicate<String> set =
        f -> f.endsWith(MetadataType.PERMISSION_SET.sourceSuffix());
    return extract(directory, into, set, set);
  }

  private java.util.Optional<Path> extract(
      Path path,
      Path into,
      java.util.function.Predicate<String> wanted,
      java.util.function.Predicate<String> counted) {
    Path relative;
    try {
      relative = repository.toRealPath().relativize(path.toAbsolutePath().normalize());
      if (path.toFile().exists()) {
        relative = repository.toRealPath().relativize(path.toRealPath());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (relative.startsWith("..")) {
      throw ApionlyException.of(
          ExitCode.BAD_INPUT,
          Location.of(path),
          "is outside the git repository " + repository + " that --base is read from");
    }
    String spec = relative.toString().replace('\\', '/');
    List<String> args = new ArrayList<>(List.of("ls-tree", "-r", "-z", "--full-tree", commit));
    if (!spec.isEmpty()) {
      args.add("--");
      args.add(spec);
    }
    Result tree = git(repository, args.toArray(String[]::new));
    if (tree.code() != 0) {
      throw gitFailed(tree);
    }
    boolean found = false;
    for (String record : tree.text().split("\0")) {
      int tab = record.indexOf('\t');
      if (tab < 0) {
        continue;
      }
      String[] meta = record.substring(0, tab).split(" ");
      String file = record.substring(tab + 1);
      if (meta.length != 3 || !meta[1].equals("blob") || !wanted.test(file)) {
        continue;
      }
      if (!spec.isEmpty() && !file.equals(spec) && !file.startsWith(spec + "/")) {
        continue;
      }
      Result blob = git(repository, "cat-file", "blob", meta[2]);
      if (blob.code() != 0) {
        throw gitFailed(blob);
      }
      Path target = into.resolve(file).normalize();
      if (!target.startsWith(into)) {
        continue;
      }
      try {
        Files.createDirectories(target.getParent());
        Files.write(target, blob.bytes());
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      found |= counted.test(file);
    }
    Path mapped = spec.isEmpty() ? into : into.resolve(spec);
    return found ? java.util.Optional.of(mapped) : java.util.Optional.empty();
  }

  private static boolean isYaml(String file) {
    return file.endsWith(".yaml") || file.endsWith(".yml");
  }

  /** A certificate an {@code oauth} block may name, which loading the spec reads. */
  private static boolean isCertificate(String file) {
    return file.endsWith(".crt") || file.endsWith(".pem") || file.endsWith(".cer");
  }

  private ApionlyException gitFailed(Result result) {
    return ApionlyException.of(
        ExitCode.BAD_INPUT,
        Location.of(repository),
        "git could not read revision '" + revision + "': " + result.error().strip());
  }

  /** What one git command printed and returned. */
  private record Result(int code, byte[] bytes, String error) {
    String text() {
      return new String(bytes, StandardCharsets.UTF_8);
    }
  }

  private static Result git(Path directory, String... args) {
    List<String> command = new ArrayList<>(List.of("git", "-C", directory.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder = new ProcessBuilder(command);
    // no pager, no prompts, no locale-dependent messages
    builder.environment().put("GIT_TERMINAL_PROMPT", "0");
    builder.environment().put("GIT_PAGER", "cat");
    builder.environment().put("LC_ALL", "C");
    try {
      Process process = builder.start();
      process.getOutputStream().close();
      CompletableFuture<byte[]> err =
          CompletableFuture.supplyAsync(() -> readAll(process.getErrorStream()));
      byte[] out = readAll(process.getInputStream());
      int code = process.waitFor();
      return new Result(code, out, new String(err.join(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw ApionlyException.of(
          ExitCode.BAD_INPUT,
          Location.of(directory),
          "cannot run git to read a revision ("
              + e.getMessage()
              + "); install git, or pass a"
              + " directory of specs as --base");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while running git", e);
    }
  }

  private static byte[] readAll(InputStream in) {
    try (in) {
      ByteArrayOutputStream out = new ByteArrayOutputStream();
      in.transferTo(out);
      return out.toByteArray();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
