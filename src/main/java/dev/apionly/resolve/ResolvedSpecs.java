package dev.apionly.resolve;

import dev.apionly.metadata.RepositorySets;
import dev.apionly.model.Integration;
import dev.apionly.model.PermissionSet;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Every spec of a run with its integration, by name, found by name in any letter case: Salesforce
 * compares API names ignoring case, so an {@code include} of {@code sales_sync} names {@code
 * Sales_Sync}.
 */
public final class ResolvedSpecs {

  private final List<ResolvedSpec> all;
  private final Map<String, ResolvedSpec> byName = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

  public ResolvedSpecs(List<ResolvedSpec> all) {
    this.all = all.stream().sorted(Comparator.comparing(ResolvedSpec::name)).toList();
    this.all.forEach(s -> byName.putIfAbsent(s.name(), s));
  }

  /** Every spec, by integration name. */
  public List<ResolvedSpec> all() {
    return all;
  }

  /** Every integration, by name. */
  public List<Integration> integrations() {
    return all.stream().map(ResolvedSpec::integration).toList();
  }

  /** The spec of the integration named {@code name} in any letter case, if there is one. */
  public Optional<ResolvedSpec> find(String name) {
    return Optional.ofNullable(byName.get(name));
  }

  /**
   * The permission set named {@code name} in any letter case, as a spec here defines it, else as
   * {@code repository} holds it: how every stage finds the sets a group includes.
   */
  public Optional<PermissionSet> permissionSet(String name, RepositorySets repository) {
    return find(name)
        .map(s -> s.integration().permissionSet())
        .or(() -> repository.get(name).map(RepositorySets.Found::set));
  }

  /** Whether a spec here defines the integration (and permission set) {@code name}. */
  public boolean contains(String name) {
    return byName.containsKey(name);
  }
}
