package dev.apionly.model;

import java.util.Arrays;
import java.util.List;

/**
 * The grants that are a plain list of API names, each enabled or not: one spec key, one permission
 * set element, one name element.
 */
public enum AccessList {
  APEX_CLASSES("apexClasses", "classAccesses", "apexClass", "Apex class"),
  APEX_PAGES("apexPages", "pageAccesses", "apexPage", "Visualforce page"),
  CUSTOM_METADATA_TYPES(
      "customMetadataTypes", "customMetadataTypeAccesses", "name", "custom metadata type"),
  CUSTOM_PERMISSIONS("customPermissions", "customPermissions", "name", "custom permission"),
  CUSTOM_SETTINGS("customSettings", "customSettingAccesses", "name", "custom setting"),
  EXTERNAL_CREDENTIAL_PRINCIPALS(
      "externalCredentialPrincipals",
      "externalCredentialPrincipalAccesses",
      "externalCredentialPrincipal",
      "external credential principal"),
  FLOWS("flows", "flowAccesses", "flow", "flow");

  private final String specKey;
  private final String element;
  private final String nameElement;
  private final String noun;

  AccessList(String specKey, String element, String nameElement, String noun) {
    this.specKey = specKey;
    this.element = element;
    this.nameElement = nameElement;
    this.noun = noun;
  }

  /** The key in a spec, e.g. {@code apexClasses}. */
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

  /** What one entry is called in messages, e.g. "Apex class". */
  public String noun() {
    return noun;
  }

  public static List<String> specKeys() {
    return Arrays.stream(values()).map(AccessList::specKey).toList();
  }

  /** The names of this kind a permission set grants. */
  public List<String> of(PermissionSet set) {
    return switch (this) {
      case APEX_CLASSES -> set.apexClasses();
      case APEX_PAGES -> set.apexPages();
      case CUSTOM_METADATA_TYPES -> set.customMetadataTypes();
      case CUSTOM_PERMISSIONS -> set.customPermissions();
      case CUSTOM_SETTINGS -> set.customSettings();
      case EXTERNAL_CREDENTIAL_PRINCIPALS -> set.externalCredentialPrincipals();
      case FLOWS -> set.flows();
    };
  }
}
