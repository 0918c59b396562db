package dev.apionly.review;

import dev.apionly.model.GrantType;
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

  /**
   * What part of an integration changed: a type of grant (one area per {@link GrantType}, in its
   * order), or one of the integration's other settings, after them.
   */
  public static final class Area implements Comparable<Area> {

    private static final List<Area> GRANTS =
        java.util.Arrays.stream(GrantType.values())
            .map(t -> new Area(t.reviewKey(), t.noun(), t.ordinal()))
            .toList();

    public static final Area GROUP_MEMBERSHIP =
        setting(0, "groupMembership", "permission set in group");
    public static final Area MUTING = setting(1, "muting", "muted");
    public static final Area USER = setting(2, "user", "user");
    public static final Area OAUTH = setting(3, "oauth", "OAuth");
    public static final Area INTEGRATION = setting(4, "integration", "integration");

    private final String key;
    private final String noun;
    private final int rank;

    private Area(String key, String noun, int rank) {
      this.key = key;
      this.noun = noun;
      this.rank = rank;
    }

    private static Area setting(int index, String key, String noun) {
      return new Area(key, noun, GrantType.values().length + index);
    }

    /** The spelling in JSON. */
    public String key() {
      return key;
    }

    /** How the area is called in Markdown. */
    public String noun() {
      return noun;
    }

    /** The area of one type of grant. */
    public static Area of(GrantType type) {
      return GRANTS.get(type.ordinal());
    }

    @Override
    public int compareTo(Area other) {
      return Integer.compare(rank, other.rank);
    }

    @Override
    public String toString() {
      return key;
    }
  }
}
