package dev.apionly.model;

import java.util.Objects;

/**
 * One metadata component: a registered type and a member name. Salesforce compares API names in any
 * letter case, so two components that differ only in the case of their member are the same
 * component: equal, and ordered as one.
 */
public record Component(MetadataType type, String member) implements Comparable<Component> {

  public Component {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(member, "member");
  }

  @Override
  public int compareTo(Component other) {
    int byType = type.typeName().compareTo(other.type.typeName());
    return byType != 0 ? byType : ApiNames.compare(member, other.member);
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Component c && type == c.type && ApiNames.same(member, c.member);
  }

  @Override
  public int hashCode() {
    return Objects.hash(type, ApiNames.hash(member));
  }

  @Override
  public String toString() {
    return type.typeName() + " " + member;
  }
}
