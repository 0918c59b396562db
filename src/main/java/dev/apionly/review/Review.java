package dev.apionly.review;

import dev.apionly.model.Component;
import dev.apionly.model.RiskLevel;
import dev.apionly.resolve.ResolvedSpec;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The change in access between two snapshots of the specs: one {@link IntegrationReview} per
 * integration whose access changed (riskiest first), and the spec files that only moved.
 */
public record Review(
    String base, String head, List<IntegrationReview> integrations, List<Move> moves) {

  private static final Comparator<IntegrationReview> RISKIEST_FIRST =
      Comparator.comparing(IntegrationReview::highestRisk)
          .reversed()
          .thenComparing(IntegrationReview::name);

  public Review {
    integrations = integrations.stream().sorted(RISKIEST_FIRST).toList();
    moves = List.copyOf(moves);
  }

  /** A spec file that moved (or was renamed) without its integration changing name. */
  public record Move(String integration, String from, String to) {}

  /** Compares every integration of {@code base} with the one of the same name in {@code head}. */
  public static Review compare(Snapshot base, Snapshot head) {
    // a name whose letter case changed is the same permission set to Salesforce, named as now
    TreeSet<String> names = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
    head.integrations().forEach(i -> names.add(i.name()));
    base.integrations().forEach(i -> names.add(i.name()));
    List<IntegrationReview> reviews = new ArrayList<>();
    List<Move> moves = new ArrayList<>();
    for (String name : names) {
      AccessDiff.of(base, head, name).ifPresent(reviews::add);
      Optional<ResolvedSpec> was = base.get(name);
      Optional<ResolvedSpec> is = head.get(name);
      if (was.isPresent()
          && is.isPresent()
          && !was.get().integration().specFile().equals(is.get().integration().specFile())) {
        moves.add(
            new Move(name, was.get().integration().specFile(), is.get().integration().specFile()));
      }
    }
    return new Review(base.label(), head.label(), renames(reviews), moves);
  }

  /** A new integration defined in the file a deleted one was defined in is that one, renamed. */
  private static List<IntegrationReview> renames(List<IntegrationReview> reviews) {
    List<IntegrationReview> out = new ArrayList<>();
    for (IntegrationReview review : reviews) {
      Optional<String> from = Optional.empty();
      if (review.status() == IntegrationReview.Status.ADDED) {
        from =
            reviews.stream()
                .filter(r -> r.status() == IntegrationReview.Status.REMOVED)
                .filter(r -> r.specBefore().equals(review.specAfter()))
                .map(IntegrationReview::name)
                .findFirst();
      }
      out.add(
          from.isEmpty()
              ? review
              : new IntegrationReview(
                  review.name(),
                  review.status(),
                  review.owner(),
                  review.ticket(),
                  review.specBefore(),
                  review.specAfter(),
                  from,
                  review.changes(),
                  review.group(),
                  review.deletedComponents()));
    }
    return out;
  }

  /** True when no integration's access changed. Moved spec files alone change nothing. */
  public boolean isEmpty() {
    return integrations.isEmpty();
  }

  /** The highest risk of any access the change gives, if it gives any. */
  public Optional<RiskLevel> highestWidening() {
    return integrations.stream()
        .map(IntegrationReview::highestWidening)
        .flatMap(Optional::stream)
        .max(Comparator.naturalOrder());
  }

  /** Whether the change gives access at {@code level} or above. */
  public boolean widensAtLeast(RiskLevel level) {
    return highestWidening().map(l -> l.atLeast(level)).orElse(false);
  }

  /** Every component the change deletes from the org, by type and name. */
  public List<Component> deletedComponents() {
    TreeSet<Component> out = new TreeSet<>();
    integrations.forEach(i -> out.addAll(i.deletedComponents()));
    return List.copyOf(out);
  }

  public long count(IntegrationReview.Status status) {
    return integrations.stream().filter(i -> i.status() == status).count();
  }
}
