package dev.apionly.model;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The Salesforce user permissions apionly knows ({@code user-permissions.txt}: each API name in
 * Salesforce's spelling with its built-in risk level), and those Salesforce enables only together
 * with others (a deploy fails otherwise): the known part of the org's {@code PermissionDependency}
 * list. Salesforce ignores case in API names, so every look-up here does too.
 */
public final class UserPermissions {

  private static final SortedMap<String, RiskLevel> CATALOGUE = read();

  private static final Map<String, List<String>> REQUIRES = requirements();

  private UserPermissions() {}

  /**
   * Every known user permission with its built-in level, keyed case-insensitively: {@code
   * get("modifyalldata")} finds ModifyAllData, and the key set holds Salesforce's spelling.
   */
  public static SortedMap<String, RiskLevel> catalogue() {
    return Collections.unmodifiableSortedMap(CATALOGUE);
  }

  /** Salesforce's own spelling of {@code name} ({@code ModifyAllData} for modifyalldata). */
  public static Optional<String> canonical(String name) {
    if (!CATALOGUE.containsKey(name)) {
      return Optional.empty();
    }
    // the first key not below name in a case-insensitive order is the one equal to it
    return Optional.of(CATALOGUE.tailMap(name).firstKey());
  }

  /** The permissions {@code permission} needs directly; empty when none is known. */
  public static List<String> requires(String permission) {
    return REQUIRES.getOrDefault(permission, List.of());
  }

  private static Map<String, List<String>> requirements() {
    TreeMap<String, List<String>> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    out.put("ManageUsers", List.of("ViewRoles", "ViewSetup"));
    out.put("ViewSetup", List.of("ViewRoles"));
    out.put("EditReports", List.of("RunReports"));
    out.put("ExportReport", List.of("RunReports"));
    out.put("ScheduleReports", List.of("RunReports"));
    out.put("CreateCustomizeReports", List.of("RunReports"));
    out.put("ApiUserOnly", List.of("ApiEnabled"));
    // not ViewEventLogFiles → ApiEnabled: sets retrieved from real orgs hold the one without the
    // other, so Salesforce does not enforce it, and adding ApiEnabled would grant what the org
    // never had
    out.put("ModifyAllData", List.of("ViewAllData"));
    out.put("CustomizeApplication", List.of("ViewSetup"));
    return Collections.unmodifiableMap(out);
  }

  private static SortedMap<String, RiskLevel> read() {
    SortedMap<String, RiskLevel> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    try (InputStream in = UserPermissions.class.getResourceAsStream("user-permissions.txt")) {
      if (in == null) {
        throw new IllegalStateException("user-permissions.txt missing from the jar");
      }
      new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
          .lines()
          .map(String::strip)
          .filter(l -> !l.isEmpty() && !l.startsWith("#"))
          .forEach(
              line -> {
                String[] parts = line.split("\\s+");
                RiskLevel level =
                    RiskLevel.fromKey(parts.length == 2 ? parts[1] : "")
                        .orElseThrow(() -> new IllegalStateException("bad catalogue line " + line));
                if (out.put(parts[0], level) != null) {
                  throw new IllegalStateException("catalogue line repeats a name: " + line);
                }
              });
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }
}
