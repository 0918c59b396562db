package dev.apionly.spec;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * An {@code apionly.yaml} at a specs root: defaults for the user block, the org's policy, and the
 * environments (orgs other than production) the same specs deploy to. {@code file} is null for the
 * built-in configuration used when there is none.
 */
public record ProjectConfig(
    Path file,
    Map<String, Ref> userDefaults,
    List<Ref> allowCritical,
    Map<String, Ref> levels,
    List<Ref> forbid,
    List<EnvironmentSpec> environments) {

  /** The name of the file, at the root of a specs directory. */
  public static final String FILE_NAME = "apionly.yaml";

  public ProjectConfig {
    userDefaults = Map.copyOf(userDefaults);
    allowCritical = List.copyOf(allowCritical);
    levels = Map.copyOf(levels);
    forbid = List.copyOf(forbid);
    environments = List.copyOf(environments);
  }

  /** The environment named {@code name} in any letter case, if there is one. */
  public java.util.Optional<EnvironmentSpec> environment(String name) {
    return environments.stream().filter(e -> e.name().value().equalsIgnoreCase(name)).findFirst();
  }

  /** No file: built-in defaults and no org policy. */
  public static ProjectConfig none() {
    return new ProjectConfig(null, Map.of(), List.of(), Map.of(), List.of(), List.of());
  }
}
