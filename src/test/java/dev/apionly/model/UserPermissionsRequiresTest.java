package dev.apionly.model;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The user-permission pairs apionly makes implied, and one it must not. */
class UserPermissionsRequiresTest {

  @Test
  void modifyAllDataNeedsViewAllData() {
    assertEquals(List.of("ViewAllData"), UserPermissions.requires("modifyalldata"));
  }

  /**
   * Real retrieved sets hold ViewEventLogFiles without ApiEnabled: not a pair Salesforce enforces.
   */
  @Test
  void viewEventLogFilesNeedsNothing() {
    assertEquals(List.of(), UserPermissions.requires("ViewEventLogFiles"));
  }
}
