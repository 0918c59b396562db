package dev.apionly.review;

/** A metadata component a change removes from the org: its Metadata API type and member name. */
public record DeletedComponent(String type, String member) implements Comparable<DeletedComponent> {

  @Override
  public int compareTo(DeletedComponent other) {
    int byType = type.compareTo(other.type);
    return byType != 0 ? byType : member.compareTo(other.member);
  }

  @Override
  public String toString() {
    return type + " " + member;
  }
}
