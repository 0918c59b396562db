package dev.apionly.validate;

import dev.apionly.diagnostic.Diagnostics;
import dev.apionly.diagnostic.Suggestions;
import dev.apionly.model.ObjectVerb;
import dev.apionly.spec.ObjectSpec;
import dev.apionly.spec.Ref;
import dev.apionly.spec.SpecSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every object, field and record type the specs name, checked against an org's describe snapshot:
 * it exists (or the nearest name is suggested), field-level security can be set on it, and the
 * describing user can do what the spec grants.
 */
public final class OrgSchemaCheck {

  private OrgSchemaCheck() {}

  /** Adds a diagnostic per problem in {@code specs} against {@code schema}. */
  public static void check(SpecSet specs, OrgSchema schema, Diagnostics diagnostics) {
    for (SpecSet.LoadedSpec loaded : specs.specs()) {
      List<ObjectSpec> objects = new ArrayList<>(loaded.spec().objects());
      if (loaded.spec().mute() != null) {
        objects.addAll(loaded.spec().mute().objects());
      }
      for (ObjectSpec object : objects) {
        check(object, schema, diagnostics);
      }
    }
  }

  private static void check(ObjectSpec object, OrgSchema schema, Diagnostics diagnostics) {
    Ref name = object.object();
    OrgSchema.SObject described = schema.objects().get(name.value());
    if (described == null) {
      diagnostics.error(
          name.location(),
          "object '"
              + name.value()
              + "' is not in the org schema"
              + Suggestions.didYouMean(name.value(), schema.objects().keySet())
              + "; if it exists, capture it with 'sf sobject describe --sobject "
              + name.value()
              + " --json'");
      return;
    }
    for (Map.Entry<ObjectVerb, Ref> verb : object.access().entrySet()) {
      boolean allowed =
          switch (verb.getKey()) {
            case READ, VIEW_ALL -> described.queryable();
            case CREATE -> described.createable();
            case EDIT, MODIFY_ALL -> described.updateable();
            case DELETE -> described.deletable();
          };
      if (!allowed) {
        diagnostics.warning(
            verb.getValue().location(),
            "the org schema says "
                + name.value()
                + " is not "
                + capability(verb.getKey())
                + " for the user who described it: the integration's licence or profile may not"
                + " reach it");
      }
    }
    for (Ref field : concat(object.readFields(), object.editFields())) {
      OrgSchema.Field describedField = described.fields().get(field.value());
      if (describedField == null) {
        diagnostics.error(
            field.location(),
            "field '"
                + name.value()
                + "."
                + field.value()
                + "' is not in the org schema"
                + Suggestions.didYouMean(field.value(), described.fields().keySet()));
      } else if (describedField.required()) {
        diagnostics.error(
            field.location(),
            "field '"
                + name.value()
                + "."
                + field.value()
                + "' is required, so every user already reads and edits it: a field permission on"
                + " it fails the deploy; remove it from the spec");
      } else if (!describedField.permissionable()) {
        diagnostics.error(
            field.location(),
            "field '"
                + name.value()
                + "."
                + field.value()
                + "' takes no field-level security (not permissionable): a field permission on it"
                + " fails the deploy; remove it from the spec");
      }
    }
    for (Ref recordType : object.recordTypes()) {
      if (!described.recordTypes().contains(recordType.value())) {
        diagnostics.error(
            recordType.location(),
            "record type '"
                + recordType.value()
                + "' is not an active record type of "
                + name.value()
                + " in the org schema"
                + Suggestions.didYouMean(recordType.value(), described.recordTypes())
                + (described.recordTypes().isEmpty()
                    ? ""
                    : "; it has: " + String.join(", ", described.recordTypes())));
      }
    }
  }

  private static String capability(ObjectVerb verb) {
    return switch (verb) {
      case READ, VIEW_ALL -> "queryable";
      case CREATE -> "createable";
      case EDIT, MODIFY_ALL -> "updateable";
      case DELETE -> "deletable";
    };
  }

  private static List<Ref> concat(List<Ref> a, List<Ref> b) {
    List<Ref> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }
}
