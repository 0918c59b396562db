package dev.apionly.review;

import dev.apionly.model.Component;
import dev.apionly.model.Grant;
import dev.apionly.model.GrantType;
import dev.apionly.model.Grants;
import dev.apionly.model.GroupGrants;
import dev.apionly.model.Integration;
import dev.apionly.model.IntegrationUser;
import dev.apionly.model.MetadataType;
import dev.apionly.model.ObjectVerb;
import dev.apionly.model.PermissionSet;
import dev.apionly.model.RiskLevel;
import dev.apionly.policy.RiskCatalogue;
import dev.apionly.resolve.ResolvedSpec;
import dev.apionly.review.AccessChange.Action;
import dev.apionly.review.AccessChange.Area;
import dev.apionly.spec.IntegrationSpec;
import dev.apionly.spec.OAuthSpec;
import dev.apionly.spec.ObjectSpec;
import dev.apionly.spec.Ref;
import dev.apionly.spec.UserPermissionSpec;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Function;

/**
 * The change in one integration's access between two snapshots, compared on the model: two specs
 * that resolve to the same grants (a reordered list, a moved key) differ in nothing.
 */
final class AccessDiff {

  /**
   * Risk of a group member no spec here defines: its grants cannot be seen, so assume the worst.
   */
  static final RiskLevel UNKNOWN_SET = RiskLevel.HIGH;

  private final Snapshot baseSide;
  private final Snapshot headSide;
  private final Optional<ResolvedSpec> base;
  private final Optional<ResolvedSpec> head;
  private final RiskCatalogue baseRisk;
  private final RiskCatalogue headRisk;
  private final List<AccessChange> changes = new ArrayList<>();

  private AccessDiff(Snapshot baseSide, Snapshot headSide, String name) {
    this.baseSide = baseSide;
    this.headSide = headSide;
    this.base = baseSide.get(name);
    this.head = headSide.get(name);
    // removals are rated by the policy they were granted under, everything else by the new one
    this.headRisk = new RiskCatalogue(head.or(() -> base).orElseThrow().config());
    this.baseRisk = new RiskCatalogue(base.or(() -> head).orElseThrow().config());
  }

  /** The review of integration {@code name}, or empty when its access did not change. */
  static Optional<IntegrationReview> of(Snapshot base, Snapshot head, String name) {
    return new AccessDiff(base, head, name).review(name);
  }

  private Optional<IntegrationReview> review(String name) {
    grants(
        base.map(e -> e.integration().permissionSet()),
        head.map(e -> e.integration().permissionSet()));
    groupMembership();
    muting();
    user();
    oauth();
    settings();
    Optional<GroupAccess> group = groupAccess();
    IntegrationReview.Status status =
        base.isEmpty()
            ? IntegrationReview.Status.ADDED
            : head.isEmpty() ? IntegrationReview.Status.REMOVED : IntegrationReview.Status.CHANGED;
    boolean groupChanged = group.map(GroupAccess::changed).orElse(false);
    if (status == IntegrationReview.Status.CHANGED && changes.isEmpty() && !groupChanged) {
      return Optional.empty();
    }
    Integration latest = head.or(() -> base).orElseThrow().integration();
    return Optional.of(
        new IntegrationReview(
            name,
            status,
            latest.owner(),
            latest.ticket(),
            base.map(e -> e.integration().specFile()),
            head.map(e -> e.integration().specFile()),
            Optional.empty(),
            changes,
            group,
            deletedComponents()));
  }

  // --- grants of the integration's own permission set

  private void grants(Optional<PermissionSet> before, Optional<PermissionSet> after) {
    Map<Grant, Set<String>> was = byTarget(before.map(Grants::of).orElse(new TreeSet<>()));
    Map<Grant, Set<String>> is = byTarget(after.map(Grants::of).orElse(new TreeSet<>()));
    for (Grant key : union(was.keySet(), is.keySet())) {
      Set<String> old = was.getOrDefault(key, Set.of());
      Set<String> now = is.getOrDefault(key, Set.of());
      if (old.equals(now)) {
        continue;
      }
      Area area = Area.of(key.kind());
      Set<String> gained = minus(now, old);
      Set<String> lost = minus(old, now);
      RiskLevel risk =
          gained.isEmpty()
              ? highest(lost, v -> baseRisk.level(verb(key, v)))
              : highest(gained, v -> headRisk.level(verb(key, v)));
      Action action =
          old.isEmpty() ? Action.ADDED : now.isEmpty() ? Action.REMOVED : Action.CHANGED;
      String justification =
          justification(action == Action.REMOVED ? base : head, key).orElse(null);
      changes.add(
          new AccessChange(
              area,
              action,
              key.target(),
              shown(key, old),
              shown(key, now),
              risk,
              !gained.isEmpty(),
              justification));
    }
  }

  /** Grants by kind and target (verb blank), each with its verbs ("" for on/off grants). */
  private static Map<Grant, Set<String>> byTarget(Collection<Grant> grants) {
    Map<Grant, Set<String>> out = new TreeMap<>();
    for (Grant grant : grants) {
      out.computeIfAbsent(new Grant(grant.kind(), grant.target(), ""), k -> new TreeSet<>())
          .add(grant.verb());
    }
    return out;
  }

  private static Grant verb(Grant key, String verb) {
    return new Grant(key.kind(), key.target(), verb);
  }

  /** Verbs in Salesforce's order (read before edit); nothing for grants that are on or off. */
  private static List<String> shown(Grant key, Set<String> verbs) {
    List<String> order =
        key.kind() == GrantType.FIELD ? List.of("read", "edit") : ObjectVerb.keys();
    List<String> out = new ArrayList<>();
    order.stream().filter(verbs::contains).forEach(out::add);
    verbs.stream().filter(v -> !v.isEmpty() && !order.contains(v)).sorted().forEach(out::add);
    return out;
  }

  private static Optional<String> justification(Optional<ResolvedSpec> side, Grant key) {
    if (side.isEmpty()) {
      return Optional.empty();
    }
    IntegrationSpec spec = side.get().spec();
    return switch (key.kind()) {
      case OBJECT ->
          spec.objects().stream()
              .filter(o -> o.object().value().equals(key.target()))
              .map(ObjectSpec::justification)
              .filter(Objects::nonNull)
              .map(Ref::value)
              .findFirst();
      case USER_PERMISSION ->
          spec.userPermissions().stream()
              .filter(p -> p.name().value().equals(key.target()))
              .map(UserPermissionSpec::justification)
              .filter(Objects::nonNull)
              .map(Ref::value)
              .findFirst();
      default -> Optional.empty();
    };
  }

  // --- the group: included sets and muting

  private void groupMembership() {
    Set<String> old = included(base);
    Set<String> now = included(head);
    for (String set : minus(now, old)) {
      Optional<PermissionSet> known = headSide.permissionSet(set);
      RiskLevel risk = known.map(s -> highest(Grants.of(s), headRisk::level)).orElse(UNKNOWN_SET);
      List<String> after = known.isPresent() ? List.of() : List.of("not defined by a spec here");
      changes.add(
          new AccessChange(
              Area.GROUP_MEMBERSHIP, Action.ADDED, set, List.of(), after, risk, true, null));
    }
    for (String set : minus(old, now)) {
      RiskLevel risk =
          baseSide
              .permissionSet(set)
              .map(s -> highest(Grants.of(s), baseRisk::level))
              .orElse(RiskLevel.LOW);
      changes.add(
          new AccessChange(
              Area.GROUP_MEMBERSHIP, Action.REMOVED, set, List.of(), List.of(), risk, false, null));
    }
  }

  /** The sets a group includes besides the integration's own. */
  private static Set<String> included(Optional<ResolvedSpec> side) {
    Set<String> out = new TreeSet<>();
    side.ifPresent(
        e -> {
          out.addAll(e.integration().group().permissionSets());
          out.remove(e.integration().name());
        });
    return out;
  }

  private void muting() {
    Map<Grant, Set<String>> was = byTarget(muted(baseSide, base));
    Map<Grant, Set<String>> is = byTarget(muted(headSide, head));
    for (Grant key : union(was.keySet(), is.keySet())) {
      Set<String> old = was.getOrDefault(key, Set.of());
      Set<String> now = is.getOrDefault(key, Set.of());
      if (old.equals(now)) {
        continue;
      }
      Set<String> unmuted = minus(old, now);
      Set<String> muted = minus(now, old);
      RiskLevel risk =
          unmuted.isEmpty()
              ? highest(muted, v -> headRisk.level(verb(key, v)))
              : highest(unmuted, v -> headRisk.level(verb(key, v)));
      Action action =
          old.isEmpty() ? Action.ADDED : now.isEmpty() ? Action.REMOVED : Action.CHANGED;
      String target = key.kind().noun() + " " + key.target();
      changes.add(
          new AccessChange(
              Area.MUTING,
              action,
              target,
              shown(key, old),
              shown(key, now),
              risk,
              !unmuted.isEmpty(),
              null));
    }
  }

  /**
   * What the muting set takes away from the group: its muted grants that the group's sets grant.
   * With a set no spec here defines, every muted grant counts, since any may be granted there.
   */
  private static SortedSet<Grant> muted(Snapshot snapshot, Optional<ResolvedSpec> side) {
    if (side.isEmpty() || side.get().integration().muting().isEmpty()) {
      return new TreeSet<>();
    }
    GroupGrants group = snapshot.group(side.get());
    return group.complete()
        ? new TreeSet<>(group.mutedOfGranted())
        : Grants.muted(side.get().integration().muting().get());
  }

  private Optional<GroupAccess> groupAccess() {
    SortedSet<Grant> was = base.map(e -> effective(baseSide, e)).orElse(new TreeSet<>());
    SortedSet<Grant> is = head.map(e -> effective(headSide, e)).orElse(new TreeSet<>());
    ResolvedSpec latest = head.or(() -> base).orElseThrow();
    Snapshot side = head.isPresent() ? headSide : baseSide;
    Integration integration = latest.integration();
    List<String> outside = side.group(latest).unknown();
    return Optional.of(
        new GroupAccess(
            integration.group().name(),
            integration.group().permissionSets(),
            outside,
            head.flatMap(e -> e.integration().muting()).map(PermissionSet::name),
            rated(is, headRisk),
            rated(minus(is, was), headRisk),
            rated(minus(was, is), baseRisk)));
  }

  private static SortedSet<Grant> effective(Snapshot side, ResolvedSpec entry) {
    return new TreeSet<>(side.group(entry).effective());
  }

  private static List<RatedGrant> rated(Collection<Grant> grants, RiskCatalogue risk) {
    return grants.stream()
        .map(g -> new RatedGrant(g, risk.level(g)))
        .sorted(RatedGrant.ORDER)
        .toList();
  }

  // --- the user, OAuth and the integration's own settings

  private void user() {
    Optional<IntegrationUser> old = base.flatMap(e -> e.integration().user());
    Optional<IntegrationUser> now = head.flatMap(e -> e.integration().user());
    if (old.isEmpty() && now.isPresent()) {
      changes.add(
          new AccessChange(
              Area.USER,
              Action.ADDED,
              "username",
              List.of(),
              List.of(now.get().username()),
              RiskLevel.MEDIUM,
              true,
              null));
      environmentUsernames(Map.of(), usernames(now.get()), RiskLevel.MEDIUM);
    } else if (old.isPresent() && now.isEmpty()) {
      changes.add(
          new AccessChange(
              Area.USER,
              Action.REMOVED,
              "username",
              List.of(old.get().username()),
              List.of(),
              RiskLevel.LOW,
              false,
              null));
    } else if (old.isPresent()) {
      IntegrationUser was = old.get();
      IntegrationUser is = now.get();
      // a new username hands the group to another user; a new email receives its password resets
      setting(Area.USER, "username", was.username(), is.username(), RiskLevel.HIGH, true);
      environmentUsernames(usernames(was), usernames(is), RiskLevel.HIGH);
      setting(Area.USER, "email", was.email(), is.email(), RiskLevel.MEDIUM, true);
      setting(Area.USER, "lastName", was.lastName(), is.lastName(), RiskLevel.LOW, false);
      setting(Area.USER, "alias", was.alias(), is.alias(), RiskLevel.LOW, false);
      setting(Area.USER, "timeZone", was.timeZone(), is.timeZone(), RiskLevel.LOW, false);
      setting(Area.USER, "locale", was.locale(), is.locale(), RiskLevel.LOW, false);
      setting(Area.USER, "language", was.language(), is.language(), RiskLevel.LOW, false);
      setting(
          Area.USER,
          "emailEncoding",
          was.emailEncoding(),
          is.emailEncoding(),
          RiskLevel.LOW,
          false);
    }
  }

  private void oauth() {
    Optional<OAuthSpec> old = base.map(e -> e.spec().oauth()).filter(Objects::nonNull);
    Optional<OAuthSpec> now = head.map(e -> e.spec().oauth()).filter(Objects::nonNull);
    if (old.isEmpty() && now.isPresent()) {
      String flow = value(now.get().flow());
      changes.add(
          new AccessChange(
              Area.OAUTH,
              Action.ADDED,
              "client",
              List.of(),
              describe(now.get()),
              flowRisk(flow),
              true,
              null));
    } else if (old.isPresent() && now.isEmpty()) {
      changes.add(
          new AccessChange(
              Area.OAUTH,
              Action.REMOVED,
              "client",
              describe(old.get()),
              List.of(),
              RiskLevel.LOW,
              false,
              null));
    } else if (old.isPresent()) {
      String flow = value(now.get().flow());
      setting(Area.OAUTH, "flow", value(old.get().flow()), flow, flowRisk(flow), true);
      Set<String> was = scopes(old.get());
      Set<String> is = scopes(now.get());
      for (String scope : minus(is, was)) {
        changes.add(
            new AccessChange(
                Area.OAUTH,
                Action.ADDED,
                "scope " + scope,
                List.of(),
                List.of(),
                scopeRisk(scope),
                true,
                null));
      }
      for (String scope : minus(was, is)) {
        changes.add(
            new AccessChange(
                Area.OAUTH,
                Action.REMOVED,
                "scope " + scope,
                List.of(),
                List.of(),
                RiskLevel.LOW,
                false,
                null));
      }
      setting(
          Area.OAUTH,
          "certificate",
          value(old.get().certificate()),
          value(now.get().certificate()),
          RiskLevel.MEDIUM,
          true);
    }
  }

  /** Client credentials log in with a secret and no user present: riskier than a signed JWT. */
  private static RiskLevel flowRisk(String flow) {
    return "client-credentials".equals(flow) ? RiskLevel.HIGH : RiskLevel.MEDIUM;
  }

  /** {@code full} is every scope there is; any other scope is one more way in. */
  private static RiskLevel scopeRisk(String scope) {
    return scope.equals("full") ? RiskLevel.HIGH : RiskLevel.MEDIUM;
  }

  private static List<String> describe(OAuthSpec oauth) {
    List<String> out = new ArrayList<>();
    out.add("flow " + value(oauth.flow()));
    if (!oauth.scopes().isEmpty()) {
      out.add("scopes " + String.join(" ", scopes(oauth)));
    }
    if (oauth.certificate() != null) {
      out.add("certificate " + oauth.certificate().value());
    }
    return out;
  }

  private static Set<String> scopes(OAuthSpec oauth) {
    Set<String> out = new TreeSet<>();
    oauth.scopes().forEach(s -> out.add(s.value()));
    return out;
  }

  private static String value(Ref ref) {
    return ref == null ? "" : ref.value();
  }

  private void settings() {
    if (base.isEmpty() || head.isEmpty()) {
      return;
    }
    Integration was = base.get().integration();
    Integration is = head.get().integration();
    setting(Area.INTEGRATION, "owner", was.owner(), is.owner(), RiskLevel.LOW, false);
    setting(Area.INTEGRATION, "ticket", was.ticket(), is.ticket(), RiskLevel.LOW, false);
    setting(Area.INTEGRATION, "label", was.label(), is.label(), RiskLevel.LOW, false);
    setting(
        Area.INTEGRATION, "description", was.description(), is.description(), RiskLevel.LOW, false);
  }

  /**
   * The username in each environment (apionly.yaml), as a setting of its own: a new one hands the
   * group to another user in that org, as a new production username does in production.
   */
  private void environmentUsernames(
      Map<String, String> before, Map<String, String> after, RiskLevel risk) {
    java.util.SortedSet<String> environments = new java.util.TreeSet<>(before.keySet());
    environments.addAll(after.keySet());
    for (String environment : environments) {
      setting(
          Area.USER,
          "username (" + environment + ")",
          before.get(environment),
          after.get(environment),
          risk,
          true);
    }
  }

  private static Map<String, String> usernames(IntegrationUser user) {
    Map<String, String> out = new java.util.TreeMap<>();
    user.environments().forEach(e -> out.put(e.environment(), e.username()));
    return out;
  }

  private void setting(
      Area area, String target, String before, String after, RiskLevel risk, boolean widens) {
    String old = before == null ? "" : before;
    String now = after == null ? "" : after;
    if (old.equals(now)) {
      return;
    }
    changes.add(
        new AccessChange(
            area,
            old.isEmpty() ? Action.ADDED : now.isEmpty() ? Action.REMOVED : Action.CHANGED,
            target,
            old.isEmpty() ? List.of() : List.of(old),
            now.isEmpty() ? List.of() : List.of(now),
            risk,
            widens && !now.isEmpty(),
            null));
  }

  // --- components the org loses

  private List<Component> deletedComponents() {
    Set<Component> gone = components(base);
    gone.removeAll(components(head));
    return List.copyOf(gone);
  }

  /** The components generate writes for an integration, by Metadata API type. */
  static Set<Component> components(Optional<ResolvedSpec> side) {
    Set<Component> out = new TreeSet<>();
    side.ifPresent(e -> out.addAll(MetadataType.components(e.integration())));
    return out;
  }

  // --- small set arithmetic

  private static <T extends Comparable<T>> SortedSet<T> union(Set<T> a, Set<T> b) {
    SortedSet<T> out = new TreeSet<>(a);
    out.addAll(b);
    return out;
  }

  private static <T extends Comparable<T>> SortedSet<T> minus(Set<T> a, Set<T> b) {
    SortedSet<T> out = new TreeSet<>(a);
    out.removeAll(b);
    return out;
  }

  private static <T> RiskLevel highest(Collection<T> items, Function<T, RiskLevel> level) {
    return items.stream().map(level).max(Comparator.naturalOrder()).orElse(RiskLevel.LOW);
  }
}
