package dev.apionly.write;

import java.util.Objects;

/**
 * A file apionly wants in the project: its path relative to the root (with '/'), the integration
 * and spec it comes from ("-" for shared files), its bytes, and their SHA-256 for the state file
 * (hashed where the file is made, so files rendered on several cores are hashed there too).
 */
public record OutputFile(
    String path, String integration, String spec, byte[] bytes, String sha256) {

  public OutputFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(integration, "integration");
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(bytes, "bytes");
    Objects.requireNonNull(sha256, "sha256");
  }

  public OutputFile(String path, String integration, String spec, byte[] bytes) {
    this(path, integration, spec, bytes, StateFile.sha256(bytes));
  }
}
