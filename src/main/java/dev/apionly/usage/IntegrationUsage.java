package dev.apionly.usage;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One integration against the logs: its user, what the logs can tell about it, its calls, the
 * grants it did not use and the access it used without a grant; {@code unmapped} counts calls by
 * operation that apionly cannot tie to a verb.
 */
public record IntegrationUsage(
    String name,
    String username,
    String specFile,
    Evidence evidence,
    long calls,
    long withoutObject,
    List<UnusedAccess> unused,
    List<UngrantedAccess> ungranted,
    long unmapped,
    Map<String, Long> unmappedOperations) {

  public IntegrationUsage {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(evidence, "evidence");
    username = username == null ? "" : username;
    specFile = specFile == null ? "" : specFile;
    unused = List.copyOf(unused);
    ungranted = List.copyOf(ungranted);
    unmappedOperations = java.util.Collections.unmodifiableMap(new TreeMap<>(unmappedOperations));
  }

  public boolean hasUser() {
    return !username.isEmpty();
  }
}
