package dev.apionly.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/** Flat grants and a group's effective access: its sets, less what its muting set mutes. */
class GrantsTest {

  private static PermissionSet set(
      List<ObjectAccess> objects, List<FieldAccess> fields, List<String> permissions) {
    return new PermissionSet(
        "S",
        "S",
        null,
        null,
        objects,
        fields,
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        permissions);
  }

  private static Set<String> keys(SortedSet<Grant> grants) {
    return grants.stream().map(Grant::key).collect(Collectors.toCollection(java.util.TreeSet::new));
  }

  /** Verbs keep their own order, so what names them (a verification error) reads the same. */
  @Test
  void anObjectsVerbsAreInTheirOwnOrder() {
    ObjectAccess access =
        new ObjectAccess(
            "Account",
            Set.of(ObjectVerb.DELETE, ObjectVerb.READ, ObjectVerb.VIEW_ALL, ObjectVerb.EDIT));
    assertEquals(
        List.of(ObjectVerb.READ, ObjectVerb.EDIT, ObjectVerb.DELETE, ObjectVerb.VIEW_ALL),
        List.copyOf(access.verbs()));
    assertEquals(
        "ObjectAccess[object=Account, verbs=[read, edit, delete, viewAll]]", access.toString());
    assertEquals(access, new ObjectAccess("Account", EnumSet.copyOf(access.verbs())));
  }

  @Test
  void fieldEditIsAlsoARead() {
    PermissionSet set = set(List.of(), List.of(new FieldAccess("Account.Name", true)), List.of());
    assertEquals(Set.of("Account.Name.read", "Account.Name.edit"), keys(Grants.of(set)));
  }

  /** Salesforce reads ACCOUNT, account and Account as one object: so does muting. */
  @Test
  void mutingInAnotherLetterCaseMutesTheSameObjectAndItsFields() {
    PermissionSet granted =
        set(
            List.of(new ObjectAccess("Account", EnumSet.of(ObjectVerb.READ))),
            List.of(new FieldAccess("Account.Name", false)),
            List.of("viewsetup"));
    PermissionSet muting =
        set(
            List.of(new ObjectAccess("ACCOUNT", EnumSet.of(ObjectVerb.READ))),
            List.of(),
            List.of("ViewSetup"));
    assertEquals(Set.of(), keys(Grants.effective(List.of(granted), List.of(muting))));
    assertEquals(
        new Grant(GrantType.OBJECT, "account", "read"),
        new Grant(GrantType.OBJECT, "ACCOUNT", "read"));
    assertEquals(
        new Grant(GrantType.OBJECT, "account", "read").hashCode(),
        new Grant(GrantType.OBJECT, "ACCOUNT", "read").hashCode());
  }

  @Test
  void mutingReadTakesEverythingThatNeedsItWithIt() {
    PermissionSet granted =
        set(
            List.of(
                new ObjectAccess(
                    "Account", EnumSet.of(ObjectVerb.READ, ObjectVerb.EDIT, ObjectVerb.DELETE)),
                new ObjectAccess("Case", EnumSet.of(ObjectVerb.READ))),
            List.of(new FieldAccess("Account.Name", true), new FieldAccess("Case.Subject", false)),
            List.of("ViewSetup", "RunFlow"));
    PermissionSet muting =
        set(
            List.of(new ObjectAccess("Account", EnumSet.of(ObjectVerb.READ))),
            List.of(),
            List.of("ViewSetup"));
    assertEquals(
        Set.of("Case.read", "Case.Subject.read", "RunFlow"),
        keys(Grants.effective(List.of(granted), List.of(muting))));
  }

  @Test
  void mutingEditKeepsRead() {
    PermissionSet granted =
        set(
            List.of(
                new ObjectAccess(
                    "Account", EnumSet.of(ObjectVerb.READ, ObjectVerb.EDIT, ObjectVerb.DELETE))),
            List.of(new FieldAccess("Account.Name", true)),
            List.of());
    PermissionSet muting =
        set(
            List.of(new ObjectAccess("Account", EnumSet.of(ObjectVerb.EDIT))),
            List.of(new FieldAccess("Account.Name", true)),
            List.of());
    assertEquals(
        Set.of("Account.read", "Account.Name.read"),
        keys(Grants.effective(List.of(granted), List.of(muting))));
  }
}
