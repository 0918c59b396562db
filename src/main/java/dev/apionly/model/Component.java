package dev.apionly.model;

import java.util.Objects;

/** One metadata component: a registered type and a member name. */
public record Component(MetadataType type, String member) implements Comparable<Component> {

  public Component {
    Objects.requireNonNull(type, "type");
    Objects.requireNonNull(member, "member");
  }

  @Override
  public int compareTo(Component other) {
    int byType = type.typeName().compareTo(other.type.typeName());
    return byType != 0 ? byType : member.compareTo(other.member);
  }

  @Override
  public String toString() {
    return type.typeName() + " " + member;
  }
}
