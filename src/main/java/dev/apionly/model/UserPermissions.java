package dev.apionly.model;

import java.util.List;
import java.util.Map;

/**
 * User permissions Salesforce enables only together with others (a deploy fails otherwise): the
 * known part of the org's {@code PermissionDependency} list.
 */
public final class UserPermissions {

  private static final Map<String, List<String>> REQUIRES =
      Map.ofEntries(
          Map.entry("ManageUsers", List.of("ViewRoles", "ViewSetup")),
          Map.entry("ViewSetup", List.of("ViewRoles")),
          Map.entry("EditReports", List.of("RunReports")),
          Map.entry("ExportReport", List.of("RunReports")),
          Map.entry("ScheduleReports", List.of("RunReports")),
          Map.entry("CreateCustomizeReports", List.of("RunReports")),
          Map.entry("ApiUserOnly", List.of("ApiEnabled")),
          Map.entry("ViewEventLogFiles", List.of("ApiEnabled")),
          Map.entry("ModifyAllData", List.of("ViewAllData")),
          Map.entry("CustomizeApplication", List.of("ViewSetup")));

  private UserPermissions() {}

  /** The permissions {@code permission} needs directly; empty when none is known. */
  public static List<String> requires(String permission) {
    return REQUIRES.getOrDefault(permission, List.of());
  }
}
