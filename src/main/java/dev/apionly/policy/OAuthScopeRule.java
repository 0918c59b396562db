package dev.apionly.policy;

import dev.apionly.diagnostic.Diagnostic;
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
 * no refresh token, so the scope only widens the app). Each message ends with its rule id in
 * brackets, e.g. {@code [oauth-full-scope]}.
 */
public final class OAuthScopeRule {

  /** {@code full} requested, in any flow. */
  public static final String FULL_SCOPE = "oauth-full-scope";

  /** {@code refresh_token} requested with the client-credentials flow. */
  public static final String REFRESH_TOKEN_CLIENT_CREDENTIALS =
      "oauth-refresh-token-client-credentials";

  private OAuthScopeRule() {}

  /** The warnings for the {@code oauth} block of {@code spec}; empty without one. */
  public static List<Diagnostic> check(IntegrationSpec spec) {
    OAuthSpec oauth = spec.oauth();
    List<Diagnostic> findings = new ArrayList<>();
    if (oauth == null) {
      return findings;
    }
    boolean clientCredentials =
        oauth.flow() != null
            && OAuthFlow.fromKey(oauth.flow().value()).orElse(null) == OAuthFlow.CLIENT_CREDENTIALS;
    for (Ref scope : oauth.scopes()) {
      if (scope.value().equals(OAuthScope.FULL.key())) {
        findings.add(
            Diagnostic.warning(
                scope.location(),
                "scope 'full' gives the app everything the integration user can do; an"
                    + " integration reading or writing records needs 'api' only ["
                    + FULL_SCOPE
                    + "]"));
      } else if (clientCredentials && scope.value().equals(OAuthScope.REFRESH_TOKEN.key())) {
        findings.add(
            Diagnostic.warning(
                scope.location(),
                "scope 'refresh_token' is never used by the client-credentials flow, which issues"
                    + " no refresh token (the system asks for a new access token instead); remove"
                    + " it ["
                    + REFRESH_TOKEN_CLIENT_CREDENTIALS
                    + "]"));
      }
    }
    return findings;
  }
}
