package dev.apionly.report;

import dev.apionly.model.RiskLevel;
import java.util.List;
import java.util.Objects;

/**
 * One grant other than object and field access (a user permission, an Apex class, a flow, …) with
 * its risk level, its justification (empty when the spec gives none) and where it comes from.
 */
public record GrantLine(
    String kind,
    String name,
    RiskLevel level,
    String justification,
    boolean muted,
    List<String> from) {

  public GrantLine {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(level, "level");
    justification = justification == null ? "" : justification;
    from = List.copyOf(from);
  }

  /** The level a reader should see: none once muted. */
  public String riskKey() {
    return muted ? "none" : level.key();
  }
}
