package dev.apionly.report;

import dev.apionly.diagnostic.InvisibleCharacters;
import java.util.ArrayList;
import java.util.List;

/**
 * The matrix as CSV (RFC 4180, CRLF line ends) for spreadsheets: one row per integration, one
 * column per object. Cells that a spreadsheet would run as a formula are defused.
 */
public final class CsvReport {

  private CsvReport() {}

  public static String render(AccessReport report) {
    StringBuilder out = new StringBuilder();
    List<String> header = new ArrayList<>(List.of("integration", "risk", "owner", "ticket"));
    header.addAll(report.objects());
    header.add("in the org, not described");
    row(out, header);
    for (IntegrationAccess integration : report.integrations()) {
      List<String> cells = report.matrixRow(integration);
      cells.add(String.join(" ", integration.notDescribed()));
      row(out, cells);
    }
    return out.toString();
  }

  private static void row(StringBuilder out, List<String> cells) {
    for (int i = 0; i < cells.size(); i++) {
      out.append(i == 0 ? "" : ",").append(cell(cells.get(i)));
    }
    out.append("\r\n");
  }

  /**
   * One field: a leading {@code = + - @}, tab or carriage return gets an apostrophe so spreadsheets
   * show it as text instead of evaluating it; quoted when it holds a comma, quote or line break.
   */
  static String cell(String text) {
    String value = InvisibleCharacters.shown(text);
    if (!value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0) {
      value = "'" + value;
    }
    boolean quote =
        value.indexOf(',') >= 0
            || value.indexOf('"') >= 0
            || value.indexOf('\n') >= 0
            || value.indexOf('\r') >= 0;
    return quote ? "\"" + value.replace("\"", "\"\"") + "\"" : value;
  }
}
