package dev.apionly.review;

import dev.apionly.model.GrantKind;
import dev.apionly.model.RiskLevel;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;

/**
 * One change to an integration's access: what ({@code area} and {@code target}), how ({@code
 * action}, with the values {@code before} and {@code after}), how risky, and why the spec says it
 * is needed. {@code widens} is true when the change gives access the integration did not have.
 */
public record AccessChange(
    Area area,
    Action action,
    String target,
    List<String> before,
    List<String> after,
    RiskLevel risk,
    boolean widens,
    String justification) {

  /** Riskiest first; at one level, what widens access before what narrows it. */
  public static final Comparator<AccessChange> ORDER =
      Comparator.comparing(AccessChange::risk)
          .reversed()
          .thenComparing(AccessChange::widens, Comparator.reverseOrder())
          .thenComparing(AccessChange::area)
          .thenComparing(AccessChange::target)
          .thenComparing(AccessChange::action);

  public AccessChange {
    Objects.requireNonNull(area, "area");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(target, "target");
    Objects.requireNonNull(risk, "risk");
    before = List.copyOf(before);
    after = List.copyOf(after);
  }

  /** Whether something was added, removed or changed. */
  public enum Action {
    ADDED,
    REMOVED,
    CHANGED;

    public String key() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  /** What part of an integration changed: a kind of grant, or one of its other settings. */
  public enum Area {
    OBJECT("object", "object"),
    FIELD("field", "field"),
    RECORD_TYPE("recordType", "record type"),
    APEX_CLASS("apexClass", "Apex class"),
    APEX_PAGE("apexPage", "Visualforce page"),
    FLOW("flow", "flow"),
    CUSTOM_PERMISSION("customPermission", "custom permission"),
    CUSTOM_METADATA_TYPE("customMetadataType", "custom metadata type"),
    CUSTOM_SETTING("customSetting", "custom setting"),
    EXTERNAL_CREDENTIAL_PRINCIPAL("externalCredentialPrincipal", "external credential principal"),
    USER_PERMISSION("userPermission", "user permission"),
    GROUP_MEMBERSHIP("groupMembership", "permission set in group"),
    MUTING("muting", "muted"),
    USER("user", "user"),
    OAUTH("oauth", "OAuth"),
    INTEGRATION("integration", "integration");

    private final String key;
    private final String noun;

    Area(String key, String noun) {
      this.key = key;
      this.noun = noun;
    }

    /** The spelling in JSON. */
    public String key() {
      return key;
    }

    /** How the area is called in Markdown. */
    public String noun() {
      return noun;
    }

    /** The area of one kind of grant. */
    public static Area of(GrantKind kind) {
      return switch (kind) {
        case OBJECT -> OBJECT;
        case FIELD -> FIELD;
        case RECORD_TYPE -> RECORD_TYPE;
        case APEX_CLASS -> APEX_CLASS;
        case APEX_PAGE -> APEX_PAGE;
        case FLOW -> FLOW;
        case CUSTOM_PERMISSION -> CUSTOM_PERMISSION;
        case CUSTOM_METADATA_TYPE -> CUSTOM_METADATA_TYPE;
        case CUSTOM_SETTING -> CUSTOM_SETTING;
        case EXTERNAL_CREDENTIAL_PRINCIPAL -> EXTERNAL_CREDENTIAL_PRINCIPAL;
        case USER_PERMISSION -> USER_PERMISSION;
      };
    }
  }
}
