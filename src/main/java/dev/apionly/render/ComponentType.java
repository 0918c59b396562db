package dev.apionly.render;

import java.util.Arrays;
import java.util.Optional;

/**
 * The metadata types apionly writes, with their source-format folder and suffix (from the CLI's
 * registry), so a path tells its type and member and back.
 */
public enum ComponentType {
  PERMISSION_SET("PermissionSet", "permissionsets", ".permissionset-meta.xml"),
  PERMISSION_SET_GROUP("PermissionSetGroup", "permissionsetgroups", ".permissionsetgroup-meta.xml"),
  MUTING_PERMISSION_SET(
      "MutingPermissionSet", "mutingpermissionsets", ".mutingpermissionset-meta.xml"),
  USER_ACCESS_POLICY("UserAccessPolicy", "useraccesspolicies", ".useraccesspolicy-meta.xml"),
  EXTERNAL_CLIENT_APP("ExternalClientApplication", "externalClientApps", ".eca-meta.xml"),
  ECA_OAUTH_SETTINGS("ExtlClntAppOauthSettings", "extlClntAppOauthSettings", ".ecaOauth-meta.xml"),
  ECA_GLOBAL_OAUTH_SETTINGS(
      "ExtlClntAppGlobalOauthSettings", "extlClntAppGlobalOauthSets", ".ecaGlblOauth-meta.xml"),
  ECA_OAUTH_POLICIES(
      "ExtlClntAppOauthConfigurablePolicies", "extlClntAppOauthPolicies", ".ecaOauthPlcy-meta.xml");

  private final String typeName;
  private final String folder;
  private final String suffix;

  ComponentType(String typeName, String folder, String suffix) {
    this.typeName = typeName;
    this.folder = folder;
    this.suffix = suffix;
  }

  /** The Metadata API type name, as in package.xml. */
  public String typeName() {
    return typeName;
  }

  public String folder() {
    return folder;
  }

  public String suffix() {
    return suffix;
  }

  /** The path of a member below the package's {@code main/default}. */
  public String path(String member) {
    return folder + "/" + member + suffix;
  }

  /** The type and member of a generated path, if it is a metadata component. */
  public static Optional<Component> of(String path) {
    String[] parts = path.split("/");
    if (parts.length < 2) {
      return Optional.empty();
    }
    String folder = parts[parts.length - 2];
    String file = parts[parts.length - 1];
    return Arrays.stream(values())
        .filter(t -> t.folder.equals(folder) && file.endsWith(t.suffix))
        .findFirst()
        .map(t -> new Component(t, file.substring(0, file.length() - t.suffix.length())));
  }

  /** The type whose Metadata API name is {@code typeName}, e.g. {@code PermissionSet}. */
  public static Optional<ComponentType> ofTypeName(String typeName) {
    return Arrays.stream(values()).filter(t -> t.typeName.equals(typeName)).findFirst();
  }

  /** One metadata component: a type and a member name. */
  public record Component(ComponentType type, String member) implements Comparable<Component> {

    @Override
    public int compareTo(Component other) {
      int byType = type.typeName.compareTo(other.type.typeName);
      return byType != 0 ? byType : member.compareTo(other.member);
    }

    @Override
    public String toString() {
      return type.typeName + " " + member;
    }
  }
}
