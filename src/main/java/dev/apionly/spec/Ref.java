package dev.apionly.spec;

import dev.apionly.diagnostic.Location;
import java.util.Objects;

/** A text value from a spec and where it was written. */
public record Ref(String value, Location location) {

  public Ref {
    Objects.requireNonNull(value, "value");
    Objects.requireNonNull(location, "location");
  }

  @Override
  public String toString() {
    return value;
  }
}
