package dev.apionly.review;

import dev.apionly.model.Component;
import dev.apionly.model.RiskLevel;
import java.util.List;
import java.util.Optional;

/**
 * How one integration's access changed: new, deleted or changed; every {@link AccessChange},
 * riskiest first; its group's effective access; and the components deleting it removes from the org
 * (what {@code manifest/destructiveChanges.xml} lists for it).
 */
public record IntegrationReview(
    String name,
    Status status,
    String owner,
    String ticket,
    Optional<String> specBefore,
    Optional<String> specAfter,
    Optional<String> renamedFrom,
    List<AccessChange> changes,
    Optional<GroupAccess> group,
    List<Component> deletedComponents) {

  public IntegrationReview {
    changes = changes.stream().sorted(AccessChange.ORDER).toList();
    deletedComponents = deletedComponents.stream().sorted().toList();
  }

  /** New, deleted, or changed. */
  public enum Status {
    ADDED,
    REMOVED,
    CHANGED;

    public String key() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** The highest risk of any change, the group's effective changes included. */
  public RiskLevel highestRisk() {
    RiskLevel highest = RiskLevel.LOW;
    for (AccessChange change : changes) {
      highest = max(highest, change.risk());
    }
    for (RatedGrant grant : group.map(GroupAccess::added).orElse(List.of())) {
      highest = max(highest, grant.risk());
    }
    return highest;
  }

  /** The highest risk of what this change gives the integration, if it gives anything. */
  public Optional<RiskLevel> highestWidening() {
    RiskLevel highest = null;
    for (AccessChange change : changes) {
      if (change.widens()) {
        highest = highest == null ? change.risk() : max(highest, change.risk());
      }
    }
    for (RatedGrant grant : group.map(GroupAccess::added).orElse(List.of())) {
      highest = highest == null ? grant.risk() : max(highest, grant.risk());
    }
    return Optional.ofNullable(highest);
  }

  private static RiskLevel max(RiskLevel a, RiskLevel b) {
    return a.atLeast(b) ? a : b;
  }
}
