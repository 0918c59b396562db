package dev.apionly.report;

import dev.apionly.model.IntegrationUser;
import dev.apionly.model.RiskLevel;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * One integration as a reviewer needs it: who answers for it, how it logs in, and its effective
 * access through its group, riskiest first.
 */
public record IntegrationAccess(
    String name,
    String label,
    String description,
    String owner,
    String ticket,
    String specFile,
    Optional<IntegrationUser> user,
    String oauthFlow,
    RiskLevel risk,
    List<GroupMember> group,
    List<ObjectCell> objects,
    List<GrantLine> userPermissions,
    List<GrantLine> otherAccess) {

  public IntegrationAccess {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(risk, "risk");
    label = label == null ? name : label;
    description = description == null ? "" : description;
    owner = owner == null ? "" : owner;
    ticket = ticket == null ? "" : ticket;
    oauthFlow = oauthFlow == null ? "" : oauthFlow;
    group = List.copyOf(group);
    objects = List.copyOf(objects);
    userPermissions = List.copyOf(userPermissions);
    otherAccess = List.copyOf(otherAccess);
  }

  /** The matrix cell for {@code object}: empty when the integration has no access to it. */
  public ObjectCell cell(String object) {
    return cells().getOrDefault(object, ObjectCell.empty(object));
  }

  /** Included permission sets that are in the org but not described by any spec of the run. */
  public List<String> notDescribed() {
    return group.stream().filter(m -> !m.described()).map(GroupMember::name).toList();
  }

  public boolean hasUser() {
    return user.isPresent();
  }

  /** The user, for templates that cannot unwrap an Optional; check {@link #hasUser()} first. */
  public IntegrationUser userOrNull() {
    return user.orElse(null);
  }

  private Map<String, ObjectCell> cells() {
    Map<String, ObjectCell> byObject = new LinkedHashMap<>();
    objects.forEach(c -> byObject.put(c.object(), c));
    return byObject;
  }
}
