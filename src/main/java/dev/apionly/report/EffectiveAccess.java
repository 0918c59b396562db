package dev.apionly.report;

import dev.apionly.diagnostic.Paths;
import dev.apionly.metadata.RepositorySets;
import dev.apionly.model.Grant;
import dev.apionly.model.GrantType;
import dev.apionly.model.Grants;
import dev.apionly.model.GroupGrants;
import dev.apionly.model.ImpliedGrant;
import dev.apionly.model.Integration;
import dev.apionly.model.ObjectVerb;
import dev.apionly.model.PermissionSet;
import dev.apionly.model.RiskLevel;
import dev.apionly.policy.RiskCatalogue;
import dev.apionly.resolve.ResolvedSpec;
import dev.apionly.resolve.ResolvedSpecs;
import dev.apionly.spec.IntegrationSpec;
import dev.apionly.spec.ObjectSpec;
import dev.apionly.spec.UserPermissionSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What one integration can do through its group: its own set plus the included sets the run
 * describes or the repository holds, less what its muting set mutes; each grant with its level,
 * source and justification.
 */
final class EffectiveAccess {

  /** Apex classes, flows, custom permissions and the other plain lists. */
  private static final Set<GrantType> OTHER = EnumSet.copyOf(GrantType.lists());

  private final Integration integration;
  private final ResolvedSpecs specs;
  private final RiskCatalogue catalogue;
  private final List<Source> sources = new ArrayList<>();
  private final List<GroupMember> members = new ArrayList<>();

  /** Every grant of a set in the group, muted or not, with the sets that grant it. */
  private final Map<Grant, List<String>> granted = new TreeMap<>();

  private final SortedSet<Grant> muted = new TreeSet<>();

  /** What the group gives, worked out once for every stage. */
  private final GroupGrants group;

  /** A set of the group whose grants are known: a spec's, or a file in the repository. */
  private record Source(String name, PermissionSet set, List<ImpliedGrant> implied) {
    static Source of(Integration integration) {
      return new Source(integration.name(), integration.permissionSet(), integration.implied());
    }
  }

  private EffectiveAccess(
      ResolvedSpec own, ResolvedSpecs specs, RepositorySets repository, GroupGrants group) {
    this.integration = own.integration();
    this.group = group;
    this.specs = specs;
    this.catalogue = new RiskCatalogue(own.config());
    sources.add(Source.of(integration));
    members.add(new GroupMember(integration.name(), GroupMember.Role.OWN, integration.specFile()));
    for (String set : integration.group().permissionSets()) {
      if (set.equalsIgnoreCase(integration.name())) {
        continue;
      }
      Integration other = specs.find(set).map(ResolvedSpec::integration).orElse(null);
      Optional<RepositorySets.Found> file = repository.get(set);
      if (other != null) {
        sources.add(Source.of(other));
        members.add(new GroupMember(set, GroupMember.Role.INCLUDED, other.specFile()));
      } else if (file.isPresent()) {
        sources.add(new Source(set, file.get().set(), List.of()));
        members.add(
            new GroupMember(set, GroupMember.Role.IN_REPOSITORY, Paths.display(file.get().file())));
      } else {
        members.add(new GroupMember(set, GroupMember.Role.NOT_DESCRIBED, null));
      }
    }
    for (Source source : sources) {
      for (Grant grant : Grants.of(source.set())) {
        granted.computeIfAbsent(grant, g -> new ArrayList<>()).add(source.name());
      }
    }
    integration
        .muting()
        .ifPresent(
            muting -> {
              members.add(new GroupMember(muting.name(), GroupMember.Role.MUTING, null));
              muted.addAll(group.mutedOfGranted());
            });
  }

  /**
   * The report entry of {@code own}, whose group's sets are found in {@code specs} or {@code
   * repository}.
   */
  static IntegrationAccess of(
      ResolvedSpec own, ResolvedSpecs specs, RepositorySets repository, GroupGrants group) {
    return new EffectiveAccess(own, specs, repository, group).build();
  }

  private IntegrationAccess build() {
    SortedSet<Grant> effective = group.effective();
    RiskLevel risk =
        effective.stream().map(catalogue::level).max(RiskLevel::compareTo).orElse(RiskLevel.LOW);
    IntegrationSpec spec = spec(integration.name());
    String oauth =
        spec == null || spec.oauth() == null || spec.oauth().flow() == null
            ? ""
            : spec.oauth().flow().value();
    return new IntegrationAccess(
        integration.name(),
        integration.label(),
        integration.description(),
        integration.owner(),
        integration.ticket(),
        integration.specFile(),
        integration.user(),
        oauth,
        risk,
        members,
        objects(),
        lines(EnumSet.of(GrantType.USER_PERMISSION)),
        lines(OTHER));
  }

  private List<ObjectCell> objects() {
    Set<String> objects = new TreeSet<>();
    granted.keySet().stream()
        .filter(g -> perObject(g.kind()))
        .forEach(g -> objects.add(objectOf(g)));
    List<ObjectCell> cells = new ArrayList<>();
    for (String object : objects) {
      cells.add(cell(object));
    }
    cells.sort(
        Comparator.comparing((ObjectCell c) -> rank(c.risk()))
            .reversed()
            .thenComparing(ObjectCell::object));
    return cells;
  }

  private ObjectCell cell(String object) {
    List<VerbAccess> verbs = new ArrayList<>();
    for (ObjectVerb verb : ObjectVerb.values()) {
      Grant grant = new Grant(GrantType.OBJECT, object, verb.key());
      List<String> from = granted.get(grant);
      if (from != null) {
        boolean implied = from.stream().allMatch(set -> impliedIn(set, object + "." + verb.key()));
        verbs.add(
            new VerbAccess(verb, implied, muted.contains(grant), catalogue.level(grant), from));
      }
    }
    TreeMap<String, boolean[]> fields = new TreeMap<>();
    List<String> recordTypes = new ArrayList<>();
    for (Grant grant : granted.keySet()) {
      if (grant.kind() == GrantType.OBJECT || !objectOf(grant).equals(object)) {
        continue;
      }
      String member = grant.target().substring(object.length() + 1);
      if (grant.kind() == GrantType.FIELD) {
        // read, edit, read muted, edit muted
        boolean[] state = fields.computeIfAbsent(member, f -> new boolean[4]);
        int offset = grant.verb().equals("edit") ? 1 : 0;
        state[offset + (muted.contains(grant) ? 2 : 0)] = true;
      } else if (grant.kind() == GrantType.RECORD_TYPE && !muted.contains(grant)) {
        recordTypes.add(member);
      }
    }
    List<FieldGrant> fieldGrants = new ArrayList<>();
    fields.forEach((f, s) -> fieldGrants.add(new FieldGrant(f, s[0], s[1], s[2], s[3])));
    return new ObjectCell(object, verbs, fieldGrants, recordTypes, objectJustification(object));
  }

  private List<GrantLine> lines(Set<GrantType> kinds) {
    List<GrantLine> lines = new ArrayList<>();
    granted.forEach(
        (grant, from) -> {
          if (kinds.contains(grant.kind())) {
            lines.add(
                new GrantLine(
                    grant.kind().noun(),
                    grant.target(),
                    catalogue.level(grant),
                    grant.kind() == GrantType.USER_PERMISSION
                        ? permissionJustification(grant.target())
                        : "",
                    muted.contains(grant),
                    from));
          }
        });
    lines.sort(
        Comparator.comparing(GrantLine::muted)
            .thenComparing(GrantLine::level, Comparator.reverseOrder())
            .thenComparing(GrantLine::kind)
            .thenComparing(GrantLine::name));
    return lines;
  }

  private boolean impliedIn(String set, String grant) {
    Set<String> implied = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    sources.stream()
        .filter(s -> s.name().equalsIgnoreCase(set))
        .flatMap(s -> s.implied().stream())
        .map(ImpliedGrant::grant)
        .forEach(implied::add);
    return implied.contains(grant);
  }

  /** The justification the first set granting the object gives for it (own set first). */
  private String objectJustification(String object) {
    for (Source source : sources) {
      IntegrationSpec spec = spec(source.name());
      if (spec == null) {
        continue;
      }
      for (ObjectSpec objectSpec : spec.objects()) {
        if (objectSpec.object().value().equalsIgnoreCase(object)
            && objectSpec.justification() != null) {
          return objectSpec.justification().value();
        }
      }
    }
    return "";
  }

  private String permissionJustification(String permission) {
    for (Source source : sources) {
      IntegrationSpec spec = spec(source.name());
      if (spec == null) {
        continue;
      }
      for (UserPermissionSpec p : spec.userPermissions()) {
        if (p.name().value().equalsIgnoreCase(permission) && p.justification() != null) {
          return p.justification().value();
        }
      }
    }
    return "";
  }

  private IntegrationSpec spec(String name) {
    return specs.find(name).map(ResolvedSpec::spec).orElse(null);
  }

  /** Objects, fields and record types: what the report shows in an object's row. */
  private static boolean perObject(GrantType type) {
    return type.shape() == GrantType.Shape.OBJECT_VERBS
        || type.shape() == GrantType.Shape.OBJECT_PART;
  }

  private static String objectOf(Grant grant) {
    int dot = grant.target().indexOf('.');
    return grant.kind() == GrantType.OBJECT || dot < 0
        ? grant.target()
        : grant.target().substring(0, dot);
  }

  /** A level's rank for sorting, nothing held lowest. */
  static int rank(Optional<RiskLevel> level) {
    return level.map(RiskLevel::ordinal).orElse(-1);
  }
}
