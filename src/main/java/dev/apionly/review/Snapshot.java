package dev.apionly.review;

import dev.apionly.diagnostic.Diagnostics;
import dev.apionly.metadata.RepositorySets;
import dev.apionly.model.Integration;
import dev.apionly.model.PermissionSet;
import dev.apionly.resolve.Resolver;
import dev.apionly.spec.IntegrationSpec;
import dev.apionly.spec.ProjectConfig;
import dev.apionly.spec.SpecLoader;
import dev.apionly.spec.SpecSet;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One side of a review: every integration its specs define, each with the spec it came from and the
 * policy that applies to it. {@code label} says where it was read (a directory or a revision).
 */
public record Snapshot(
    String label, SortedMap<String, Entry> integrations, RepositorySets repository) {

  public Snapshot {
    integrations = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(integrations));
  }

  /** This side with the permission sets its repository holds, for groups that include them. */
  public Snapshot withRepository(RepositorySets sets) {
    return new Snapshot(label, integrations, sets);
  }

  /** One integration, its spec as written, and its {@code apionly.yaml}. */
  public record Entry(Integration integration, IntegrationSpec spec, ProjectConfig config) {}

  /** No specs at all: the side of a review before the first spec was written. */
  public static Snapshot empty(String label) {
    return new Snapshot(label, new TreeMap<>(), RepositorySets.none());
  }

  /**
   * Loads and resolves the specs under {@code inputs}, naming each spec relative to {@code base}.
   * Throws (exit 2) with every problem found if a spec is bad.
   */
  public static Snapshot load(String label, List<Path> inputs, Path base) {
    Diagnostics diagnostics = new Diagnostics();
    SpecSet specs = SpecLoader.load(inputs, diagnostics);
    List<Integration> integrations = Resolver.resolve(specs, base, diagnostics);
    Map<String, SpecSet.LoadedSpec> byName = new HashMap<>();
    specs.specs().forEach(s -> byName.put(s.spec().name().value(), s));
    SortedMap<String, Entry> out = new TreeMap<>();
    for (Integration integration : integrations) {
      SpecSet.LoadedSpec loaded = byName.get(integration.name());
      out.put(integration.name(), new Entry(integration, loaded.spec(), loaded.config()));
    }
    return new Snapshot(label, out, RepositorySets.none());
  }

  public Optional<Entry> get(String name) {
    return Optional.ofNullable(integrations.get(name));
  }

  /**
   * The permission set of that name (in any letter case, as Salesforce compares names) if a spec on
   * this side defines it, else if the repository holds it.
   */
  public Optional<PermissionSet> permissionSet(String name) {
    Optional<Entry> described =
        get(name)
            .or(
                () ->
                    integrations.values().stream()
                        .filter(e -> e.integration().name().equalsIgnoreCase(name))
                        .findFirst());
    return described
        .map(e -> e.integration().permissionSet())
        .or(() -> repository.get(name).map(RepositorySets.Found::set));
  }
}
