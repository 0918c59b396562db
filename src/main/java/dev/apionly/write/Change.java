package dev.apionly.write;

/**
 * One file a run creates, updates or deletes, with its bytes before and after (null if none), and
 * the SHA-256 of each when it is known already (null when not), so no text is hashed twice.
 */
public record Change(
    Kind kind, String path, byte[] before, byte[] after, String beforeSha256, String afterSha256) {

  /** A change whose hashes are worked out when the journal needs them. */
  public Change(Kind kind, String path, byte[] before, byte[] after) {
    this(kind, path, before, after, null, null);
  }

  /** The SHA-256 of the bytes before, as the state file writes it; null when there are none. */
  public String sha256Before() {
    return before == null ? null : beforeSha256 != null ? beforeSha256 : StateFile.sha256(before);
  }

  /** The SHA-256 of the bytes after, as the state file writes it; null when there are none. */
  public String sha256After() {
    return after == null ? null : afterSha256 != null ? afterSha256 : StateFile.sha256(after);
  }

  /** What happens to the file. */
  public enum Kind {
    CREATE("create"),
    UPDATE("update"),
    DELETE("delete");

    private final String word;

    Kind(String word) {
      this.word = word;
    }

    public String word() {
      return word;
    }
  }
}
