package dev.apionly.spec;

import dev.apionly.model.ObjectVerb;
import java.util.List;
import java.util.Map;

/**
 * One entry of {@code objects:} (or of {@code mute.objects:}): the verbs as written, each with its
 * position, the fields and record types, and the justification if any.
 */
public record ObjectSpec(
    Ref object,
    Map<ObjectVerb, Ref> access,
    List<Ref> readFields,
    List<Ref> editFields,
    List<Ref> recordTypes,
    Ref justification) {

  public ObjectSpec {
    access = java.util.Collections.unmodifiableMap(new java.util.EnumMap<>(access));
    if (access.isEmpty()) {
      access = Map.of();
    }
    readFields = List.copyOf(readFields);
    editFields = List.copyOf(editFields);
    recordTypes = List.copyOf(recordTypes);
  }
}
