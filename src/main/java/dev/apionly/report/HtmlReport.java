package dev.apionly.report;

import dev.apionly.render.TemplateRenderer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;

/**
 * The report as one self-contained HTML page. Its Content-Security-Policy allows no network and
 * only the page's own inline style and script, by hash: should spec text ever slip past escaping,
 * the browser still runs nothing it brings.
 */
public final class HtmlReport {

  static final String STYLE_HASH = "{{style-hash}}";
  static final String SCRIPT_HASH = "{{script-hash}}";

  private HtmlReport() {}

  /** The page for {@code report}, rendered by {@code templates}. */
  public static String render(AccessReport report, TemplateRenderer templates) {
    ReportPageVars vars = new ReportPageVars(report);
    return seal(templates.render(vars.template(), vars));
  }

  /** Fills the policy's placeholders with the hashes of the first style and script elements. */
  public static String seal(String html) {
    String sealed = fill(html, STYLE_HASH, hash(content(html, "style")));
    return fill(sealed, SCRIPT_HASH, hash(content(sealed, "script")));
  }

  private static String fill(String html, String placeholder, String value) {
    int at = html.indexOf(placeholder);
    if (at < 0) {
      throw new IllegalStateException("the report template has no " + placeholder);
    }
    return html.substring(0, at) + value + html.substring(at + placeholder.length());
  }

  private static String content(String html, String element) {
    String open = "<" + element + ">";
    int start = html.indexOf(open);
    int end = html.indexOf("</" + element + ">", start);
    if (start < 0 || end < 0) {
      throw new IllegalStateException("the report template has no <" + element + "> element");
    }
    return html.substring(start + open.length(), end);
  }

  private static String hash(String text) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return "sha256-" + Base64.getEncoder().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java runtime has SHA-256", e);
    }
  }
}
