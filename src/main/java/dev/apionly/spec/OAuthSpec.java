package dev.apionly.spec;

import dev.apionly.diagnostic.Location;
import java.util.List;

/** The {@code oauth:} block: how the integration logs in. */
public record OAuthSpec(Location location, Ref flow, List<Ref> scopes, Ref certificate) {

  public OAuthSpec {
    scopes = List.copyOf(scopes);
  }
}
