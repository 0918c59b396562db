package dev.apionly.model;

import java.util.Comparator;
import java.util.Objects;

/**
 * One unit of access, flat: {@code OBJECT Account edit}, {@code FIELD Account.Name read}, {@code
 * USER_PERMISSION ViewSetup}. {@code verb} is empty for kinds that are simply on or off. Review,
 * lint and reports compare and rank these. Salesforce compares API names in any letter case, so two
 * grants whose targets differ only in case are the same grant: equal, and ordered as one.
 */
public record Grant(GrantType kind, String target, String verb) implements Comparable<Grant> {

  private static final Comparator<Grant> ORDER =
      Comparator.comparing(Grant::kind)
          .thenComparing(Grant::target, ApiNames::compare)
          .thenComparing(Grant::verb);

  public Grant {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(target, "target");
    verb = verb == null ? "" : verb;
  }

  /** The key used in apionly.yaml levels and messages: {@code Account.edit}, {@code ViewSetup}. */
  public String key() {
    return verb.isEmpty() ? target : target + "." + verb;
  }

  @Override
  public int compareTo(Grant other) {
    return ORDER.compare(this, other);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Grant g
        && kind == g.kind
        && ApiNames.same(target, g.target)
        && verb.equals(g.verb);
  }

  @Override
  public int hashCode() {
    return Objects.hash(kind, ApiNames.hash(target), verb);
  }

  @Override
  public String toString() {
    return kind.noun() + " " + key();
  }
}
