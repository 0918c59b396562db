package dev.apionly.usage;

import dev.apionly.report.ReportMarkdown;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The usage as Markdown for a pull-request comment: a summary table, then per integration the
 * grants it did not use and the access it used without a grant. Every value from a spec or a log is
 * escaped, so it shows as written and never becomes markup.
 */
public final class UsageMarkdown {

  private UsageMarkdown() {}

  public static String render(Usage usage) {
    StringBuilder out = new StringBuilder();
    Usage.Window window = usage.window();
    Usage.Counts counts = usage.counts();
    out.append("## API access in use, ")
        .append(window.from())
        .append(" to ")
        .append(window.to())
        .append("\n\n");
    out.append("From ")
        .append(plural(counts.files(), "Event Monitoring log file"))
        .append(" (")
        .append(plural(counts.rows(), "row"))
        .append("): ")
        .append(plural(counts.integrationCalls(), "call"))
        .append(" by integration users; ")
        .append(plural(counts.otherUserCalls(), "call"))
        .append(" by ")
        .append(plural(counts.otherUsers(), "other user"))
        .append(", ignored");
    if (counts.outsideWindow() > 0) {
      out.append("; ").append(plural(counts.outsideWindow(), "row")).append(" before the window");
    }
    if (counts.coveredElsewhere() > 0) {
      out.append("; ")
          .append(plural(counts.coveredElsewhere(), "ApiTotalUsage row"))
          .append(" left to the API and RestApi logs of the same calls");
    }
    out.append(".\n\n");
    out.append("| integration | user | evidence | calls | unused | not granted |\n");
    out.append("|---|---|---|---:|---:|---:|\n");
    for (IntegrationUsage integration : usage.integrations()) {
      out.append("| ")
          .append(ReportMarkdown.cell(integration.name()))
          .append(" | ")
          .append(ReportMarkdown.cell(integration.username()))
          .append(" | ")
          .append(integration.evidence().key())
          .append(" | ")
          .append(integration.calls())
          .append(" | ")
          .append(integration.evidence().tellsUnused() ? integration.unused().size() : "")
          .append(" | ")
          .append(integration.ungranted().size())
          .append(" |\n");
    }
    for (IntegrationUsage integration : usage.integrations()) {
      section(out, integration, window);
    }
    return out.toString();
  }

  private static void section(StringBuilder out, IntegrationUsage integration, Usage.Window w) {
    out.append("\n### ").append(ReportMarkdown.cell(integration.name())).append("\n\n");
    switch (integration.evidence()) {
      case NO_USER -> out.append("The spec has no `user`: no call can be tied to it.\n");
      case USER_NOT_IN_MAP ->
          out.append("Its user is not in the user map: the logs cannot speak for it.\n");
      case NO_CALLS ->
          out.append("Its user made no API call in the window: every grant went unused.\n\n");
      case CALLS -> {}
    }
    if (integration.evidence().tellsUnused()) {
      if (integration.unused().isEmpty()) {
        out.append("Every grant was used between ")
            .append(w.from())
            .append(" and ")
            .append(w.to())
            .append(".\n");
      } else {
        out.append("Granted but not used between ")
            .append(w.from())
            .append(" and ")
            .append(w.to())
            .append(":\n\n| object | verbs | granted by |\n|---|---|---|\n");
        for (UnusedAccess unused : integration.unused()) {
          out.append("| ")
              .append(ReportMarkdown.cell(unused.object()))
              .append(" | ")
              .append(String.join(", ", unused.verbKeys()))
              .append(unused.whole() ? " (no call at all: fields and record types too)" : "")
              .append(" | ")
              .append(ReportMarkdown.cell(String.join(", ", unused.sets())))
              .append(" |\n");
        }
      }
    }
    if (!integration.ungranted().isEmpty()) {
      out.append("\nUsed but not granted:\n\n")
          .append("| object | verbs | calls | refused | last seen |\n")
          .append("|---|---|---:|---:|---|\n");
      for (UngrantedAccess ungranted : integration.ungranted()) {
        out.append("| ")
            .append(ReportMarkdown.cell(ungranted.object()))
            .append(" | ")
            .append(String.join(", ", ungranted.verbKeys()))
            .append(" | ")
            .append(ungranted.calls())
            .append(" | ")
            .append(ungranted.denied())
            .append(" | ")
            .append(ReportMarkdown.cell(ungranted.lastSeen()))
            .append(" |\n");
      }
    }
    if (integration.unmapped() > 0) {
      out.append("\n")
          .append(plural(integration.unmapped(), "call"))
          .append(" not tied to a verb")
          .append(operations(integration.unmappedOperations()))
          .append(".\n");
    }
  }

  private static String operations(Map<String, Long> operations) {
    if (operations.isEmpty()) {
      return "";
    }
    List<String> parts =
        operations.entrySet().stream().map(e -> e.getKey() + " " + e.getValue()).toList();
    return " (" + ReportMarkdown.cell(parts.stream().collect(Collectors.joining(", "))) + ")";
  }

  static String plural(long n, String noun) {
    return n + " " + noun + (n == 1 ? "" : "s");
  }
}
