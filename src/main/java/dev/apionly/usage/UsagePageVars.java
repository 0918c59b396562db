package dev.apionly.usage;

import dev.apionly.render.TemplateVars;
import java.util.List;
import java.util.Objects;

/** {@code usage.html.vm}: the usage, and the few words the page derives from it. */
public record UsagePageVars(Usage usage) implements TemplateVars {

  public UsagePageVars {
    Objects.requireNonNull(usage, "usage");
  }

  @Override
  public String template() {
    return "usage.html.vm";
  }

  /** The id of an integration's section. */
  public String id(IntegrationUsage integration) {
    return "integration-" + integration.name();
  }

  /** {@code yes} when the integration has unused or ungranted access, for the page's filter. */
  public String findings(IntegrationUsage integration) {
    return integration.unused().isEmpty() && integration.ungranted().isEmpty() ? "no" : "yes";
  }

  /** Names or verbs, comma separated. */
  public String join(List<String> values) {
    return String.join(", ", values);
  }

  /** What the logs can say about the integration, as a sentence. */
  public String evidenceText(IntegrationUsage integration) {
    return switch (integration.evidence()) {
      case CALLS -> integration.calls() + " calls in the window.";
      case NO_CALLS -> "no API call in the window: every grant went unused.";
      case USER_NOT_IN_MAP -> "the user is not in the user map: the logs cannot speak for it.";
      case NO_USER -> "the spec has no user: no call can be tied to it.";
    };
  }
}
