package dev.apionly.write;

import java.util.Objects;

/**
 * A file apionly wants in the project: its path relative to the root (with '/'), the integration
 * and spec it comes from ("-" for shared files), and its bytes.
 */
public record OutputFile(String path, String integration, String spec, byte[] bytes) {

  public OutputFile {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(integration, "integration");
    Objects.requireNonNull(spec, "spec");
    Objects.requireNonNull(bytes, "bytes");
  }
}
