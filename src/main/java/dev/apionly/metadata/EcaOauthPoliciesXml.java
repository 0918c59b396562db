package dev.apionly.metadata;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/** An {@code ExtlClntAppOauthConfigurablePolicies} file: who may use an External Client App. */
@JacksonXmlRootElement(localName = "ExtlClntAppOauthConfigurablePolicies")
public class EcaOauthPoliciesXml {
  public String clientCredentialsFlowUser;
  public String commaSeparatedPermissionSet;
  public String commaSeparatedProfile;
  public String externalClientApplication;
  public String ipRelaxationPolicyType;
  public Boolean isClientCredentialsFlowEnabled;
  public Boolean isGuestCodeCredFlowEnabled;
  public Boolean isTokenExchangeFlowEnabled;
  public String label;
  public String permittedUsersPolicyType;
}
