package dev.apionly.usage;

import dev.apionly.model.ObjectVerb;
import java.util.List;
import java.util.Objects;

/**
 * Calls that needed verbs the integration's group does not grant on an object: how many, how many
 * Salesforce refused, and the last one's time (ISO 8601, UTC).
 */
public record UngrantedAccess(
    String object, List<ObjectVerb> verbs, long calls, long denied, String lastSeen) {

  public UngrantedAccess {
    Objects.requireNonNull(object, "object");
    Objects.requireNonNull(lastSeen, "lastSeen");
    verbs = List.copyOf(verbs);
  }

  /** The verbs as their spec spellings. */
  public List<String> verbKeys() {
    return verbs.stream().map(ObjectVerb::key).toList();
  }
}
