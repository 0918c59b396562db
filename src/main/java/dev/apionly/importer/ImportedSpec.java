package dev.apionly.importer;

import dev.apionly.model.Grant;
import dev.apionly.model.PermissionSet;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One permission set (or group) as import will write it: its grants exactly, the sets a group
 * includes, what a spec cannot express, and which grants are risky enough to need a review.
 *
 * @param source the file it came from
 * @param group true for a permission set group, whose own set grants nothing
 * @param label null when the file has none
 * @param description null when the file has none
 * @param notImported one line per element the spec cannot express, for the spec's header
 * @param uiOnly user permissions kept although they do nothing for an API-only user
 * @param risky grants at high or critical risk, each justified as imported
 * @param justification the text every risky grant gets: {@code Imported from FILE: review}
 */
record ImportedSpec(
    Path source,
    boolean group,
    String name,
    String label,
    String description,
    PermissionSet grants,
    List<String> include,
    List<String> notImported,
    SortedSet<String> uiOnly,
    SortedSet<Grant> risky,
    String justification) {

  ImportedSpec {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(grants, "grants");
    include = include.stream().distinct().sorted().toList();
    notImported = List.copyOf(notImported);
    uiOnly = new TreeSet<>(uiOnly);
    risky = new TreeSet<>(risky);
  }

  /** True when a grant on {@code object} itself, one of its fields or record types is risky. */
  boolean riskyOn(String object) {
    return risky.stream()
        .anyMatch(g -> g.target().equals(object) || g.target().startsWith(object + "."));
  }

  /** True when {@code grant} is risky. */
  boolean isRisky(Grant grant) {
    return risky.contains(grant);
  }
}
