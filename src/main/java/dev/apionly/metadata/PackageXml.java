package dev.apionly.metadata;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;
import java.util.ArrayList;
import java.util.List;

/** A {@code package.xml} (or {@code destructiveChanges.xml}) manifest. */
@JacksonXmlRootElement(localName = "Package")
public class PackageXml {
  public List<Types> types = new ArrayList<>();
  public String version;

  /** The members of one metadata type. */
  public static class Types {
    public List<String> members = new ArrayList<>();
    public String name;
  }
}
