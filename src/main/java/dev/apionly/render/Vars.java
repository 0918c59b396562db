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

  private Vars() {}

  /** {@code permissionset-meta.xml.vm}. */
  public record PermissionSetVars(PermissionSet set) implements TemplateVars {
    @Override
    public String template() {
      return "permissionset-meta.xml.vm";
    }
  }

  /** {@code mutingpermissionset-meta.xml.vm}. */
  public record MutingPermissionSetVars(PermissionSet set) implements TemplateVars {
    @Override
    public String template() {
      return "mutingpermissionset-meta.xml.vm";
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
      return "permissionsetgroup-meta.xml.vm";
    }
  }

  /** {@code useraccesspolicy-meta.xml.vm}. */
  public record UserAccessPolicyVars(
      Integration integration, IntegrationUser user, String licence, String group)
      implements TemplateVars {
    @Override
    public String template() {
      return "useraccesspolicy-meta.xml.vm";
    }
  }

  /** {@code user-def.json.vm}. */
  public record UserDefinitionVars(IntegrationUser user) implements TemplateVars {
    @Override
    public String template() {
      return "user-def.json.vm";
    }
  }

  /** {@code provision.apex.vm}. */
  public record ProvisionScriptVars(
      Integration integration, IntegrationUser user, String licence, String group)
      implements TemplateVars {
    @Override
    public String template() {
      return "provision.apex.vm";
    }
  }

  /** {@code eca-meta.xml.vm}. */
  public record ExternalClientAppVars(OAuthClient client) implements TemplateVars {
    @Override
    public String template() {
      return "eca-meta.xml.vm";
    }
  }

  /** {@code ecaOauth-meta.xml.vm}. */
  public record EcaOauthSettingsVars(OAuthClient client) implements TemplateVars {
    @Override
    public String template() {
      return "ecaOauth-meta.xml.vm";
    }
  }

  /** {@code ecaGlblOauth-meta.xml.vm}. */
  public record EcaGlobalOauthSettingsVars(OAuthClient client) implements TemplateVars {
    @Override
    public String template() {
      return "ecaGlblOauth-meta.xml.vm";
    }
  }

  /** {@code ecaOauthPlcy-meta.xml.vm}. */
  public record EcaOauthPoliciesVars(OAuthClient client) implements TemplateVars {
    @Override
    public String template() {
      return "ecaOauthPlcy-meta.xml.vm";
    }
  }

  /** {@code package.xml.vm}. */
  public record PackageVars(List<Type> types, String apiVersion) implements TemplateVars {
    @Override
    public String template() {
      return "package.xml.vm";
    }

    /** One metadata type and its members, sorted. */
    public record Type(String name, List<String> members) {}
  }
}
