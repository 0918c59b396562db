package dev.apionly.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The registry of the Salesforce metadata types apionly writes and reads, one entry each: its
 * Metadata API name (also its files' root element), source folder and suffix, the schema type its
 * root has, which member an integration has of it, and how each stage handles it (verify, import,
 * adopt), as values the stages implement. Every type is deleted the same way: listed in the
 * destructive manifest when its file goes. The order is the order the bundled schema declares the
 * roots in.
 */
public enum MetadataType {
  PERMISSION_SET(
      "PermissionSet",
      "permissionsets",
      "permissionset",
      "PermissionSet",
      Verification.GRANTS,
      Import.SPEC,
      Adoption.GRANTS,
      i -> Optional.of(i.permissionSet().name())),
  // checked as a PermissionSet: the WSDL's own type extends PermissionSet and repeats its label
  MUTING_PERMISSION_SET(
      "MutingPermissionSet",
      "mutingpermissionsets",
      "mutingpermissionset",
      "PermissionSet",
      Verification.MUTED_GRANTS,
      Import.NOTE,
      Adoption.MUTED_GRANTS,
      i -> i.muting().map(PermissionSet::name)),
  PERMISSION_SET_GROUP(
      "PermissionSetGroup",
      "permissionsetgroups",
      "permissionsetgroup",
      "PermissionSetGroup",
      Verification.GROUP_MEMBERS,
      Import.INCLUDE,
      Adoption.MEMBERS,
      i -> Optional.of(i.group().name())),
  USER_ACCESS_POLICY(
      "UserAccessPolicy",
      "useraccesspolicies",
      "useraccesspolicy",
      "UserAccessPolicy",
      Verification.POLICY_GRANTS,
      Import.NONE,
      Adoption.NONE,
      i -> i.user().map(u -> i.name())),
  EXTERNAL_CLIENT_APP(
      "ExternalClientApplication",
      "externalClientApps",
      "eca",
      "ExternalClientApplication",
      Verification.APP_LABEL,
      Import.NONE,
      Adoption.NONE,
      i -> i.oauth().map(OAuthClient::name)),
  ECA_OAUTH_SETTINGS(
      "ExtlClntAppOauthSettings",
      "extlClntAppOauthSettings",
      "ecaOauth",
      "ExtlClntAppOauthSettings",
      Verification.OAUTH_SCOPES,
      Import.NONE,
      Adoption.NONE,
      i -> i.oauth().map(OAuthClient::oauthSettingsName)),
  ECA_GLOBAL_OAUTH_SETTINGS(
      "ExtlClntAppGlobalOauthSettings",
      "extlClntAppGlobalOauthSets",
      "ecaGlblOauth",
      "ExtlClntAppGlobalOauthSettings",
      Verification.OAUTH_FLOW,
      Import.NONE,
      Adoption.NONE,
      i -> i.oauth().map(OAuthClient::globalOauthSettingsName)),
  ECA_OAUTH_POLICIES(
      "ExtlClntAppOauthConfigurablePolicies",
      "extlClntAppOauthPolicies",
      "ecaOauthPlcy",
      "ExtlClntAppOauthConfigurablePolicies",
      Verification.OAUTH_POLICIES,
      Import.NONE,
      Adoption.NONE,
      i -> i.oauth().map(OAuthClient::oauthPoliciesName));

  /** What verify compares, after parsing a rendered file back, with the integration. */
  public enum Verification {
    /** The permission set's grants, label and description. */
    GRANTS,
    /** The muting set's grants. */
    MUTED_GRANTS,
    /** The group's label, description, sets and muting sets. */
    GROUP_MEMBERS,
    /** The policy's grants (licence and group) and the user it selects. */
    POLICY_GRANTS,
    /** The External Client App's label. */
    APP_LABEL,
    /** The OAuth settings' app and scopes. */
    OAUTH_SCOPES,
    /** The global OAuth settings' app, certificate and flow, and that they hold no secret. */
    OAUTH_FLOW,
    /** The OAuth policies' app, permitted users, pre-authorised set and run-as user. */
    OAUTH_POLICIES
  }

  /** What {@code apionly import} makes of a file of the type. */
  public enum Import {
    /** A spec granting what the permission set grants. */
    SPEC,
    /** A spec including the group's other sets. */
    INCLUDE,
    /** Nothing, with a note: a spec mutes grants under the group that uses the muting set. */
    NOTE,
    /** Not read at all. */
    NONE
  }

  /** How generate takes over a file of the type that it did not write. */
  public enum Adoption {
    /** When the spec grants exactly what the permission set grants. */
    GRANTS,
    /** When the spec mutes exactly what the muting set mutes. */
    MUTED_GRANTS,
    /** When the spec's group holds exactly the file's sets and muting sets. */
    MEMBERS,
    /** Never: apionly refuses to overwrite it. */
    NONE
  }

  private static final MetadataType[] ALL = values();

  private final String typeName;
  private final String folder;
  private final String suffix;
  private final String sourceSuffix;
  private final String metadataApiSuffix;
  private final String schemaType;
  private final Verification verification;
  private final Import importing;
  private final Adoption adoption;
  private final Function<Integration, Optional<String>> member;

  MetadataType(
      String typeName,
      String folder,
      String suffix,
      String schemaType,
      Verification verification,
      Import importing,
      Adoption adoption,
      Function<Integration, Optional<String>> member) {
    this.typeName = typeName;
    this.folder = folder;
    this.suffix = suffix;
    // kept whole: a path's type is looked up for every file of every run
    this.sourceSuffix = "." + suffix + "-meta.xml";
    this.metadataApiSuffix = "." + suffix;
    this.schemaType = schemaType;
    this.verification = verification;
    this.importing = importing;
    this.adoption = adoption;
    this.member = member;
  }

  /** The Metadata API type name, as in package.xml. */
  public String typeName() {
    return typeName;
  }

  /** The root element of the type's files: Salesforce names it after the type. */
  public String rootElement() {
    return typeName;
  }

  /** The schema (WSDL) type of the root element. */
  public String schemaType() {
    return schemaType;
  }

  /** The folder of the type's files in a package directory, e.g. {@code permissionsets}. */
  public String folder() {
    return folder;
  }

  /** The source-format suffix, e.g. {@code .permissionset-meta.xml}. */
  public String sourceSuffix() {
    return sourceSuffix;
  }

  /** The metadata-API-format suffix, e.g. {@code .permissionset}. */
  public String metadataApiSuffix() {
    return metadataApiSuffix;
  }

  /** The template that renders a file of the type, named after the file it writes. */
  public String template() {
    return suffix + "-meta.xml.vm";
  }

  public Verification verification() {
    return verification;
  }

  public Import importing() {
    return importing;
  }

  public Adoption adoption() {
    return adoption;
  }

  /** The path of a member below the package's {@code main/default}. */
  public String path(String member) {
    return folder + "/" + member + sourceSuffix();
  }

  /** The member of this type {@code integration} has, if it has one. */
  public Optional<Component> of(Integration integration) {
    return member.apply(integration).map(m -> new Component(this, m));
  }

  /** Every component generate writes for {@code integration}, in registry order. */
  public static List<Component> components(Integration integration) {
    List<Component> out = new ArrayList<>(ALL.length);
    for (MetadataType type : ALL) {
      type.of(integration).ifPresent(out::add);
    }
    return out;
  }

  /** The type and member of a source-format path, if it is a metadata component. */
  public static Optional<Component> ofPath(String path) {
    int slash = path.lastIndexOf('/');
    if (slash <= 0) {
      return Optional.empty();
    }
    int folderStart = path.lastIndexOf('/', slash - 1) + 1;
    String file = path.substring(slash + 1);
    for (MetadataType type : ALL) {
      String suffix = type.sourceSuffix;
      if (file.endsWith(suffix)
          && path.regionMatches(folderStart, type.folder, 0, slash - folderStart)
          && slash - folderStart == type.folder.length()) {
        return Optional.of(new Component(type, file.substring(0, file.length() - suffix.length())));
      }
    }
    return Optional.empty();
  }

  /**
   * The type whose Metadata API name is {@code typeName}, e.g. {@code PermissionSet}, in any letter
   * case, as Salesforce compares names.
   */
  public static Optional<MetadataType> ofTypeName(String typeName) {
    for (MetadataType type : ALL) {
      if (type.typeName.equalsIgnoreCase(typeName)) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }

  /** The type of a file name in either format, if it is one import reads. */
  public static Optional<MetadataType> importedFrom(String fileName) {
    for (MetadataType type : ALL) {
      if (type.importing != Import.NONE
          && (fileName.endsWith(type.sourceSuffix())
              || fileName.endsWith(type.metadataApiSuffix()))) {
        return Optional.of(type);
      }
    }
    return Optional.empty();
  }
}
