package dev.apionly.metadata;

import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/**
 * A {@code PermissionSet} file as Salesforce writes it. Elements apionly has no field for (tab
 * settings, application visibilities…) are kept in {@link #other} so nothing is dropped silently.
 */
@XmlRootElement(name = "PermissionSet")
public class PermissionSetXml {

  public List<NamedAccess> classAccesses = new ArrayList<>();
  public List<NamedAccess> customMetadataTypeAccesses = new ArrayList<>();
  public List<NamedAccess> customPermissions = new ArrayList<>();
  public List<NamedAccess> customSettingAccesses = new ArrayList<>();
  public String description;
  public List<NamedAccess> externalCredentialPrincipalAccesses = new ArrayList<>();
  public List<FieldPermission> fieldPermissions = new ArrayList<>();
  public List<NamedAccess> flowAccesses = new ArrayList<>();
  public Boolean hasActivationRequired;
  public String label;
  public String license;
  public List<ObjectPermission> objectPermissions = new ArrayList<>();
  public List<NamedAccess> pageAccesses = new ArrayList<>();
  public List<RecordTypeVisibility> recordTypeVisibilities = new ArrayList<>();
  public List<NamedAccess> userPermissions = new ArrayList<>();

  @XmlAnyElement public List<Element> other = new ArrayList<>();

  /**
   * One enabled-or-not entry. Salesforce names the name element differently per list ({@code
   * apexClass}, {@code apexPage}, {@code flow}, {@code externalCredentialPrincipal}, {@code name});
   * exactly one of them is set.
   */
  public static class NamedAccess {
    public String apexClass;
    public String apexPage;
    public Boolean enabled;
    public String externalCredentialPrincipal;
    public String flow;
    public String name;

    /** Whichever name element this entry has. */
    public String key() {
      for (String value : new String[] {apexClass, apexPage, externalCredentialPrincipal, flow}) {
        if (value != null) {
          return value.strip();
        }
      }
      return name == null ? null : name.strip();
    }
  }

  /** Field-level security on {@code Object.Field}. */
  public static class FieldPermission {
    public Boolean editable;
    public String field;
    public Boolean readable;
  }

  /** Record access on one object. */
  public static class ObjectPermission {
    public Boolean allowCreate;
    public Boolean allowDelete;
    public Boolean allowEdit;
    public Boolean allowRead;
    public Boolean modifyAllRecords;
    public String object;
    public Boolean viewAllFields;
    public Boolean viewAllRecords;
  }

  /** A record type made visible (or not). */
  public static class RecordTypeVisibility {
    @jakarta.xml.bind.annotation.XmlElement(name = "default")
    public Boolean isDefault;

    public String recordType;
    public Boolean visible;
  }
}
