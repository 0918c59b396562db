package dev.apionly.policy;

import dev.apionly.diagnostic.Diagnostic;
import dev.apionly.diagnostic.Location;
import dev.apionly.diagnostic.Severity;
import java.util.Objects;

/** One rule hit: which rule, how serious, where in which spec, and what to do. */
public record Finding(Rule rule, Severity level, Location location, String message) {

  public Finding {
    Objects.requireNonNull(rule, "rule");
    Objects.requireNonNull(level, "level");
    Objects.requireNonNull(location, "location");
    Objects.requireNonNull(message, "message");
  }

  public boolean isError() {
    return level == Severity.ERROR;
  }

  /** The finding as a compiler-style diagnostic, its rule id at the end. */
  public Diagnostic diagnostic() {
    return new Diagnostic(level, location, message + " [" + rule.id() + "]", true);
  }
}
