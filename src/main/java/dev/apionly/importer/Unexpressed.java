package dev.apionly.importer;

import dev.apionly.metadata.PermissionSetGroupXml;
import dev.apionly.metadata.PermissionSetXml;
import dev.apionly.metadata.UnknownElement;
import dev.apionly.model.Salesforce;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * What a permission set or group file holds that a spec for an API-only user cannot express: tab
 * and app visibility, View All Fields, session activation, another licence, and any element apionly
 * does not know. One line each, for the spec's header and the import's warning.
 */
public final class Unexpressed {

  /**
   * User permissions that only change the Salesforce user interface. An API-only user never sees
   * it, so they are kept (the grants stay exact) but marked as doing nothing.
   */
  static final Set<String> UI_ONLY_USER_PERMISSIONS =
      Set.of(
          "ChatterComposeUiCodesnippet",
          "HideReadByList",
          "LightningConsoleAllowedForUser",
          "LightningExperienceUser",
          "SelectFilesFromSalesforce",
          "ShowCompanyNameAsUserBadge",
          "ViewHelpLink");

  private static final int MAX_LINE = 160;

  private Unexpressed() {}

  /** Every element of {@code xml} that the spec written for it will not hold. */
  public static List<String> of(PermissionSetXml xml) {
    List<String> out = new ArrayList<>();
    String license = xml.license == null ? null : xml.license.strip();
    if (!Salesforce.API_INTEGRATION_PSL.equals(license)) {
      out.add(
          "license "
              + (license == null || license.isEmpty() ? "(none)" : license)
              + ": generate writes "
              + Salesforce.API_INTEGRATION_PSL
              + ", so only users with the Salesforce API Integration licence can hold the set");
    }
    if (Boolean.TRUE.equals(xml.hasActivationRequired)) {
      out.add("hasActivationRequired true: generate writes a set that is active in every session");
    }
    for (PermissionSetXml.ObjectPermission object : xml.objectPermissions) {
      if (Boolean.TRUE.equals(object.viewAllFields)) {
        out.add(
            "viewAllFields on "
                + strip(object.object)
                + ": a spec grants fields one by one; list the ones needed under fields.read");
      }
    }
    for (PermissionSetXml.RecordTypeVisibility recordType : xml.recordTypeVisibilities) {
      if (Boolean.TRUE.equals(recordType.isDefault)) {
        out.add(
            "default record type "
                + strip(recordType.recordType)
                + ": a default record type is a profile setting");
      }
    }
    for (PermissionSetXml.FieldPermission field : xml.fieldPermissions) {
      if (Boolean.TRUE.equals(field.editable) && !Boolean.TRUE.equals(field.readable)) {
        out.add(
            "readable false on "
                + strip(field.field)
                + ", which is editable: imported as edit, which includes read");
      }
    }
    out.addAll(elements(xml.other));
    return out;
  }

  /** Every element of a group file that its spec will not hold. */
  public static List<String> of(PermissionSetGroupXml xml) {
    List<String> out = new ArrayList<>();
    for (String muting : xml.mutingPermissionSets) {
      out.add(
          "mutingPermissionSets "
              + strip(muting)
              + ": a spec mutes grants under 'mute', not an existing muting set; copy its grants"
              + " there");
    }
    if (Boolean.TRUE.equals(xml.hasActivationRequired)) {
      out.add(
          "hasActivationRequired true: generate writes a group that is active in every session");
    }
    out.addAll(elements(xml.other));
    return out;
  }

  /** The user permissions of {@code names} that only change the user interface. */
  static Set<String> uiOnly(List<String> names) {
    Set<String> out = new TreeSet<>();
    names.stream().filter(UI_ONLY_USER_PERMISSIONS::contains).forEach(out::add);
    return out;
  }

  /** Unknown elements, each as {@code name: child=value, ...}, sorted for stable output. */
  private static List<String> elements(List<UnknownElement> other) {
    List<String> out = new ArrayList<>();
    for (UnknownElement element : other) {
      String line = element.display();
      out.add(line.length() > MAX_LINE ? line.substring(0, MAX_LINE - 1) + "…" : line);
    }
    out.sort(null);
    return out;
  }

  private static String strip(String value) {
    return value == null ? "" : value.strip();
  }
}
