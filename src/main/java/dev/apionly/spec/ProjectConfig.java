package dev.apionly.spec;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * An {@code apionly.yaml} at a specs root: defaults for the user block, and the org's policy.
 * {@code file} is null for the built-in configuration used when there is none.
 */
public record ProjectConfig(
    Path file,
    Map<String, Ref> userDefaults,
    List<Ref> allowCritical,
    Map<String, Ref> levels,
    List<Ref> forbid) {

  /** The name of the file, at the root of a specs directory. */
  public static final String FILE_NAME = "apionly.yaml";

  public ProjectConfig {
    userDefaults = Map.copyOf(userDefaults);
    allowCritical = List.copyOf(allowCritical);
    levels = Map.copyOf(levels);
    forbid = List.copyOf(forbid);
  }

  /** No file: built-in defaults and no org policy. */
  public static ProjectConfig none() {
    return new ProjectConfig(null, Map.of(), List.of(), Map.of(), List.of());
  }
}
