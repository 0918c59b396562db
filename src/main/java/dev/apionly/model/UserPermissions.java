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
 * with others ({@code user-permission-dependencies.txt}: the known part of the org's {@code
 * PermissionDependency} list, each pair with its evidence). Salesforce ignores case in API names,
 * so every look-up here does too.
 */
public final class UserPermissions {

  private static final SortedMap<String, RiskLevel> CATALOGUE = read();

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

  /**
   * The permissions {@code permission} needs directly and Salesforce enforces; empty when none is
   * known. Pairs kept as advice are not among them.
   */
  public static List<String> requires(String permission) {
    return REQUIRES.getOrDefault(permission, List.of());
  }

  /** Every known pair, enforced or advice, with its evidence, in the order of the list. */
  public static List<Dependency> dependencies() {
    return DEPENDENCIES;
  }

  /**
   * A pair of the dependency list: Salesforce enables {@code permission} only with {@code requires}
   * when {@code enforced}; otherwise the pair is advice that real metadata contradicts.
   */
  public record Dependency(
      String permission, String requires, boolean enforced, Evidence evidence) {

    public Dependency {
      if (enforced == (evidence.kind() == EvidenceKind.CONTRADICTED)) {
        throw new IllegalArgumentException(
            permission
                + " -> "
                + requires
                + ": enforced pairs need evidence for them, advice"
                + " pairs the contradiction");
      }
    }
  }

  /** What a dependency rests on, and where it is written down. */
  public record Evidence(EvidenceKind kind, String text) {}

  /** How strong the evidence of a dependency is, strongest first. */
  public enum EvidenceKind {
    /** Salesforce's documentation states the pair. */
    DOCUMENTED,
    /** A published description of Salesforce's permission states it. */
    REPORTED,
    /** Real retrieved permission sets hold the pair together and none holds one alone. */
    OBSERVED,
    /** No public source found; no real retrieved set contradicts it. */
    UNVERIFIED,
    /** Real retrieved permission sets hold the first without the second. */
    CONTRADICTED;

    /** The spelling in the dependency list and in the README. */
    public String key() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }

  private static final List<Dependency> DEPENDENCIES = readDependencies();

  private static final Map<String, List<String>> REQUIRES = enforced(DEPENDENCIES);

  private static Map<String, List<String>> enforced(List<Dependency> dependencies) {
    TreeMap<String, List<String>> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (Dependency dependency : dependencies) {
      if (dependency.enforced()) {
        out.computeIfAbsent(dependency.permission(), k -> new java.util.ArrayList<>())
            .add(dependency.requires());
      }
    }
    out.replaceAll((k, v) -> List.copyOf(v));
    return Collections.unmodifiableMap(out);
  }

  private static List<Dependency> readDependencies() {
    List<Dependency> out = new java.util.ArrayList<>();
    for (String line : lines("user-permission-dependencies.txt")) {
      String[] parts = line.split("\t", -1);
      if (parts.length != 4 || !parts[3].contains(": ")) {
        throw new IllegalStateException("bad dependency line " + line);
      }
      String kind = parts[3].substring(0, parts[3].indexOf(": "));
      Evidence evidence =
          new Evidence(
              java.util.Arrays.stream(EvidenceKind.values())
                  .filter(k -> k.key().equals(kind))
                  .findFirst()
                  .orElseThrow(() -> new IllegalStateException("bad evidence kind " + line)),
              parts[3].substring(kind.length() + 2));
      if (!parts[2].equals("enforced") && !parts[2].equals("advice")) {
        throw new IllegalStateException("bad dependency status " + line);
      }
      for (String name : List.of(parts[0], parts[1])) {
        if (!canonical(name).equals(Optional.of(name))) {
          throw new IllegalStateException("dependency names an unknown permission: " + line);
        }
      }
      out.add(new Dependency(parts[0], parts[1], parts[2].equals("enforced"), evidence));
    }
    return List.copyOf(out);
  }

  /** The lines of a list beside this class, without comments and blank lines. */
  private static List<String> lines(String resource) {
    try (InputStream in = UserPermissions.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException(resource + " missing from the jar");
      }
      return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
          .lines()
          .filter(l -> !l.isBlank() && !l.startsWith("#"))
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static SortedMap<String, RiskLevel> read() {
    SortedMap<String, RiskLevel> out = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    for (String line : lines("user-permissions.txt")) {
      String[] parts = line.strip().split("\\s+");
      RiskLevel level =
          RiskLevel.fromKey(parts.length == 2 ? parts[1] : "")
              .orElseThrow(() -> new IllegalStateException("bad catalogue line " + line));
      if (out.put(parts[0], level) != null) {
        throw new IllegalStateException("catalogue line repeats a name: " + line);
      }
    }
    return out;
  }
}
