package dev.apionly.report;

import dev.apionly.model.ObjectVerb;
import dev.apionly.model.RiskLevel;
import java.util.List;
import java.util.Objects;

/**
 * One object verb an integration holds or had muted: whether it was only implied by another verb,
 * its risk level, and the permission sets it comes from.
 */
public record VerbAccess(
    ObjectVerb verb, boolean implied, boolean muted, RiskLevel level, List<String> from) {

  public VerbAccess {
    Objects.requireNonNull(verb, "verb");
    Objects.requireNonNull(level, "level");
    from = List.copyOf(from);
  }

  public String key() {
    return verb.key();
  }

  /** The letter(s) shown in a matrix cell: R, C, E, D, VA, MA. */
  public String abbreviation() {
    return switch (verb) {
      case READ -> "R";
      case CREATE -> "C";
      case EDIT -> "E";
      case DELETE -> "D";
      case VIEW_ALL -> "VA";
      case MODIFY_ALL -> "MA";
    };
  }

  /** The verb as text, with what sets it apart: {@code read (implied)}, {@code edit (muted)}. */
  public String text() {
    return verb.key() + (muted ? " (muted)" : implied ? " (implied)" : "");
  }

  /** A one-line explanation for a tooltip: level and source. */
  public String description() {
    return text() + ", " + level.key() + " risk, from " + String.join(", ", from);
  }
}
