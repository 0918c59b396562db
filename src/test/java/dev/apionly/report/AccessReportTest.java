package dev.apionly.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apionly.TestFiles;
import dev.apionly.diagnostic.Diagnostics;
import dev.apionly.model.RiskLevel;
import dev.apionly.render.VelocityRenderer;
import dev.apionly.resolve.Resolver;
import dev.apionly.spec.SpecLoader;
import dev.apionly.spec.SpecSet;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Effective access through groups, ranking, and a page that shows spec text only as text. */
class AccessReportTest {

  @TempDir Path dir;

  private AccessReport report(String... specs) {
    for (int i = 0; i < specs.length; i++) {
      TestFiles.write(dir.resolve("spec" + i + ".yaml"), specs[i]);
    }
    Diagnostics diagnostics = new Diagnostics();
    SpecSet set = SpecLoader.load(List.of(dir), diagnostics);
    return AccessReport.of(Resolver.resolve(set, dir, diagnostics));
  }

  private static final String BASELINE =
      """
      name: Baseline
      owner: platform@acme.example
      objects:
        Product2: { access: read }
        PricebookEntry:
          access: read
          fields: { read: [UnitPrice, ProductCode] }
      userPermissions: [RunFlow]
      """;

  private static final String DISPATCH =
      """
      name: Dispatch
      owner: ops@acme.example
      ticket: SEC-7
      objects:
        WorkOrder:
          access: [delete]
          justification: Work orders are replaced on resync.
          fields: { edit: [Status] }
      include: [Baseline, Org_Only_Set]
      mute:
        objects:
          PricebookEntry:
            access: [read]
            fields: { read: [UnitPrice] }
      user:
        username: dispatch@acme.example.integration
        email: ops@acme.example
      oauth:
        flow: client-credentials
        scopes: [api]
      """;

  @Test
  void effectiveAccessAddsIncludedSetsAndShowsMutedGrantsAsMuted() {
    IntegrationAccess dispatch = row(report(BASELINE, DISPATCH), "Dispatch");

    assertEquals("read", dispatch.cell("Product2").heldKeys(), "from the included set");
    ObjectCell entry = dispatch.cell("PricebookEntry");
    assertEquals("", entry.heldKeys());
    assertEquals("read", entry.mutedKeys());
    assertEquals("none", entry.riskKey());
    assertEquals(
        List.of("ProductCode read", "UnitPrice muted"),
        entry.fields().stream().map(f -> f.field() + " " + f.text()).toList(),
        "only the muted field is muted");
    assertEquals(List.of("Baseline"), dispatch.cell("Product2").verbs().get(0).from());
    assertEquals("client-credentials", dispatch.oauthFlow());
    assertEquals(List.of("Org_Only_Set"), dispatch.notDescribed());
    assertEquals(
        List.of("Dispatch", "Baseline", "Org_Only_Set", "Dispatch_Muted"),
        dispatch.group().stream().map(GroupMember::name).toList());
  }

  @Test
  void impliedVerbsAreMarkedAndLevelledAndJustified() {
    ObjectCell workOrder = row(report(BASELINE, DISPATCH), "Dispatch").cell("WorkOrder");
    assertEquals("read edit delete", workOrder.heldKeys());
    assertEquals("read edit", workOrder.impliedKeys(), "delete needs read and edit");
    assertEquals("high", workOrder.riskKey(), "delete is high");
    assertEquals("high: read (implied), edit (implied), delete", workOrder.text());
    assertEquals("Work orders are replaced on resync.", workOrder.justification());
    assertEquals(
        "Status edit", workOrder.fields().get(0).field() + " " + workOrder.fields().get(0).text());
  }

  @Test
  void riskiestIntegrationsAndObjectsComeFirst() {
    AccessReport report =
        report(
            BASELINE,
            DISPATCH,
            """
            name: Viewer
            owner: bi@acme.example
            objects:
              Account:
                access: [viewAll]
                justification: Reports on every account.
              Contact: { access: [read, viewAll], justification: Every contact. }
            """);
    assertEquals(
        List.of("Viewer", "Dispatch", "Baseline"),
        report.integrations().stream().map(IntegrationAccess::name).toList(),
        "two high grants before one, then low");
    assertEquals(RiskLevel.HIGH, report.integrations().get(0).risk());
    assertEquals(
        List.of("Account", "Contact", "WorkOrder", "Product2", "PricebookEntry"),
        report.objects(),
        "high first; among equals, the object more integrations hold; then by name");
  }

  private static final String HOSTILE =
      """
      name: Hostile_Label
      label: "<script>document.title='pwned'</script>"
      description: "\\"><img src=x onerror=\\"document.body.dataset.pwned=1\\"> & ' {{script-hash}}"
      owner: "' onmouseover='x()' <b>boss</b>"
      ticket: "</td></tr><tr><td>row"
      objects:
        Account:
          access: [read, viewAll]
          justification: "<iframe srcdoc='x'></iframe> $v.report() #set($x = 1)"
      userPermissions:
        - name: ViewSetup
          justification: "<a href=\\"javascript:alert(1)\\">click</a>"
      """;

  @Test
  void specTextShowsAsTextAndNeverBecomesAnElement() {
    String html = HtmlReport.render(report(HOSTILE), VelocityRenderer.builtIn());
    Document page = Jsoup.parse(html);

    assertEquals(1, page.select("script").size(), "only the page's own script");
    assertTrue(page.select("img, iframe, b, a[href^=javascript]").isEmpty(), html);
    Element section = page.getElementById("integration-Hostile_Label");
    assertEquals("<script>document.title='pwned'</script>", section.selectFirst("h2").ownText());
    assertEquals(
        "\"><img src=x onerror=\"document.body.dataset.pwned=1\"> & ' {{script-hash}}",
        section.selectFirst(".description").text());
    assertTrue(section.text().contains("' onmouseover='x()' <b>boss</b>"));
    assertTrue(section.text().contains("</td></tr><tr><td>row"));
    assertTrue(section.text().contains("<iframe srcdoc='x'></iframe> $v.report() #set($x = 1)"));
    assertTrue(section.text().contains("<a href=\"javascript:alert(1)\">click</a>"));
    assertEquals(1, page.select("#matrix tbody tr").size(), "the ticket added no row");
    assertTrue(
        page.getAllElements().stream()
            .flatMap(e -> e.attributes().asList().stream())
            .noneMatch(a -> a.getKey().startsWith("on")),
        "no event handler attribute");
  }

  @Test
  void policyAllowsNoNetworkAndOnlyThePagesOwnStyleAndScript() throws Exception {
    Document page =
        Jsoup.parse(HtmlReport.render(report(BASELINE, HOSTILE), VelocityRenderer.builtIn()));
    String policy = page.selectFirst("meta[http-equiv=Content-Security-Policy]").attr("content");
    assertTrue(policy.startsWith("default-src 'none';"), policy);
    assertTrue(policy.contains("script-src '" + sha256(page.selectFirst("script").data()) + "'"));
    assertTrue(policy.contains("style-src '" + sha256(page.selectFirst("style").data()) + "'"));
    assertTrue(page.select("link, [src]").isEmpty(), "nothing loaded from elsewhere");
  }

  @Test
  void sameSpecsGiveTheSameBytesInEveryFormat() {
    AccessReport first = report(BASELINE, DISPATCH, HOSTILE);
    AccessReport second = report(BASELINE, DISPATCH, HOSTILE);
    for (ReportFormat format : ReportFormat.values()) {
      assertEquals(format.render(first), format.render(second), format.key());
    }
  }

  @Test
  void csvAndMarkdownCarryTheSameMatrix() {
    AccessReport report = report(BASELINE, DISPATCH);
    List<String> csv = CsvReport.render(report).lines().toList();
    assertEquals(
        "integration,risk,owner,ticket,WorkOrder,Product2,PricebookEntry,\"in the org, not"
            + " described\"",
        csv.get(0));
    assertEquals(
        "Dispatch,high,ops@acme.example,SEC-7,\"high: read (implied), edit (implied), delete\","
            + "low: read,read (muted),Org_Only_Set",
        csv.get(1));
    String markdown = ReportMarkdown.render(report);
    assertTrue(
        markdown.contains(
            "| Dispatch | high | ops@acme.example | SEC-7 | high: read (implied), edit (implied),"
                + " delete | low: read | read (muted) |\n"),
        markdown);
    assertTrue(markdown.contains("Org\\_Only\\_Set, which is in the org but not described"));
    assertFalse(CsvReport.render(report).contains("\n\n"));
  }

  private static IntegrationAccess row(AccessReport report, String name) {
    return report.integrations().stream().filter(i -> i.name().equals(name)).findFirst().get();
  }

  private static String sha256(String text) throws Exception {
    byte[] digest =
        MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
    return "sha256-" + Base64.getEncoder().encodeToString(digest);
  }
}
