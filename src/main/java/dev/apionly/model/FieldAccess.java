package dev.apionly.model;

import java.util.Objects;

/**
 * Field-level security on one field, named {@code Object.Field}. Only readable fields exist in the
 * model: an unreadable field is simply absent, as in Salesforce's retrieve format.
 */
public record FieldAccess(String field, boolean editable) implements Comparable<FieldAccess> {

  public FieldAccess {
    Objects.requireNonNull(field, "field");
    if (field.indexOf('.') < 1) {
      throw new IllegalArgumentException("field must be Object.Field: " + field);
    }
  }

  /** Always true: the model keeps only readable fields. */
  public boolean readable() {
    return true;
  }

  public String object() {
    return field.substring(0, field.indexOf('.'));
  }

  @Override
  public int compareTo(FieldAccess other) {
    return field.compareTo(other.field);
  }
}
