package dev.apionly.report;

import dev.apionly.model.Salesforce;
import dev.apionly.render.TemplateVars;
import java.util.Objects;

/** {@code report.html.vm}: the report, and the Salesforce names every integration user shares. */
public record ReportPageVars(AccessReport report) implements TemplateVars {

  public ReportPageVars {
    Objects.requireNonNull(report, "report");
  }

  @Override
  public String template() {
    return "report.html.vm";
  }

  public String userLicence() {
    return Salesforce.INTEGRATION_USER_LICENSE;
  }

  public String profile() {
    return Salesforce.API_ONLY_PROFILE;
  }

  public String permissionSetLicence() {
    return Salesforce.API_INTEGRATION_PSL;
  }

  /** The id of an integration's section. */
  public String id(IntegrationAccess integration) {
    return "integration-" + integration.name();
  }

  /** A link to an integration's section. */
  public String anchor(IntegrationAccess integration) {
    return "#" + id(integration);
  }
}
