package dev.apionly.model;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * One integration, resolved and canonical: what its spec asks for after defaults and dependency
 * closure. Everything apionly writes for it is a function of this record and the API version.
 */
public record Integration(
    String name,
    String label,
    String description,
    String owner,
    String ticket,
    String specFile,
    PermissionSet permissionSet,
    PermissionSetGroup group,
    Optional<PermissionSet> muting,
    Optional<IntegrationUser> user,
    List<ImpliedGrant> implied,
    Optional<OAuthClient> oauth) {

  public Integration {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(permissionSet, "permissionSet");
    Objects.requireNonNull(group, "group");
    Objects.requireNonNull(muting, "muting");
    Objects.requireNonNull(user, "user");
    implied = List.copyOf(implied);
    Objects.requireNonNull(oauth, "oauth");
  }

  /** The name of the muting permission set, used only when {@link #muting()} is present. */
  public static String mutingName(String integration) {
    return integration + "_Muted";
  }
}
