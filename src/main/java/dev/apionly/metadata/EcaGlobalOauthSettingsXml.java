package dev.apionly.metadata;

import com.fasterxml.jackson.dataformat.xml.annotation.JacksonXmlRootElement;

/**
 * An {@code ExtlClntAppGlobalOauthSettings} file. The consumer key and secret are read only to tell
 * that a file holds them.
 */
@JacksonXmlRootElement(localName = "ExtlClntAppGlobalOauthSettings")
public class EcaGlobalOauthSettingsXml {
  public String callbackUrl;
  public String certificate;
  public String consumerKey;
  public String consumerSecret;
  public String externalClientApplication;
  public Boolean isClientCredentialsFlowEnabled;
  public Boolean isCodeCredFlowEnabled;
  public Boolean isDeviceFlowEnabled;
  public Boolean isTokenExchangeEnabled;
  public String label;
}
