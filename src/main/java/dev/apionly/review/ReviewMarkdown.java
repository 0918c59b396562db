package dev.apionly.review;

import dev.apionly.diagnostic.InvisibleCharacters;
import dev.apionly.model.Component;
import dev.apionly.model.RiskLevel;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A {@link Review} as GitHub-flavoured Markdown for a pull-request comment: a summary first, then a
 * table per integration, riskiest first, with long lists folded into {@code <details>}.
 */
public final class ReviewMarkdown {

  /** Rows of a table shown before the rest is folded away. */
  static final int VISIBLE_ROWS = 15;

  private final StringBuilder out = new StringBuilder();

  private ReviewMarkdown() {}

  /** The report; {@code failOn} is the gate's level, shown with whether it was tripped. */
  public static String of(Review review, Optional<RiskLevel> failOn) {
    ReviewMarkdown report = new ReviewMarkdown();
    report.write(review, failOn);
    return report.out.toString();
  }

  private void write(Review review, Optional<RiskLevel> failOn) {
    line("## apionly access review");
    line("");
    line("Base `" + code(review.base()) + "` → head `" + code(review.head()) + "`");
    line("");
    summary(review, failOn);
    for (IntegrationReview integration : review.integrations()) {
      integration(integration);
    }
  }

  private void summary(Review review, Optional<RiskLevel> failOn) {
    if (review.isEmpty()) {
      line("**No access changes.**" + gate(review, failOn));
    } else {
      String counts =
          List.of(
                  count(review.count(IntegrationReview.Status.CHANGED), "changed"),
                  count(review.count(IntegrationReview.Status.ADDED), "new"),
                  count(review.count(IntegrationReview.Status.REMOVED), "deleted"))
              .stream()
              .filter(s -> !s.isEmpty())
              .collect(Collectors.joining(", "));
      String highest =
          review
              .highestWidening()
              .map(l -> " Highest risk of new access: " + bold(l) + ".")
              .orElse(" No new access.");
      line("**Integrations: " + counts + ".**" + highest + gate(review, failOn));
      line("");
      line("| integration | status | highest risk | changes | giving access | effective access |");
      line("|---|---|---|---:|---:|---|");
      for (IntegrationReview integration : review.integrations()) {
        line(
            "| `"
                + code(integration.name())
                + "` | "
                + integration.status().key()
                + " | "
                + bold(integration.highestRisk())
                + " | "
                + integration.changes().size()
                + " | "
                + integration.changes().stream().filter(AccessChange::widens).count()
                + " | "
                + integration
                    .group()
                    .map(g -> "+" + g.added().size() + " −" + g.removed().size())
                    .orElse("")
                + " |");
      }
    }
    List<Component> deleted = review.deletedComponents();
    if (!deleted.isEmpty()) {
      line("");
      line(
          "**Deleted from the org** (listed in `manifest/destructiveChanges.xml`): "
              + deleted.stream()
                  .map(d -> "`" + code(d.toString()) + "`")
                  .collect(Collectors.joining(", ")));
    }
    if (!review.moves().isEmpty()) {
      line("");
      line(
          "**Spec files moved** (access unchanged by the move): "
              + review.moves().stream()
                  .map(
                      m ->
                          "`"
                              + code(m.integration())
                              + "` `"
                              + code(m.from())
                              + "` → `"
                              + code(m.to())
                              + "`")
                  .collect(Collectors.joining(", ")));
    }
  }

  private static String gate(Review review, Optional<RiskLevel> failOn) {
    return failOn
        .map(
            level ->
                " Gate `--fail-on "
                    + level.key()
                    + "`: "
                    + (review.widensAtLeast(level) ? "**tripped**." : "passed."))
        .orElse("");
  }

  private void integration(IntegrationReview integration) {
    line("");
    line(
        "### `"
            + code(integration.name())
            + "` · "
            + integration.status().key()
            + " · highest risk "
            + bold(integration.highestRisk()));
    line("");
    StringBuilder about = new StringBuilder("Owner: " + text(integration.owner()));
    if (integration.ticket() != null) {
      about.append(" · Ticket: ").append(text(integration.ticket()));
    }
    about.append(" · Spec: ").append(spec(integration));
    integration
        .renamedFrom()
        .ifPresent(r -> about.append(" · Renamed from `").append(code(r)).append('`'));
    line(about.toString());
    if (!integration.changes().isEmpty()) {
      line("");
      List<String> rows = integration.changes().stream().map(ReviewMarkdown::row).toList();
      table("| risk | change | access | before | after | justification |", rows, "changes");
    }
    integration.group().ifPresent(this::group);
    if (!integration.deletedComponents().isEmpty()) {
      line("");
      line(
          "Deleted from the org: "
              + integration.deletedComponents().stream()
                  .map(d -> "`" + code(d.toString()) + "`")
                  .collect(Collectors.joining(", ")));
    }
  }

  private static String spec(IntegrationReview integration) {
    String after = integration.specAfter().map(s -> "`" + code(s) + "`").orElse(null);
    String before = integration.specBefore().map(s -> "`" + code(s) + "`").orElse(null);
    if (after == null) {
      return before + " (deleted)";
    }
    return before == null || before.equals(after) ? after : after + " (was " + before + ")";
  }

  private static String row(AccessChange change) {
    return "| "
        + bold(change.risk())
        + " | "
        + verb(change)
        + " | "
        + change.area().noun()
        + " `"
        + code(change.target())
        + "` | "
        + text(String.join(", ", change.before()))
        + " | "
        + text(String.join(", ", change.after()))
        + " | "
        + text(change.justification() == null ? "" : change.justification())
        + " |";
  }

  private static String verb(AccessChange change) {
    if (change.area() == AccessChange.Area.MUTING) {
      return switch (change.action()) {
        case ADDED -> "muted";
        case REMOVED -> "unmuted";
        case CHANGED -> "mute changed";
      };
    }
    return change.action().key();
  }

  private void group(GroupAccess group) {
    line("");
    StringBuilder members = new StringBuilder();
    for (String set : group.permissionSets()) {
      members.append(members.length() == 0 ? "`" : " + `").append(code(set)).append('`');
    }
    group
        .mutingPermissionSet()
        .ifPresent(m -> members.append(" − muting `").append(code(m)).append('`'));
    line(
        "Effective access of group `"
            + code(group.name())
            + "` ("
            + members
            + "): "
            + count(group.effective().size(), "grant")
            + (group.changed()
                ? ", " + group.added().size() + " added, " + group.removed().size() + " removed"
                : ", unchanged")
            + ".");
    if (!group.outsideSpecs().isEmpty()) {
      line("");
      line(
          "Not defined by a spec here, so not counted: "
              + group.outsideSpecs().stream()
                  .map(s -> "`" + code(s) + "`")
                  .collect(Collectors.joining(", "))
              + ".");
    }
    line("");
    line("<details><summary>Effective access of " + text(group.name()) + "</summary>");
    line("");
    line("| risk | effect | grant |");
    line("|---|---|---|");
    group.added().forEach(g -> line(grantRow(g, "added")));
    group.removed().forEach(g -> line(grantRow(g, "removed")));
    group.effective().stream()
        .filter(g -> !group.added().contains(g))
        .forEach(g -> line(grantRow(g, "")));
    line("");
    line("</details>");
  }

  private static String grantRow(RatedGrant grant, String effect) {
    return "| "
        + bold(grant.risk())
        + " | "
        + effect
        + " | "
        + grant.grant().kind().noun()
        + " `"
        + code(grant.grant().key())
        + "` |";
  }

  /** A table whose rows beyond {@link #VISIBLE_ROWS} fold into a {@code <details>} block. */
  private void table(String header, List<String> rows, String what) {
    String rule = header.replaceAll("[^|]+", "---");
    line(header);
    line(rule);
    rows.stream().limit(VISIBLE_ROWS).forEach(this::line);
    if (rows.size() > VISIBLE_ROWS) {
      line("");
      line("<details><summary>" + (rows.size() - VISIBLE_ROWS) + " more " + what + "</summary>");
      line("");
      line(header);
      line(rule);
      rows.stream().skip(VISIBLE_ROWS).forEach(this::line);
      line("");
      line("</details>");
    }
  }

  private static String bold(RiskLevel level) {
    return level.atLeast(RiskLevel.HIGH) ? "**" + level.key() + "**" : level.key();
  }

  private static String count(long n, String noun) {
    if (n == 0 && !noun.equals("grant")) {
      return "";
    }
    return n + " " + noun + (noun.equals("grant") && n != 1 ? "s" : "");
  }

  /** Text in a table cell: no line breaks, no cell separators, no HTML. */
  static String text(String value) {
    return InvisibleCharacters.shown(value)
        .replace("&", "&amp;")
        .replace("<", "&lt;")
        .replace(">", "&gt;")
        .replace("|", "\\|")
        .replaceAll("[\\r\\n]+", " ");
  }

  /**
   * Text inside a code span, where HTML is shown as it is: only cell separators and backticks
   * (which would end the span) are replaced.
   */
  static String code(String value) {
    return InvisibleCharacters.shown(value)
        .replace("|", "\\|")
        .replace("`", "'")
        .replaceAll("[\\r\\n]+", " ");
  }

  private void line(String text) {
    out.append(text).append('\n');
  }
}
