package dev.apionly.policy;

import dev.apionly.model.Grant;
import dev.apionly.model.GrantKind;
import dev.apionly.model.RiskLevel;
import dev.apionly.spec.ProjectConfig;
import dev.apionly.spec.Ref;
import java.util.Map;
import java.util.Optional;

/**
 * The built-in risk level of every grant (DESIGN section 5), and the org's overrides from {@code
 * apionly.yaml} applied on top.
 */
public final class RiskCatalogue {

  /** User permissions an integration user should almost never hold. */
  private static final Map<String, RiskLevel> USER_PERMISSIONS =
      Map.ofEntries(
          Map.entry("ModifyAllData", RiskLevel.CRITICAL),
          Map.entry("ViewAllData", RiskLevel.CRITICAL),
          Map.entry("ManageUsers", RiskLevel.CRITICAL),
          Map.entry("AuthorApex", RiskLevel.CRITICAL),
          Map.entry("CustomizeApplication", RiskLevel.CRITICAL),
          Map.entry("ModifyMetadata", RiskLevel.CRITICAL),
          Map.entry("ManageProfilesPermissionsets", RiskLevel.CRITICAL),
          Map.entry("AssignPermissionSets", RiskLevel.CRITICAL),
          Map.entry("ResetPasswords", RiskLevel.CRITICAL),
          Map.entry("ManageInternalUsers", RiskLevel.CRITICAL),
          Map.entry("ManageRoles", RiskLevel.CRITICAL),
          Map.entry("ManageSharing", RiskLevel.CRITICAL),
          Map.entry("ManageRemoteAccess", RiskLevel.CRITICAL),
          Map.entry("ManageAuthProviders", RiskLevel.CRITICAL),
          Map.entry("ManageEncryptionKeys", RiskLevel.CRITICAL),
          Map.entry("ViewEncryptedData", RiskLevel.CRITICAL),
          Map.entry("ManageLoginAccessPolicies", RiskLevel.CRITICAL),
          Map.entry("ManagePasswordPolicies", RiskLevel.CRITICAL),
          Map.entry("ManageIpAddresses", RiskLevel.CRITICAL),
          Map.entry("ManageSessionPermissionSets", RiskLevel.CRITICAL),
          Map.entry("ManageTwoFactor", RiskLevel.CRITICAL),
          Map.entry("FreezeUsers", RiskLevel.CRITICAL),
          Map.entry("ManageCustomPermissions", RiskLevel.CRITICAL),
          Map.entry("ViewSetup", RiskLevel.HIGH),
          Map.entry("ViewAllUsers", RiskLevel.HIGH),
          Map.entry("ExportReport", RiskLevel.HIGH),
          Map.entry("BulkApiHardDelete", RiskLevel.HIGH),
          Map.entry("QueryAllFiles", RiskLevel.HIGH),
          Map.entry("TransferAnyEntity", RiskLevel.HIGH),
          Map.entry("EditReadonlyFields", RiskLevel.HIGH),
          Map.entry("ViewAllProfiles", RiskLevel.HIGH),
          Map.entry("ViewRoles", RiskLevel.MEDIUM),
          Map.entry("ApiEnabled", RiskLevel.LOW),
          Map.entry("RunFlow", RiskLevel.LOW),
          Map.entry("RunReports", RiskLevel.LOW));

  private final ProjectConfig config;

  public RiskCatalogue(ProjectConfig config) {
    this.config = config;
  }

  /** The level of {@code grant} in this org: the override if {@code apionly.yaml} has one. */
  public RiskLevel level(Grant grant) {
    return override(grant).orElseGet(() -> builtIn(grant));
  }

  /** The level apionly assigns before any override. */
  public static RiskLevel builtIn(Grant grant) {
    return switch (grant.kind()) {
      case OBJECT ->
          switch (grant.verb()) {
            case "read" -> RiskLevel.LOW;
            case "create", "edit" -> RiskLevel.MEDIUM;
            default -> RiskLevel.HIGH; // delete, viewAll, modifyAll
          };
      case FIELD -> grant.verb().equals("edit") ? RiskLevel.MEDIUM : RiskLevel.LOW;
      case USER_PERMISSION -> USER_PERMISSIONS.getOrDefault(grant.target(), RiskLevel.MEDIUM);
      // Apex and flows may run in system context; a custom permission can bypass validation
      case APEX_CLASS, FLOW, CUSTOM_PERMISSION, EXTERNAL_CREDENTIAL_PRINCIPAL -> RiskLevel.MEDIUM;
      case RECORD_TYPE, APEX_PAGE, CUSTOM_METADATA_TYPE, CUSTOM_SETTING -> RiskLevel.LOW;
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

  private Optional<RiskLevel> override(Grant grant) {
    Ref level = config.levels().get(grant.key());
    if (level == null && grant.kind() == GrantKind.OBJECT) {
      level = config.levels().get(grant.target() + "." + grant.verb());
    }
    return level == null ? Optional.empty() : RiskLevel.fromKey(level.value());
  }
}
