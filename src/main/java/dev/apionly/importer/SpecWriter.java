package dev.apionly.importer;

import dev.apionly.model.FieldAccess;
import dev.apionly.model.Grant;
import dev.apionly.model.GrantType;
import dev.apionly.model.ObjectAccess;
import dev.apionly.model.ObjectVerb;
import dev.apionly.model.PermissionSet;
import java.util.Collection;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * Writes an {@link ImportedSpec} as spec format v1 YAML: a header comment saying where it came from
 * and what it could not hold, then every grant, sorted, so the same file always gives the same
 * text.
 */
final class SpecWriter {

  /** The owner every imported spec starts with; a person must put a real one in. */
  static final String OWNER_PLACEHOLDER = "TODO-owner@example.invalid";

  private final StringBuilder out = new StringBuilder();

  private SpecWriter() {}

  /** The text of the spec file for {@code spec}. */
  static String text(ImportedSpec spec, String sourceShown) {
    return new SpecWriter().write(spec, sourceShown);
  }

  /** The text of an {@code apionly.yaml} allowing exactly {@code critical}. */
  static String config(Collection<String> critical, List<String> sources) {
    SpecWriter writer = new SpecWriter();
    writer.line("# Written by 'apionly import': the critical grants the imported permission sets");
    writer.line("# hold, allowed so the imported specs generate as they are. Remove each one the");
    writer.line("# integrations do not need; generate then refuses specs that still grant it.");
    for (String source : sources) {
      writer.line("# Imported: " + YamlText.comment(source));
    }
    writer.line("policy:");
    writer.line("  allowCritical:");
    new TreeSet<>(critical).forEach(name -> writer.line("    - " + YamlText.name(name)));
    return writer.out.toString();
  }

  private String write(ImportedSpec spec, String sourceShown) {
    line("# Imported by 'apionly import' from " + YamlText.comment(sourceShown) + ".");
    line(
        "# Review before generating: set the owner, and replace each \"Imported from ...: review\"");
    line("# justification with the reason this integration needs the grant.");
    if (spec.group()) {
      line("# From a permission set group: the group's sets are under 'include'; the spec's own");
      line("# permission set grants nothing until you add grants here.");
    }
    if (!spec.notImported().isEmpty()) {
      line("# Not imported as written (a spec for an API-only user cannot express it):");
      spec.notImported().forEach(n -> line("#   - " + YamlText.comment(n)));
    }
    line("name: " + YamlText.name(spec.name()));
    if (spec.label() != null) {
      line("label: " + YamlText.quoted(spec.label()));
    }
    if (spec.description() != null) {
      line("description: " + YamlText.quoted(spec.description()));
    }
    line("owner: " + OWNER_PLACEHOLDER + "  # replace: who answers for this access");
    objects(spec);
    for (GrantType list : GrantType.lists()) {
      names(spec, list);
    }
    userPermissions(spec);
    if (!spec.include().isEmpty()) {
      line("include:");
      spec.include().forEach(i -> line("  - " + YamlText.name(i)));
    }
    return out.toString();
  }

  /** Every object the set touches: with access, or with field permissions or record types only. */
  private void objects(ImportedSpec spec) {
    PermissionSet set = spec.grants();
    Map<String, ObjectEntry> objects = new TreeMap<>();
    for (ObjectAccess object : set.objects()) {
      entry(objects, object.object()).verbs.addAll(object.verbs());
    }
    for (FieldAccess field : set.fields()) {
      ObjectEntry entry = entry(objects, field.object());
      String name = field.field().substring(field.object().length() + 1);
      (field.editable() ? entry.edit : entry.read).add(name);
    }
    for (String recordType : set.recordTypes()) {
      int dot = recordType.indexOf('.');
      entry(objects, recordType.substring(0, dot)).recordTypes.add(recordType.substring(dot + 1));
    }
    if (objects.isEmpty()) {
      return;
    }
    line("objects:");
    for (Map.Entry<String, ObjectEntry> object : objects.entrySet()) {
      ObjectEntry entry = object.getValue();
      line("  " + YamlText.name(object.getKey()) + ":");
      if (entry.verbs.isEmpty()) {
        line("    access: []  # none in the original: field permissions or record types only");
      } else {
        line(
            "    access: ["
                + String.join(", ", entry.verbs.stream().map(ObjectVerb::key).toList())
                + "]");
      }
      if (!entry.read.isEmpty() || !entry.edit.isEmpty()) {
        line("    fields:");
        block("      read:", "        - ", entry.read);
        block("      edit:", "        - ", entry.edit);
      }
      block("    recordTypes:", "      - ", entry.recordTypes);
      if (spec.riskyOn(object.getKey())) {
        line("    justification: " + YamlText.quoted(spec.justification()));
      }
    }
  }

  private void names(ImportedSpec spec, GrantType list) {
    List<String> names = list.names(spec.grants());
    if (names.isEmpty()) {
      return;
    }
    line(list.specKey() + ":");
    for (String name : names) {
      boolean risky = spec.isRisky(new Grant(list, name, ""));
      // a spec has no justification key for these: the review note goes into a comment
      line(
          "  - "
              + YamlText.name(name)
              + (risky ? "  # risky: " + YamlText.comment(spec.justification()) : ""));
    }
  }

  private void userPermissions(ImportedSpec spec) {
    List<String> permissions = spec.grants().userPermissions();
    if (permissions.isEmpty()) {
      return;
    }
    line("userPermissions:");
    for (String permission : permissions) {
      String uiOnly =
          spec.uiOnly().contains(permission) ? "  # UI-only: no effect for an API-only user" : "";
      if (spec.isRisky(new Grant(GrantType.USER_PERMISSION, permission, ""))) {
        line("  - name: " + YamlText.name(permission) + uiOnly);
        line("    justification: " + YamlText.quoted(spec.justification()));
      } else {
        line("  - " + YamlText.name(permission) + uiOnly);
      }
    }
  }

  private void block(String key, String indent, SortedSet<String> items) {
    if (items.isEmpty()) {
      return;
    }
    line(key);
    items.forEach(item -> line(indent + YamlText.name(item)));
  }

  private void line(String text) {
    out.append(text).append('\n');
  }

  private static ObjectEntry entry(Map<String, ObjectEntry> objects, String object) {
    return objects.computeIfAbsent(object, o -> new ObjectEntry());
  }

  /** What one object collects while the spec is written. */
  private static final class ObjectEntry {
    final Set<ObjectVerb> verbs = EnumSet.noneOf(ObjectVerb.class);
    final SortedSet<String> read = new TreeSet<>();
    final SortedSet<String> edit = new TreeSet<>();
    final SortedSet<String> recordTypes = new TreeSet<>();
  }
}
