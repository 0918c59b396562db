package dev.apionly.spec;

import dev.apionly.diagnostic.Location;
import java.util.List;

/**
 * The {@code oauth:} block: how the integration logs in. {@code certificatePem} is the certificate
 * file's X.509 certificate, checked and re-encoded as PEM, or null when there is none (or it is
 * bad, which is then reported).
 */
public record OAuthSpec(
    Location location, Ref flow, List<Ref> scopes, Ref certificate, String certificatePem) {

  public OAuthSpec {
    scopes = List.copyOf(scopes);
  }
}
