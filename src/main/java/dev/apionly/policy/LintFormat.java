package dev.apionly.policy;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apionly.diagnostic.Paths;
import dev.apionly.diagnostic.Severity;
import dev.apionly.json.JsonText;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/** How lint findings are written: for people, for scripts, and for code scanning (SARIF 2.1.0). */
public enum LintFormat {
  TEXT,
  JSON,
  SARIF;

  /**
   * The findings in this format; {@code version} is apionly's, for SARIF's tool driver. Notes are
   * left out of text and SARIF unless {@code withNotes}: in SARIF each would become a code-scanning
   * alert. JSON always has them, for scripts that filter by level themselves.
   */
  public String write(List<Finding> findings, boolean withNotes, String version) {
    return switch (this) {
      case TEXT -> text(findings, withNotes);
      case JSON -> json(findings);
      case SARIF ->
          sarif(
              withNotes
                  ? findings
                  : findings.stream().filter(f -> f.level() != Severity.NOTE).toList(),
              version);
    };
  }

  private static String text(List<Finding> findings, boolean withNotes) {
    StringBuilder out = new StringBuilder();
    for (Finding finding : findings) {
      if (withNotes || finding.level() != Severity.NOTE) {
        out.append(finding.diagnostic().format()).append('\n');
      }
    }
    out.append(summary(findings)).append('\n');
    return out.toString();
  }

  /** "2 errors, 1 warning, 5 notes". */
  public static String summary(List<Finding> findings) {
    return count(findings, Severity.ERROR, "error")
        + ", "
        + count(findings, Severity.WARNING, "warning")
        + ", "
        + count(findings, Severity.NOTE, "note");
  }

  private static String count(List<Finding> findings, Severity level, String noun) {
    long n = findings.stream().filter(f -> f.level() == level).count();
    return n + " " + noun + (n == 1 ? "" : "s");
  }

  private static String json(List<Finding> findings) {
    ObjectNode root = JsonText.object();
    root.put("version", 1);
    ArrayNode list = root.putArray("findings");
    for (Finding finding : findings) {
      ObjectNode node = list.addObject();
      node.put("rule", finding.rule().id());
      node.put("level", finding.level().word());
      node.put("file", Paths.display(finding.location().file()));
      node.put("line", finding.location().line());
      node.put("column", finding.location().column());
      node.put("message", finding.message());
    }
    ObjectNode summary = root.putObject("summary");
    for (Severity level : Severity.values()) {
      summary.put(level.word() + "s", findings.stream().filter(f -> f.level() == level).count());
    }
    return JsonText.of(root);
  }

  private static String sarif(List<Finding> findings, String version) {
    ObjectNode root = JsonText.object();
    root.put("$schema", "https://json.schemastore.org/sarif-2.1.0.json");
    root.put("version", "2.1.0");
    ObjectNode run = root.putArray("runs").addObject();
    ObjectNode driver = run.putObject("tool").putObject("driver");
    driver.put("name", "apionly");
    driver.put("semanticVersion", version.replace("-SNAPSHOT", ""));
    driver.put("version", version);
    ArrayNode rules = driver.putArray("rules");
    List<Rule> all = Arrays.asList(Rule.values());
    for (Rule rule : all) {
      ObjectNode node = rules.addObject();
      node.put("id", rule.id());
      node.put("name", camel(rule.id()));
      node.putObject("shortDescription").put("text", rule.title());
      node.putObject("fullDescription").put("text", rule.help());
      node.putObject("help").put("text", rule.help()).put("markdown", rule.help());
      node.putObject("defaultConfiguration").put("level", sarifLevel(rule.level()));
      ObjectNode properties = node.putObject("properties");
      properties.putArray("tags").add("security").add("least-privilege").add("salesforce");
      properties.put("precision", "very-high");
      if (rule.level() != Severity.NOTE) {
        // GitHub code scanning ranks security alerts by this score (CVSS-like, 0.0 to 10.0)
        properties.put("security-severity", securitySeverity(rule));
      }
    }
    run.put("columnKind", "utf16CodeUnits");
    ArrayNode results = run.putArray("results");
    for (Finding finding : findings) {
      ObjectNode result = results.addObject();
      result.put("ruleId", finding.rule().id());
      result.put("ruleIndex", all.indexOf(finding.rule()));
      result.put("level", sarifLevel(finding.level()));
      result.putObject("message").put("text", finding.message());
      ObjectNode physical = result.putArray("locations").addObject().putObject("physicalLocation");
      artifact(physical.putObject("artifactLocation"), finding.location().file());
      if (finding.location().line() > 0) {
        physical
            .putObject("region")
            .put("startLine", finding.location().line())
            .put("startColumn", Math.max(1, finding.location().column()));
      }
    }
    return JsonText.of(root);
  }

  /**
   * A file below the working directory as a relative URI against {@code %SRCROOT%} (the checkout
   * root in CI), each segment percent-encoded; any other file as an absolute {@code file:} URI.
   */
  private static void artifact(ObjectNode location, Path file) {
    Path absolute = file.toAbsolutePath().normalize();
    Path root = Path.of("").toAbsolutePath().normalize();
    if (!absolute.startsWith(root) || absolute.equals(root)) {
      location.put("uri", absolute.toUri().toString());
      return;
    }
    StringBuilder uri = new StringBuilder();
    for (Path segment : root.relativize(absolute)) {
      if (uri.length() > 0) {
        uri.append('/');
      }
      uri.append(segment(segment.toString()));
    }
    location.put("uri", uri.toString()).put("uriBaseId", "%SRCROOT%");
  }

  /** One path segment percent-encoded as RFC 3986 requires (UTF-8, unreserved kept). */
  private static String segment(String text) {
    StringBuilder out = new StringBuilder();
    for (byte b : text.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if (c < 0x80 && (Character.isLetterOrDigit(c) || "-._~".indexOf(c) >= 0)) {
        out.append(c);
      } else {
        out.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return out.toString();
  }

  private static String securitySeverity(Rule rule) {
    return switch (rule) {
      case FORBIDDEN, CRITICAL_NOT_ALLOWED -> "9.0";
      case MISSING_JUSTIFICATION -> "7.0";
      case BAD_INPUT -> "5.0";
      default -> "3.0";
    };
  }

  private static String sarifLevel(Severity level) {
    return level.word();
  }

  private static String camel(String id) {
    StringBuilder out = new StringBuilder();
    for (String part : id.split("-")) {
      out.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return out.toString();
  }

  /** The spelling on the command line. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }
}
