package dev.apionly.metadata;

import jakarta.xml.bind.annotation.XmlRootElement;

/** An {@code ExternalClientApplication} file: the header of an External Client App. */
@XmlRootElement(name = "ExternalClientApplication")
public class ExternalClientApplicationXml {
  public String contactEmail;
  public String description;
  public String distributionState;
  public Boolean isProtected;
  public String label;
}
