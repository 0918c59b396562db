package dev.apionly.model;

import java.util.List;
import java.util.Objects;

/** A permission set group: the integration's own set, the sets it includes, and its muting set. */
public record PermissionSetGroup(
    String name,
    String label,
    String description,
    List<String> permissionSets,
    List<String> mutingPermissionSets) {

  public PermissionSetGroup {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(label, "label");
    permissionSets = permissionSets.stream().distinct().sorted().toList();
    mutingPermissionSets = mutingPermissionSets.stream().distinct().sorted().toList();
  }
}
