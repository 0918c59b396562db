package dev.apionly.spec;

import dev.apionly.model.GrantType;
import java.nio.file.Path;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * One spec file as written, every value with its position. Optional blocks and keys are null when
 * absent; lists are empty.
 */
public record IntegrationSpec(
    Path file,
    Ref name,
    Ref label,
    Ref description,
    Ref owner,
    Ref ticket,
    UserSpec user,
    List<ObjectSpec> objects,
    Map<GrantType, List<Ref>> lists,
    List<UserPermissionSpec> userPermissions,
    List<Ref> include,
    MuteSpec mute,
    OAuthSpec oauth) {

  public IntegrationSpec {
    objects = List.copyOf(objects);
    EnumMap<GrantType, List<Ref>> copy = new EnumMap<>(GrantType.class);
    for (GrantType kind : GrantType.lists()) {
      copy.put(kind, List.copyOf(lists.getOrDefault(kind, List.of())));
    }
    lists = java.util.Collections.unmodifiableMap(copy);
    userPermissions = List.copyOf(userPermissions);
    include = List.copyOf(include);
  }

  /** The names of one list kind, e.g. the Apex classes. */
  public List<Ref> list(GrantType kind) {
    return lists.get(kind);
  }
}
