package dev.apionly.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apionly.Cli;
import dev.apionly.TestFiles;
import dev.apionly.diagnostic.Diagnostic;
import dev.apionly.diagnostic.Diagnostics;
import dev.apionly.diagnostic.Location;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The {@code oauth} block: flows, scopes, the certificate file, and secrets that never show. */
class OAuthSpecTest {

  private static final Path CERTS = TestFiles.repository().resolve("src/test/resources/certs");
  private static final String KEY_BODY =
      "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQDdoNotShown";
  private static final String SECRET = "3F9A0C1D2E4B5A69788766554433221100FFEEDDCCBBAA99";

  @TempDir Path project;

  @BeforeEach
  void project() {
    TestFiles.sfdxProject(project);
  }

  private Cli.Run generate(String oauth) {
    TestFiles.write(
        project.resolve("specs/app.yaml"),
        "name: Billing_Sync\n"
            + "owner: billing@acme.example\n"
            + "user:\n"
            + "  username: billing@acme.example.integration\n"
            + "  email: billing@acme.example\n"
            + "objects:\n"
            + "  Account: { access: read }\n"
            + oauth);
    return Cli.run("generate", project.resolve("specs").toString(), "--out", project.toString());
  }

  private void certificate(String path, String text) {
    TestFiles.write(project.resolve("specs").resolve(path), text);
  }

  private static String rsa() {
    return TestFiles.read(CERTS.resolve("rsa.crt"));
  }

  private void assertNothingWritten() {
    assertFalse(Files.exists(project.resolve("force-app")), "nothing may be written");
  }

  @Test
  void jwtBearerWritesTheFourComponents() {
    certificate("certs/billing.crt", rsa());
    Cli.Run run =
        generate("oauth:\n  flow: jwt-bearer\n  scopes: [api]\n  certificate: certs/billing.crt\n");
    assertEquals(0, run.exitCode(), run.toString());
    for (String path :
        List.of(
            "externalClientApps/Billing_Sync.eca-meta.xml",
            "extlClntAppOauthSettings/Billing_Sync_oauth.ecaOauth-meta.xml",
            "extlClntAppGlobalOauthSets/Billing_Sync_glbloauth.ecaGlblOauth-meta.xml",
            "extlClntAppOauthPolicies/Billing_Sync_oauthPlcy.ecaOauthPlcy-meta.xml")) {
      assertTrue(Files.exists(project.resolve("force-app/main/default").resolve(path)), path);
    }
  }

  @Test
  void privateKeyInTheCertificateFileIsRefusedWithoutShowingIt() {
    certificate(
        "certs/billing.crt",
        rsa() + "-----BEGIN PRIVATE KEY-----\n" + KEY_BODY + "\n-----END PRIVATE KEY-----\n");
    Cli.Run run =
        generate("oauth:\n  flow: jwt-bearer\n  scopes: [api]\n  certificate: certs/billing.crt\n");
    assertEquals(2, run.exitCode(), run.toString());
    assertTrue(run.err().contains("app.yaml:11:16: error: certificate file"), run.err());
    assertTrue(run.err().contains("holds a private key (not shown)"), run.err());
    assertFalse(run.toString().contains(KEY_BODY), run.toString());
    assertNothingWritten();
  }

  @Test
  void aRsaPrivateKeyHeaderIsCaughtToo() {
    certificate(
        "certs/billing.pem",
        "-----BEGIN RSA PRIVATE KEY-----\n" + KEY_BODY + "\n-----END RSA PRIVATE KEY-----\n");
    Cli.Run run =
        generate("oauth:\n  flow: jwt-bearer\n  scopes: [api]\n  certificate: certs/billing.pem\n");
    assertEquals(2, run.exitCode(), run.toString());
    assertTrue(run.err().contains("holds a private key"), run.err());
    assertFalse(run.toString().contains(KEY_BODY), run.toString());
  }

  @Test
  void aConsumerSecretInTheSpecIsRefusedWithoutShowingIt() {
    Cli.Run run =
        generate(
            "oauth:\n  flow: client-credentials\n  scopes: [api]\n  consumerSecret: "
                + SECRET
                + "\n");
    assertEquals(2, run.exitCode(), run.toString());
    assertTrue(
        run.err().contains("app.yaml:11:3: error: key 'consumerSecret' names a secret"), run.err());
    assertFalse(run.toString().contains(SECRET), run.toString());
    assertNothingWritten();
  }

  @Test
  void pemTextInsteadOfAPathIsRefusedWithoutShowingIt() {
    Cli.Run run =
        generate(
            "oauth:\n  flow: jwt-bearer\n  scopes: [api]\n  certificate: \"-----BEGIN PRIVATE KEY-----"
                + KEY_BODY
                + "\"\n");
    assertEquals(2, run.exitCode(), run.toString());
    assertTrue(
        run.err().contains("app.yaml:11:16: error: this value looks like a private key"),
        run.err());
    assertFalse(run.toString().contains(KEY_BODY), run.toString());
  }

  @Test
  void missingCertificateFileIsNamed() {
    Cli.Run run =
        generate("oauth:\n  flow: jwt-bearer\n  scopes: [api]\n  certificate: certs/nope.crt\n");
    assertEquals(2, run.exitCode(), run.toString());
    assertTrue(
        run.err().contains("app.yaml:11:16: error: certificate file 'certs/nope.crt' not found"),
        run.err());
  }

  @Test
  void malformedCertificateIsRefused() {
    certificate("certs/bad.crt", "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n");
    Cli.Run run =
        generate("oauth:\n  flow: jwt-bearer\n  scopes: [api]\n  certificate: certs/bad.crt\n");
    assertEquals(2, run.exitCode(), run.toString());
    assertTrue(run.err().contains("is not a valid X.509 certificate"), run.err());
  }

  @Test
  void aFileWithoutPemIsRefused() {
    certificate("certs/notes.txt", "just some notes\n");
    Cli.Run run =
        generate("oauth:\n  flow: jwt-bearer\n  scopes: [api]\n  certificate: certs/notes.txt\n");
    assertEquals(2, run.exitCode(), run.toString());
    assertTrue(run.err().contains("holds no PEM certificate; accepted: a PEM file"), run.err());
  }

  @Test
  void twoCertificatesAreRefused() {
    certificate("certs/chain.crt", rsa() + rsa());
    Cli.Run run =
        generate("oauth:\n  flow: jwt-bearer\n  scopes: [api]\n  certificate: certs/chain.crt\n");
    assertEquals(2, run.exitCode(), run.toString());
    assertTrue(run.err().contains("holds 2 certificates; accepted: exactly one"), run.err());
  }

  @Test
  void aNonRsaCertificateIsRefused() {
    certificate("certs/ec.crt", TestFiles.read(CERTS.resolve("ec.crt")));
    Cli.Run run =
        generate("oauth:\n  flow: jwt-bearer\n  scopes: [api]\n  certificate: certs/ec.crt\n");
    assertEquals(2, run.exitCode(), run.toString());
    assertTrue(run.err().contains("has a EC key; the JWT bearer flow signs with RS256"), run.err());
  }

  @Test
  void aCertificateOutsideTheSpecDirectoryIsRefused() {
    TestFiles.write(project.resolve("outside.crt"), rsa());
    Cli.Run run =
        generate("oauth:\n  flow: jwt-bearer\n  scopes: [api]\n  certificate: ../outside.crt\n");
    assertEquals(2, run.exitCode(), run.toString());
    assertTrue(run.err().contains("leaves the spec's directory"), run.err());

    Cli.Run absolute =
        generate(
            "oauth:\n  flow: jwt-bearer\n  scopes: [api]\n  certificate: "
                + project.resolve("outside.crt")
                + "\n");
    assertEquals(2, absolute.exitCode(), absolute.toString());
    assertTrue(absolute.err().contains("is absolute"), absolute.err());
  }

  @Test
  void jwtBearerNeedsACertificate() {
    Cli.Run run = generate("oauth:\n  flow: jwt-bearer\n  scopes: [api]\n");
    assertEquals(2, run.exitCode(), run.toString());
    assertTrue(
        run.err().contains("app.yaml:9:3: error: missing required key 'certificate' in 'oauth'"),
        run.err());
  }

  @Test
  void clientCredentialsTakesNoCertificate() {
    certificate("certs/billing.crt", rsa());
    Cli.Run run =
        generate(
            "oauth:\n  flow: client-credentials\n  scopes: [api]\n  certificate: certs/billing.crt\n");
    assertEquals(2, run.exitCode(), run.toString());
    assertTrue(run.err().contains("'certificate' is for the jwt-bearer flow"), run.err());
  }

  @Test
  void clientCredentialsNeedsTheUser() {
    TestFiles.write(
        project.resolve("specs/app.yaml"),
        "name: Billing_Sync\nowner: billing@acme.example\n"
            + "oauth:\n  flow: client-credentials\n  scopes: [api]\n");
    Cli.Run run =
        Cli.run("generate", project.resolve("specs").toString(), "--out", project.toString());
    assertEquals(2, run.exitCode(), run.toString());
    assertTrue(
        run.err().contains("app.yaml:4:9: error: the client-credentials flow issues tokens for a"),
        run.err());
  }

  @Test
  void unknownFlowAndScopesSayWhatIsAccepted() {
    Cli.Run run = generate("oauth:\n  flow: jwt-barer\n  scopes: [apii, web]\n");
    assertEquals(2, run.exitCode(), run.toString());
    assertTrue(
        run.err()
            .contains(
                "app.yaml:9:9: error: unknown OAuth flow 'jwt-barer' (did you mean 'jwt-bearer'?);"
                    + " accepted: jwt-bearer, client-credentials"),
        run.err());
    assertTrue(
        run.err()
            .contains("app.yaml:10:12: error: unknown OAuth scope 'apii' (did you mean 'api'?)"),
        run.err());
    assertTrue(
        run.err().contains("app.yaml:10:18: error: scope 'web' is for people signing in"),
        run.err());
  }

  @Test
  void scopesAreRequired() {
    Cli.Run run = generate("oauth:\n  flow: client-credentials\n");
    assertEquals(2, run.exitCode(), run.toString());
    assertTrue(run.err().contains("missing required key 'scopes' in 'oauth'"), run.err());
  }

  @Test
  void oauthNeedsApi60() {
    TestFiles.write(
        project.resolve("sfdx-project.json"),
        "{\"packageDirectories\": [{\"path\": \"force-app\", \"default\": true}],"
            + " \"sourceApiVersion\": \"59.0\"}\n");
    Cli.Run run = generate("oauth:\n  flow: client-credentials\n  scopes: [api]\n");
    assertEquals(2, run.exitCode(), run.toString());
    assertTrue(run.err().contains("'oauth' needs External Client App OAuth flows"), run.err());
  }

  @Test
  void anExpiredCertificateIsAWarningNotAnError() {
    Path spec = project.resolve("specs/app.yaml");
    certificate("certs/billing.crt", rsa());
    Ref path = new Ref("certs/billing.crt", new Location(spec, 11, 16));
    Diagnostics diagnostics = new Diagnostics();
    Optional<String> pem =
        CertificateFile.read(spec, path, diagnostics, Instant.parse("2200-01-01T00:00:00Z"));
    assertTrue(pem.isPresent());
    List<Diagnostic> all = diagnostics.sorted();
    assertEquals(1, all.size(), all.toString());
    assertFalse(all.get(0).isError());
    assertTrue(all.get(0).message().contains("expired on 2126-"), all.get(0).message());
  }

  @Test
  void theCertificateIsWrittenInOneCanonicalForm() {
    Path spec = project.resolve("specs/app.yaml");
    certificate("certs/crlf.crt", rsa().replace("\n", "\r\n") + "\r\n\r\n");
    certificate("certs/lf.crt", rsa());
    Diagnostics diagnostics = new Diagnostics();
    Instant now = Instant.parse("2030-01-01T00:00:00Z");
    String crlf =
        CertificateFile.read(spec, new Ref("certs/crlf.crt", Location.of(spec)), diagnostics, now)
            .orElseThrow();
    String lf =
        CertificateFile.read(spec, new Ref("certs/lf.crt", Location.of(spec)), diagnostics, now)
            .orElseThrow();
    assertEquals(lf, crlf);
    assertEquals(rsa().strip(), lf);
    assertTrue(diagnostics.isEmpty(), diagnostics.sorted().toString());
  }
}
