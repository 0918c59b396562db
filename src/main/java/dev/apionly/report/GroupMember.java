package dev.apionly.report;

import java.util.Objects;

/**
 * One permission set in an integration's group: its own, an included one (described by a spec of
 * this run, or only in the org), or the muting set.
 */
public record GroupMember(String name, Role role, String specFile) {

  /** Why a set is in the group. */
  public enum Role {
    OWN("own permission set"),
    INCLUDED("included, described by"),
    IN_REPOSITORY("included, defined in the repository by"),
    NOT_DESCRIBED("included, in the org, not described here"),
    MUTING("muting permission set");

    private final String text;

    Role(String text) {
      this.text = text;
    }

    public String text() {
      return text;
    }
  }

  public GroupMember {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(role, "role");
    specFile = specFile == null ? "" : specFile;
  }

  /**
   * How the member reads in a list: {@code Api_Baseline: included, described by examples/x.yaml}.
   */
  public String text() {
    return role == Role.INCLUDED ? role.text() + " " + specFile : role.text();
  }

  public boolean described() {
    return role != Role.NOT_DESCRIBED;
  }
}
