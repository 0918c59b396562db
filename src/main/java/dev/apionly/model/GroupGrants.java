package dev.apionly.model;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * What an integration's permission set group gives, worked out in one place for report, review and
 * lint: the group's sets whose grants are known (its own, and those a look-up finds), the names of
 * those it does not find, what the known sets grant together, the effective grants (that union less
 * what the muting set mutes), and which of the muted grants a known set grants.
 */
public record GroupGrants(
    List<PermissionSet> sets,
    List<String> unknown,
    SortedSet<Grant> granted,
    SortedSet<Grant> effective,
    SortedSet<Grant> mutedOfGranted) {

  public GroupGrants {
    sets = List.copyOf(sets);
    unknown = List.copyOf(unknown);
    // kept for the run and shared by every stage: no reader may change them
    granted = Collections.unmodifiableSortedSet(granted);
    effective = Collections.unmodifiableSortedSet(effective);
    mutedOfGranted = Collections.unmodifiableSortedSet(mutedOfGranted);
  }

  /**
   * The group of {@code integration}, its other sets found by {@code lookup} (a name in any letter
   * case; empty when neither a spec nor the repository describes it).
   */
  public static GroupGrants of(
      Integration integration, Function<String, Optional<PermissionSet>> lookup) {
    List<PermissionSet> sets = new ArrayList<>();
    List<String> unknown = new ArrayList<>();
    sets.add(integration.permissionSet());
    for (String name : integration.group().permissionSets()) {
      if (name.equalsIgnoreCase(integration.name())) {
        continue;
      }
      Optional<PermissionSet> found = lookup.apply(name);
      if (found.isPresent()) {
        sets.add(found.get());
      } else {
        unknown.add(name);
      }
    }
    List<PermissionSet> mutings = integration.muting().stream().toList();
    SortedSet<Grant> granted = new TreeSet<>();
    sets.forEach(s -> granted.addAll(Grants.of(s)));
    SortedSet<Grant> muted = new TreeSet<>();
    mutings.forEach(m -> muted.addAll(Grants.muted(m)));
    muted.retainAll(granted);
    return new GroupGrants(sets, unknown, granted, Grants.effective(granted, mutings), muted);
  }

  /** Whether every set of the group is known here, so nothing it gives is out of sight. */
  public boolean complete() {
    return unknown.isEmpty();
  }
}
