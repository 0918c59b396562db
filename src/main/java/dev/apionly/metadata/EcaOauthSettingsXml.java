package dev.apionly.metadata;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/** An {@code ExtlClntAppOauthSettings} file: the scopes of an External Client App. */
@JacksonXmlRootElement(localName = "ExtlClntAppOauthSettings")
public class EcaOauthSettingsXml {
  public String commaSeparatedOauthScopes;
  public String externalClientApplication;
  public String label;
}
