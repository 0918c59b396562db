package dev.apionly.spec;

import java.util.List;

/** Every spec found for one run, each with the configuration of the root it was found under. */
public record SpecSet(List<LoadedSpec> specs) {

  public SpecSet {
    specs = List.copyOf(specs);
  }

  /** One spec and the {@code apionly.yaml} that applies to it. */
  public record LoadedSpec(IntegrationSpec spec, ProjectConfig config) {}
}
