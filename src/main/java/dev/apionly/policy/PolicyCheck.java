package dev.apionly.policy;

import dev.apionly.diagnostic.Suggestions;
import dev.apionly.model.Grant;
import dev.apionly.model.GrantType;
import dev.apionly.model.Grants;
import dev.apionly.model.Integration;
import dev.apionly.model.ObjectVerb;
import dev.apionly.model.RiskLevel;
import dev.apionly.model.UserPermissions;
import dev.apionly.spec.ProjectConfig;
import dev.apionly.spec.Ref;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The entries of one {@code apionly.yaml} policy, checked against what they can name: a misspelt
 * {@code forbid} entry forbids nothing, so each entry must name a known user permission, an object
 * verb ({@code Case.delete}, {@code *.modifyAll}), a field verb, or a grant of the specs.
 */
final class PolicyCheck {

  private final ProjectConfig config;

  /** Every grant of the specs by key, compared as Salesforce compares names: case aside. */
  private final Set<String> granted = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);

  private final List<Finding> findings = new ArrayList<>();

  private PolicyCheck(ProjectConfig config, List<Integration> integrations) {
    this.config = config;
    for (Integration integration : integrations) {
      Grants.of(integration.permissionSet()).forEach(g -> granted.add(g.key()));
    }
  }

  /** The findings of {@code config}'s policy, given the integrations it governs. */
  static List<Finding> check(ProjectConfig config, List<Integration> integrations) {
    if (config.file() == null) {
      return List.of();
    }
    PolicyCheck check = new PolicyCheck(config, integrations);
    check.entries("allowCritical", config.allowCritical());
    check.entries("forbid", config.forbid());
    List<Ref> levelKeys = new ArrayList<>();
    config.levels().forEach((key, level) -> levelKeys.add(new Ref(key, level.location())));
    levelKeys.sort((a, b) -> a.value().compareTo(b.value()));
    check.entries("levels", levelKeys);
    check.allowedButNotCritical();
    check.allowedAndForbidden();
    return check.findings;
  }

  private void entries(String list, List<Ref> entries) {
    for (Ref entry : entries) {
      if (!recognised(entry.value())) {
        add(
            Rule.UNKNOWN_POLICY_ENTRY,
            entry,
            "policy."
                + list
                + " entry '"
                + entry.value()
                + "' names no known user permission, object verb or grant of these specs"
                + Suggestions.didYouMean(entry.value(), candidates())
                + "; accepted: a user permission (ViewSetup), Object.verb (Case.delete),"
                + " *.verb (*.modifyAll), Object.Field.read or .edit, or another grant's name");
      }
    }
  }

  private boolean recognised(String entry) {
    if (RiskCatalogue.isKnown(entry) || granted.contains(entry)) {
      return true;
    }
    String[] parts = entry.split("\\.", -1);
    if (parts.length == 2) {
      return ObjectVerb.fromKeyIgnoringCase(parts[1]).isPresent() && !parts[0].isEmpty();
    }
    if (parts.length == 3) {
      return !parts[0].equals(RiskCatalogue.ANY_OBJECT)
          && !parts[0].isEmpty()
          && !parts[1].isEmpty()
          && (parts[2].equalsIgnoreCase("read") || parts[2].equalsIgnoreCase("edit"));
    }
    return false;
  }

  private Set<String> candidates() {
    Set<String> out = new TreeSet<>(RiskCatalogue.userPermissions().keySet());
    out.addAll(granted);
    ObjectVerb.keys().forEach(v -> out.add(RiskCatalogue.ANY_OBJECT + "." + v));
    return out;
  }

  /** An allowCritical entry for a grant that is not critical here allows nothing. */
  private void allowedButNotCritical() {
    RiskCatalogue catalogue = new RiskCatalogue(config);
    for (Ref entry : config.allowCritical()) {
      Optional<Grant> grant = grant(entry.value());
      if (grant.isEmpty()) {
        continue;
      }
      RiskLevel level = catalogue.level(grant.get());
      if (level != RiskLevel.CRITICAL) {
        add(
            Rule.ALLOW_NOT_CRITICAL,
            entry,
            "policy.allowCritical lists '"
                + entry.value()
                + "', which is "
                + level
                + ", not critical, here; the entry has no effect: remove it (a "
                + level
                + " grant needs "
                + (level.atLeast(RiskLevel.HIGH) ? "only a justification" : "nothing")
                + ")");
      }
    }
  }

  /** forbid wins over allowCritical: say so where both name the same grant. */
  private void allowedAndForbidden() {
    Map<String, Ref> forbidden = RiskCatalogue.byName(config.forbid());
    for (Ref allowed : config.allowCritical()) {
      Ref forbid = forbidden.get(allowed.value());
      if (forbid != null) {
        add(
            Rule.POLICY_CONFLICT,
            allowed,
            "'"
                + allowed.value()
                + "' is both allowed (policy.allowCritical) and forbidden (policy.forbid at "
                + forbid.location()
                + "); forbid wins: remove one of them");
      }
    }
  }

  /** The grant an entry names, when its kind is certain: a user permission or an object verb. */
  private static Optional<Grant> grant(String entry) {
    Optional<String> permission = UserPermissions.canonical(entry);
    if (permission.isPresent()) {
      return Optional.of(new Grant(GrantType.USER_PERMISSION, permission.get(), ""));
    }
    String[] parts = entry.split("\\.", -1);
    Optional<ObjectVerb> verb =
        parts.length == 2 ? ObjectVerb.fromKeyIgnoringCase(parts[1]) : Optional.empty();
    if (verb.isPresent() && !parts[0].equals(RiskCatalogue.ANY_OBJECT)) {
      return Optional.of(new Grant(GrantType.OBJECT, parts[0], verb.get().key()));
    }
    return Optional.empty();
  }

  private void add(Rule rule, Ref entry, String message) {
    findings.add(new Finding(rule, rule.level(), entry.location(), message));
  }
}
