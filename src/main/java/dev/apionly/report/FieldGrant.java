package dev.apionly.report;

import java.util.Objects;

/**
 * Field-level security on one field as an integration ends up with it: what it may read or edit,
 * and what its group's muting set took away.
 */
public record FieldGrant(
    String field, boolean read, boolean edit, boolean readMuted, boolean editMuted)
    implements Comparable<FieldGrant> {

  public FieldGrant {
    Objects.requireNonNull(field, "field");
  }

  /** {@code edit}, {@code read}, {@code read (edit muted)} or {@code muted}. */
  public String text() {
    if (edit) {
      return "edit";
    }
    if (read) {
      return editMuted ? "read (edit muted)" : "read";
    }
    return "muted";
  }

  public boolean held() {
    return read || edit;
  }

  @Override
  public int compareTo(FieldGrant other) {
    return field.compareTo(other.field);
  }
}
