package dev.apionly.render;

import dev.apionly.model.FieldAccess;
import dev.apionly.model.Integration;
import dev.apionly.model.IntegrationUser;
import dev.apionly.model.OAuthClient;
import dev.apionly.model.PermissionSet;
import dev.apionly.model.PermissionSetGroup;
import java.util.List;

/** The typed variables of each template; each record's header comment is in its template. */
public final class Vars {

  static final String PERMISSION_SET = "permissionset-meta.xml.vm";
  static final String MUTING_PERMISSION_SET = "mutingpermissionset-meta.xml.vm";
  static final String PERMISSION_SET_GROUP = "permissionsetgroup-meta.xml.vm";
  static final String USER_ACCESS_POLICY = "useraccesspolicy-meta.xml.vm";
  static final String USER_DEFINITION = "user-def.json.vm";
  static final String PROVISION_SCRIPT = "provision.apex.vm";
  static final String EXTERNAL_CLIENT_APP = "eca-meta.xml.vm";
  static final String ECA_OAUTH_SETTINGS = "ecaOauth-meta.xml.vm";
  static final String ECA_GLOBAL_OAUTH_SETTINGS = "ecaGlblOauth-meta.xml.vm";
  static final String ECA_OAUTH_POLICIES = "ecaOauthPlcy-meta.xml.vm";
  static final String PACKAGE_MANIFEST = "package.xml.vm";

  /** Every template generate renders, to load them all before the first file is rendered. */
  public static final List<String> TEMPLATES =
      List.of(
          PERMISSION_SET,
          MUTING_PERMISSION_SET,
          PERMISSION_SET_GROUP,
          USER_ACCESS_POLICY,
          USER_DEFINITION,
          PROVISION_SCRIPT,
          EXTERNAL_CLIENT_APP,
          ECA_OAUTH_SETTINGS,
          ECA_GLOBAL_OAUTH_SETTINGS,
          ECA_OAUTH_POLICIES,
          PACKAGE_MANIFEST);

  private Vars() {}

  /** {@code permissionset-meta.xml.vm}. */
  public record PermissionSetVars(PermissionSet set) implements TemplateVars {
    @Override
    public String template() {
      return PERMISSION_SET;
    }
  }

  /** {@code mutingpermissionset-meta.xml.vm}. */
  public record MutingPermissionSetVars(PermissionSet set) implements TemplateVars {
    @Override
    public String template() {
      return MUTING_PERMISSION_SET;
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
      return PERMISSION_SET_GROUP;
    }
  }

  /** {@code useraccesspolicy-meta.xml.vm}. */
  public record UserAccessPolicyVars(
      Integration integration, IntegrationUser user, String licence, String group)
      implements TemplateVars {
    @Override
    public String template() {
      return USER_ACCESS_POLICY;
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
      return EXTERNAL_CLIENT_APP;
    }
  }

  /** {@code ecaOauth-meta.xml.vm}. */
  public record EcaOauthSettingsVars(OAuthClient client) implements TemplateVars {
    @Override
    public String template() {
      return ECA_OAUTH_SETTINGS;
    }
  }

  /** {@code ecaGlblOauth-meta.xml.vm}. */
  public record EcaGlobalOauthSettingsVars(OAuthClient client) implements TemplateVars {
    @Override
    public String template() {
      return ECA_GLOBAL_OAUTH_SETTINGS;
    }
  }

  /** {@code ecaOauthPlcy-meta.xml.vm}. */
  public record EcaOauthPoliciesVars(OAuthClient client) implements TemplateVars {
    @Override
    public String template() {
      return ECA_OAUTH_POLICIES;
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
