package dev.apionly.metadata;

import dev.apionly.metadata.xml.PermissionSetFieldPermissionsXml;
import dev.apionly.metadata.xml.PermissionSetGroupXml;
import dev.apionly.metadata.xml.PermissionSetObjectPermissionsXml;
import dev.apionly.metadata.xml.PermissionSetXml;
import dev.apionly.model.Salesforce;
import java.nio.charset.StandardCharsets;
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

  /** Elements reported with their own line above, or not at all. */
  private static final Set<String> SAID_ABOVE = Set.of("hasActivationRequired", "status");

  private Unexpressed() {}

  /** Every element of the permission set file {@code bytes} that a spec will not hold. */
  public static List<String> ofPermissionSet(byte[] bytes) throws MetadataException {
    return of(
        MetadataXml.parse(bytes, MetadataRoot.PERMISSION_SET),
        MetadataXml.unread(new String(bytes, StandardCharsets.UTF_8), MetadataRoot.PERMISSION_SET));
  }

  /** Every element of the group file {@code bytes} that a spec will not hold. */
  public static List<String> ofGroup(byte[] bytes) throws MetadataException {
    return of(
        MetadataXml.parse(bytes, MetadataRoot.PERMISSION_SET_GROUP),
        MetadataXml.unread(
            new String(bytes, StandardCharsets.UTF_8), MetadataRoot.PERMISSION_SET_GROUP));
  }

  /**
   * Every element of {@code xml} that the spec written for it will not hold; {@code unread}: what
   * the model of the file leaves out.
   */
  static List<String> of(PermissionSetXml xml, List<UnknownElement> unread) {
    List<String> out = new ArrayList<>();
    String license = xml.getLicense() == null ? null : xml.getLicense().strip();
    if (!Salesforce.API_INTEGRATION_PSL.equals(license)) {
      out.add(
          "license "
              + (license == null || license.isEmpty() ? "(none)" : license)
              + ": generate writes "
              + Salesforce.API_INTEGRATION_PSL
              + ", so only users with the Salesforce API Integration licence can hold the set");
    }
    if (Boolean.TRUE.equals(xml.isHasActivationRequired())) {
      out.add("hasActivationRequired true: generate writes a set that is active in every session");
    }
    for (PermissionSetObjectPermissionsXml object : xml.getObjectPermissions()) {
      if (Boolean.TRUE.equals(object.isViewAllFields())) {
        out.add(
            "viewAllFields on "
                + strip(object.getObject())
                + ": a spec grants fields one by one; list the ones needed under fields.read");
      }
    }
    for (PermissionSetFieldPermissionsXml field : xml.getFieldPermissions()) {
      if (Boolean.TRUE.equals(field.isEditable()) && !Boolean.TRUE.equals(field.isReadable())) {
        out.add(
            "readable false on "
                + strip(field.getField())
                + ", which is editable: imported as edit, which includes read");
      }
    }
    out.addAll(elements(unread));
    return out;
  }

  /** Every element of a group file that its spec will not hold. */
  static List<String> of(PermissionSetGroupXml xml, List<UnknownElement> unread) {
    List<String> out = new ArrayList<>();
    for (String muting : xml.getMutingPermissionSets()) {
      out.add(
          "mutingPermissionSets "
              + strip(muting)
              + ": a spec mutes grants under 'mute', not an existing muting set; copy its grants"
              + " there");
    }
    if (Boolean.TRUE.equals(xml.isHasActivationRequired())) {
      out.add(
          "hasActivationRequired true: generate writes a group that is active in every session");
    }
    out.addAll(elements(unread));
    return out;
  }

  /** The user permissions of {@code names} that only change the user interface. */
  public static Set<String> uiOnly(List<String> names) {
    Set<String> out = new TreeSet<>();
    names.stream().filter(UI_ONLY_USER_PERMISSIONS::contains).forEach(out::add);
    return out;
  }

  /**
   * Elements read from the file but not into the model, each as {@code name: child=value, ...},
   * sorted for stable output; those said more plainly above, or that Salesforce keeps for itself (a
   * group's recalculation status), are left out.
   */
  private static List<String> elements(List<UnknownElement> unread) {
    List<String> out = new ArrayList<>();
    for (UnknownElement element : unread) {
      if (SAID_ABOVE.contains(element.name())) {
        continue;
      }
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
