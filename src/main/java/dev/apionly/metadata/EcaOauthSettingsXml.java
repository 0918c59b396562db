package dev.apionly.metadata;

import jakarta.xml.bind.annotation.XmlRootElement;

/** An {@code ExtlClntAppOauthSettings} file: the scopes of an External Client App. */
@XmlRootElement(name = "ExtlClntAppOauthSettings")
public class EcaOauthSettingsXml {
  public String commaSeparatedOauthScopes;
  public String externalClientApplication;
  public String label;
}
