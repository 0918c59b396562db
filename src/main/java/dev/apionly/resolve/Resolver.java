package dev.apionly.resolve;

import dev.apionly.diagnostic.Diagnostics;
import dev.apionly.diagnostic.ExitCode;
import dev.apionly.diagnostic.Location;
import dev.apionly.diagnostic.Paths;
import dev.apionly.diagnostic.Suggestions;
import dev.apionly.model.EnvironmentUsername;
import dev.apionly.model.FieldAccess;
import dev.apionly.model.GrantType;
import dev.apionly.model.ImpliedGrant;
import dev.apionly.model.Integration;
import dev.apionly.model.IntegrationUser;
import dev.apionly.model.OAuthClient;
import dev.apionly.model.OAuthFlow;
import dev.apionly.model.OAuthScope;
import dev.apionly.model.ObjectAccess;
import dev.apionly.model.ObjectVerb;
import dev.apionly.model.PermissionSet;
import dev.apionly.model.PermissionSetGroup;
import dev.apionly.model.Salesforce;
import dev.apionly.model.UserPermissions;
import dev.apionly.spec.EnvironmentSpec;
import dev.apionly.spec.IntegrationSpec;
import dev.apionly.spec.MuteSpec;
import dev.apionly.spec.Names;
import dev.apionly.spec.OAuthSpec;
import dev.apionly.spec.ObjectSpec;
import dev.apionly.spec.ProjectConfig;
import dev.apionly.spec.Ref;
import dev.apionly.spec.SpecSet;
import dev.apionly.spec.UserPermissionSpec;
import dev.apionly.spec.UserSettings;
import dev.apionly.spec.UserSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The resolve stage: applies defaults, closes every grant over Salesforce's dependencies (reporting
 * what it added), and builds the canonical {@link Integration} of each spec. Also checks what no
 * single spec can: names used twice across specs.
 */
public final class Resolver {

  private Resolver() {}

  /**
   * Every spec of {@code specs} with its integration, by name, each integration naming its spec
   * relative to {@code base} (the project root, so output does not depend on the working
   * directory). Throws (exit 2) on cross-spec errors.
   */
  public static ResolvedSpecs resolve(SpecSet specs, Path base, Diagnostics diagnostics) {
    checkNamesUnique(specs, diagnostics);
    specs.specs().forEach(loaded -> checkEnvironments(loaded, diagnostics));
    diagnostics.throwIfErrors(ExitCode.BAD_INPUT);
    // each spec resolves on its own: on every core, sorted by name in ResolvedSpecs
    return new ResolvedSpecs(
        specs.specs().parallelStream()
            .map(
                loaded ->
                    new ResolvedSpec(
                        loaded.spec(),
                        loaded.config(),
                        integration(
                            loaded.spec(), loaded.config(), relative(base, loaded.spec().file()))))
            .toList());
  }

  private static void checkNamesUnique(SpecSet specs, Diagnostics diagnostics) {
    // Salesforce API names are case-insensitive: ERP_Sync and erp_sync are the same component.
    Map<String, Ref> created = new HashMap<>();
    for (SpecSet.LoadedSpec loaded : specs.specs()) {
      IntegrationSpec spec = loaded.spec();
      List<String> names = new ArrayList<>(List.of(spec.name().value()));
      if (spec.mute() != null) {
        names.add(Integration.mutingName(spec.name().value()));
        if (Integration.mutingName(spec.name().value()).length() > Names.MAX_NAME) {
          diagnostics.error(
              spec.name().location(),
              "name '"
                  + spec.name().value()
                  + "' is too long for a spec with 'mute': its muting permission set "
                  + Integration.mutingName(spec.name().value())
                  + " would exceed "
                  + Names.MAX_NAME
                  + " characters");
        }
      }
      for (String name : names) {
        Ref first = created.putIfAbsent(name.toLowerCase(Locale.ROOT), spec.name());
        if (first != null) {
          diagnostics.error(
              spec.name().location(),
              "integration name '"
                  + name
                  + "' is already used by "
                  + first.location()
                  + "; each integration needs its own name (Salesforce ignores case in API names)");
        }
      }
      for (Ref include : spec.include()) {
        if (include.value().equalsIgnoreCase(spec.name().value())) {
          diagnostics.error(
              include.location(),
              "'include' names the integration's own permission set '"
                  + include.value()
                  + "', which the group has already; list other permission sets only");
        }
      }
    }
  }

  /** {@code file} relative to {@code base} with '/', or absolute when outside it. */
  public static String relative(Path base, Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    Path root = base.toAbsolutePath().normalize();
    Path shown = absolute.startsWith(root) ? root.relativize(absolute) : absolute;
    return shown.toString().replace('\\', '/');
  }

  private static Integration integration(
      IntegrationSpec spec, ProjectConfig config, String specFile) {
    String name = spec.name().value();
    // Salesforce trims labels and descriptions; so does apionly, so what it writes is what stays
    String label = spec.label() != null ? spec.label().value().strip() : name.replace('_', ' ');
    String description =
        spec.description() != null
            ? spec.description().value().strip()
            : defaultDescription(spec, label);
    List<ImpliedGrant> implied = new ArrayList<>();
    PermissionSet permissionSet =
        new PermissionSet(
            name,
            label,
            description,
            Salesforce.API_INTEGRATION_PSL,
            objects(spec.objects(), implied),
            fields(spec.objects(), implied),
            recordTypes(spec.objects()),
            names(spec.list(GrantType.APEX_CLASS)),
            names(spec.list(GrantType.APEX_PAGE)),
            names(spec.list(GrantType.FLOW)),
            names(spec.list(GrantType.CUSTOM_PERMISSION)),
            names(spec.list(GrantType.CUSTOM_METADATA_TYPE)),
            names(spec.list(GrantType.CUSTOM_SETTING)),
            names(spec.list(GrantType.EXTERNAL_CREDENTIAL_PRINCIPAL)),
            userPermissions(spec.userPermissions(), implied));
    Optional<PermissionSet> muting =
        Optional.ofNullable(spec.mute()).map(m -> muting(name, label, m));
    List<String> groupSets = new ArrayList<>(List.of(name));
    spec.include().forEach(i -> groupSets.add(i.value()));
    PermissionSetGroup group =
        new PermissionSetGroup(
            name,
            label,
            description,
            groupSets,
            muting.map(m -> List.of(m.name())).orElse(List.of()));
    Optional<IntegrationUser> user =
        Optional.ofNullable(spec.user()).map(u -> user(u, label, name, config));
    return new Integration(
        name,
        label,
        description,
        spec.owner() == null ? "" : spec.owner().value(),
        spec.ticket() == null ? null : spec.ticket().value(),
        specFile,
        permissionSet,
        group,
        muting,
        user,
        implied,
        Optional.ofNullable(spec.oauth()).map(o -> oauthClient(o, spec, name, label, user)));
  }

  private static OAuthClient oauthClient(
      OAuthSpec oauth,
      IntegrationSpec spec,
      String name,
      String label,
      Optional<IntegrationUser> user) {
    OAuthFlow flow = OAuthFlow.fromKey(oauth.flow().value()).orElseThrow();
    String owner = spec.owner() == null ? null : spec.owner().value();
    return new OAuthClient(
        name,
        label,
        "How the "
            + label
            + " integration logs in ("
            + flow.key()
            + "), pre-authorised for the users of the "
            + name
            + " permission set.",
        owner != null && Names.looksLikeEmail(owner) ? owner : null,
        flow,
        oauth.scopes().stream().map(s -> OAuthScope.fromKey(s.value()).orElseThrow()).toList(),
        flow == OAuthFlow.JWT_BEARER ? oauth.certificatePem() : null,
        flow == OAuthFlow.CLIENT_CREDENTIALS ? user.orElseThrow().username() : null,
        name);
  }

  private static String defaultDescription(IntegrationSpec spec, String label) {
    String owner = spec.owner() == null ? "" : " Owner: " + spec.owner().value() + ".";
    String ticket = spec.ticket() == null ? "" : " Ticket: " + spec.ticket().value() + ".";
    return "API-only access for the " + label + " integration." + owner + ticket;
  }

  /** Object access closed over Salesforce's verb dependencies; each added verb reported. */
  static List<ObjectAccess> objects(List<ObjectSpec> objects, List<ImpliedGrant> implied) {
    List<ObjectAccess> out = new ArrayList<>();
    for (ObjectSpec object : objects) {
      String name = object.object().value();
      boolean big = ObjectAccess.isBigObject(name);
      EnumSet<ObjectVerb> verbs = EnumSet.noneOf(ObjectVerb.class);
      verbs.addAll(object.access().keySet());
      Map<ObjectVerb, ObjectVerb> addedBy = new TreeMap<>();
      // a fixed point: modifyAll pulls in delete, which pulls in edit, which pulls in read
      boolean changed = true;
      while (changed) {
        changed = false;
        for (ObjectVerb verb : EnumSet.copyOf(verbs)) {
          for (ObjectVerb needed : verb.requires(big)) {
            if (verbs.add(needed)) {
              addedBy.put(needed, verb);
              changed = true;
            }
          }
        }
      }
      for (Map.Entry<ObjectVerb, ObjectVerb> added : addedBy.entrySet()) {
        ObjectVerb root = added.getValue();
        while (addedBy.containsKey(root)) {
          root = addedBy.get(root);
        }
        implied.add(
            new ImpliedGrant(
                name + "." + added.getKey().key(),
                name + "." + root.key(),
                object.access().get(root).location()));
      }
      out.add(new ObjectAccess(name, verbs));
    }
    return out;
  }

  /** User permissions closed over their known dependencies; each added one reported. */
  static List<String> userPermissions(
      List<UserPermissionSpec> permissions, List<ImpliedGrant> implied) {
    java.util.Set<String> out = new java.util.LinkedHashSet<>();
    permissions.forEach(p -> out.add(p.name().value()));
    for (UserPermissionSpec permission : permissions) {
      java.util.Deque<String> pending =
          new java.util.ArrayDeque<>(List.of(permission.name().value()));
      while (!pending.isEmpty()) {
        for (String needed : UserPermissions.requires(pending.pop())) {
          if (out.add(needed)) {
            implied.add(
                new ImpliedGrant(needed, permission.name().value(), permission.name().location()));
            pending.add(needed);
          }
        }
      }
    }
    return List.copyOf(out);
  }

  static List<FieldAccess> fields(List<ObjectSpec> objects, List<ImpliedGrant> implied) {
    List<FieldAccess> out = new ArrayList<>();
    for (ObjectSpec object : objects) {
      String prefix = object.object().value() + ".";
      object.readFields().forEach(f -> out.add(new FieldAccess(prefix + f.value(), false)));
      for (Ref field : object.editFields()) {
        String name = prefix + field.value();
        out.add(new FieldAccess(name, true));
        implied.add(new ImpliedGrant(name + " read", name + " edit", field.location()));
      }
    }
    return out;
  }

  private static List<String> recordTypes(List<ObjectSpec> objects) {
    List<String> out = new ArrayList<>();
    for (ObjectSpec object : objects) {
      object.recordTypes().forEach(r -> out.add(object.object().value() + "." + r.value()));
    }
    return out;
  }

  private static List<String> names(Collection<Ref> refs) {
    return refs.stream().map(Ref::value).toList();
  }

  private static PermissionSet muting(String integration, String label, MuteSpec mute) {
    List<ObjectAccess> objects = new ArrayList<>();
    List<FieldAccess> fields = new ArrayList<>();
    for (ObjectSpec object : mute.objects()) {
      Set<ObjectVerb> verbs = EnumSet.noneOf(ObjectVerb.class);
      verbs.addAll(object.access().keySet());
      objects.add(new ObjectAccess(object.object().value(), verbs));
      String prefix = object.object().value() + ".";
      object.readFields().forEach(f -> fields.add(new FieldAccess(prefix + f.value(), false)));
      object.editFields().forEach(f -> fields.add(new FieldAccess(prefix + f.value(), true)));
    }
    return new PermissionSet(
        Integration.mutingName(integration),
        (label.length() > 74 ? label.substring(0, 74) : label) + " Muted",
        "Grants muted in the " + label + " permission set group.",
        null,
        objects,
        fields,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        names(mute.userPermissions()));
  }

  /**
   * Each {@code user.environments} entry names an environment of the spec's apionly.yaml, and every
   * username the user gets (production's and each environment's) is a valid username and differs
   * from the others: Salesforce usernames are unique across every org.
   */
  private static void checkEnvironments(SpecSet.LoadedSpec loaded, Diagnostics diagnostics) {
    UserSpec user = loaded.spec().user();
    if (user == null || user.username() == null) {
      return;
    }
    ProjectConfig config = loaded.config();
    List<String> known = config.environments().stream().map(e -> e.name().value()).toList();
    for (UserSpec.EnvironmentUsername written : user.environments()) {
      if (config.environment(written.environment().value()).isEmpty()) {
        diagnostics.error(
            written.environment().location(),
            "environment '"
                + written.environment().value()
                + "' is not in "
                + (config.file() == null
                    ? "apionly.yaml (there is none beside the specs)"
                    : Paths.display(config.file()))
                + Suggestions.didYouMean(written.environment().value(), known)
                + "; accepted: "
                + (known.isEmpty()
                    ? "none, add it under 'environments:'"
                    : String.join(", ", known)));
      }
    }
    Map<String, String> seen = new HashMap<>();
    seen.put(user.username().value().toLowerCase(Locale.ROOT), "production");
    for (EnvironmentSpec environment : config.environments()) {
      Optional<UserSpec.EnvironmentUsername> written = written(user, environment);
      String username =
          written
              .map(w -> w.username().value())
              .orElse(user.username().value() + environment.suffix());
      Location at = written.map(w -> w.username().location()).orElse(user.username().location());
      String name = environment.name().value();
      if (written.isEmpty() && !Names.looksLikeEmail(username)) {
        diagnostics.error(
            at,
            "username in environment '"
                + name
                + "' ("
                + environment.suffix()
                + " appended, "
                + (environment.usernameSuffix() == null
                    ? "Salesforce's sandbox suffix"
                    : "usernameSuffix at " + environment.usernameSuffix().location())
                + ") is "
                + username.length()
                + " characters long; Salesforce accepts at most 80: write it under"
                + " user.environments."
                + name
                + ".username");
        continue;
      }
      String first = seen.putIfAbsent(username.toLowerCase(Locale.ROOT), name);
      if (first != null) {
        diagnostics.error(
            at,
            "username '"
                + username
                + "' in environment '"
                + name
                + "' is also the username in "
                + (first.equals("production") ? "production" : "environment '" + first + "'")
                + "; a Salesforce username is unique across every org");
      }
    }
  }

  private static Optional<UserSpec.EnvironmentUsername> written(
      UserSpec user, EnvironmentSpec environment) {
    return user.environments().stream()
        .filter(w -> w.environment().value().equalsIgnoreCase(environment.name().value()))
        .findFirst();
  }

  private static IntegrationUser user(
      UserSpec user, String label, String name, ProjectConfig config) {
    List<EnvironmentUsername> environments = new ArrayList<>();
    for (EnvironmentSpec environment : config.environments()) {
      Optional<UserSpec.EnvironmentUsername> written = written(user, environment);
      environments.add(
          new EnvironmentUsername(
              environment.name().value(),
              written
                  .map(w -> w.username().value())
                  .orElse(user.username().value() + environment.suffix()),
              written.isPresent()));
    }
    Map<String, Ref> defaults = new LinkedHashMap<>(config.userDefaults());
    return new IntegrationUser(
        user.username().value(),
        user.email().value(),
        user.lastName() != null ? user.lastName().value() : label,
        user.alias() != null ? user.alias().value() : defaultAlias(name),
        pick(user.timeZone(), defaults.get("timeZone"), UserSettings.DEFAULT_TIME_ZONE),
        pick(user.locale(), defaults.get("locale"), UserSettings.DEFAULT_LOCALE),
        pick(user.language(), defaults.get("language"), UserSettings.DEFAULT_LANGUAGE),
        pick(
            user.emailEncoding(),
            defaults.get("emailEncoding"),
            UserSettings.DEFAULT_EMAIL_ENCODING),
        environments);
  }

  private static String pick(Ref own, Ref projectDefault, String builtIn) {
    return own != null ? own.value() : projectDefault != null ? projectDefault.value() : builtIn;
  }

  /**
   * The first letters and digits of the name that fit an alias, lower case: ERP_Order_Sync →
   * erporder.
   */
  static String defaultAlias(String name) {
    String letters = name.replaceAll("[^A-Za-z0-9]", "").toLowerCase(Locale.ROOT);
    return letters.length() > Salesforce.MAX_ALIAS
        ? letters.substring(0, Salesforce.MAX_ALIAS)
        : letters;
  }
}
