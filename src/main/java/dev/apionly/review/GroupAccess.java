package dev.apionly.review;

import java.util.List;
import java.util.Optional;

/**
 * What an integration's permission set group grants after the change: its permission sets less what
 * its muting set mutes, and how that differs from before. {@code outsideSpecs} are included sets no
 * spec here defines (they live in the org only), so their grants are not counted.
 */
public record GroupAccess(
    String name,
    List<String> permissionSets,
    List<String> outsideSpecs,
    Optional<String> mutingPermissionSet,
    List<RatedGrant> effective,
    List<RatedGrant> added,
    List<RatedGrant> removed) {

  public GroupAccess {
    permissionSets = List.copyOf(permissionSets);
    outsideSpecs = List.copyOf(outsideSpecs);
    effective = List.copyOf(effective);
    added = List.copyOf(added);
    removed = List.copyOf(removed);
  }

  public boolean changed() {
    return !added.isEmpty() || !removed.isEmpty();
  }
}
