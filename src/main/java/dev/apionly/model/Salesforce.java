package dev.apionly.model;

/**
 * Names and limits Salesforce fixes for API-only integration users (docs/design.md, "Salesforce
 * facts").
 */
public final class Salesforce {

  /** DeveloperName of the "Salesforce API Integration" permission set licence. */
  public static final String API_INTEGRATION_PSL = "SalesforceAPIIntegrationPsl";

  /** The profile of the "Salesforce Integration" user licence. */
  public static final String API_ONLY_PROFILE = "Minimum Access - API Only Integrations";

  /** The user licence that profile belongs to. */
  public static final String INTEGRATION_USER_LICENSE = "Salesforce Integration";

  /** The first API version with UserAccessPolicy. */
  public static final int USER_ACCESS_POLICY_MIN_API = 57;

  /** The first API version whose External Client Apps take a certificate and client credentials. */
  public static final int EXTERNAL_CLIENT_APP_OAUTH_MIN_API = 60;

  /** Longest username, email address and last name of a user. */
  public static final int MAX_USERNAME = 80;

  public static final int MAX_EMAIL = 80;
  public static final int MAX_LAST_NAME = 80;

  /** Longest user alias. */
  public static final int MAX_ALIAS = 8;

  private Salesforce() {}
}
