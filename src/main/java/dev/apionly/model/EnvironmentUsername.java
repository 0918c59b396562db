package dev.apionly.model;

import java.util.Objects;

/**
 * The integration user's username in one environment of the pipeline (an org other than
 * production), and whether the spec wrote it rather than apionly deriving it from the suffix.
 */
public record EnvironmentUsername(String environment, String username, boolean written) {

  public EnvironmentUsername {
    Objects.requireNonNull(environment, "environment");
    Objects.requireNonNull(username, "username");
  }
}
