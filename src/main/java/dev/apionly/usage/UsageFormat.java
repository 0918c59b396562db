package dev.apionly.usage;

import dev.apionly.render.VelocityRenderer;
import dev.apionly.report.HtmlReport;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The formats {@code apionly usage} writes. */
public enum UsageFormat {
  MARKDOWN("markdown", ".md", ".markdown"),
  JSON("json", ".json"),
  HTML("html", ".html", ".htm");

  private final String key;
  private final List<String> extensions;

  UsageFormat(String key, String... extensions) {
    this.key = key;
    this.extensions = List.of(extensions);
  }

  /** The spelling of {@code --format}. */
  public String key() {
    return key;
  }

  /** The format a file name asks for by its extension, if it names one. */
  public static Optional<UsageFormat> ofFileName(String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(f -> f.extensions.stream().anyMatch(lower::endsWith))
        .findFirst();
  }

  /** The text of {@code usage} in this format. */
  public String render(Usage usage) {
    return switch (this) {
      case MARKDOWN -> UsageMarkdown.render(usage);
      case JSON -> UsageJson.render(usage);
      case HTML -> {
        UsagePageVars vars = new UsagePageVars(usage);
        yield HtmlReport.seal(VelocityRenderer.builtIn().render(vars.template(), vars));
      }
    };
  }

  @Override
  public String toString() {
    return key;
  }
}
