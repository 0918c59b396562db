package dev.apionly.metadata;

import dev.apionly.metadata.xml.ExternalClientApplicationXml;
import dev.apionly.metadata.xml.ExtlClntAppGlobalOauthSettingsXml;
import dev.apionly.metadata.xml.ExtlClntAppOauthConfigurablePoliciesXml;
import dev.apionly.metadata.xml.ExtlClntAppOauthSettingsXml;
import dev.apionly.metadata.xml.PackageXml;
import dev.apionly.metadata.xml.PermissionSetGroupXml;
import dev.apionly.metadata.xml.PermissionSetXml;
import dev.apionly.metadata.xml.UserAccessPolicyXml;
import java.util.List;

/**
 * A root element of a metadata file apionly reads, and the class xjc generated for its type. Two
 * roots may share a type: a muting permission set holds the elements of a permission set.
 */
public final class MetadataRoot<T> {

  public static final MetadataRoot<PermissionSetXml> PERMISSION_SET =
      new MetadataRoot<>("PermissionSet", PermissionSetXml.class);
  public static final MetadataRoot<PermissionSetXml> MUTING_PERMISSION_SET =
      new MetadataRoot<>("MutingPermissionSet", PermissionSetXml.class);
  public static final MetadataRoot<PermissionSetGroupXml> PERMISSION_SET_GROUP =
      new MetadataRoot<>("PermissionSetGroup", PermissionSetGroupXml.class);
  public static final MetadataRoot<UserAccessPolicyXml> USER_ACCESS_POLICY =
      new MetadataRoot<>("UserAccessPolicy", UserAccessPolicyXml.class);
  public static final MetadataRoot<ExternalClientApplicationXml> EXTERNAL_CLIENT_APPLICATION =
      new MetadataRoot<>("ExternalClientApplication", ExternalClientApplicationXml.class);
  public static final MetadataRoot<ExtlClntAppOauthSettingsXml> ECA_OAUTH_SETTINGS =
      new MetadataRoot<>("ExtlClntAppOauthSettings", ExtlClntAppOauthSettingsXml.class);
  public static final MetadataRoot<ExtlClntAppGlobalOauthSettingsXml> ECA_GLOBAL_OAUTH_SETTINGS =
      new MetadataRoot<>("ExtlClntAppGlobalOauthSettings", ExtlClntAppGlobalOauthSettingsXml.class);
  public static final MetadataRoot<ExtlClntAppOauthConfigurablePoliciesXml> ECA_OAUTH_POLICIES =
      new MetadataRoot<>(
          "ExtlClntAppOauthConfigurablePolicies", ExtlClntAppOauthConfigurablePoliciesXml.class);
  public static final MetadataRoot<PackageXml> PACKAGE =
      new MetadataRoot<>("Package", PackageXml.class);

  /** Every root, hence every class the reader's JAXB context is built from. */
  static final List<MetadataRoot<?>> ALL =
      List.of(
          PERMISSION_SET,
          MUTING_PERMISSION_SET,
          PERMISSION_SET_GROUP,
          USER_ACCESS_POLICY,
          EXTERNAL_CLIENT_APPLICATION,
          ECA_OAUTH_SETTINGS,
          ECA_GLOBAL_OAUTH_SETTINGS,
          ECA_OAUTH_POLICIES,
          PACKAGE);

  private final String element;
  private final Class<T> type;

  private MetadataRoot(String element, Class<T> type) {
    this.element = element;
    this.type = type;
  }

  /** The root element's local name, in {@link MetadataXml#NAMESPACE}. */
  public String element() {
    return element;
  }

  /** The class the file is read into. */
  public Class<T> type() {
    return type;
  }

  @Override
  public String toString() {
    return element;
  }
}
