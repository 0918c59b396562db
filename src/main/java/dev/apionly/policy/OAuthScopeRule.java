package dev.apionly.policy;

import dev.apionly.model.OAuthFlow;
import dev.apionly.model.OAuthScope;
import dev.apionly.spec.IntegrationSpec;
import dev.apionly.spec.OAuthSpec;
import dev.apionly.spec.Ref;
import java.util.ArrayList;
import java.util.List;

/**
 * Least privilege for an integration's OAuth scopes: warns on {@code full} (everything the user can
 * do, through every channel) and on {@code refresh_token} with client credentials (that flow issues
 * no refresh token, so the scope only widens the app). Each finding carries its {@link Rule}.
 */
public final class OAuthScopeRule {

  private OAuthScopeRule() {}

  /** The findings for the {@code oauth} block of {@code spec}; empty without one. */
  public static List<Finding> check(IntegrationSpec spec) {
    OAuthSpec oauth = spec.oauth();
    List<Finding> findings = new ArrayList<>();
    if (oauth == null) {
      return findings;
    }
    boolean clientCredentials =
        oauth.flow() != null
            && OAuthFlow.fromKey(oauth.flow().value()).orElse(null) == OAuthFlow.CLIENT_CREDENTIALS;
    for (Ref scope : oauth.scopes()) {
      if (scope.value().equals(OAuthScope.FULL.key())) {
        findings.add(
            finding(
                Rule.OAUTH_FULL_SCOPE,
                scope,
                "scope 'full' gives the app everything the integration user can do; an"
                    + " integration reading or writing records needs 'api' only"));
      } else if (clientCredentials && scope.value().equals(OAuthScope.REFRESH_TOKEN.key())) {
        findings.add(
            finding(
                Rule.OAUTH_REFRESH_TOKEN_CLIENT_CREDENTIALS,
                scope,
                "scope 'refresh_token' is never used by the client-credentials flow, which issues"
                    + " no refresh token (the system asks for a new access token instead); remove"
                    + " it"));
      }
    }
    return findings;
  }

  private static Finding finding(Rule rule, Ref scope, String message) {
    return new Finding(rule, rule.level(), scope.location(), message);
  }
}
