package dev.apionly.metadata;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/** An {@code ExternalClientApplication} file: the header of an External Client App. */
@JacksonXmlRootElement(localName = "ExternalClientApplication")
public class ExternalClientApplicationXml {
  public String contactEmail;
  public String description;
  public String distributionState;
  public Boolean isProtected;
  public String label;
}
