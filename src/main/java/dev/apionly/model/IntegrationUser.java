package dev.apionly.model;

import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * The API-only user an integration logs in as, with every default already applied. {@code username}
 * is production's; {@code environments} the usernames in the other orgs, by name.
 */
public record IntegrationUser(
    String username,
    String email,
    String lastName,
    String alias,
    String timeZone,
    String locale,
    String language,
    String emailEncoding,
    List<EnvironmentUsername> environments) {

  public IntegrationUser {
    Objects.requireNonNull(username, "username");
    Objects.requireNonNull(email, "email");
    Objects.requireNonNull(lastName, "lastName");
    Objects.requireNonNull(alias, "alias");
    Objects.requireNonNull(timeZone, "timeZone");
    Objects.requireNonNull(locale, "locale");
    Objects.requireNonNull(language, "language");
    Objects.requireNonNull(emailEncoding, "emailEncoding");
    environments =
        environments.stream()
            .sorted(Comparator.comparing(EnvironmentUsername::environment))
            .toList();
  }

  /** A user of one org only, production. */
  public IntegrationUser(
      String username,
      String email,
      String lastName,
      String alias,
      String timeZone,
      String locale,
      String language,
      String emailEncoding) {
    this(username, email, lastName, alias, timeZone, locale, language, emailEncoding, List.of());
  }

  /** The profile every integration user gets. */
  public String profileName() {
    return Salesforce.API_ONLY_PROFILE;
  }
}
