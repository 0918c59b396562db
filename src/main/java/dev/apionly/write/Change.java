package dev.apionly.write;

/** One file a run creates, updates or deletes, with its bytes before and after (null if none). */
public record Change(Kind kind, String path, byte[] before, byte[] after) {

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
