package dev.apionly.model;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** How much harm a grant can do in the wrong hands, lowest first. */
public enum RiskLevel {
  LOW,
  MEDIUM,
  HIGH,
  CRITICAL;

  /** The spelling in specs, apionly.yaml and reports. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static List<String> keys() {
    return Arrays.stream(values()).map(RiskLevel::key).toList();
  }

  public static Optional<RiskLevel> fromKey(String key) {
    return Arrays.stream(values()).filter(l -> l.key().equals(key)).findFirst();
  }

  public boolean atLeast(RiskLevel other) {
    return compareTo(other) >= 0;
  }

  @Override
  public String toString() {
    return key();
  }
}
