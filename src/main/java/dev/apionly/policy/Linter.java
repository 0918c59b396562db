package dev.apionly.policy;

import dev.apionly.diagnostic.Diagnostic;
import dev.apionly.diagnostic.Location;
import dev.apionly.diagnostic.Severity;
import dev.apionly.diagnostic.Suggestions;
import dev.apionly.metadata.RepositorySets;
import dev.apionly.model.Grant;
import dev.apionly.model.GrantType;
import dev.apionly.model.Grants;
import dev.apionly.model.GroupGrants;
import dev.apionly.model.ImpliedGrant;
import dev.apionly.model.Integration;
import dev.apionly.model.ObjectAccess;
import dev.apionly.model.ObjectVerb;
import dev.apionly.model.RiskLevel;
import dev.apionly.model.Salesforce;
import dev.apionly.model.UserPermissions;
import dev.apionly.resolve.ResolvedSpec;
import dev.apionly.resolve.ResolvedSpecs;
import dev.apionly.spec.IntegrationSpec;
import dev.apionly.spec.ObjectSpec;
import dev.apionly.spec.ProjectConfig;
import dev.apionly.spec.Ref;
import dev.apionly.spec.UserPermissionSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The check stage: every grant of every spec against its risk level and the org's policy
 * (docs/design.md, "Risk and policy"), plus the warnings a reviewer wants. Findings point at the
 * spec key that caused them.
 */
public final class Linter {

  /** What import writes into a justification it could not know. */
  public static final String IMPORTED_PREFIX = "Imported from ";

  /** The order findings are reported in: by file, line, column, rule and message. */
  public static final Comparator<Finding> ORDER =
      Comparator.comparing((Finding f) -> f.location().file().toString())
          .thenComparingInt(f -> f.location().line())
          .thenComparingInt(f -> f.location().column())
          .thenComparing(f -> f.rule().id())
          .thenComparing(Finding::message);

  private static final Set<String> KNOWN_USER_PERMISSIONS =
      RiskCatalogue.userPermissions().keySet();

  private final List<Finding> findings = new ArrayList<>();

  /** Whether notes are wanted: generate shows only warnings and errors, and skips making them. */
  private final boolean notes;

  /** The permission sets the repository holds, for what an include of one grants. */
  private final RepositorySets repository;

  /** The group of the one integration this instance checks, once a check needs it. */
  private GroupGrants group;

  private Linter(boolean notes, RepositorySets repository) {
    this.notes = notes;
    this.repository = repository;
  }

  /** Every finding of {@code specs}. */
  public static List<Finding> lint(ResolvedSpecs specs) {
    return lint(specs, true, RepositorySets.none());
  }

  /**
   * The findings of {@code specs}, notes only if {@code notes}; an included set no spec describes
   * is judged by its file in {@code repository}.
   */
  public static List<Finding> lint(ResolvedSpecs specs, boolean notes, RepositorySets repository) {
    Linter linter = new Linter(notes, repository);
    Map<ProjectConfig, List<Integration>> byConfig = new java.util.LinkedHashMap<>();
    for (ResolvedSpec resolved : specs.all()) {
      byConfig
          .computeIfAbsent(resolved.config(), c -> new ArrayList<>())
          .add(resolved.integration());
    }
    // each spec is checked on its own: on every core, the findings sorted below all the same
    specs.all().parallelStream()
        .map(
            resolved -> {
              Linter one = new Linter(notes, repository);
              one.check(resolved.spec(), resolved.config(), resolved.integration(), specs);
              return one.findings;
            })
        .toList()
        .forEach(linter::addAll);
    byConfig.forEach((config, governed) -> linter.addAll(PolicyCheck.check(config, governed)));
    linter.findings.sort(ORDER);
    return List.copyOf(linter.findings);
  }

  private void check(
      IntegrationSpec spec, ProjectConfig config, Integration integration, ResolvedSpecs specs) {
    RiskCatalogue catalogue = new RiskCatalogue(config);
    Map<String, Ref> allowed = RiskCatalogue.byName(config.allowCritical());
    Map<String, Ref> forbidden = RiskCatalogue.byName(config.forbid());
    Map<String, ObjectAccess> closed = new HashMap<>();
    integration.permissionSet().objects().forEach(o -> closed.put(o.object(), o));

    Map<String, Location> impliedAt = new HashMap<>();
    integration.implied().forEach(i -> impliedAt.putIfAbsent(i.grant(), i.location()));
    for (ObjectSpec object : spec.objects()) {
      String name = object.object().value();
      ObjectAccess access = closed.get(name);
      for (ObjectVerb verb : access == null ? Set.<ObjectVerb>of() : access.verbs()) {
        Ref explicit = object.access().get(verb);
        // an implied verb is reported where the verb that needs it is written
        Location where =
            explicit != null
                ? explicit.location()
                : impliedAt.getOrDefault(name + "." + verb.key(), object.object().location());
        Grant grant = new Grant(GrantType.OBJECT, name, verb.key());
        grant(
            grant, catalogue, where, explicit != null, object.justification(), allowed, forbidden);
      }
      String prefix = name + ".";
      for (Map.Entry<String, List<Ref>> fields :
          Map.of("read", object.readFields(), "edit", object.editFields()).entrySet()) {
        String verb = fields.getKey();
        for (Ref field : fields.getValue()) {
          grant(
              new Grant(GrantType.FIELD, prefix + field.value(), verb),
              catalogue,
              field.location(),
              true,
              object.justification(),
              allowed,
              forbidden);
        }
      }
      for (Ref recordType : object.recordTypes()) {
        unjustifiable(
            new Grant(GrantType.RECORD_TYPE, prefix + recordType.value(), ""),
            catalogue,
            recordType.location(),
            allowed,
            forbidden);
      }
      imported(object.justification());
    }
    for (GrantType list : GrantType.lists()) {
      for (Ref ref : spec.list(list)) {
        unjustifiable(
            new Grant(list, ref.value(), ""), catalogue, ref.location(), allowed, forbidden);
      }
    }
    for (UserPermissionSpec permission : spec.userPermissions()) {
      String name = permission.name().value();
      Location where = permission.name().location();
      grant(
          new Grant(GrantType.USER_PERMISSION, name, ""),
          catalogue,
          where,
          true,
          permission.justification(),
          allowed,
          forbidden);
      if (!KNOWN_USER_PERMISSIONS.contains(name) && !RiskCatalogue.isKnown(name)) {
        add(
            Rule.UNKNOWN_USER_PERMISSION,
            where,
            "user permission '"
                + name
                + "' is not one apionly knows"
                + Suggestions.didYouMean(name, KNOWN_USER_PERMISSIONS)
                + "; check the API name in Setup or a retrieved profile");
      }
      imported(permission.justification());
    }
    if (notes) {
      advice(spec, integration, specs);
    }
    for (ImpliedGrant implied : integration.implied()) {
      if (notes) {
        add(
            Rule.IMPLIED_GRANT,
            implied.location(),
            implied.grant() + " is added because " + implied.requiredBy() + " needs it");
      }
      if (!implied.grant().contains(".")) {
        // an implied user permission: justified by its cause, but the policy still applies
        grant(
            new Grant(GrantType.USER_PERMISSION, implied.grant(), ""),
            catalogue,
            implied.location(),
            false,
            null,
            allowed,
            forbidden);
      }
    }
    mutes(spec, integration, specs);
    includes(spec, catalogue, specs);
    for (Finding finding : OAuthScopeRule.check(spec)) {
      add(finding.rule(), finding.location(), finding.message());
    }
  }

  /** A grant that can carry a justification: level, justification, critical and forbid checks. */
  private void grant(
      Grant grant,
      RiskCatalogue catalogue,
      Location where,
      boolean explicit,
      Ref justification,
      Map<String, Ref> allowed,
      Map<String, Ref> forbidden) {
    if (forbidden(grant, forbidden, where)) {
      return;
    }
    RiskLevel level = catalogue.level(grant);
    if (explicit && level.atLeast(RiskLevel.HIGH) && justification == null) {
      add(
          Rule.MISSING_JUSTIFICATION,
          where,
          level
              + "-risk grant "
              + grant
              + " has no justification; add 'justification: <why this integration needs it>' "
              + (grant.kind() == GrantType.USER_PERMISSION
                  ? "as {name: " + grant.target() + ", justification: ...}"
                  : "to the object"));
    }
    critical(grant, level, where, allowed);
  }

  /** A grant of a kind with no justification key: a warning if the org raised it to high. */
  private void unjustifiable(
      Grant grant,
      RiskCatalogue catalogue,
      Location where,
      Map<String, Ref> allowed,
      Map<String, Ref> forbidden) {
    if (forbidden(grant, forbidden, where)) {
      return;
    }
    RiskLevel level = catalogue.level(grant);
    if (level.atLeast(RiskLevel.HIGH)) {
      add(
          Rule.UNJUSTIFIABLE,
          where,
          level
              + "-risk grant "
              + grant
              + " cannot carry a justification in spec v1; reviewers"
              + " see it in the access review");
    }
    critical(grant, level, where, allowed);
  }

  private void critical(Grant grant, RiskLevel level, Location where, Map<String, Ref> allowed) {
    if (level == RiskLevel.CRITICAL && RiskCatalogue.entryFor(grant, allowed) == null) {
      add(
          Rule.CRITICAL_NOT_ALLOWED,
          where,
          "critical grant "
              + grant
              + " is not allowed by this org's policy; integration users should not hold it. If"
              + " it is truly needed, add '"
              + grant.key()
              + "' to policy.allowCritical in apionly.yaml");
    }
  }

  private boolean forbidden(Grant grant, Map<String, Ref> forbidden, Location where) {
    Ref entry = RiskCatalogue.entryFor(grant, forbidden);
    if (entry != null) {
      add(
          Rule.FORBIDDEN,
          where,
          grant
              + " is forbidden by policy.forbid in apionly.yaml ('"
              + entry.value()
              + "' at "
              + entry.location()
              + "); no justification can allow it");
      return true;
    }
    return false;
  }

  private void imported(Ref justification) {
    if (justification != null && justification.value().startsWith(IMPORTED_PREFIX)) {
      add(
          Rule.IMPORTED_JUSTIFICATION,
          justification.location(),
          "justification was written by import and not yet reviewed; replace it with the real"
              + " reason, or remove the grant");
    }
  }

  /**
   * Each user permission granted without one it usually goes with, where Salesforce does not
   * enforce the pair: advice, since nothing is added for it.
   */
  private void advice(IntegrationSpec spec, Integration integration, ResolvedSpecs specs) {
    Set<String> granted = null;
    for (UserPermissionSpec permission : spec.userPermissions()) {
      for (UserPermissions.Dependency pair : UserPermissions.dependencies()) {
        if (pair.enforced() || !pair.permission().equalsIgnoreCase(permission.name().value())) {
          continue;
        }
        if (granted == null) {
          // what any set of the group grants, not the integration's own set alone
          granted = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
          group(integration, specs).granted().stream()
              .filter(g -> g.kind() == GrantType.USER_PERMISSION)
              .map(Grant::target)
              .forEach(granted::add);
        }
        if (!granted.contains(pair.requires())) {
          add(
              Rule.PERMISSION_ADVICE,
              permission.name().location(),
              pair.permission()
                  + " is granted without "
                  + pair.requires()
                  + "; Salesforce does not require it with "
                  + pair.permission()
                  + ", so apionly adds nothing ("
                  + pair.evidence().text()
                  + ")");
        }
      }
    }
  }

  /**
   * Each included set the repository holds (and no spec describes): one the integration's user may
   * not be able to hold for its licence, and the high or critical access it gives through the
   * group, which the spec does not show.
   */
  private void includes(IntegrationSpec spec, RiskCatalogue catalogue, ResolvedSpecs specs) {
    for (Ref include : spec.include()) {
      Optional<RepositorySets.Found> found =
          specs.contains(include.value()) ? Optional.empty() : repository.get(include.value());
      if (found.isEmpty()) {
        continue;
      }
      String file = dev.apionly.diagnostic.Paths.display(found.get().file());
      String license = found.get().license();
      if (!Salesforce.API_INTEGRATION_PSL.equals(license)) {
        add(
            Rule.INCLUDED_SET_LICENCE,
            include.location(),
            "included set '"
                + include.value()
                + "' ("
                + file
                + ") "
                + (license == null ? "has no licence" : "is tied to the licence " + license)
                + ": a user on the Salesforce Integration licence may not be able to hold it;"
                + " sets for API-only users carry "
                + Salesforce.API_INTEGRATION_PSL);
      }
      List<String> risky =
          Grants.of(found.get().set()).stream()
              .filter(g -> catalogue.level(g).atLeast(RiskLevel.HIGH))
              .sorted(
                  Comparator.comparing((Grant g) -> catalogue.level(g))
                      .reversed()
                      .thenComparing(Comparator.naturalOrder()))
              .map(g -> g + " (" + catalogue.level(g).key() + ")")
              .toList();
      if (!risky.isEmpty()) {
        add(
            Rule.INCLUDED_SET_ACCESS,
            include.location(),
            "included set '"
                + include.value()
                + "' ("
                + file
                + ") gives the group "
                + String.join(", ", risky.subList(0, Math.min(5, risky.size())))
                + (risky.size() > 5 ? " and " + (risky.size() - 5) + " more" : "")
                + "; review and report count it, the spec does not show it");
      }
    }
  }

  /** What the group of the integration being checked gives, worked out once for its checks. */
  private GroupGrants group(Integration integration, ResolvedSpecs specs) {
    if (group == null) {
      group = GroupGrants.of(integration, n -> specs.permissionSet(n, repository));
    }
    return group;
  }

  /**
   * Muted grants that no set of the group gives, when every set of the group is known here (a spec,
   * or a file in the repository).
   */
  private void mutes(IntegrationSpec spec, Integration integration, ResolvedSpecs specs) {
    if (spec.mute() == null || integration.muting().isEmpty()) {
      return;
    }
    GroupGrants group = group(integration, specs);
    if (!group.complete()) {
      return; // a set from the org: what it grants is not known here
    }
    SortedSet<Grant> granted = group.granted();
    // a muted Account.edit or viewsetup meets the Account.edit or ViewSetup a set grants
    Set<String> grantedKeys = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    granted.stream()
        .filter(g -> g.kind() == GrantType.OBJECT || g.kind() == GrantType.USER_PERMISSION)
        .map(Grant::key)
        .forEach(grantedKeys::add);
    for (ObjectSpec object : spec.mute().objects()) {
      for (Map.Entry<ObjectVerb, Ref> verb : object.access().entrySet()) {
        String key = object.object().value() + "." + verb.getKey().key();
        if (!grantedKeys.contains(key)) {
          add(
              Rule.MUTE_NOT_GRANTED,
              verb.getValue().location(),
              "mutes " + key + ", which no set of the group grants");
        }
      }
    }
    for (Ref permission : spec.mute().userPermissions()) {
      if (!grantedKeys.contains(permission.value())) {
        add(
            Rule.MUTE_NOT_GRANTED,
            permission.location(),
            "mutes user permission " + permission.value() + ", which no set of the group grants");
      }
    }
  }

  private void add(Rule rule, Location where, String message) {
    if (notes || rule.level() != Severity.NOTE) {
      findings.add(new Finding(rule, rule.level(), where, message));
    }
  }

  private void addAll(List<Finding> more) {
    findings.addAll(more);
  }

  /** Problems that stopped the specs from loading, as findings of rule {@code bad-input}. */
  public static List<Finding> badInput(List<Diagnostic> problems) {
    return problems.stream()
        .map(d -> new Finding(Rule.BAD_INPUT, d.severity(), d.location(), d.message()))
        .sorted(ORDER)
        .toList();
  }

  /** Errors first: whether any finding stops generate. */
  public static boolean hasErrors(List<Finding> findings) {
    return findings.stream().anyMatch(Finding::isError);
  }

  /** The findings at or above {@code level}. */
  public static List<Finding> atLeast(List<Finding> findings, Severity level) {
    return findings.stream().filter(f -> f.level().compareTo(level) <= 0).toList();
  }
}
