package dev.apionly.metadata;

import com.fasterxml.jackson.annotation.JsonAnySetter;
import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;
import java.util.ArrayList;
import java.util.List;

/** A {@code PermissionSetGroup} file. */
@JacksonXmlRootElement(localName = "PermissionSetGroup")
public class PermissionSetGroupXml {
  public String description;
  public Boolean hasActivationRequired;
  public String label;
  public List<String> mutingPermissionSets = new ArrayList<>();
  public List<String> permissionSets = new ArrayList<>();
  public String status;

  /** Elements apionly has no field for, in the order read. */
  @JsonIgnore public final List<UnknownElement> other = new ArrayList<>();

  @JsonAnySetter
  void unknown(String name, Object value) {
    other.add(UnknownElement.of(name, value));
  }
}
