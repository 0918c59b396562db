package dev.apionly.policy;

import dev.apionly.model.Grant;
import dev.apionly.model.GrantType;
import dev.apionly.model.RiskLevel;
import dev.apionly.model.UserPermissions;
import dev.apionly.spec.ProjectConfig;
import dev.apionly.spec.Ref;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The built-in risk level of every grant (docs/design.md, "Risk and policy"), and the org's
 * overrides from {@code apionly.yaml} applied on top.
 */
public final class RiskCatalogue {

  /**
   * Every Salesforce user permission apionly knows, with its level, looked up case-insensitively as
   * Salesforce compares API names: {@code modifyAllData} is as critical as ModifyAllData.
   */
  private static final SortedMap<String, RiskLevel> USER_PERMISSIONS = UserPermissions.catalogue();

  /** The level of a user permission missing from the catalogue. */
  static final RiskLevel UNKNOWN_USER_PERMISSION = RiskLevel.MEDIUM;

  /** The key in {@code apionly.yaml} that re-levels or forbids one verb on every object. */
  static final String ANY_OBJECT = "*";

  /** The org's {@code levels}, keyed as Salesforce compares names: without regard to case. */
  private final Map<String, Ref> levels;

  public RiskCatalogue(ProjectConfig config) {
    Map<String, Ref> keyed = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    keyed.putAll(config.levels());
    this.levels = keyed;
  }

  /** The level of {@code grant} in this org: the override if {@code apionly.yaml} has one. */
  public RiskLevel level(Grant grant) {
    return override(grant).orElseGet(() -> builtIn(grant));
  }

  /** The level apionly assigns before any override. */
  public static RiskLevel builtIn(Grant grant) {
    return grant.kind().risk().orElseGet(() -> byGrant(grant));
  }

  /** The level of a grant whose type has none of its own: it depends on the verb or the name. */
  private static RiskLevel byGrant(Grant grant) {
    return switch (grant.kind()) {
      case OBJECT ->
          switch (grant.verb()) {
            case "read" -> RiskLevel.LOW;
            case "create", "edit" -> RiskLevel.MEDIUM;
            default -> RiskLevel.HIGH; // delete, viewAll, modifyAll
          };
      case FIELD -> grant.verb().equals("edit") ? RiskLevel.MEDIUM : RiskLevel.LOW;
      case USER_PERMISSION ->
          USER_PERMISSIONS.getOrDefault(grant.target(), UNKNOWN_USER_PERMISSION);
      default -> throw new IllegalStateException(grant.kind() + " has a level of its own");
    };
  }

  /** True for user permissions this catalogue rates. */
  public static boolean isKnown(String userPermission) {
    return USER_PERMISSIONS.containsKey(userPermission);
  }

  /** True for user permissions apionly knows to be critical. */
  public static boolean isCritical(String userPermission) {
    return USER_PERMISSIONS.get(userPermission) == RiskLevel.CRITICAL;
  }

  /** Every user permission of the catalogue with its built-in level, in plain name order. */
  public static SortedMap<String, RiskLevel> userPermissions() {
    return Collections.unmodifiableSortedMap(new TreeMap<>(USER_PERMISSIONS));
  }

  /**
   * Policy entries by the name they give, compared without regard to case as Salesforce compares
   * API names, so {@code forbid: [modifyalldata]} forbids ModifyAllData; the first of a repeated
   * entry wins.
   */
  public static Map<String, Ref> byName(List<Ref> entries) {
    Map<String, Ref> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    entries.forEach(r -> out.putIfAbsent(r.value(), r));
    return out;
  }

  /**
   * The {@code apionly.yaml} entry that applies to {@code grant} in {@code entries} (made by {@link
   * #byName}, so case does not count): its own key ({@code ViewSetup}, {@code Case.delete}), else
   * for an object verb {@code *.verb}.
   */
  static <T> T entryFor(Grant grant, Map<String, T> entries) {
    T entry = entries.get(grant.key());
    if (entry == null && grant.kind() == GrantType.OBJECT) {
      entry = entries.get(ANY_OBJECT + "." + grant.verb());
    }
    return entry;
  }

  private Optional<RiskLevel> override(Grant grant) {
    Ref level = entryFor(grant, levels);
    return level == null ? Optional.empty() : RiskLevel.fromKey(level.value());
  }
}
