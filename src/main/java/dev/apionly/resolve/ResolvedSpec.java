package dev.apionly.resolve;

import dev.apionly.model.Integration;
import dev.apionly.spec.IntegrationSpec;
import dev.apionly.spec.ProjectConfig;

/** One spec as written, the {@code apionly.yaml} that applies to it, and its integration. */
public record ResolvedSpec(IntegrationSpec spec, ProjectConfig config, Integration integration) {

  /** The integration's name, which is also its permission set's. */
  public String name() {
    return integration.name();
  }
}
