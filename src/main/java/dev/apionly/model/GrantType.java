package dev.apionly.model;

import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * The registry of the kinds of access a permission set can grant, one entry each: where a spec
 * writes it, the PermissionSet element and the name element inside it, its noun, review's key for
 * it, and its built-in risk when that does not depend on the grant. Grants sort in this order, and
 * review lists its areas in it.
 */
public enum GrantType {
  // an object's or a field's level depends on the verb; their grants carry verbs, not names
  OBJECT(
      Shape.OBJECT_VERBS, "objects", "objectPermissions", "object", "object", "object", null, null),
  FIELD(Shape.OBJECT_PART, "fields", "fieldPermissions", "field", "field", "field", null, null),
  RECORD_TYPE(
      Shape.OBJECT_PART,
      "recordTypes",
      "recordTypeVisibilities",
      "recordType",
      "record type",
      "recordType",
      RiskLevel.LOW,
      PermissionSet::recordTypes),
  // Apex and flows may run in system context; a custom permission can bypass validation
  APEX_CLASS(
      Shape.NAME_LIST,
      "apexClasses",
      "classAccesses",
      "apexClass",
      "Apex class",
      "apexClass",
      RiskLevel.MEDIUM,
      PermissionSet::apexClasses),
  APEX_PAGE(
      Shape.NAME_LIST,
      "apexPages",
      "pageAccesses",
      "apexPage",
      "Visualforce page",
      "apexPage",
      RiskLevel.LOW,
      PermissionSet::apexPages),
  FLOW(
      Shape.NAME_LIST,
      "flows",
      "flowAccesses",
      "flow",
      "flow",
      "flow",
      RiskLevel.MEDIUM,
      PermissionSet::flows),
  CUSTOM_PERMISSION(
      Shape.NAME_LIST,
      "customPermissions",
      "customPermissions",
      "name",
      "custom permission",
      "customPermission",
      RiskLevel.MEDIUM,
      PermissionSet::customPermissions),
  CUSTOM_METADATA_TYPE(
      Shape.NAME_LIST,
      "customMetadataTypes",
      "customMetadataTypeAccesses",
      "name",
      "custom metadata type",
      "customMetadataType",
      RiskLevel.LOW,
      PermissionSet::customMetadataTypes),
  CUSTOM_SETTING(
      Shape.NAME_LIST,
      "customSettings",
      "customSettingAccesses",
      "name",
      "custom setting",
      "customSetting",
      RiskLevel.LOW,
      PermissionSet::customSettings),
  EXTERNAL_CREDENTIAL_PRINCIPAL(
      Shape.NAME_LIST,
      "externalCredentialPrincipals",
      "externalCredentialPrincipalAccesses",
      "externalCredentialPrincipal",
      "external credential principal",
      "externalCredentialPrincipal",
      RiskLevel.MEDIUM,
      PermissionSet::externalCredentialPrincipals),
  // a user permission's level is its own, from the catalogue of user permissions
  USER_PERMISSION(
      Shape.USER_PERMISSIONS,
      "userPermissions",
      "userPermissions",
      "name",
      "user permission",
      "userPermission",
      null,
      PermissionSet::userPermissions);

  /** Where a spec writes a grant of a type, and so how the stages read and write it. */
  public enum Shape {
    /** Verbs on one object, under {@code objects.NAME.access}. */
    OBJECT_VERBS,
    /** A part of one object under {@code objects.NAME}: its fields or its record types. */
    OBJECT_PART,
    /** A top-level list of API names, each granted or not. */
    NAME_LIST,
    /** The top-level {@code userPermissions}, each entry with a justification of its own. */
    USER_PERMISSIONS
  }

  /** The plain lists in the order of their spec keys: how specs are written and read. */
  private static final List<GrantType> LISTS =
      Arrays.stream(values())
          .filter(t -> t.shape == Shape.NAME_LIST)
          .sorted(Comparator.comparing(GrantType::specKey))
          .toList();

  private final Shape shape;
  private final String specKey;
  private final String element;
  private final String nameElement;
  private final String noun;
  private final String reviewKey;
  private final RiskLevel risk;
  private final Function<PermissionSet, List<String>> names;

  GrantType(
      Shape shape,
      String specKey,
      String element,
      String nameElement,
      String noun,
      String reviewKey,
      RiskLevel risk,
      Function<PermissionSet, List<String>> names) {
    this.shape = shape;
    this.specKey = specKey;
    this.element = element;
    this.nameElement = nameElement;
    this.noun = noun;
    this.reviewKey = reviewKey;
    this.risk = risk;
    this.names = names;
  }

  public Shape shape() {
    return shape;
  }

  /**
   * The key in a spec, e.g. {@code apexClasses}; within an object for {@link Shape#OBJECT_PART}.
   */
  public String specKey() {
    return specKey;
  }

  /** The PermissionSet element, e.g. {@code classAccesses}. */
  public String element() {
    return element;
  }

  /** The element inside it that holds the name, e.g. {@code apexClass}. */
  public String nameElement() {
    return nameElement;
  }

  /** What one grant is called in messages, e.g. "Apex class". */
  public String noun() {
    return noun;
  }

  /** The spelling in review's JSON, e.g. {@code apexClass}. */
  public String reviewKey() {
    return reviewKey;
  }

  /** The built-in level of every grant of this type, unless it depends on the grant. */
  public Optional<RiskLevel> risk() {
    return Optional.ofNullable(risk);
  }

  /** True for objects and fields, whose grants carry verbs; every other grant is on or off. */
  public boolean hasVerbs() {
    return names == null;
  }

  /**
   * The names of this type {@code set} grants.
   *
   * @throws IllegalStateException for a type whose grants carry verbs (objects, fields)
   */
  public List<String> names(PermissionSet set) {
    if (names == null) {
      throw new IllegalStateException(this + " grants carry verbs; read them from the set");
    }
    return names.apply(set);
  }

  /** The plain lists of API names, in the order of their spec keys. */
  public static List<GrantType> lists() {
    return LISTS;
  }
}
