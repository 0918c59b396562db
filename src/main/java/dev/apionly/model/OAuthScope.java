package dev.apionly.model;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The OAuth scopes an API-only integration can need: the scope parameter value Salesforce
 * documents, and the token External Client App metadata writes for it. Scopes for people at a
 * browser (web, openid, visualforce, lightning, …) are left out on purpose.
 */
public enum OAuthScope {
  API("api", "Api"),
  CDP_INGEST_API("cdp_ingest_api", "CDPIngest"),
  CDP_QUERY_API("cdp_query_api", "CDPQuery"),
  CHATTER_API("chatter_api", "Chatter"),
  CUSTOM_PERMISSIONS("custom_permissions", "CustomPermissions"),
  FULL("full", "Full"),
  MCP_API("mcp_api", "MCP"),
  PARDOT_API("pardot_api", "Pardot"),
  REFRESH_TOKEN("refresh_token", "RefreshToken"),
  SFAP_API("sfap_api", "SFAP"),
  WAVE_API("wave_api", "Wave");

  /** Scopes that only make sense for a person using a browser or a mobile app. */
  public static final List<String> INTERACTIVE =
      List.of(
          "web",
          "openid",
          "id",
          "profile",
          "email",
          "address",
          "phone",
          "visualforce",
          "lightning",
          "content",
          "offline_access");

  private final String key;
  private final String token;

  OAuthScope(String key, String token) {
    this.key = key;
    this.token = token;
  }

  /** The scope as OAuth requests name it, and as the spec writes it. */
  public String key() {
    return key;
  }

  /** The value in {@code commaSeparatedOauthScopes}. */
  public String token() {
    return token;
  }

  public static Optional<OAuthScope> fromKey(String key) {
    return Arrays.stream(values()).filter(s -> s.key.equals(key)).findFirst();
  }

  public static Optional<OAuthScope> fromToken(String token) {
    return Arrays.stream(values()).filter(s -> s.token.equals(token)).findFirst();
  }

  public static List<String> keys() {
    return Arrays.stream(values()).map(OAuthScope::key).toList();
  }
}
