package dev.apionly.report;

import dev.apionly.render.VelocityRenderer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The formats {@code apionly report} writes. */
public enum ReportFormat {
  HTML("html", ".html", ".htm"),
  CSV("csv", ".csv"),
  MARKDOWN("markdown", ".md", ".markdown");

  private final String key;
  private final List<String> extensions;

  ReportFormat(String key, String... extensions) {
    this.key = key;
    this.extensions = List.of(extensions);
  }

  /** The spelling of {@code --format}. */
  public String key() {
    return key;
  }

  /** The format a file name asks for by its extension, if it names one. */
  public static Optional<ReportFormat> ofFileName(String fileName) {
    String lower = fileName.toLowerCase(Locale.ROOT);
    return Arrays.stream(values())
        .filter(f -> f.extensions.stream().anyMatch(lower::endsWith))
        .findFirst();
  }

  /** The text of {@code report} in this format. */
  public String render(AccessReport report) {
    return switch (this) {
      case HTML -> HtmlReport.render(report, VelocityRenderer.builtIn());
      case CSV -> CsvReport.render(report);
      case MARKDOWN -> ReportMarkdown.render(report);
    };
  }

  @Override
  public String toString() {
    return key;
  }
}
