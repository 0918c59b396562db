package dev.apionly.report;

import dev.apionly.model.RiskLevel;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One cell of the matrix: what an integration may do with the records of one object, muted verbs
 * included, with the fields, record types and the spec's justification behind it.
 */
public record ObjectCell(
    String object,
    List<VerbAccess> verbs,
    List<FieldGrant> fields,
    List<String> recordTypes,
    String justification) {

  public ObjectCell {
    Objects.requireNonNull(object, "object");
    verbs = List.copyOf(verbs);
    fields = fields.stream().sorted().toList();
    recordTypes = recordTypes.stream().sorted().toList();
    justification = justification == null ? "" : justification;
  }

  /** The cell of an object the integration has no access to. */
  public static ObjectCell empty(String object) {
    return new ObjectCell(object, List.of(), List.of(), List.of(), "");
  }

  public boolean isEmpty() {
    return verbs.isEmpty() && fields.isEmpty() && recordTypes.isEmpty();
  }

  /** The highest level among held (not muted) verbs and fields; empty when nothing is held. */
  public Optional<RiskLevel> risk() {
    return verbs.stream().filter(v -> !v.muted()).map(VerbAccess::level).max(RiskLevel::compareTo);
  }

  /** The risk level as a CSS class and filter key: {@code low} … {@code critical}, or none. */
  public String riskKey() {
    return risk().map(RiskLevel::key).orElse("none");
  }

  /** Held verbs, space separated, for machines reading the page: {@code read create edit}. */
  public String heldKeys() {
    return keys(false);
  }

  /** Muted verbs, space separated. */
  public String mutedKeys() {
    return keys(true);
  }

  /** Implied verbs (held only because another verb needs them), space separated. */
  public String impliedKeys() {
    return verbs.stream()
        .filter(v -> v.implied() && !v.muted())
        .map(VerbAccess::key)
        .collect(Collectors.joining(" "));
  }

  /**
   * The cell as one line of text for CSV and Markdown: {@code medium: read (implied), create, edit}
   * ; muted verbs follow; empty when there is nothing.
   */
  public String text() {
    if (verbs.isEmpty()) {
      return "";
    }
    String verbsText = verbs.stream().map(VerbAccess::text).collect(Collectors.joining(", "));
    return risk().map(level -> level.key() + ": " + verbsText).orElse(verbsText);
  }

  private String keys(boolean muted) {
    return verbs.stream()
        .filter(v -> v.muted() == muted)
        .map(VerbAccess::key)
        .collect(Collectors.joining(" "));
  }
}
