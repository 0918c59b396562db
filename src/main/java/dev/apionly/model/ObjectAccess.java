package dev.apionly.model;

import java.util.Collections;
import java.util.EnumSet;
import java.util.Objects;
import java.util.Set;

/** The record access one permission set grants (or a muting set removes) on one object. */
public record ObjectAccess(String object, Set<ObjectVerb> verbs)
    implements Comparable<ObjectAccess> {

  public ObjectAccess {
    Objects.requireNonNull(object, "object");
    // in the verbs' own order, so that a message naming them reads the same on every run
    verbs = verbs.isEmpty() ? Set.of() : Collections.unmodifiableSet(EnumSet.copyOf(verbs));
  }

  public boolean has(ObjectVerb verb) {
    return verbs.contains(verb);
  }

  public boolean allowCreate() {
    return has(ObjectVerb.CREATE);
  }

  public boolean allowDelete() {
    return has(ObjectVerb.DELETE);
  }

  public boolean allowEdit() {
    return has(ObjectVerb.EDIT);
  }

  public boolean allowRead() {
    return has(ObjectVerb.READ);
  }

  public boolean modifyAllRecords() {
    return has(ObjectVerb.MODIFY_ALL);
  }

  public boolean viewAllRecords() {
    return has(ObjectVerb.VIEW_ALL);
  }

  /** Big objects ({@code __b}) have no edit verb. */
  public static boolean isBigObject(String object) {
    return object.endsWith("__b");
  }

  @Override
  public int compareTo(ObjectAccess other) {
    return object.compareTo(other.object);
  }
}
