package dev.apionly.render;

import dev.apionly.model.FieldAccess;
import dev.apionly.model.Integration;
import dev.apionly.model.IntegrationUser;
import dev.apionly.model.MetadataType;
import dev.apionly.model.OAuthClient;
import dev.apionly.model.PermissionSet;
import dev.apionly.model.PermissionSetGroup;
import dev.apionly.model.Salesforce;
import java.util.List;

/** The typed variables of each template; each record's header comment is in its template. */
public final class Vars {

  static final String USER_DEFINITION = "user-def.json.vm";
  static final String PROVISION_SCRIPT = "provision.apex.vm";
  public static final String PACKAGE_MANIFEST = "package.xml.vm";

  /**
   * The templates a typical integration renders (its permission set, group and user access policy,
   * its user's definition and provisioning script) and the manifest: generate loads them before the
   * first file is rendered, beside the reading of the specs. The rest (muting permission sets,
   * External Client Apps) are parsed when first rendered, so a run without them never pays for
   * them.
   */
  public static final List<String> PRELOADED =
      List.of(
          MetadataType.PERMISSION_SET.template(),
          MetadataType.PERMISSION_SET_GROUP.template(),
          MetadataType.USER_ACCESS_POLICY.template(),
          USER_DEFINITION,
          PROVISION_SCRIPT,
          PACKAGE_MANIFEST);

  private Vars() {}

  /**
   * The variables of the file of {@code type} that {@code integration} has: the one place a
   * registered type meets its vars record.
   */
  static TemplateVars of(MetadataType type, Integration integration) {
    return switch (type) {
      case PERMISSION_SET -> new PermissionSetVars(integration.permissionSet());
      case MUTING_PERMISSION_SET -> new MutingPermissionSetVars(integration.muting().orElseThrow());
      case PERMISSION_SET_GROUP -> new PermissionSetGroupVars(integration.group());
      case USER_ACCESS_POLICY ->
          new UserAccessPolicyVars(
              integration,
              integration.user().orElseThrow(),
              Salesforce.API_INTEGRATION_PSL,
              integration.group().name());
      case EXTERNAL_CLIENT_APP -> new ExternalClientAppVars(integration.oauth().orElseThrow());
      case ECA_OAUTH_SETTINGS -> new EcaOauthSettingsVars(integration.oauth().orElseThrow());
      case ECA_GLOBAL_OAUTH_SETTINGS ->
          new EcaGlobalOauthSettingsVars(integration.oauth().orElseThrow());
      case ECA_OAUTH_POLICIES -> new EcaOauthPoliciesVars(integration.oauth().orElseThrow());
    };
  }

  /** {@code permissionset-meta.xml.vm}. */
  public record PermissionSetVars(PermissionSet set) implements TemplateVars {
    @Override
    public String template() {
      return MetadataType.PERMISSION_SET.template();
    }
  }

  /** {@code mutingpermissionset-meta.xml.vm}. */
  public record MutingPermissionSetVars(PermissionSet set) implements TemplateVars {
    @Override
    public String template() {
      return MetadataType.MUTING_PERMISSION_SET.template();
    }

    /** A muted field listed under read mutes reading; under edit, only editing. */
    public boolean mutesRead(FieldAccess field) {
      return !field.editable();
    }
  }

  /** {@code permissionsetgroup-meta.xml.vm}. */
  public record PermissionSetGroupVars(PermissionSetGroup group) implements TemplateVars {
    @Override
    public String template() {
      return MetadataType.PERMISSION_SET_GROUP.template();
    }
  }

  /** {@code useraccesspolicy-meta.xml.vm}. */
  public record UserAccessPolicyVars(
      Integration integration, IntegrationUser user, String licence, String group)
      implements TemplateVars {
    @Override
    public String template() {
      return MetadataType.USER_ACCESS_POLICY.template();
    }
  }

  /** {@code user-def.json.vm}. */
  public record UserDefinitionVars(IntegrationUser user) implements TemplateVars {
    @Override
    public String template() {
      return USER_DEFINITION;
    }
  }

  /** {@code provision.apex.vm}. */
  public record ProvisionScriptVars(
      Integration integration, IntegrationUser user, String licence, String group)
      implements TemplateVars {
    @Override
    public String template() {
      return PROVISION_SCRIPT;
    }
  }

  /** {@code eca-meta.xml.vm}. */
  public record ExternalClientAppVars(OAuthClient client) implements TemplateVars {
    @Override
    public String template() {
      return MetadataType.EXTERNAL_CLIENT_APP.template();
    }
  }

  /** {@code ecaOauth-meta.xml.vm}. */
  public record EcaOauthSettingsVars(OAuthClient client) implements TemplateVars {
    @Override
    public String template() {
      return MetadataType.ECA_OAUTH_SETTINGS.template();
    }
  }

  /** {@code ecaGlblOauth-meta.xml.vm}. */
  public record EcaGlobalOauthSettingsVars(OAuthClient client) implements TemplateVars {
    @Override
    public String template() {
      return MetadataType.ECA_GLOBAL_OAUTH_SETTINGS.template();
    }
  }

  /** {@code ecaOauthPlcy-meta.xml.vm}. */
  public record EcaOauthPoliciesVars(OAuthClient client) implements TemplateVars {
    @Override
    public String template() {
      return MetadataType.ECA_OAUTH_POLICIES.template();
    }
  }

  /** {@code package.xml.vm}. */
  public record PackageVars(List<Type> types, String apiVersion) implements TemplateVars {
    @Override
    public String template() {
      return PACKAGE_MANIFEST;
    }

    /** One metadata type and its members, sorted. */
    public record Type(String name, List<String> members) {}
  }
}
