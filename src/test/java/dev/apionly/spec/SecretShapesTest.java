package dev.apionly.spec;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apionly.diagnostic.Diagnostic;
import dev.apionly.diagnostic.Diagnostics;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Both sides of the secret screen: every well-known token shape in every spec field that takes text
 * is refused without being echoed, and realistic values that are not secrets (paths of any depth,
 * temporary directories, URLs, ticket ids, long API names, e-mail addresses, Salesforce ids, prose
 * about passwords) are accepted.
 */
class SecretShapesTest {

  private static final Path FILE = Path.of("spec.yaml");
  private static final String BASE62 =
      "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";
  private static final Random RANDOM = new Random(14);

  private static String random(String alphabet, int length) {
    StringBuilder out = new StringBuilder(length);
    for (int i = 0; i < length; i++) {
      out.append(alphabet.charAt(RANDOM.nextInt(alphabet.length())));
    }
    return out.toString();
  }

  private static String base62(int length) {
    return random(BASE62, length);
  }

  private static String hex(int length) {
    return random("0123456789abcdef", length);
  }

  /** One made-up value of every shape, each as its issuer publishes it. */
  static Map<String, String> secrets() {
    Map<String, String> out = new LinkedHashMap<>();
    out.put("GitHub classic token", "ghp_" + base62(36));
    out.put("GitHub OAuth token", "gho_" + base62(36));
    out.put("GitHub user-to-server token", "ghu_" + base62(36));
    out.put("GitHub server-to-server token", "ghs_" + base62(36));
    out.put("GitHub refresh token", "ghr_" + base62(76));
    out.put("GitHub fine-grained token", "github_pat_" + base62(22) + "_" + base62(59));
    out.put("GitLab token", "glpat-" + base62(20));
    out.put("Google API key", "AIza" + random(BASE62 + "_-", 35));
    out.put("Google OAuth client secret", "GOCSPX-" + base62(28));
    out.put("Google OAuth access token", "ya29." + base62(60));
    out.put("npm token", "npm_" + base62(36));
    out.put("PyPI token", "pypi-AgEIcHlwaS5vcmc" + base62(60));
    out.put("Docker Hub token", "dckr_pat_" + base62(27));
    out.put("Slack bot token", "xoxb-" + random("0123456789", 12) + "-" + base62(24));
    out.put("Slack user token", "xoxp-" + random("0123456789", 12) + "-" + base62(32));
    out.put(
        "Slack webhook",
        "https://hooks.slack.com/services/T"
            + random("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", 8)
            + "/B"
            + random("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", 10)
            + "/"
            + base62(24));
    out.put("Stripe live key", "sk_live_" + base62(99));
    out.put("Stripe restricted key", "rk_live_" + base62(99));
    out.put("Stripe test key", "sk_test_" + base62(40));
    out.put("Stripe webhook secret", "whsec_" + base62(32));
    out.put("OpenAI key", "sk-proj-" + base62(40) + "T3BlbkFJ" + base62(40));
    out.put("Anthropic key", "sk-ant-api03-" + base62(90));
    out.put("Hugging Face token", "hf_" + random(BASE62.substring(10), 34));
    out.put("SendGrid key", "SG." + base62(22) + "." + base62(43));
    out.put("Shopify token", "shpat_" + hex(32));
    out.put("DigitalOcean token", "dop_v1_" + hex(64));
    out.put("Atlassian token", "ATATT3xFfGF0" + base62(180));
    out.put("Azure client secret", "abc8Q~" + base62(34));
    out.put("Azure storage key", "AccountKey=" + base62(86) + "==");
    out.put("AWS access key", "AKIA" + random("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", 16));
    out.put("AWS temporary key", "ASIA" + random("0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ", 16));
    out.put("AWS secret key", base62(12) + "/" + base62(7) + "/" + base62(19));
    out.put("private key", "-----BEGIN OPENSSH PRIVATE KEY-----");
    out.put("PuTTY key", "PuTTY-User-Key-File-3: ssh-rsa");
    out.put("JWT", "eyJhbGciOiJSUzI1NiJ9.eyJzdWIiOiJ" + base62(20) + "." + base62(40));
    out.put("Salesforce consumer key", "3MVG9" + base62(80));
    out.put("Salesforce consumer secret", hex(64).toUpperCase(java.util.Locale.ROOT));
    out.put("Salesforce access token", "00D5e000000AbCd!AQ4AQ" + base62(90));
    out.put("Salesforce refresh token", "5Aep861" + base62(80));
    out.put("URL with a password", "https://deploy:" + base62(12) + "@git.acme.example/repo.git");
    out.put("password in prose", "password: " + base62(14));
    out.put("older GitHub token (40 hex)", hex(40));
    out.put("generated secret", base62(44));
    return out;
  }

  /** A spec with every field that takes text, {@code @@} where the value under test goes. */
  private static List<String> fields() {
    String base =
        """
        name: A
        label: L
        description: D
        owner: o@acme.example
        ticket: SEC-1
        user:
          username: u@acme.example.integration
          email: u@acme.example
          lastName: N
          alias: a
          timeZone: UTC
          locale: en_US
          language: en_US
          emailEncoding: UTF-8
        objects:
          Account:
            access: [read, delete]
            fields: { read: [Name], edit: [Phone] }
            recordTypes: [Retail]
            justification: J
        apexClasses: [C]
        apexPages: [P]
        flows: [F]
        customPermissions: [CP]
        customMetadataTypes: [M__mdt]
        customSettings: [S__c]
        externalCredentialPrincipals: [Cred-Principal]
        userPermissions:
          - RunFlow
          - { name: ViewSetup, justification: J }
        include: [Base]
        mute:
          objects: { Contact: { access: [edit] } }
          userPermissions: [RunReports]
        oauth:
          flow: client-credentials
          scopes: [api]
        """;
    List<String> specs = new ArrayList<>();
    String[] lines = base.split("\n");
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i];
      int colon = line.indexOf(": ");
      String replaced;
      if (line.contains("[")) {
        replaced = line.replaceFirst("\\[([^\\],]+)", "[\"@@\"");
      } else if (line.contains("{ name: ViewSetup")) {
        replaced = line.replace("justification: J", "justification: \"@@\"");
      } else if (colon > 0 && !line.endsWith(":")) {
        replaced = line.substring(0, colon + 2) + "\"@@\"";
      } else if (line.strip().endsWith(":") && line.startsWith("  ") && !line.startsWith("    ")) {
        continue;
      } else {
        replaced = line.replaceFirst("^(\\s*)([A-Za-z]+):$", "$1\"@@\":");
      }
      if (replaced.equals(line)) {
        continue;
      }
      String[] copy = lines.clone();
      copy[i] = replaced;
      specs.add(String.join("\n", copy) + "\n");
    }
    specs.add(base + "# @@\n");
    return specs;
  }

  private static List<Diagnostic> read(String text) {
    Diagnostics diagnostics = new Diagnostics();
    YamlReader.read(FILE, text, diagnostics)
        .ifPresent(root -> SpecParser.parse(FILE, root, diagnostics));
    return diagnostics.sorted();
  }

  @Test
  void everyShapeInEveryFieldIsRefusedWithoutBeingShown() {
    Map<String, String> secrets = secrets();
    List<String> specs = fields();
    assertTrue(secrets.size() >= 30, "at least 30 shapes: " + secrets.size());
    assertTrue(specs.size() >= 30, "at least 30 fields: " + specs.size());
    List<String> missed = new ArrayList<>();
    for (Map.Entry<String, String> secret : secrets.entrySet()) {
      for (String spec : specs) {
        String text = spec.replace("@@", secret.getValue().replace("\"", "\\\""));
        List<Diagnostic> found = read(text);
        String shown = found.stream().map(Diagnostic::format).collect(Collectors.joining("\n"));
        String tail = secret.getValue().substring(secret.getValue().length() - 12);
        if (found.stream().noneMatch(d -> d.message().contains("secret"))) {
          missed.add(secret.getKey() + " in\n" + text + "\n" + shown);
        }
        assertFalse(shown.contains(tail), secret.getKey() + " shown:\n" + shown);
      }
    }
    assertTrue(missed.isEmpty(), () -> missed.size() + " missed, first: " + missed.get(0));
  }

  /** Realistic values that are not secrets, for descriptions, comments and justifications. */
  static List<String> legitimate() {
    List<String> out = new ArrayList<>();
    for (int depth = 1; depth <= 30; depth++) {
      StringBuilder path = new StringBuilder("/home/runner/work/ApiOnly/ApiOnly");
      for (int i = 0; i < depth; i++) {
        path.append("/")
            .append(List.of("force-app", "main", "default", "src", "Sync2024").get(i % 5));
      }
      out.add(path + "/ERP_Order_Sync.permissionset-meta.xml");
    }
    for (int i = 0; i < 40; i++) {
      out.add("/tmp/junit" + Math.abs(RANDOM.nextLong()) + "/in/Invoice_Sync.permissionset");
      out.add("/tmp/tmp." + base62(10) + "/apionly-import" + Math.abs(RANDOM.nextLong()));
    }
    for (int i = 0; i < 15; i++) {
      out.add(
          "/var/folders/"
              + random("abcdefghijklmnopqrstuvwxyz0123456789", 2)
              + "/"
              + random("abcdefghijklmnopqrstuvwxyz0123456789_", 30)
              + "/T/junit"
              + Math.abs(RANDOM.nextLong()));
      out.add(
          "C:\\Users\\runneradmin\\AppData\\Local\\Temp\\junit"
              + Math.abs(RANDOM.nextLong())
              + "\\specs");
      out.add("https://github.com/Acme-Corp/SalesforceOrgConfig2024/commit/" + hex(40));
      out.add(
          "https://gitlab.acme.example/platform/salesforce-integrations/-/merge_requests/"
              + RANDOM.nextInt(9999));
      out.add("https://acme.atlassian.net/browse/SEC-" + RANDOM.nextInt(99999));
    }
    out.addAll(
        List.of(
            "https://help.salesforce.com/s/articleView?id=sf.perm_sets_overview.htm&type=5",
            "https://developer.salesforce.com/docs/atlas.en-us.api_meta.meta/api_meta/meta_permissionset.htm",
            "https://acme.my.salesforce.com/services/oauth2/token",
            "https://erp-sync@acme.example.integration",
            "Reset with password=reset in the runbook, never by mail.",
            "Rotate the passphrase: quarterly, see SEC-12.",
            "pwd=/opt/erp/bin before running the job",
            "The password: see the vault entry erp-sync.",
            "SEC-1234",
            "JIRA-99999",
            "INC0012345",
            "CHG0034567",
            "#4711",
            "0PS5e000000AbCdEFG",
            "0055e000001XyZaAAB",
            "00D5e0000000AbC",
            "erp-team@acme.example",
            "first.last+salesforce@subsidiary.acme.co.uk",
            "erp-sync@acme.example.integration.sandbox",
            "Order_Post_Processing_For_Every_Region_Of_EMEA",
            "OrderSyncRestResource",
            "Nightly order sync from SAP S/4HANA.",
            "Reads org limits before each batch (see /limits in REST API v66.0)."));
    for (int i = 0; i < 20; i++) {
      StringBuilder name = new StringBuilder("Integration");
      while (name.length() < 80) {
        name.append("_")
            .append(
                List.of("ERP", "Sync", "Q3", "2024", "Account", "Access", "Review", "EMEA")
                    .get(RANDOM.nextInt(8)));
      }
      out.add(name.substring(0, 80).replaceAll("_+$", "x"));
    }
    return out;
  }

  @Test
  void realisticValuesThatAreNotSecretsAreAccepted() {
    List<String> values = legitimate();
    assertTrue(values.size() >= 200, "at least 200 values: " + values.size());
    List<String> refused = new ArrayList<>();
    for (String value : values) {
      String quoted = "'" + value.replace("'", "''") + "'";
      for (String text :
          List.of(
              "name: A\nowner: o@acme.example\n# from " + value + "\n",
              "name: A\nowner: o@acme.example\nobjects:\n  Account:\n    access: delete\n"
                  + "    justification: "
                  + quoted
                  + "\n")) {
        List<Diagnostic> found = read(text);
        if (!found.isEmpty()) {
          refused.add(value + ": " + found.get(0).message());
        }
      }
    }
    assertTrue(refused.isEmpty(), refused.size() + " refused:\n" + String.join("\n", refused));
  }
}
