package dev.apionly.spec;

import dev.apionly.diagnostic.Location;
import java.util.List;

/**
 * The {@code user:} block of a spec; optional keys are null when not written. {@code environments}
 * holds the usernames written for environments whose usernames follow no suffix rule.
 */
public record UserSpec(
    Location location,
    Ref username,
    Ref email,
    Ref lastName,
    Ref alias,
    Ref timeZone,
    Ref locale,
    Ref language,
    Ref emailEncoding,
    List<EnvironmentUsername> environments) {

  public UserSpec {
    environments = List.copyOf(environments);
  }

  /** {@code user.environments.NAME.username}: the environment's name as written, and the name. */
  public record EnvironmentUsername(Ref environment, Ref username) {}
}
