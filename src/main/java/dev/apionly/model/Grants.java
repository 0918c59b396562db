package dev.apionly.model;

import java.util.ArrayList;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;

/** A permission set's access as a sorted set of flat {@link Grant}s, and back again. */
public final class Grants {

  private Grants() {}

  /** Every grant of {@code set}; field edit is one grant "edit", field read-only is "read". */
  public static SortedSet<Grant> of(PermissionSet set) {
    SortedSet<Grant> out = new TreeSet<>();
    for (ObjectAccess object : set.objects()) {
      object.verbs().forEach(v -> out.add(new Grant(GrantType.OBJECT, object.object(), v.key())));
    }
    for (FieldAccess field : set.fields()) {
      out.add(new Grant(GrantType.FIELD, field.field(), "read"));
      if (field.editable()) {
        out.add(new Grant(GrantType.FIELD, field.field(), "edit"));
      }
    }
    for (GrantType type : GrantType.values()) {
      if (!type.hasVerbs()) {
        type.names(set).forEach(n -> out.add(new Grant(type, n, "")));
      }
    }
    return out;
  }

  /**
   * What a group grants: the union of its sets, less what its muting sets mute. Muting a verb also
   * mutes the verbs that need it (no edit without read); muting a field's read mutes its edit;
   * muting an object's read mutes every field of it.
   */
  public static SortedSet<Grant> effective(List<PermissionSet> sets, List<PermissionSet> mutings) {
    SortedSet<Grant> granted = new TreeSet<>();
    sets.forEach(s -> granted.addAll(of(s)));
    return effective(granted, mutings);
  }

  /** What {@code granted}, the union of a group's sets, leaves after {@code mutings}. */
  public static SortedSet<Grant> effective(SortedSet<Grant> union, List<PermissionSet> mutings) {
    SortedSet<Grant> granted = new TreeSet<>(union);
    SortedSet<Grant> muted = new TreeSet<>();
    for (PermissionSet muting : mutings) {
      muted.addAll(muted(muting));
    }
    granted.removeAll(muted);
    // no field of an object whose read is muted can be read or edited
    for (Grant mute : muted) {
      if (mute.kind() == GrantType.OBJECT && mute.verb().equals(ObjectVerb.READ.key())) {
        granted.removeIf(
            g ->
                g.kind() == GrantType.FIELD
                    && ApiNames.startsWith(g.target(), mute.target() + "."));
      }
    }
    return granted;
  }

  /** The grants a muting set takes away, dependents included. */
  public static SortedSet<Grant> muted(PermissionSet muting) {
    SortedSet<Grant> out = new TreeSet<>();
    for (ObjectAccess object : muting.objects()) {
      boolean big = ObjectAccess.isBigObject(object.object());
      for (ObjectVerb verb : ObjectVerb.values()) {
        boolean dependsOnMuted =
            object.verbs().contains(verb)
                || verb.requires(big).stream().anyMatch(object.verbs()::contains);
        if (dependsOnMuted) {
          out.add(new Grant(GrantType.OBJECT, object.object(), verb.key()));
        }
      }
    }
    for (FieldAccess field : muting.fields()) {
      // in a muting set, editable=false means "reading is muted", which takes editing with it
      out.add(new Grant(GrantType.FIELD, field.field(), "edit"));
      if (!field.editable()) {
        out.add(new Grant(GrantType.FIELD, field.field(), "read"));
      }
    }
    muting.userPermissions().forEach(p -> out.add(new Grant(GrantType.USER_PERMISSION, p, "")));
    List<Grant> others = new ArrayList<>(of(muting));
    others.removeIf(g -> g.kind() == GrantType.OBJECT || g.kind() == GrantType.FIELD);
    out.addAll(others);
    return out;
  }
}
