package dev.apionly.generate;

import com.fasterxml.jackson.databind.JsonNode;
import dev.apionly.json.JsonTree;
import dev.apionly.metadata.MetadataException;
import dev.apionly.metadata.MetadataFiles.ExternalClientAppFile;
import dev.apionly.metadata.MetadataFiles.GlobalOAuthSettingsFile;
import dev.apionly.metadata.MetadataFiles.Manifest;
import dev.apionly.metadata.MetadataFiles.OAuthPoliciesFile;
import dev.apionly.metadata.MetadataFiles.OAuthSettingsFile;
import dev.apionly.metadata.MetadataFiles.UserAccessPolicyFile;
import dev.apionly.metadata.MetadataSchema;
import dev.apionly.metadata.MetadataXml;
import dev.apionly.model.Component;
import dev.apionly.model.Grant;
import dev.apionly.model.Grants;
import dev.apionly.model.Integration;
import dev.apionly.model.IntegrationUser;
import dev.apionly.model.MetadataType;
import dev.apionly.model.OAuthClient;
import dev.apionly.model.OAuthScope;
import dev.apionly.model.PermissionSet;
import dev.apionly.model.PermissionSetGroup;
import dev.apionly.model.Salesforce;
import dev.apionly.render.RenderedFile;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * The verify stage: every rendered file parsed back, its grants compared with the model, and (for a
 * user's templates) its XML checked against the Metadata API schema. Catches a template (built-in
 * or a user's) that renders something other than what the spec says, or something Salesforce would
 * not deploy.
 */
final class Verifier {

  private Verifier() {}

  /**
   * The problems of {@code file}, rendered for {@code integration}; empty when it agrees with the
   * model. {@code againstSchema}: also check it against the Metadata API schema, when it is XML.
   * The built-in templates' output is proven valid by the test suite for every kind of spec; a
   * user's templates are checked on every run (it costs about a millisecond a file). Files are
   * verified one at a time so that a run can spread them over its cores.
   */
  static List<String> verify(Integration integration, RenderedFile file, boolean againstSchema) {
    List<String> problems = new ArrayList<>();
    try {
      verify(integration, file, problems);
      if (againstSchema && MetadataType.ofPath(file.path()).isPresent()) {
        // element order, cardinality and values: what a deploy would reject, found before it
        for (MetadataException invalid : MetadataSchema.bundled().validate(file.bytes())) {
          problems.add(
              file.path()
                  + (invalid.line() > 0 ? ":" + invalid.line() + ":" + invalid.column() : "")
                  + ": not valid against the Metadata API schema "
                  + MetadataSchema.BUNDLED_VERSION
                  + ": "
                  + invalid.getMessage());
        }
      }
    } catch (MetadataException e) {
      problems.add(doesNotParse(file, e));
    } catch (IOException e) {
      problems.add(file.path() + ": is not valid JSON: " + e.getMessage());
    }
    return problems;
  }

  private static void verify(Integration integration, RenderedFile file, List<String> problems)
      throws MetadataException, IOException {
    var component = MetadataType.ofPath(file.path());
    if (component.isPresent()) {
      switch (component.get().type().verification()) {
        case GRANTS -> {
          PermissionSet parsed = MetadataXml.permissionSet(integration.name(), file.bytes());
          compareGrants(file, "grants", integration.permissionSet(), parsed, problems);
          compare(file, "label", integration.permissionSet().label(), parsed.label(), problems);
          compare(
              file,
              "description",
              integration.permissionSet().description(),
              parsed.description(),
              problems);
        }
        case MUTED_GRANTS -> {
          PermissionSet expected = integration.muting().orElseThrow();
          PermissionSet parsed = MetadataXml.mutingPermissionSet(expected.name(), file.bytes());
          compareGrants(file, "muted grants", expected, parsed, problems);
        }
        case GROUP_MEMBERS -> {
          PermissionSetGroup parsed =
              MetadataXml.permissionSetGroup(integration.name(), file.bytes());
          PermissionSetGroup expected = integration.group();
          compare(file, "sets", expected.permissionSets(), parsed.permissionSets(), problems);
          compare(
              file,
              "muting sets",
              expected.mutingPermissionSets(),
              parsed.mutingPermissionSets(),
              problems);
          compare(file, "label", expected.label(), parsed.label(), problems);
          compare(file, "description", expected.description(), parsed.description(), problems);
        }
        case POLICY_GRANTS -> {
          UserAccessPolicyFile parsed = UserAccessPolicyFile.read(file.bytes());
          compare(file, "policy grants", expectedGrants(integration), parsed.actions(), problems);
          // which users the policy reaches: the one user, on the API-only profile, both at once
          IntegrationUser user = integration.user().orElseThrow();
          compare(file, "policy filters", expectedFilters(user), parsed.filters(), problems);
          compare(
              file,
              "policy filter logic",
              "1 AND 2",
              parsed.booleanFilter() == null
                  ? null
                  : parsed.booleanFilter().strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT),
              problems);
        }
        case APP_LABEL -> {
          ExternalClientAppFile parsed = ExternalClientAppFile.read(file.bytes());
          compare(file, "label", client(integration).label(), strip(parsed.label()), problems);
        }
        case OAUTH_SCOPES -> {
          OAuthClient client = client(integration);
          OAuthSettingsFile parsed = OAuthSettingsFile.read(file.bytes());
          compare(file, "app", client.name(), strip(parsed.app()), problems);
          compare(file, "scopes", client.scopes(), scopes(parsed, file, problems), problems);
        }
        case OAUTH_FLOW -> {
          OAuthClient client = client(integration);
          GlobalOAuthSettingsFile parsed = GlobalOAuthSettingsFile.read(file.bytes());
          if (parsed.holdsSecret()) {
            problems.add(
                file.path() + ": holds a consumer key or secret, which apionly never writes");
          }
          compare(file, "app", client.name(), strip(parsed.app()), problems);
          compare(file, "certificate", client.certificate(), strip(parsed.certificate()), problems);
          compare(
              file,
              "client credentials flow",
              client.clientCredentials(),
              parsed.clientCredentials(),
              problems);
          if (parsed.otherFlow()) {
            problems.add(file.path() + ": enables a flow the spec does not ask for");
          }
        }
        case OAUTH_POLICIES -> {
          OAuthClient client = client(integration);
          OAuthPoliciesFile parsed = OAuthPoliciesFile.read(file.bytes());
          compare(file, "app", client.name(), strip(parsed.app()), problems);
          compare(
              file,
              "permitted users",
              "AdminApprovedPreAuthorized",
              strip(parsed.permittedUsers()),
              problems);
          compare(
              file,
              "pre-authorised permission sets",
              client.permissionSet(),
              strip(parsed.permissionSets()),
              problems);
          compare(file, "pre-authorised profiles", null, parsed.profiles(), problems);
          compare(file, "run-as user", client.runAsUser(), strip(parsed.runAsUser()), problems);
          compare(
              file,
              "client credentials flow",
              client.clientCredentials(),
              parsed.clientCredentials(),
              problems);
          // what would let a token reach further than the spec says
          compare(file, "IP relaxation", "Enforce", strip(parsed.ipRelaxation()), problems);
          compare(file, "guest code flow", false, parsed.guestCodeFlow(), problems);
          compare(file, "token exchange flow", false, parsed.tokenExchangeFlow(), problems);
          compare(file, "custom scopes", null, strip(parsed.customScopes()), problems);
          compare(file, "Apex handler", null, strip(parsed.apexHandler()), problems);
        }
      }
    } else if (file.path().endsWith(".json")) {
      IntegrationUser user = integration.user().orElseThrow();
      JsonNode json = JsonTree.readWhole(file.bytes());
      if (!json.isObject()) {
        problems.add(file.path() + ": is not a JSON object");
        return;
      }
      compare(file, "Username", user.username(), json.path("Username").asText(null), problems);
      compare(
          file, "profileName", user.profileName(), json.path("profileName").asText(null), problems);
      // the CLI assigns what a definition lists when it creates the user: nothing beyond the spec
      json.fieldNames()
          .forEachRemaining(
              key -> {
                String folded = key.toLowerCase(Locale.ROOT);
                if (folded.equals("permsets") || folded.startsWith("userpermissions")) {
                  problems.add(
                      file.path()
                          + ": sets "
                          + key
                          + ", which gives the user access the spec does not grant");
                }
              });
    }
  }

  /** The most differences of a file named one by one; the rest are counted. */
  private static final int DIFFERENCES_SHOWN = 10;

  /**
   * Compares two sets' grants grant by grant: what the file grants beyond the spec and what it
   * leaves out, each named (a reviewer reads "Account.delete", not two records), and the licence.
   */
  private static void compareGrants(
      RenderedFile file,
      String what,
      PermissionSet expected,
      PermissionSet parsed,
      List<String> problems) {
    if (expected.grantsOnly().equals(parsed.grantsOnly())) {
      return;
    }
    SortedSet<Grant> wanted = Grants.of(expected);
    SortedSet<Grant> found = Grants.of(parsed);
    List<String> beyond =
        found.stream().filter(g -> !wanted.contains(g)).map(Verifier::named).toList();
    List<String> missing =
        wanted.stream().filter(g -> !found.contains(g)).map(Verifier::named).toList();
    if (!beyond.isEmpty()) {
      problems.add(file.path() + ": " + what + " beyond the spec: " + listed(beyond));
    }
    if (!missing.isEmpty()) {
      problems.add(file.path() + ": " + what + " the spec asks for, missing: " + listed(missing));
    }
    compare(file, "licence", expected.license(), parsed.license(), problems);
    if (beyond.isEmpty()
        && missing.isEmpty()
        && Objects.equals(expected.license(), parsed.license())) {
      // the same flat grants written another way: say what differs as it is
      compare(file, what, expected.grantsOnly(), parsed.grantsOnly(), problems);
    }
  }

  private static String doesNotParse(RenderedFile file, MetadataException e) {
    return file.path()
        + (e.line() > 0 ? ":" + e.line() + ":" + e.column() : "")
        + ": does not parse: "
        + e.getMessage();
  }

  private static String named(Grant grant) {
    return grant.kind().noun() + " " + grant.key();
  }

  private static String listed(List<String> items) {
    String shown = String.join(", ", items.subList(0, Math.min(items.size(), DIFFERENCES_SHOWN)));
    return items.size() > DIFFERENCES_SHOWN
        ? shown + " and " + (items.size() - DIFFERENCES_SHOWN) + " more"
        : shown;
  }

  /**
   * The problems of the manifest {@code file} (a package.xml or a destructiveChanges.xml), which
   * must list exactly {@code components}: a member more would deploy or delete what the run does
   * not write, a member less would leave it out.
   */
  static List<String> verifyManifest(RenderedFile file, Collection<Component> components) {
    List<String> problems = new ArrayList<>();
    Set<String> expected = new TreeSet<>();
    components.forEach(c -> expected.add(c.type().typeName() + " " + c.member()));
    Set<String> listed = new TreeSet<>();
    try {
      Manifest.read(file.bytes())
          .members()
          .forEach(
              (type, members) -> {
                if (members.isEmpty()) {
                  listed.add(strip(type) + " (no members)");
                }
                members.forEach(m -> listed.add(strip(type) + " " + strip(m)));
              });
    } catch (MetadataException e) {
      problems.add(doesNotParse(file, e));
      return problems;
    }
    List<String> differences = new ArrayList<>();
    listed.stream().filter(m -> !expected.contains(m)).forEach(m -> differences.add("lists " + m));
    expected.stream()
        .filter(m -> !listed.contains(m))
        .forEach(m -> differences.add("does not list " + m));
    differences.stream()
        .limit(DIFFERENCES_SHOWN)
        .forEach(d -> problems.add(file.path() + ": " + d));
    if (differences.size() > DIFFERENCES_SHOWN) {
      problems.add(
          file.path() + ": and " + (differences.size() - DIFFERENCES_SHOWN) + " more differences");
    }
    return problems;
  }

  private static OAuthClient client(Integration integration) {
    return integration.oauth().orElseThrow();
  }

  private static List<OAuthScope> scopes(
      OAuthSettingsFile parsed, RenderedFile file, List<String> problems) {
    List<OAuthScope> scopes = new ArrayList<>();
    String tokens = parsed.scopes() == null ? "" : parsed.scopes();
    for (String token : tokens.split(",")) {
      if (token.isBlank()) {
        continue;
      }
      OAuthScope.fromToken(token.strip())
          .ifPresentOrElse(
              scopes::add,
              () -> problems.add(file.path() + ": scope " + token.strip() + " is not in the spec"));
    }
    scopes.sort((a, b) -> a.token().compareTo(b.token()));
    return scopes;
  }

  private static String strip(String value) {
    return value == null ? null : value.strip();
  }

  private static Set<String> expectedFilters(IntegrationUser user) {
    return new TreeSet<>(
        List.of(
            UserAccessPolicyFile.filter(1, "User", "Username", "equals", user.username(), "User"),
            UserAccessPolicyFile.filter(2, "Profile", null, "equals", null, user.profileName())));
  }

  private static Set<String> expectedGrants(Integration integration) {
    return new TreeSet<>(
        List.of(
            "Grant PermissionSetLicense " + Salesforce.API_INTEGRATION_PSL,
            "Grant PermissionSetGroup " + integration.group().name()));
  }

  private static void compare(
      RenderedFile file, String what, Object expected, Object actual, List<String> problems) {
    if (!java.util.Objects.equals(expected, actual)) {
      problems.add(file.path() + ": " + what + ": expected " + expected + ", rendered " + actual);
    }
  }
}
