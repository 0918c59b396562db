package dev.apionly.metadata;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;
import java.util.ArrayList;
import java.util.List;

/**
 * A {@code PermissionSet} file as Salesforce writes it. Elements apionly has no field for (tab
 * settings, application visibilities…) are kept in {@link #other} so nothing is dropped silently.
 */
@JacksonXmlRootElement(localName = "PermissionSet")
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

  /** Elements apionly has no field for, in the order read. */
  @JsonIgnore public final List<UnknownElement> other = new ArrayList<>();

  @JsonAnySetter
  void unknown(String name, Object value) {
    other.add(UnknownElement.of(name, value));
  }

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
    @com.fasterxml.jackson.annotation.JsonProperty("default")
    public Boolean isDefault;

    public String recordType;
    public Boolean visible;
  }
}
