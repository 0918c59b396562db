package dev.apionly.model;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** What a permission set may do with the records of one object, in Salesforce's own words. */
public enum ObjectVerb {
  READ("read"),
  CREATE("create"),
  EDIT("edit"),
  DELETE("delete"),
  VIEW_ALL("viewAll"),
  MODIFY_ALL("modifyAll");

  private final String key;

  ObjectVerb(String key) {
    this.key = key;
  }

  /** The spelling used in specs and reports. */
  public String key() {
    return key;
  }

  /** Every spelling a spec accepts, in declaration order. */
  public static List<String> keys() {
    return Arrays.stream(values()).map(ObjectVerb::key).toList();
  }

  public static Optional<ObjectVerb> fromKey(String key) {
    return Arrays.stream(values()).filter(v -> v.key.equals(key)).findFirst();
  }

  /** As {@link #fromKey}, with case aside: how a policy entry such as {@code Case.DELETE} reads. */
  public static Optional<ObjectVerb> fromKeyIgnoringCase(String key) {
    return Arrays.stream(values()).filter(v -> v.key.equalsIgnoreCase(key)).findFirst();
  }

  /**
   * The verbs Salesforce requires alongside this one (a deploy fails otherwise). Big objects have
   * no edit, so there delete and modifyAll do not need it.
   */
  public Set<ObjectVerb> requires(boolean bigObject) {
    EnumSet<ObjectVerb> needed =
        switch (this) {
          case READ -> EnumSet.noneOf(ObjectVerb.class);
          case CREATE, EDIT, VIEW_ALL -> EnumSet.of(READ);
          case DELETE -> EnumSet.of(READ, EDIT);
          case MODIFY_ALL -> EnumSet.of(READ, EDIT, DELETE, VIEW_ALL);
        };
    if (bigObject) {
      needed.remove(EDIT);
    }
    return needed;
  }

  @Override
  public String toString() {
    return key;
  }
}
