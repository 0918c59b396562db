package dev.apionly.model;

import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The External Client App an integration logs in with: admin-approved, pre-authorised for the
 * integration's permission set, holding no secret. {@code certificate} (PEM) is set for the JWT
 * bearer flow only; {@code runAsUser} (a username) for the client-credentials flow only.
 */
public record OAuthClient(
    String name,
    String label,
    String description,
    String contactEmail,
    OAuthFlow flow,
    List<OAuthScope> scopes,
    String certificate,
    String runAsUser,
    String permissionSet) {

  public OAuthClient {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(flow, "flow");
    Objects.requireNonNull(permissionSet, "permissionSet");
    scopes = sorted(scopes);
    if ((flow == OAuthFlow.JWT_BEARER) != (certificate != null)) {
      throw new IllegalArgumentException("a certificate belongs to the JWT bearer flow only");
    }
    if ((flow == OAuthFlow.CLIENT_CREDENTIALS) != (runAsUser != null)) {
      throw new IllegalArgumentException("a run-as user belongs to client credentials only");
    }
  }

  /** Salesforce's retrieve names the plugin components after the app, with these suffixes. */
  public String oauthSettingsName() {
    return name + "_oauth";
  }

  public String globalOauthSettingsName() {
    return name + "_glbloauth";
  }

  public String oauthPoliciesName() {
    return name + "_oauthPlcy";
  }

  public boolean clientCredentials() {
    return flow == OAuthFlow.CLIENT_CREDENTIALS;
  }

  /** The scopes as {@code commaSeparatedOauthScopes} writes them, in a fixed order. */
  public String scopeTokens() {
    return String.join(",", scopes.stream().map(OAuthScope::token).toList());
  }

  private static List<OAuthScope> sorted(Collection<OAuthScope> scopes) {
    return scopes.stream().distinct().sorted((a, b) -> a.token().compareTo(b.token())).toList();
  }
}
