package dev.apionly.report;

import dev.apionly.diagnostic.InvisibleCharacters;
import java.util.ArrayList;
import java.util.List;

/**
 * The matrix as a GitHub-flavoured Markdown table for wikis and pull requests, with a legend. Every
 * cell is escaped, so spec text shows as written and never becomes a link, an image or markup.
 */
public final class ReportMarkdown {

  /** Inline Markdown and HTML syntax; escaped with a backslash wherever it appears. */
  private static final String SYNTAX = "\\`*_[]<>!|~&$";

  private ReportMarkdown() {}

  public static String render(AccessReport report) {
    StringBuilder out = new StringBuilder();
    out.append("# Integration access\n\n");
    out.append(report.integrations().size())
        .append(" integrations, ")
        .append(report.objects().size())
        .append(" objects; riskiest access first. Each cell: the highest risk level held, then the")
        .append(" verbs; *(implied)* verbs are required by another verb, *(muted)* ones are")
        .append(" removed by the group's muting permission set.\n\n");
    List<String> header = new ArrayList<>(List.of("Integration", "Risk", "Owner", "Ticket"));
    header.addAll(report.objects());
    row(out, header);
    out.append("|---".repeat(header.size())).append("|\n");
    for (IntegrationAccess integration : report.integrations()) {
      List<String> cells = report.matrixRow(integration);
      row(out, cells);
    }
    List<String> notes = new ArrayList<>();
    for (IntegrationAccess integration : report.integrations()) {
      for (String set : integration.notDescribed()) {
        notes.add(
            "- "
                + cell(integration.name())
                + " includes "
                + cell(set)
                + ", which is in the org but not described here: its access is not shown.\n");
      }
    }
    if (!notes.isEmpty()) {
      out.append('\n');
      notes.forEach(out::append);
    }
    return out.toString();
  }

  private static void row(StringBuilder out, List<String> cells) {
    for (String cell : cells) {
      out.append("| ").append(cell(cell)).append(' ');
    }
    out.append("|\n");
  }

  /** One table cell: line breaks become spaces, inline syntax is escaped with a backslash. */
  public static String cell(String value) {
    String text = InvisibleCharacters.shown(value);
    StringBuilder out = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\n' || c == '\r' || c == '\t') {
        out.append(' ');
      } else {
        if (SYNTAX.indexOf(c) >= 0) {
          out.append('\\');
        }
        out.append(c);
      }
    }
    return out.toString();
  }
}
