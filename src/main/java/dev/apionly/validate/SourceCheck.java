package dev.apionly.validate;

import dev.apionly.diagnostic.Diagnostics;
import dev.apionly.diagnostic.Location;
import dev.apionly.diagnostic.Suggestions;
import dev.apionly.model.GrantType;
import dev.apionly.spec.IntegrationSpec;
import dev.apionly.spec.ObjectSpec;
import dev.apionly.spec.Ref;
import dev.apionly.spec.SpecSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Checks the custom names the specs refer to against the project's own source, offline: a typo such
 * as {@code Prce__c} for {@code Price__c} is found before a deploy fails on it. Names the source
 * cannot know are not checked: standard objects and fields, another namespace's names, and any kind
 * of component the project keeps none of (its classes may live in another repository).
 */
public final class SourceCheck {

  /** How sure a finding is: {@code validate} reports errors, generate and lint warnings. */
  public enum Strictness {
    ERRORS,
    WARNINGS
  }

  /**
   * The separator of namespace, name and suffix, compiled once: a spec names hundreds of fields.
   */
  private static final Pattern DOUBLE_UNDERSCORE = Pattern.compile("__", Pattern.LITERAL);

  private final ProjectSource source;
  private final String namespace;
  private final Diagnostics diagnostics;
  private final Strictness strictness;

  private SourceCheck(
      ProjectSource source, String namespace, Diagnostics diagnostics, Strictness strictness) {
    this.source = source;
    this.namespace = namespace.toLowerCase(Locale.ROOT);
    this.diagnostics = diagnostics;
    this.strictness = strictness;
  }

  /**
   * Adds a diagnostic for each custom name in {@code specs} that {@code source} does not define.
   * {@code namespace}: the project's own namespace prefix (sfdx-project.json), or empty.
   */
  public static void check(
      SpecSet specs,
      ProjectSource source,
      String namespace,
      Diagnostics diagnostics,
      Strictness strictness) {
    SourceCheck check = new SourceCheck(source, namespace, diagnostics, strictness);
    for (SpecSet.LoadedSpec loaded : specs.specs()) {
      IntegrationSpec spec = loaded.spec();
      spec.objects().forEach(check::object);
      if (spec.mute() != null) {
        spec.mute().objects().forEach(check::object);
      }
      for (GrantType kind : GrantType.lists()) {
        spec.list(kind).forEach(name -> check.listed(kind, name));
      }
    }
  }

  private void object(ObjectSpec spec) {
    Ref name = spec.object();
    String local = local(name.value(), true);
    if (local == null) {
      return;
    }
    Optional<ProjectSource.SourceObject> found = source.object(local);
    if (found.isEmpty()) {
      if (local.contains("__") && !source.objectNames().isEmpty()) {
        report(
            name.location(),
            "object '"
                + name.value()
                + "' is not defined in the project's source"
                + Suggestions.didYouMean(local, source.objectNames())
                + "; accepted: the "
                + source.objectNames().size()
                + " objects under "
                + directories()
                + " (or a standard object, or one of another namespace)");
      }
      return;
    }
    ProjectSource.SourceObject object = found.get();
    List<Ref> fields = new ArrayList<>(spec.readFields());
    fields.addAll(spec.editFields());
    for (Ref field : fields) {
      String localField = local(field.value(), true);
      if (localField != null
          && localField.contains("__")
          && !object.fields().isEmpty()
          && !object.fields().containsKey(ProjectSource.key(localField))) {
        report(
            field.location(),
            "field '"
                + field.value()
                + "' is not a field of "
                + object.name()
                + " in the project's source"
                + Suggestions.didYouMean(localField, object.fields().values())
                + "; accepted: the "
                + object.fields().size()
                + (object.fields().size() == 1 ? " field" : " fields")
                + " under "
                + dev.apionly.diagnostic.Paths.display(object.folder().resolve("fields")));
      }
    }
    for (Ref recordType : spec.recordTypes()) {
      if (!object.recordTypes().isEmpty()
          && !object.recordTypes().containsKey(ProjectSource.key(recordType.value()))) {
        report(
            recordType.location(),
            "record type '"
                + recordType.value()
                + "' is not a record type of "
                + object.name()
                + " in the project's source"
                + Suggestions.didYouMean(recordType.value(), object.recordTypes().values())
                + "; accepted: "
                + String.join(", ", object.recordTypes().values()));
      }
    }
  }

  private void listed(GrantType kind, Ref name) {
    Map<String, String> known = source.names(kind);
    String local = local(name.value(), suffixed(kind));
    if (local == null || known.isEmpty() || known.containsKey(ProjectSource.key(local))) {
      return;
    }
    report(
        name.location(),
        kind.noun()
            + " '"
            + name.value()
            + "' is not defined in the project's source"
            + Suggestions.didYouMean(local, known.values())
            + "; accepted: the "
            + known.size()
            + " "
            + kind.noun()
            + (known.size() == 1 ? "" : "s")
            + " under "
            + directories()
            + " (or one of another namespace)");
  }

  /** Custom metadata types and settings carry a suffix, as objects do. */
  private static boolean suffixed(GrantType kind) {
    return kind == GrantType.CUSTOM_METADATA_TYPE || kind == GrantType.CUSTOM_SETTING;
  }

  /**
   * {@code name} without the project's own namespace prefix, or null when it belongs to another
   * namespace (a managed package's): the project's source cannot know it.
   */
  private String local(String name, boolean suffixed) {
    String[] parts = DOUBLE_UNDERSCORE.split(name, -1);
    boolean prefixed = suffixed ? parts.length >= 3 : parts.length >= 2;
    if (!prefixed) {
      return name;
    }
    if (!namespace.isEmpty() && parts[0].toLowerCase(Locale.ROOT).equals(namespace)) {
      return name.substring(parts[0].length() + 2);
    }
    return null;
  }

  private String directories() {
    return String.join(
        ", ", source.directories().stream().map(dev.apionly.diagnostic.Paths::display).toList());
  }

  private void report(Location location, String message) {
    if (strictness == Strictness.ERRORS) {
      diagnostics.error(location, message);
    } else {
      diagnostics.warning(location, message);
    }
  }
}
