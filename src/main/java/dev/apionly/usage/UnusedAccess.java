package dev.apionly.usage;

import dev.apionly.model.ObjectVerb;
import java.util.List;
import java.util.Objects;

/**
 * Verbs an integration holds on an object but did not use in the window; {@code whole} when no call
 * needed the object at all (its fields and record types go unused with it), {@code sets} the
 * permission sets of the group that grant them.
 */
public record UnusedAccess(
    String object, List<ObjectVerb> verbs, boolean whole, List<String> sets) {

  public UnusedAccess {
    Objects.requireNonNull(object, "object");
    verbs = List.copyOf(verbs);
    sets = List.copyOf(sets);
  }

  /** The verbs as their spec spellings. */
  public List<String> verbKeys() {
    return verbs.stream().map(ObjectVerb::key).toList();
  }
}
