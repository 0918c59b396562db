package dev.apionly.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apionly.TestFiles;
import dev.apionly.diagnostic.Location;
import dev.apionly.model.Grant;
import dev.apionly.model.GrantType;
import dev.apionly.model.RiskLevel;
import dev.apionly.model.UserPermissions;
import dev.apionly.spec.ProjectConfig;
import dev.apionly.spec.Ref;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The built-in catalogue of levels, and the org's overrides on top of it. */
public class RiskCatalogueTest {

  private static Grant permission(String name) {
    return new Grant(GrantType.USER_PERMISSION, name, "");
  }

  private static Grant object(String object, String verb) {
    return new Grant(GrantType.OBJECT, object, verb);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ModifyAllData",
        "ViewAllData",
        "ManageUsers",
        "AuthorApex",
        "CustomizeApplication",
        "ModifyMetadata",
        "ManageProfilesPermissionsets",
        "AssignPermissionSets",
        "ResetPasswords",
        "ManageInternalUsers"
      })
  void theCriticalPermissionsOfTheDesignAreCritical(String name) {
    assertTrue(RiskCatalogue.isCritical(name), name);
    assertEquals(RiskLevel.CRITICAL, RiskCatalogue.builtIn(permission(name)));
  }

  @ParameterizedTest
  @ValueSource(strings = {"ViewSetup", "ViewAllUsers", "ExportReport"})
  void theHighPermissionsOfTheDesignAreHigh(String name) {
    assertEquals(RiskLevel.HIGH, RiskCatalogue.builtIn(permission(name)));
  }

  @Test
  void objectVerbsAreRatedAsTheDesignSays() {
    assertEquals(RiskLevel.LOW, RiskCatalogue.builtIn(object("Account", "read")));
    assertEquals(RiskLevel.MEDIUM, RiskCatalogue.builtIn(object("Account", "create")));
    assertEquals(RiskLevel.MEDIUM, RiskCatalogue.builtIn(object("Account", "edit")));
    for (String verb : List.of("delete", "viewAll", "modifyAll")) {
      assertEquals(RiskLevel.HIGH, RiskCatalogue.builtIn(object("Account", verb)), verb);
    }
  }

  /** Every grant kind has a level; none is left to chance. */
  @Test
  void everyKindHasALevel() {
    for (GrantType kind : GrantType.values()) {
      assertTrue(RiskCatalogue.builtIn(new Grant(kind, "X", "read")) != null, kind.noun());
    }
  }

  /** Every user permission the fixtures hold is rated, so none falls to the unknown default. */
  @Test
  void ratesEveryUserPermissionOfTheFixtures() {
    List<String> held =
        TestFiles.metadataFiles(TestFiles.fixtures()).stream()
            .map(TestFiles::read)
            .flatMap(
                text ->
                    java.util.regex.Pattern.compile(
                            "(?s)<userPermissions>((?!</userPermissions>).)*?<name>(\\w+)</name>")
                        .matcher(text)
                        .results()
                        .map(m -> m.group(2)))
            .toList();
    assertTrue(held.size() > 5, "held " + held);
    assertEquals(List.of(), unrated(held));
  }

  /** The names among {@code names} the catalogue does not rate. */
  public static List<String> unrated(List<String> names) {
    return names.stream().filter(n -> !RiskCatalogue.isKnown(n)).toList();
  }

  /** What an integration user usually holds is rated low, so it needs no justification. */
  @ParameterizedTest
  @ValueSource(strings = {"ApiEnabled", "ApiUserOnly", "RunFlow", "RunReports"})
  void theUsualIntegrationGrantsAreLow(String name) {
    assertEquals(RiskLevel.LOW, RiskCatalogue.builtIn(permission(name)));
  }

  /** What a permission needs is never rated above it: granting it cannot need more approval. */
  @Test
  void dependenciesAreNeverRiskierThanWhatNeedsThem() {
    for (String name : RiskCatalogue.userPermissions().keySet()) {
      for (String needed : UserPermissions.requires(name)) {
        assertFalse(
            RiskCatalogue.builtIn(permission(needed))
                    .compareTo(RiskCatalogue.builtIn(permission(name)))
                > 0,
            name + " needs " + needed);
      }
    }
  }

  @Test
  void unknownPermissionsAreMediumAndNotKnown() {
    assertFalse(RiskCatalogue.isKnown("NoSuchPermission"));
    assertEquals(RiskLevel.MEDIUM, RiskCatalogue.builtIn(permission("NoSuchPermission")));
  }

  @Test
  void theOrgRaisesLowersAndRelevelsEveryObject() {
    Path file = Path.of("apionly.yaml");
    Location at = new Location(file, 1, 1);
    ProjectConfig config =
        new ProjectConfig(
            file,
            Map.of(),
            List.of(),
            Map.of(
                "ViewSetup", new Ref("medium", at),
                "Case.delete", new Ref("low", at),
                "*.delete", new Ref("critical", at),
                "Lead.create", new Ref("high", at)),
            List.of(),
            List.of());
    RiskCatalogue catalogue = new RiskCatalogue(config);
    assertEquals(RiskLevel.MEDIUM, catalogue.level(permission("ViewSetup")));
    assertEquals(RiskLevel.LOW, catalogue.level(object("Case", "delete")));
    assertEquals(RiskLevel.CRITICAL, catalogue.level(object("Account", "delete")));
    assertEquals(RiskLevel.HIGH, catalogue.level(object("Lead", "create")));
    assertEquals(RiskLevel.MEDIUM, catalogue.level(object("Account", "create")));
    assertEquals(RiskLevel.HIGH, RiskCatalogue.builtIn(permission("ViewSetup")));
  }
}
