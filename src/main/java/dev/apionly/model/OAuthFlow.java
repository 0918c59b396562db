package dev.apionly.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/** How an integration logs in: the OAuth 2.0 flows an API-only integration user can use. */
public enum OAuthFlow {
  /** The system signs a JWT with its private key; Salesforce checks it with the certificate. */
  JWT_BEARER("jwt-bearer"),
  /** The system sends the consumer key and secret; tokens are issued for a run-as user. */
  CLIENT_CREDENTIALS("client-credentials");

  private final String key;

  OAuthFlow(String key) {
    this.key = key;
  }

  /** The spec's word for the flow. */
  public String key() {
    return key;
  }

  public static Optional<OAuthFlow> fromKey(String key) {
    return Arrays.stream(values()).filter(f -> f.key.equals(key)).findFirst();
  }

  public static List<String> keys() {
    return Arrays.stream(values()).map(OAuthFlow::key).toList();
  }
}
