package dev.apionly.validate;

import dev.apionly.diagnostic.Diagnostics;
import dev.apionly.diagnostic.Paths;
import dev.apionly.diagnostic.Suggestions;
import dev.apionly.model.ObjectVerb;
import dev.apionly.spec.IntegrationSpec;
import dev.apionly.spec.ObjectSpec;
import dev.apionly.spec.Ref;
import dev.apionly.spec.SpecSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Checks every object, field and record type the specs name against an {@link OrgSchema}: that it
 * exists (with the nearest name for a typo), that field permissions go only where Salesforce
 * accepts them, and what the describe says the integration cannot reach.
 */
public final class SchemaCheck {

  private final OrgSchema schema;
  private final Diagnostics diagnostics;

  private SchemaCheck(OrgSchema schema, Diagnostics diagnostics) {
    this.schema = schema;
    this.diagnostics = diagnostics;
  }

  /** Adds a diagnostic for each name in {@code specs} that {@code schema} contradicts. */
  public static void check(SpecSet specs, OrgSchema schema, Diagnostics diagnostics) {
    SchemaCheck check = new SchemaCheck(schema, diagnostics);
    for (SpecSet.LoadedSpec loaded : specs.specs()) {
      IntegrationSpec spec = loaded.spec();
      spec.objects().forEach(o -> check.object(o, false));
      if (spec.mute() != null) {
        spec.mute().objects().forEach(o -> check.object(o, true));
      }
    }
  }

  /** Every object the specs name, sorted and each once: what to describe. */
  public static SortedSet<String> objects(SpecSet specs) {
    SortedSet<String> out = new TreeSet<>();
    for (SpecSet.LoadedSpec loaded : specs.specs()) {
      loaded.spec().objects().forEach(o -> out.add(o.object().value()));
      if (loaded.spec().mute() != null) {
        loaded.spec().mute().objects().forEach(o -> out.add(o.object().value()));
      }
    }
    return out;
  }

  private void object(ObjectSpec spec, boolean muting) {
    Ref name = spec.object();
    Optional<OrgSchema.SObject> found = schema.object(name.value());
    if (found.isEmpty()) {
      diagnostics.error(
          name.location(),
          "object '"
              + name.value()
              + "' is not in the org schema"
              + Suggestions.didYouMean(name.value(), schema.objects().keySet())
              + "; accepted: the "
              + schema.objects().size()
              + " objects described in "
              + Paths.display(schema.directory())
              + " (describe it there if the name is right)");
      return;
    }
    OrgSchema.SObject object = found.get();
    caseOf(name, object.name(), "object");
    if (!muting) {
      reach(spec, object);
    }
    List<Ref> fields = new ArrayList<>(spec.readFields());
    fields.addAll(spec.editFields());
    for (Ref field : fields) {
      field(object, field, spec.editFields().contains(field) && !muting);
    }
    for (Ref recordType : spec.recordTypes()) {
      if (object.recordTypes().stream().noneMatch(r -> r.equalsIgnoreCase(recordType.value()))) {
        diagnostics.error(
            recordType.location(),
            "record type '"
                + recordType.value()
                + "' is not a record type of "
                + object.name()
                + Suggestions.didYouMean(recordType.value(), object.recordTypes())
                + "; accepted: "
                + (object.recordTypes().isEmpty()
                    ? "none, the object has no record types"
                    : String.join(", ", object.recordTypes())));
      }
    }
  }

  private void field(OrgSchema.SObject object, Ref name, boolean edit) {
    OrgSchema.Field field = object.fields().get(name.value());
    String qualified = object.name() + "." + name.value();
    if (field == null) {
      diagnostics.error(
          name.location(),
          "field '"
              + name.value()
              + "' is not a field of "
              + object.name()
              + Suggestions.didYouMean(name.value(), object.fields().keySet())
              + "; accepted: the "
              + object.fields().size()
              + " fields in "
              + Paths.display(object.file()));
      return;
    }
    caseOf(name, field.name(), "field");
    if (field.required()) {
      diagnostics.error(
          name.location(),
          qualified
              + " is required (createable, not nillable, no default on create): Salesforce"
              + " refuses field permissions on a required field, which every user can read and"
              + " edit anyway; remove it from the spec");
    } else if (!field.permissionable()) {
      diagnostics.error(
          name.location(),
          "field-level security cannot be set on "
              + qualified
              + " (the describe says permissionable: false); Salesforce refuses the deploy:"
              + " remove it from the spec");
    } else if (edit && !field.createable() && !field.updateable()) {
      diagnostics.warning(
          name.location(),
          qualified
              + " is read-only in the org"
              + (field.calculated() ? " (a formula)" : "")
              + ": edit grants nothing more than read; list it under read");
    }
  }

  /** What the describe says its user cannot do with the object's records. */
  private void reach(ObjectSpec spec, OrgSchema.SObject object) {
    for (Map.Entry<ObjectVerb, Ref> verb : spec.access().entrySet()) {
      Boolean allowed =
          switch (verb.getKey()) {
            case READ, VIEW_ALL -> object.queryable();
            case CREATE -> object.createable();
            case EDIT, MODIFY_ALL -> object.updateable();
            case DELETE -> object.deletable();
          };
      if (Boolean.FALSE.equals(allowed)) {
        diagnostics.warning(
            verb.getValue().location(),
            "the describe of "
                + object.name()
                + " says its records are not "
                + switch (verb.getKey()) {
                  case READ, VIEW_ALL -> "queryable";
                  case CREATE -> "createable";
                  case EDIT, MODIFY_ALL -> "updateable";
                  case DELETE -> "deletable";
                }
                + " for the user who ran it: an object outside the Salesforce Integration"
                + " licence stays out of reach whatever the permission set grants");
      }
    }
  }

  private void caseOf(Ref written, String actual, String noun) {
    if (!written.value().equals(actual)) {
      diagnostics.warning(
          written.location(),
          noun
              + " '"
              + written.value()
              + "' is spelt '"
              + actual
              + "' in the org; Salesforce ignores case, but write it as the org does so generated"
              + " files match retrieved ones");
    }
  }
}
