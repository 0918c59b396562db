package dev.apionly.spec;

/** One entry of {@code userPermissions:}: a permission name and, for risky ones, why. */
public record UserPermissionSpec(Ref name, Ref justification) {}
