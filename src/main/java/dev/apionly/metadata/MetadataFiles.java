package dev.apionly.metadata;

import dev.apionly.metadata.xml.ExternalClientApplicationXml;
import dev.apionly.metadata.xml.ExtlClntAppGlobalOauthSettingsXml;
import dev.apionly.metadata.xml.ExtlClntAppOauthConfigurablePoliciesXml;
import dev.apionly.metadata.xml.ExtlClntAppOauthSettingsXml;
import dev.apionly.metadata.xml.PackageTypeMembersXml;
import dev.apionly.metadata.xml.PackageXml;
import dev.apionly.metadata.xml.PermissionSetGroupXml;
import dev.apionly.metadata.xml.PermissionSetXml;
import dev.apionly.metadata.xml.UserAccessPolicyXml;
import dev.apionly.model.PermissionSet;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the other stages read from each kind of metadata file, as plain values: the classes xjc
 * generates stay inside this package (docs/design.md), so a change of schema or binding touches
 * only it. Values are as written, unstripped, unless the name says otherwise.
 */
public final class MetadataFiles {

  private MetadataFiles() {}

  /** A permission set file for import: its grants, the words around them, and what a spec drops. */
  public record PermissionSetFile(
      PermissionSet grants,
      String label,
      String description,
      String license,
      List<String> unexpressed) {

    /** Reads {@code text}, the file of the set {@code name}. */
    public static PermissionSetFile read(String name, String text) throws MetadataException {
      PermissionSetXml xml = MetadataXml.parse(text, MetadataRoot.PERMISSION_SET);
      List<UnknownElement> unread = MetadataXml.unread(text, MetadataRoot.PERMISSION_SET);
      return new PermissionSetFile(
          MetadataXml.toModel(name, xml),
          xml.getLabel(),
          xml.getDescription(),
          xml.getLicense(),
          Unexpressed.of(xml, unread));
    }
  }

  /** A permission set group file for import: its members and what a spec drops. */
  public record PermissionSetGroupFile(
      String label, String description, List<String> permissionSets, List<String> unexpressed) {

    /** Reads {@code text}. */
    public static PermissionSetGroupFile read(String text) throws MetadataException {
      PermissionSetGroupXml xml = MetadataXml.parse(text, MetadataRoot.PERMISSION_SET_GROUP);
      List<UnknownElement> unread = MetadataXml.unread(text, MetadataRoot.PERMISSION_SET_GROUP);
      return new PermissionSetGroupFile(
          xml.getLabel(),
          xml.getDescription(),
          List.copyOf(xml.getPermissionSets()),
          Unexpressed.of(xml, unread));
    }
  }

  /**
   * A user access policy: its actions and its filters, each as one sorted string (see {@link
   * #read}), and the logic that joins the filters.
   */
  public record UserAccessPolicyFile(
      Set<String> actions, Set<String> filters, String booleanFilter) {

    /**
     * Reads {@code bytes}: each action as "ACTION TYPE TARGET", each filter as "SORT_ORDER TYPE
     * COLUMN OPERATION VALUE TARGET" (an absent part as {@code -}), and the filters' logic as
     * written.
     */
    public static UserAccessPolicyFile read(byte[] bytes) throws MetadataException {
      UserAccessPolicyXml xml = MetadataXml.parse(bytes, MetadataRoot.USER_ACCESS_POLICY);
      Set<String> actions = new TreeSet<>();
      xml.getUserAccessPolicyActions()
          .forEach(a -> actions.add(a.getAction() + " " + a.getType() + " " + a.getTarget()));
      Set<String> filters = new TreeSet<>();
      xml.getUserAccessPolicyFilters()
          .forEach(
              f ->
                  filters.add(
                      filter(
                          f.getSortOrder(),
                          f.getType(),
                          f.getColumnName(),
                          f.getOperation(),
                          f.getValue(),
                          f.getTarget())));
      return new UserAccessPolicyFile(actions, filters, xml.getBooleanFilter());
    }

    /** One filter as {@link #filters} holds it. */
    public static String filter(
        int sortOrder,
        String type,
        String columnName,
        String operation,
        String value,
        String target) {
      return String.join(
          " ",
          String.valueOf(sortOrder),
          part(type),
          part(columnName),
          part(operation),
          part(value),
          part(target));
    }

    private static String part(String value) {
      return value == null ? "-" : value.strip();
    }
  }

  /** An External Client App header file. */
  public record ExternalClientAppFile(String label) {

    /** Reads {@code bytes}. */
    public static ExternalClientAppFile read(byte[] bytes) throws MetadataException {
      ExternalClientApplicationXml xml =
          MetadataXml.parse(bytes, MetadataRoot.EXTERNAL_CLIENT_APPLICATION);
      return new ExternalClientAppFile(xml.getLabel());
    }
  }

  /** An External Client App's OAuth settings: the app and its comma-separated scopes. */
  public record OAuthSettingsFile(String app, String scopes) {

    /** Reads {@code bytes}. */
    public static OAuthSettingsFile read(byte[] bytes) throws MetadataException {
      ExtlClntAppOauthSettingsXml xml = MetadataXml.parse(bytes, MetadataRoot.ECA_OAUTH_SETTINGS);
      return new OAuthSettingsFile(
          xml.getExternalClientApplication(), xml.getCommaSeparatedOauthScopes());
    }
  }

  /**
   * An External Client App's global OAuth settings: whether it holds a consumer key or secret, and
   * which flows are on ({@code otherFlow}: any but client credentials).
   */
  public record GlobalOAuthSettingsFile(
      boolean holdsSecret,
      String app,
      String certificate,
      boolean clientCredentials,
      boolean otherFlow) {

    /** Reads {@code bytes}. */
    public static GlobalOAuthSettingsFile read(byte[] bytes) throws MetadataException {
      ExtlClntAppGlobalOauthSettingsXml xml =
          MetadataXml.parse(bytes, MetadataRoot.ECA_GLOBAL_OAUTH_SETTINGS);
      boolean otherFlow = false;
      for (Boolean other :
          new Boolean[] {
            xml.isIsCodeCredFlowEnabled(),
            xml.isIsDeviceFlowEnabled(),
            xml.isIsTokenExchangeEnabled()
          }) {
        otherFlow |= Boolean.TRUE.equals(other);
      }
      return new GlobalOAuthSettingsFile(
          xml.getConsumerKey() != null || xml.getConsumerSecret() != null,
          xml.getExternalClientApplication(),
          xml.getCertificate(),
          Boolean.TRUE.equals(xml.isIsClientCredentialsFlowEnabled()),
          otherFlow);
    }
  }

  /** An External Client App's configurable OAuth policies. */
  public record OAuthPoliciesFile(
      String app,
      String permittedUsers,
      String permissionSets,
      String profiles,
      String runAsUser,
      boolean clientCredentials,
      String ipRelaxation,
      boolean guestCodeFlow,
      boolean tokenExchangeFlow,
      String customScopes,
      String apexHandler) {

    /** Reads {@code bytes}. */
    public static OAuthPoliciesFile read(byte[] bytes) throws MetadataException {
      ExtlClntAppOauthConfigurablePoliciesXml xml =
          MetadataXml.parse(bytes, MetadataRoot.ECA_OAUTH_POLICIES);
      return new OAuthPoliciesFile(
          xml.getExternalClientApplication(),
          xml.getPermittedUsersPolicyType(),
          xml.getCommaSeparatedPermissionSet(),
          xml.getCommaSeparatedProfile(),
          xml.getClientCredentialsFlowUser(),
          Boolean.TRUE.equals(xml.isIsClientCredentialsFlowEnabled()),
          xml.getIpRelaxationPolicyType(),
          Boolean.TRUE.equals(xml.isIsGuestCodeCredFlowEnabled()),
          Boolean.TRUE.equals(xml.isIsTokenExchangeFlowEnabled()),
          xml.getCommaSeparatedCustomScopes(),
          xml.getApexHandler());
    }
  }

  /** A {@code package.xml}: the members it lists per type name, in the order written. */
  public record Manifest(Map<String, List<String>> members) {

    /** Reads {@code bytes}. */
    public static Manifest read(byte[] bytes) throws MetadataException {
      PackageXml xml = MetadataXml.parse(bytes, MetadataRoot.PACKAGE);
      Map<String, List<String>> members = new LinkedHashMap<>();
      for (PackageTypeMembersXml types : xml.getTypes()) {
        members.computeIfAbsent(types.getName(), t -> new ArrayList<>()).addAll(types.getMembers());
      }
      return new Manifest(members);
    }
  }
}
