package dev.apionly.spec;

import java.util.Objects;

/**
 * An org of the pipeline other than production, from {@code apionly.yaml} {@code environments:}:
 * its name (what {@code APIONLY_ENV} is set to, and the sandbox name the provisioning script looks
 * for) and the suffix its usernames carry; {@code usernameSuffix} is null when not written.
 */
public record EnvironmentSpec(Ref name, Ref usernameSuffix) {

  public EnvironmentSpec {
    Objects.requireNonNull(name, "name");
  }

  /** The suffix written, else Salesforce's sandbox convention: a dot and the sandbox name. */
  public String suffix() {
    return usernameSuffix != null ? usernameSuffix.value() : "." + name.value();
  }
}
