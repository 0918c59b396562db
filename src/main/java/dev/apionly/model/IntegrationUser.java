package dev.apionly.model;

import java.util.Objects;

/** The API-only user an integration logs in as, with every default already applied. */
public record IntegrationUser(
    String username,
    String email,
    String lastName,
    String alias,
    String timeZone,
    String locale,
    String language,
    String emailEncoding) {

  public IntegrationUser {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(lastName, "lastName");
    Objects.requireNonNull(alias, "alias");
    Objects.requireNonNull(timeZone, "timeZone");
    Objects.requireNonNull(locale, "locale");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(emailEncoding, "emailEncoding");
  }

  /** The profile every integration user gets. */
  public String profileName() {
    return Salesforce.API_ONLY_PROFILE;
  }
}
