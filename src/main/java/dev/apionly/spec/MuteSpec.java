package dev.apionly.spec;

import dev.apionly.diagnostic.Location;
import java.util.List;

/** The {@code mute:} block: grants the group's muting permission set takes away. */
public record MuteSpec(Location location, List<ObjectSpec> objects, List<Ref> userPermissions) {

  public MuteSpec {
    objects = List.copyOf(objects);
    userPermissions = List.copyOf(userPermissions);
  }
}
