package dev.apionly.usage;

/** How much the logs can say about one integration. */
public enum Evidence {
  /** Its user made calls in the window: unused and ungranted access are both known. */
  CALLS("calls"),
  /** Its user is in the org but made no call in the window: every grant went unused. */
  NO_CALLS("no-calls"),
  /** Its spec names a user the user map does not hold: the logs cannot speak for it. */
  USER_NOT_IN_MAP("user-not-in-map"),
  /** Its spec has no user: no call can be tied to it. */
  NO_USER("no-user");

  private final String key;

  Evidence(String key) {
    this.key = key;
  }

  /** The spelling in JSON and reports. */
  public String key() {
    return key;
  }

  /** Whether grants can be called unused on this evidence. */
  public boolean tellsUnused() {
    return this == CALLS || this == NO_CALLS;
  }

  @Override
  public String toString() {
    return key;
  }
}
