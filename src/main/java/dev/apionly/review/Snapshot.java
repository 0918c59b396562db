package dev.apionly.review;

import dev.apionly.diagnostic.Diagnostics;
import dev.apionly.metadata.RepositorySets;
import dev.apionly.model.GroupGrants;
import dev.apionly.model.PermissionSet;
import dev.apionly.resolve.ResolvedSpec;
import dev.apionly.workspace.Workspace;
import dev.apionly.write.SfdxProject;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * One side of a review: the workspace of the specs at one version, with the permission sets its
 * repository holds. {@code label} says where it was read (a directory or a revision).
 */
public record Snapshot(String label, Workspace workspace) {

  /** This side with the permission sets its repository holds, for groups that include them. */
  public Snapshot withRepository(RepositorySets sets) {
    return new Snapshot(label, workspace.withRepository(sets));
  }

  /** No specs at all: the side of a review before the first spec was written. */
  public static Snapshot empty(String label) {
    return new Snapshot(label, Workspace.empty());
  }

  /**
   * Loads and resolves the specs under {@code inputs}, naming each spec relative to {@code base},
   * with the permission sets of {@code project}'s repository. Throws (exit 2) with every problem
   * found if a spec is bad.
   */
  public static Snapshot load(
      String label, Optional<SfdxProject> project, List<Path> inputs, Path base) {
    Workspace workspace = Workspace.load(project, inputs, base, new Diagnostics());
    workspace.specs();
    return new Snapshot(label, workspace);
  }

  /** Every integration on this side, by name. */
  public List<ResolvedSpec> integrations() {
    return workspace.specs().all();
  }

  /** The integration named {@code name} in any letter case, as Salesforce compares names. */
  public Optional<ResolvedSpec> get(String name) {
    return workspace.find(name);
  }

  /**
   * The permission set of that name (in any letter case) if a spec on this side defines it, else if
   * the repository holds it.
   */
  public Optional<PermissionSet> permissionSet(String name) {
    return workspace.permissionSet(name);
  }

  /** What the group of {@code spec}, an integration on this side, gives. */
  public GroupGrants group(ResolvedSpec spec) {
    return workspace.group(spec);
  }
}
