package dev.apionly.model;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * A permission set (or, with {@code license} null, a muting permission set): every grant in
 * canonical order, so two equal sets of grants are equal records and render to the same bytes.
 *
 * <p>{@code recordTypes} are {@code Object.DeveloperName}; {@code fields} are {@code Object.Field}.
 * Every other list holds API names.
 */
public record PermissionSet(
    String name,
    String label,
    String description,
    String license,
    List<ObjectAccess> objects,
    List<FieldAccess> fields,
    List<String> recordTypes,
    List<String> apexClasses,
    List<String> apexPages,
    List<String> flows,
    List<String> customPermissions,
    List<String> customMetadataTypes,
    List<String> customSettings,
    List<String> externalCredentialPrincipals,
    List<String> userPermissions) {

  public PermissionSet {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(label, "label");
    objects = objects.stream().filter(o -> !o.verbs().isEmpty()).sorted().toList();
    fields = fields.stream().sorted().toList();
    recordTypes = sorted(recordTypes);
    apexClasses = sorted(apexClasses);
    apexPages = sorted(apexPages);
    flows = sorted(flows);
    customPermissions = sorted(customPermissions);
    customMetadataTypes = sorted(customMetadataTypes);
    customSettings = sorted(customSettings);
    externalCredentialPrincipals = sorted(externalCredentialPrincipals);
    userPermissions = sorted(userPermissions);
  }

  /** True when the set grants nothing at all. */
  public boolean isEmpty() {
    return objects.isEmpty()
        && fields.isEmpty()
        && recordTypes.isEmpty()
        && apexClasses.isEmpty()
        && apexPages.isEmpty()
        && flows.isEmpty()
        && customPermissions.isEmpty()
        && customMetadataTypes.isEmpty()
        && customSettings.isEmpty()
        && externalCredentialPrincipals.isEmpty()
        && userPermissions.isEmpty();
  }

  /** The same grants under another name, label and description: for comparing grants only. */
  public PermissionSet grantsOnly() {
    return new PermissionSet(
        "",
        "",
        null,
        license,
        objects,
        fields,
        recordTypes,
        apexClasses,
        apexPages,
        flows,
        customPermissions,
        customMetadataTypes,
        customSettings,
        externalCredentialPrincipals,
        userPermissions);
  }

  private static List<String> sorted(Collection<String> names) {
    return names.stream().distinct().sorted().toList();
  }
}
