package dev.apionly.model;

/** The kinds of access a permission set can grant, each with its Salesforce noun. */
public enum GrantKind {
  OBJECT("object"),
  FIELD("field"),
  RECORD_TYPE("record type"),
  APEX_CLASS("Apex class"),
  APEX_PAGE("Visualforce page"),
  FLOW("flow"),
  CUSTOM_PERMISSION("custom permission"),
  CUSTOM_METADATA_TYPE("custom metadata type"),
  CUSTOM_SETTING("custom setting"),
  EXTERNAL_CREDENTIAL_PRINCIPAL("external credential principal"),
  USER_PERMISSION("user permission");

  private final String noun;

  GrantKind(String noun) {
    this.noun = noun;
  }

  public String noun() {
    return noun;
  }

  /** The kind of one plain-list grant. */
  public static GrantKind of(AccessList list) {
    return switch (list) {
      case APEX_CLASSES -> APEX_CLASS;
      case APEX_PAGES -> APEX_PAGE;
      case CUSTOM_METADATA_TYPES -> CUSTOM_METADATA_TYPE;
      case CUSTOM_PERMISSIONS -> CUSTOM_PERMISSION;
      case CUSTOM_SETTINGS -> CUSTOM_SETTING;
      case EXTERNAL_CREDENTIAL_PRINCIPALS -> EXTERNAL_CREDENTIAL_PRINCIPAL;
      case FLOWS -> FLOW;
    };
  }
}
