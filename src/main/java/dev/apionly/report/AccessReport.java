package dev.apionly.report;

import dev.apionly.metadata.RepositorySets;
import dev.apionly.model.GroupGrants;
import dev.apionly.model.RiskLevel;
import dev.apionly.resolve.ResolvedSpec;
import dev.apionly.resolve.ResolvedSpecs;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * Who can do what: every integration of a run with its effective access, riskiest first, and the
 * objects of the matrix, the most exposed first.
 */
public record AccessReport(List<IntegrationAccess> integrations, List<String> objects) {

  public AccessReport {
    integrations = List.copyOf(integrations);
    objects = List.copyOf(objects);
  }

  /** The report of {@code specs}, with no repository. */
  public static AccessReport of(ResolvedSpecs specs) {
    return of(
        specs,
        RepositorySets.none(),
        s -> GroupGrants.of(s.integration(), n -> specs.permissionSet(n, RepositorySets.none())));
  }

  /**
   * The report of {@code specs}, each group's grants as {@code groups} gives them (a workspace
   * keeps them for the run); a set no spec describes is named from {@code repository}.
   */
  public static AccessReport of(
      ResolvedSpecs specs, RepositorySets repository, Function<ResolvedSpec, GroupGrants> groups) {
    List<IntegrationAccess> rows = new ArrayList<>();
    for (ResolvedSpec resolved : specs.all()) {
      rows.add(EffectiveAccess.of(resolved, specs, repository, groups.apply(resolved)));
    }
    rows.sort(
        Comparator.comparing(IntegrationAccess::risk, Comparator.reverseOrder())
            .thenComparing(AccessReport::heldAtTopLevel, Comparator.reverseOrder())
            .thenComparing(IntegrationAccess::name));
    return new AccessReport(rows, columns(rows));
  }

  /** The risk levels, highest first, for legends and filters. */
  public List<String> levels() {
    List<String> levels = new ArrayList<>(RiskLevel.keys());
    Collections.reverse(levels);
    return levels;
  }

  /** How many grants an integration holds at its own highest level: more is riskier. */
  private static long heldAtTopLevel(IntegrationAccess row) {
    long verbs =
        row.objects().stream()
            .flatMap(c -> c.verbs().stream())
            .filter(v -> !v.muted() && v.level() == row.risk())
            .count();
    long others =
        row.userPermissions().stream().filter(p -> !p.muted() && p.level() == row.risk()).count();
    return verbs + others;
  }

  /** Objects by the highest level any integration holds on them, then by how many hold them. */
  private static List<String> columns(List<IntegrationAccess> rows) {
    Map<String, Integer> highest = new TreeMap<>();
    Map<String, Integer> holders = new HashMap<>();
    for (IntegrationAccess row : rows) {
      for (ObjectCell cell : row.objects()) {
        highest.merge(cell.object(), EffectiveAccess.rank(cell.risk()), Math::max);
        holders.merge(cell.object(), cell.risk().isPresent() ? 1 : 0, Integer::sum);
      }
    }
    List<String> objects = new ArrayList<>(highest.keySet());
    objects.sort(
        Comparator.comparing((String o) -> highest.get(o), Comparator.reverseOrder())
            .thenComparing(holders::get, Comparator.reverseOrder())
            .thenComparing(Comparator.naturalOrder()));
    return objects;
  }

  /** One matrix row as text: name, risk, owner, ticket, then one cell per object, in order. */
  public List<String> matrixRow(IntegrationAccess integration) {
    List<String> cells =
        new ArrayList<>(
            List.of(
                integration.name(),
                integration.risk().key(),
                integration.owner(),
                integration.ticket()));
    objects.forEach(o -> cells.add(integration.cell(o).text()));
    return cells;
  }

  /** The highest level of any integration, if there is one. */
  public Optional<RiskLevel> highest() {
    return integrations.stream().map(IntegrationAccess::risk).max(RiskLevel::compareTo);
  }
}
