package dev.apionly.metadata;

import dev.apionly.metadata.xml.ExternalClientApplicationXml;
import dev.apionly.metadata.xml.ExtlClntAppGlobalOauthSettingsXml;
import dev.apionly.metadata.xml.ExtlClntAppOauthConfigurablePoliciesXml;
import dev.apionly.metadata.xml.ExtlClntAppOauthSettingsXml;
import dev.apionly.metadata.xml.ObjectFactory;
import dev.apionly.metadata.xml.PackageXml;
import dev.apionly.metadata.xml.PermissionSetGroupXml;
import dev.apionly.metadata.xml.PermissionSetXml;
import dev.apionly.metadata.xml.UserAccessPolicyXml;
import dev.apionly.model.MetadataType;
import jakarta.xml.bind.annotation.XmlElementDecl;
import java.lang.reflect.Method;
import java.util.HashMap;
import java.util.Map;

/**
 * A root element of a metadata file apionly reads, and the class xjc generated for it. The roots
 * are the registered {@link MetadataType}s' and the manifest's ({@code Package}, which lists
 * components and is none); each class is the one xjc's {@code ObjectFactory} declares for the
 * element. Two roots may share a class: a muting permission set holds a permission set's elements.
 */
public final class MetadataRoot<T> {

  /** Each global element's class, as xjc declared it: read once from the factory. */
  private static final Map<String, Class<?>> DECLARED = declared();

  public static final MetadataRoot<PermissionSetXml> PERMISSION_SET =
      of(MetadataType.PERMISSION_SET.rootElement(), PermissionSetXml.class);
  public static final MetadataRoot<PermissionSetXml> MUTING_PERMISSION_SET =
      of(MetadataType.MUTING_PERMISSION_SET.rootElement(), PermissionSetXml.class);
  public static final MetadataRoot<PermissionSetGroupXml> PERMISSION_SET_GROUP =
      of(MetadataType.PERMISSION_SET_GROUP.rootElement(), PermissionSetGroupXml.class);
  public static final MetadataRoot<UserAccessPolicyXml> USER_ACCESS_POLICY =
      of(MetadataType.USER_ACCESS_POLICY.rootElement(), UserAccessPolicyXml.class);
  public static final MetadataRoot<ExternalClientApplicationXml> EXTERNAL_CLIENT_APPLICATION =
      of(MetadataType.EXTERNAL_CLIENT_APP.rootElement(), ExternalClientApplicationXml.class);
  public static final MetadataRoot<ExtlClntAppOauthSettingsXml> ECA_OAUTH_SETTINGS =
      of(MetadataType.ECA_OAUTH_SETTINGS.rootElement(), ExtlClntAppOauthSettingsXml.class);
  public static final MetadataRoot<ExtlClntAppGlobalOauthSettingsXml> ECA_GLOBAL_OAUTH_SETTINGS =
      of(
          MetadataType.ECA_GLOBAL_OAUTH_SETTINGS.rootElement(),
          ExtlClntAppGlobalOauthSettingsXml.class);
  public static final MetadataRoot<ExtlClntAppOauthConfigurablePoliciesXml> ECA_OAUTH_POLICIES =
      of(
          MetadataType.ECA_OAUTH_POLICIES.rootElement(),
          ExtlClntAppOauthConfigurablePoliciesXml.class);

  /** The manifest's root: {@code package.xml} and {@code destructiveChanges.xml}. */
  public static final MetadataRoot<PackageXml> PACKAGE = of("Package", PackageXml.class);

  private final String element;
  private final Class<T> type;

  private MetadataRoot(String element, Class<T> type) {
    this.element = element;
    this.type = type;
  }

  /** The root of {@code type}'s files, read into the class xjc declared for it. */
  static MetadataRoot<?> of(MetadataType type) {
    return new MetadataRoot<>(type.rootElement(), declared(type.rootElement()));
  }

  /** A typed root; the class must be the one xjc declared, so a wrong pairing fails at once. */
  private static <T> MetadataRoot<T> of(String element, Class<T> type) {
    if (declared(element) != type) {
      throw new IllegalStateException(
          element + " is read into " + declared(element) + ", not " + type.getName());
    }
    return new MetadataRoot<>(element, type);
  }

  private static Class<?> declared(String element) {
    Class<?> type = DECLARED.get(element);
    if (type == null) {
      throw new IllegalStateException(
          "the bundled schema declares no root " + element + ": derive it again (TrimmedSchema)");
    }
    return type;
  }

  private static Map<String, Class<?>> declared() {
    Map<String, Class<?>> out = new HashMap<>();
    for (Method method : ObjectFactory.class.getMethods()) {
      XmlElementDecl declaration = method.getAnnotation(XmlElementDecl.class);
      if (declaration != null && method.getParameterCount() == 1) {
        out.put(declaration.name(), method.getParameterTypes()[0]);
      }
    }
    return Map.copyOf(out);
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
