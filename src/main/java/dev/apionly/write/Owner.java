package dev.apionly.write;

import java.util.Objects;

/**
 * The integration and spec file a generated file comes from. The shared files (the manifests, the
 * state file) have none: an empty {@code Optional<Owner>}, written as {@code -} in the state file.
 */
public record Owner(String integration, String spec) {

  public Owner {
    Objects.requireNonNull(integration, "integration");
    Objects.requireNonNull(spec, "spec");
  }
}
