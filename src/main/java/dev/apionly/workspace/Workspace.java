package dev.apionly.workspace;

import dev.apionly.diagnostic.Diagnostics;
import dev.apionly.metadata.RepositorySets;
import dev.apionly.model.GroupGrants;
import dev.apionly.model.PermissionSet;
import dev.apionly.report.AccessReport;
import dev.apionly.resolve.ResolvedSpec;
import dev.apionly.resolve.ResolvedSpecs;
import dev.apionly.resolve.Resolver;
import dev.apionly.spec.SpecLoader;
import dev.apionly.spec.SpecSet;
import dev.apionly.write.SfdxProject;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * One run's view of the specs, built once and read by every stage: the SFDX project around them,
 * the specs as written, each resolved with its config into one {@link ResolvedSpec} found by name
 * in any letter case, the permission sets the repository holds, and everyone's effective access.
 * What not every command needs (resolving, effective access) is worked out on first use, once.
 */
public final class Workspace {

  private final Optional<SfdxProject> project;
  private final SpecSet loaded;
  private final Path base;
  private final Diagnostics diagnostics;
  private final RepositorySets repository;

  private ResolvedSpecs specs;
  private AccessReport access;

  private final Map<String, GroupGrants> groups = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

  private Workspace(
      Optional<SfdxProject> project,
      SpecSet loaded,
      Path base,
      Diagnostics diagnostics,
      RepositorySets repository,
      ResolvedSpecs specs) {
    this.project = project;
    this.loaded = loaded;
    this.base = base;
    this.diagnostics = diagnostics;
    this.repository = repository;
    this.specs = specs;
  }

  /**
   * Loads the specs under {@code sources} into {@code diagnostics}, throwing (exit 2) if one is
   * bad; they resolve naming each spec relative to {@code base}. The repository's permission sets
   * are those of {@code project}'s package directories, none without a project.
   */
  public static Workspace load(
      Optional<SfdxProject> project, List<Path> sources, Path base, Diagnostics diagnostics) {
    return load(() -> project, sources, base, diagnostics);
  }

  /**
   * As {@link #load(Optional, List, Path, Diagnostics)}, the project found only once the specs are
   * read: a bad spec is reported before a missing or bad {@code sfdx-project.json}, as the spec is
   * what the user is working on.
   */
  public static Workspace load(
      Supplier<Optional<SfdxProject>> project,
      List<Path> sources,
      Path base,
      Diagnostics diagnostics) {
    SpecSet loaded = SpecLoader.load(sources, diagnostics);
    Optional<SfdxProject> around = project.get();
    RepositorySets repository =
        around
            .map(p -> RepositorySets.read(p.packageDirectoryPaths()))
            .orElse(RepositorySets.none());
    return new Workspace(around, loaded, base, diagnostics, repository, null);
  }

  /** No specs and no repository: the side of a review before the first spec was written. */
  public static Workspace empty() {
    return new Workspace(
        Optional.empty(),
        new SpecSet(List.of()),
        Path.of(""),
        new Diagnostics(),
        RepositorySets.none(),
        new ResolvedSpecs(List.of()));
  }

  /**
   * These specs with the permission sets {@code sets} holds instead: a side of a review read from
   * another revision sees that revision's sets.
   */
  public synchronized Workspace withRepository(RepositorySets sets) {
    return new Workspace(project, loaded, base, diagnostics, sets, specs);
  }

  /** The SFDX project around the specs, if there is one. */
  public Optional<SfdxProject> project() {
    return project;
  }

  /** The specs as written, each with its {@code apionly.yaml}. */
  public SpecSet loaded() {
    return loaded;
  }

  /** The permission sets the repository holds, for an {@code include} no spec describes. */
  public RepositorySets repository() {
    return repository;
  }

  /**
   * Every spec resolved, on first use, into the diagnostics the specs were loaded with; throws
   * (exit 2) on cross-spec errors.
   */
  public synchronized ResolvedSpecs specs() {
    if (specs == null) {
      specs = Resolver.resolve(loaded, base, diagnostics);
    }
    return specs;
  }

  /** The spec of the integration named {@code name} in any letter case, if there is one. */
  public Optional<ResolvedSpec> find(String name) {
    return specs().find(name);
  }

  /**
   * The permission set named {@code name} in any letter case, as a spec here defines it, else as
   * the repository holds it.
   */
  public Optional<PermissionSet> permissionSet(String name) {
    return specs().permissionSet(name, repository);
  }

  /** What the group of {@code spec} gives, worked out on first use and kept for the run. */
  public synchronized GroupGrants group(ResolvedSpec spec) {
    return groups.computeIfAbsent(
        spec.name(), n -> GroupGrants.of(spec.integration(), this::permissionSet));
  }

  /** Every integration's effective access, worked out on first use and kept for the run. */
  public synchronized AccessReport access() {
    if (access == null) {
      access = AccessReport.of(specs(), repository, this::group);
    }
    return access;
  }
}
