package dev.apionly.write;

import java.util.Objects;
import java.util.Optional;

/**
 * A file apionly wants in the project: its path relative to the root (with '/'), the integration
 * and spec it comes from (none for shared files), its bytes, and their SHA-256 for the state file
 * (hashed where the file is made, so files rendered on several cores are hashed there too).
 */
public record OutputFile(String path, Optional<Owner> owner, byte[] bytes, String sha256) {

  public OutputFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(bytes, "bytes");
    Objects.requireNonNull(sha256, "sha256");
  }

  public OutputFile(String path, Owner owner, byte[] bytes) {
    this(path, Optional.of(owner), bytes, StateFile.sha256(bytes));
  }

  /** A file no one integration owns: a manifest, the state file. */
  public static OutputFile shared(String path, byte[] bytes) {
    return new OutputFile(path, Optional.empty(), bytes, StateFile.sha256(bytes));
  }
}
