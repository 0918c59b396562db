package dev.apionly.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The user-permission pairs apionly makes implied, and one it must not. */
class UserPermissionsRequiresTest {

  @Test
  void modifyAllDataNeedsViewAllData() {
    assertEquals(List.of("ViewAllData"), UserPermissions.requires("modifyalldata"));
  }

  /**
   * Real retrieved sets hold ViewEventLogFiles without ApiEnabled: not a pair Salesforce enforces,
   * kept as advice with the contradiction as its evidence.
   */
  @Test
  void viewEventLogFilesNeedsNothing() {
    assertEquals(List.of(), UserPermissions.requires("ViewEventLogFiles"));
    UserPermissions.Dependency pair =
        UserPermissions.dependencies().stream()
            .filter(d -> d.permission().equals("ViewEventLogFiles"))
            .findFirst()
            .orElseThrow();
    assertFalse(pair.enforced());
    assertEquals(UserPermissions.EvidenceKind.CONTRADICTED, pair.evidence().kind());
  }

  /** Every pair says what it rests on; a named source is a page a reader can open. */
  @Test
  void everyPairCarriesItsEvidence() {
    assertTrue(UserPermissions.dependencies().size() >= 9);
    for (UserPermissions.Dependency pair : UserPermissions.dependencies()) {
      String text = pair.evidence().text();
      assertFalse(text.isBlank(), pair.toString());
      switch (pair.evidence().kind()) {
        case DOCUMENTED, REPORTED -> assertTrue(text.contains("https://"), pair.toString());
        default -> {}
      }
      if (pair.enforced()) {
        assertTrue(
            UserPermissions.requires(pair.permission().toUpperCase(java.util.Locale.ROOT))
                .contains(pair.requires()),
            pair.toString());
      }
    }
  }

  @Test
  void anAdviceOrContradictedPairCannotBeEnforced() {
    UserPermissions.Evidence against =
        new UserPermissions.Evidence(UserPermissions.EvidenceKind.CONTRADICTED, "seen apart");
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class,
        () -> new UserPermissions.Dependency("A", "B", true, against));
  }

  /** The README's table of pairs is this list, row for row. */
  @Test
  void theReadmeTablesEveryPair() {
    String readme =
        dev.apionly.TestFiles.read(dev.apionly.TestFiles.repository().resolve("README.md"));
    List<String> rows =
        readme
            .lines()
            .filter(
                l ->
                    l.startsWith("| `")
                        && l.contains("` | `")
                        && (l.contains(" | added | ") || l.contains(" | advice ")))
            .toList();
    List<String> expected =
        UserPermissions.dependencies().stream()
            .map(
                d ->
                    "| `"
                        + d.permission()
                        + "` | `"
                        + d.requires()
                        + "` | "
                        + (d.enforced() ? "added" : "advice (lint note `permission-advice`)")
                        + " | "
                        + d.evidence().kind().key()
                        + ": "
                        + d.evidence().text()
                        + " |")
            .toList();
    assertEquals(expected, rows);
  }
}
