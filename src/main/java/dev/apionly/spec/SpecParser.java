package dev.apionly.spec;

import dev.apionly.diagnostic.Diagnostic;
import dev.apionly.diagnostic.Diagnostics;
import dev.apionly.diagnostic.Location;
import dev.apionly.diagnostic.Suggestions;
import dev.apionly.model.GrantType;
import dev.apionly.model.OAuthFlow;
import dev.apionly.model.OAuthScope;
import dev.apionly.model.ObjectAccess;
import dev.apionly.model.ObjectVerb;
import dev.apionly.model.Salesforce;
import dev.apionly.model.UserPermissions;
import dev.apionly.spec.YamlNode.Entry;
import dev.apionly.spec.YamlNode.MapNode;
import dev.apionly.spec.YamlNode.ScalarNode;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Binds the YAML tree of one spec file to an {@link IntegrationSpec}, checking every value. */
public final class SpecParser {

  // Accepted and required keys, and enumerations, come from the published JSON Schema.
  private static final SpecSchema SCHEMA = SpecSchema.v1();
  private static final SpecSchema.Shape SPEC = SCHEMA.shape(SpecSchema.SPEC);
  private static final SpecSchema.Shape USER = SCHEMA.shape("user");
  private static final SpecSchema.Shape USER_ENVIRONMENT = SCHEMA.shape("userEnvironment");
  private static final SpecSchema.Shape OBJECT = SCHEMA.shape("objectGrant");
  private static final SpecSchema.Shape MUTE_OBJECT = SCHEMA.shape("muteObject");
  private static final SpecSchema.Shape FIELDS = SCHEMA.shape("fields");
  private static final SpecSchema.Shape MUTE = SCHEMA.shape("mute");
  private static final SpecSchema.Shape PERMISSION = SCHEMA.shape("userPermission");
  private static final SpecSchema.Shape OAUTH = SCHEMA.shape("oauth");
  private static final List<String> VERBS = SCHEMA.enumeration("objectVerb");
  private static final List<String> FLOWS = SCHEMA.enumeration("oauthFlow");
  private static final List<String> OAUTH_SECRET_KEYS =
      List.of(
          "consumersecret",
          "clientsecret",
          "client_secret",
          "consumer_secret",
          "secret",
          "privatekey",
          "private_key",
          "key",
          "password");

  private final Binding bind;
  private final Path file;

  private SpecParser(Path file, Diagnostics diagnostics) {
    this.file = file;
    this.bind = new Binding(diagnostics);
  }

  /** The spec in {@code root}, or empty when it is not even a mapping. */
  public static Optional<IntegrationSpec> parse(Path file, YamlNode root, Diagnostics diagnostics) {
    if (Secrets.scan(root, diagnostics)) {
      return Optional.empty(); // nothing else is reported, so no message can quote the secret
    }
    if (Indentation.misplaced(root, diagnostics)) {
      return Optional.empty(); // every other message would only follow from the misplaced keys
    }
    return new SpecParser(file, diagnostics).spec(root);
  }

  private Optional<IntegrationSpec> spec(YamlNode root) {
    Optional<MapNode> mapped = bind.map(root, "the spec", SPEC);
    if (mapped.isEmpty()) {
      return Optional.empty();
    }
    MapNode map = mapped.get();
    Ref name = bind.optionalText(map, "name");
    if (name != null && !foreignCharacter(name, "name")) {
      String problem = Names.apiNameProblem(name.value());
      if (problem == null) {
        problem = Names.windowsReservedProblem(name.value());
      }
      if (problem != null) {
        bind.error(name.location(), "name '" + Texts.abbreviate(name.value()) + "' " + problem);
      }
    }
    Ref label = checkedText(bind.optionalText(map, "label"), "label", Names.MAX_LABEL, false);
    Ref description =
        checkedText(
            bind.optionalText(map, "description"), "description", Names.MAX_DESCRIPTION, true);
    Ref owner = checkedText(bind.optionalText(map, "owner"), "owner", Names.MAX_LABEL, false);
    Ref ticket = checkedText(bind.optionalText(map, "ticket"), "ticket", Names.MAX_LABEL, false);

    UserSpec user = entry(map, "user").map(this::user).orElse(null);
    List<ObjectSpec> objects =
        entry(map, "objects").map(e -> objects(e.value(), "'objects'", false)).orElse(List.of());
    Map<GrantType, List<Ref>> lists = new EnumMap<>(GrantType.class);
    for (GrantType kind : GrantType.lists()) {
      Names.Reference shape =
          kind == GrantType.EXTERNAL_CREDENTIAL_PRINCIPAL
              ? Names.Reference.JOINED
              : Names.Reference.SINGLE;
      lists.put(kind, references(map, kind.specKey(), kind.noun(), shape));
    }
    List<UserPermissionSpec> permissions =
        entry(map, "userPermissions")
            .map(e -> bind.items(e.value(), "'userPermissions'", this::userPermission))
            .orElse(List.of());
    rejectDuplicates(
        permissions.stream().map(UserPermissionSpec::name).toList(), "user permission");
    List<Ref> include = references(map, "include", "permission set", Names.Reference.SINGLE);
    MuteSpec mute = entry(map, "mute").map(this::mute).orElse(null);
    OAuthSpec oauth = entry(map, "oauth").map(e -> oauth(e, user)).orElse(null);
    return Optional.of(
        new IntegrationSpec(
            file,
            name,
            label,
            description,
            owner,
            ticket,
            user,
            objects,
            lists,
            permissions,
            include,
            mute,
            oauth));
  }

  private Optional<Entry> entry(MapNode map, String key) {
    return Optional.ofNullable(map.entries().get(key));
  }

  private Ref checkedText(Ref text, String key, int max, boolean multiline) {
    if (text == null) {
      return null;
    }
    int control = Names.firstControlCharacter(text.value(), multiline);
    if (control >= 0) {
      Location at = columnOf(text, control);
      bind.error(
          at,
          "'"
              + key
              + "' holds "
              + Names.describe(text.value().codePointAt(control))
              + " at "
              + (at.equals(text.location())
                  ? "character " + (control + 1)
                  : "column " + at.column())
              + ", an invisible, control or text-direction character that would make what a"
              + " reviewer reads differ from what is deployed; accepted: printable text"
              + (multiline ? ", tabs and new lines" : ""));
    } else if (text.value().codePointCount(0, text.value().length()) > max) {
      bind.error(
          text.location(),
          "'"
              + key
              + "' is "
              + text.value().codePointCount(0, text.value().length())
              + " characters long; Salesforce accepts at most "
              + max);
    } else if (text.value().isBlank()) {
      bind.error(text.location(), "'" + key + "' is blank; write some text or leave the key out");
    }
    return text;
  }

  private UserSpec user(Entry entry) {
    Optional<MapNode> mapped = bind.map(entry.value(), "'user'", USER);
    if (mapped.isEmpty()) {
      return null;
    }
    MapNode map = mapped.get();
    Ref username = username(bind.optionalText(map, "username"));
    Ref email = checkedText(bind.optionalText(map, "email"), "email", Salesforce.MAX_EMAIL, false);
    if (email != null && !Names.looksLikeEmail(email.value())) {
      bind.error(
          email.location(),
          "email '" + Texts.abbreviate(email.value()) + "' is not a valid email address");
    }
    Ref lastName =
        checkedText(
            bind.optionalText(map, "lastName"), "lastName", Salesforce.MAX_LAST_NAME, false);
    Ref alias = checkedText(bind.optionalText(map, "alias"), "alias", Salesforce.MAX_ALIAS, false);
    Ref timeZone = bind.optionalText(map, "timeZone");
    Ref locale = bind.optionalText(map, "locale");
    Ref language = bind.optionalText(map, "language");
    Ref emailEncoding = bind.optionalText(map, "emailEncoding");
    UserSettings.check(timeZone, locale, language, emailEncoding, bind.diagnostics());
    return new UserSpec(
        map.location(),
        username,
        email,
        lastName,
        alias,
        timeZone,
        locale,
        language,
        emailEncoding,
        entry(map, "environments").map(this::environmentUsernames).orElse(List.of()));
  }

  private Ref username(Ref written) {
    Ref username = checkedText(written, "username", Salesforce.MAX_USERNAME, false);
    if (username != null && !Names.looksLikeEmail(username.value())) {
      bind.error(
          username.location(),
          "username '"
              + Texts.abbreviate(username.value())
              + "' is not in the form of an email address (at most "
              + Salesforce.MAX_USERNAME
              + " characters); Salesforce"
              + " usernames look like erp-sync@acme.example.integration");
    }
    return username;
  }

  /** {@code user.environments}: whether each name is in apionly.yaml is resolve's to check. */
  private List<UserSpec.EnvironmentUsername> environmentUsernames(Entry entry) {
    Optional<MapNode> mapped =
        bind.anyMap(entry.value(), "'user.environments'", "environment names to usernames");
    if (mapped.isEmpty()) {
      return List.of();
    }
    List<UserSpec.EnvironmentUsername> out = new ArrayList<>();
    for (Entry environment : mapped.get().entries().values()) {
      Ref name = ConfigParser.environmentName(bind, environment);
      if (name == null) {
        continue;
      }
      String what = "'user.environments." + name.value() + "'";
      Optional<MapNode> settings = bind.map(environment.value(), what, USER_ENVIRONMENT);
      if (settings.isEmpty()) {
        continue;
      }
      Ref username = username(bind.optionalText(settings.get(), "username"));
      if (username != null) {
        out.add(new UserSpec.EnvironmentUsername(name, username));
      }
    }
    return out;
  }

  private List<ObjectSpec> objects(YamlNode node, String what, boolean muting) {
    Optional<MapNode> mapped = bind.anyMap(node, what);
    if (mapped.isEmpty()) {
      return List.of();
    }
    List<ObjectSpec> out = new ArrayList<>();
    for (Entry entry : mapped.get().entries().values()) {
      Ref object = new Ref(entry.key(), entry.keyLocation());
      if (foreignCharacter(object, "object")) {
        continue;
      }
      String problem = Names.referenceProblem(object.value(), Names.Reference.SINGLE);
      if (problem != null) {
        bind.error(
            object.location(), "object '" + Texts.abbreviate(object.value()) + "' " + problem);
        continue;
      }
      objectSpec(object, entry.value(), muting).ifPresent(out::add);
    }
    return out;
  }

  private Optional<ObjectSpec> objectSpec(Ref object, YamlNode node, boolean muting) {
    String what = "object '" + object.value() + "'";
    Optional<MapNode> mapped =
        bind.map(node, object.location(), what, muting ? MUTE_OBJECT : OBJECT);
    if (mapped.isEmpty()) {
      return Optional.empty();
    }
    MapNode map = mapped.get();
    Map<ObjectVerb, Ref> access = new EnumMap<>(ObjectVerb.class);
    Entry accessEntry = map.entries().get("access");
    if (accessEntry != null) {
      for (Ref verb : bind.texts(accessEntry.value(), "'access'")) {
        Optional<ObjectVerb> parsed = ObjectVerb.fromKey(verb.value());
        if (parsed.isEmpty()) {
          bind.error(
              verb.location(),
              "unknown access '"
                  + Texts.abbreviate(verb.value())
                  + "'"
                  + Suggestions.didYouMean(verb.value(), VERBS)
                  + "; accepted: "
                  + String.join(", ", VERBS));
        } else if (access.containsKey(parsed.get())) {
          bind.error(verb.location(), "access '" + verb.value() + "' is listed twice");
        } else if (parsed.get() == ObjectVerb.EDIT && ObjectAccess.isBigObject(object.value())) {
          bind.error(
              verb.location(),
              "big object "
                  + object.value()
                  + " has no edit access; accepted: read, create, delete");
        } else {
          access.put(parsed.get(), verb);
        }
      }
    }
    List<Ref> readFields = List.of();
    List<Ref> editFields = List.of();
    Entry fields = map.entries().get("fields");
    if (fields != null) {
      Optional<MapNode> fieldMap = bind.map(fields.value(), "'fields' of " + what, FIELDS);
      if (fieldMap.isPresent()) {
        readFields = references(fieldMap.get(), "read", "field", Names.Reference.SINGLE);
        editFields = references(fieldMap.get(), "edit", "field", Names.Reference.SINGLE);
        Set<String> edited = new HashSet<>();
        editFields.forEach(e -> edited.add(Names.fold(e.value())));
        for (Ref field : readFields) {
          if (edited.contains(Names.fold(field.value()))) {
            bind.error(
                field.location(),
                "field '"
                    + field.value()
                    + "' is under both read and edit; list it under edit only (edit implies read)");
          }
        }
      }
    }
    List<Ref> recordTypes =
        muting ? List.of() : references(map, "recordTypes", "record type", Names.Reference.SINGLE);
    Ref justification =
        muting
            ? null
            : checkedText(bind.optionalText(map, "justification"), "justification", 1000, true);
    return Optional.of(
        new ObjectSpec(object, access, readFields, editFields, recordTypes, justification));
  }

  private UserPermissionSpec userPermission(YamlNode node) {
    Ref name;
    Ref justification = null;
    if (node instanceof ScalarNode) {
      name = bind.scalarText(node, "each entry of 'userPermissions'");
    } else {
      Optional<MapNode> mapped =
          bind.map(
              node,
              "an entry of 'userPermissions' (a name, or a mapping with name and justification)",
              PERMISSION);
      if (mapped.isEmpty()) {
        return null;
      }
      name = bind.optionalText(mapped.get(), "name");
      justification =
          checkedText(
              bind.optionalText(mapped.get(), "justification"), "justification", 1000, true);
    }
    Ref permission = name == null ? null : userPermissionName(name);
    return permission == null ? null : new UserPermissionSpec(permission, justification);
  }

  private MuteSpec mute(Entry entry) {
    Optional<MapNode> mapped = bind.map(entry.value(), "'mute'", MUTE);
    if (mapped.isEmpty()) {
      return null;
    }
    MapNode map = mapped.get();
    List<ObjectSpec> objects =
        entry(map, "objects")
            .map(e -> objects(e.value(), "'mute.objects'", true))
            .orElse(List.of());
    List<Ref> permissions = new ArrayList<>();
    for (Ref written : bind.texts(map, "userPermissions")) {
      Ref permission = userPermissionName(written);
      if (permission != null) {
        permissions.add(permission);
      }
    }
    rejectDuplicates(permissions, "user permission");
    return new MuteSpec(map.location(), objects, permissions);
  }

  private OAuthSpec oauth(Entry entry, UserSpec user) {
    List<String> accepted = new ArrayList<>(OAUTH.keys());
    if (entry.value() instanceof MapNode node) {
      for (Entry key : node.entries().values()) {
        if (OAUTH_SECRET_KEYS.contains(key.key().toLowerCase(java.util.Locale.ROOT))) {
          // reported here, never by the unknown-key check, which would quote the line
          bind.diagnostics()
              .add(
                  Diagnostic.error(
                          key.keyLocation(),
                          "'"
                              + key.key()
                              + "' in 'oauth' would put a secret into the repository (its value"
                              + " is not shown); Salesforce generates the consumer key and secret"
                              + " when the app is deployed, and they belong in the integration's"
                              + " secret store; accepted: "
                              + String.join(", ", OAUTH.keys()))
                      .withoutSource());
          accepted.add(key.key());
        }
      }
    }
    Optional<MapNode> mapped =
        bind.map(
            entry.value(),
            "'oauth'",
            new SpecSchema.Shape(accepted, OAUTH.required(), OAUTH.examples()));
    if (mapped.isEmpty()) {
      return null;
    }
    MapNode map = mapped.get();
    Ref flow = bind.optionalText(map, "flow");
    if (flow != null && !FLOWS.contains(flow.value())) {
      bind.error(
          flow.location(),
          "unknown OAuth flow '"
              + Texts.abbreviate(flow.value())
              + "'"
              + Suggestions.didYouMean(flow.value(), FLOWS)
              + "; accepted: "
              + String.join(", ", FLOWS));
    }
    Optional<OAuthFlow> parsedFlow =
        flow == null ? Optional.empty() : OAuthFlow.fromKey(flow.value());
    List<Ref> scopes = oauthScopes(map);
    Ref certificate = bind.optionalText(map, "certificate");
    if (certificate != null && certificate.value().contains("-----BEGIN")) {
      bind.diagnostics()
          .add(
              Diagnostic.error(
                      certificate.location(),
                      "'certificate' holds PEM text (not shown), not a path; put the certificate"
                          + " into a file beside the spec and name it here, e.g. certificate:"
                          + " certs/app.crt, and never put a private key into a spec")
                  .withoutSource());
      return new OAuthSpec(map.location(), flow, scopes, null, null);
    }
    String pem = null;
    if (parsedFlow.orElse(null) == OAuthFlow.JWT_BEARER) {
      if (certificate == null) {
        bind.error(
            map.location(),
            "missing required key 'certificate' in 'oauth': the jwt-bearer flow checks the"
                + " integration's signed JWTs with its certificate, e.g. certificate:"
                + " certs/app.crt (relative to the spec)");
      } else {
        pem =
            CertificateFile.read(file, certificate, bind.diagnostics(), Instant.now()).orElse(null);
      }
    } else if (parsedFlow.orElse(null) == OAuthFlow.CLIENT_CREDENTIALS) {
      if (certificate != null) {
        bind.error(
            certificate.location(),
            "'certificate' is for the jwt-bearer flow; client-credentials logs in with the"
                + " consumer key and secret, so leave 'certificate' out (a certificate would"
                + " enable the JWT bearer flow too)");
      }
      if (user == null) {
        bind.error(
            flow.location(),
            "the client-credentials flow issues tokens for a run-as user: add a 'user' block"
                + " with the integration user's username");
      }
    }
    return new OAuthSpec(map.location(), flow, scopes, certificate, pem);
  }

  private List<Ref> oauthScopes(MapNode map) {
    Entry entry = map.entries().get("scopes");
    if (entry == null) {
      bind.error(
          map.location(),
          "missing required key 'scopes' in 'oauth', e.g. scopes: [api]; accepted: "
              + String.join(", ", OAuthScope.keys()));
      return List.of();
    }
    List<Ref> given = bind.texts(entry.value(), "'scopes'");
    if (given.isEmpty()) {
      bind.error(entry.value().location(), "'scopes' is empty; accepted: a list such as [api]");
    }
    List<Ref> scopes = new ArrayList<>();
    for (Ref scope : given) {
      if (OAuthScope.fromKey(scope.value()).isPresent()) {
        scopes.add(scope);
      } else if (OAuthScope.INTERACTIVE.contains(scope.value())) {
        bind.error(
            scope.location(),
            "scope '"
                + scope.value()
                + "' is for people signing in with a browser or app, which an API-only"
                + " integration user cannot do; accepted: "
                + String.join(", ", OAuthScope.keys()));
      } else {
        bind.error(
            scope.location(),
            "unknown OAuth scope '"
                + Texts.abbreviate(scope.value())
                + "'"
                + Suggestions.didYouMean(scope.value(), OAuthScope.keys())
                + "; accepted: "
                + String.join(", ", OAuthScope.keys()));
      }
    }
    rejectDuplicates(scopes, "scope");
    return scopes;
  }

  /** A list of references to Salesforce components, each name checked, duplicates reported. */
  private List<Ref> references(MapNode map, String key, String noun, Names.Reference shape) {
    List<Ref> out = new ArrayList<>();
    for (Ref ref : bind.texts(map, key)) {
      if (foreignCharacter(ref, noun)) {
        continue;
      }
      String problem =
          noun.equals("field") && ref.value().contains(".")
              ? "has a dot; write the field name without its object (the object is the key above)"
              : Names.referenceProblem(ref.value(), shape);
      if (problem != null) {
        bind.error(ref.location(), noun + " '" + Texts.abbreviate(ref.value()) + "' " + problem);
      } else {
        out.add(ref);
      }
    }
    rejectDuplicates(out, noun);
    return out;
  }

  /** Reports each name listed twice, as Salesforce compares names: case aside. */
  private void rejectDuplicates(List<Ref> refs, String noun) {
    Map<String, Ref> seen = new HashMap<>();
    for (Ref ref : refs) {
      Ref first = seen.putIfAbsent(Names.fold(ref.value()), ref);
      if (first != null) {
        bind.error(
            ref.location(),
            noun
                + " '"
                + ref.value()
                + "' is listed twice (first at "
                + first.location().line()
                + ":"
                + first.location().column()
                + (first.value().equals(ref.value()) ? "" : " as '" + first.value() + "'")
                + "); Salesforce ignores case in API names");
      }
    }
  }

  /**
   * {@code name} as a user permission's API name, or null when it is not one. A name that differs
   * from a permission apionly knows only in case is that permission, as it is to Salesforce, and is
   * carried on in Salesforce's spelling: the files written, the policy, the review and the report
   * all see {@code ModifyAllData} for {@code modifyalldata}.
   */
  private Ref userPermissionName(Ref name) {
    if (foreignCharacter(name, "user permission")) {
      return null;
    }
    String problem = Names.userPermissionProblem(name.value());
    if (problem != null) {
      bind.error(
          name.location(), "user permission '" + Texts.abbreviate(name.value()) + "' " + problem);
      return null;
    }
    return UserPermissions.canonical(name.value())
        .map(canonical -> new Ref(canonical, name.location()))
        .orElse(name);
  }

  /**
   * Reports a character no API name may hold (a Cyrillic letter that looks Latin, a zero-width
   * space) by its code point, at its column; true if there was one.
   */
  private boolean foreignCharacter(Ref name, String noun) {
    int index = Names.firstNonAscii(name.value());
    if (index < 0) {
      return false;
    }
    Location at = columnOf(name, index);
    bind.error(
        at,
        noun
            + " '"
            + Texts.abbreviate(name.value())
            + "' holds "
            + Names.describe(name.value().codePointAt(index))
            + " at "
            + position(name, index, at)
            + "; API names accept ASCII letters, digits and underscores only");
    return true;
  }

  /**
   * Where character {@code index} of a value stands in its file: counted from where the value
   * starts (its opening quote, if quoted), or the value's start for one that spans lines.
   */
  private static Location columnOf(Ref value, int index) {
    Location start = value.location();
    if (start.line() == 0 || value.value().indexOf('\n') >= 0) {
      return start;
    }
    return new Location(start.file(), start.line(), start.column() + index);
  }

  /** "column 12" where the file column is known, else "character 3" of the value. */
  private static String position(Ref value, int index, Location at) {
    return at == value.location() && index > 0
        ? "character " + (index + 1)
        : "column " + at.column();
  }
}
