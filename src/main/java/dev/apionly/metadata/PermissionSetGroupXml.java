package dev.apionly.metadata;

import jakarta.xml.bind.annotation.XmlAnyElement;
import jakarta.xml.bind.annotation.XmlRootElement;
import java.util.ArrayList;
import java.util.List;
import org.w3c.dom.Element;

/** A {@code PermissionSetGroup} file. */
@XmlRootElement(name = "PermissionSetGroup")
public class PermissionSetGroupXml {
  public String description;
  public Boolean hasActivationRequired;
  public String label;
  public List<String> mutingPermissionSets = new ArrayList<>();
  public List<String> permissionSets = new ArrayList<>();
  public String status;

  @XmlAnyElement public List<Element> other = new ArrayList<>();
}
