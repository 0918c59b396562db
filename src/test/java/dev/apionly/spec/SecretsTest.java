package dev.apionly.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apionly.diagnostic.Diagnostic;
import dev.apionly.diagnostic.Diagnostics;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Secrets pasted into a spec: found wherever they stand, never echoed; names are not secrets. */
class SecretsTest {

  private static final Path FILE = Path.of("spec.yaml");

  private static List<Diagnostic> read(String text) {
    Diagnostics diagnostics = new Diagnostics();
    YamlReader.read(FILE, text, diagnostics);
    return diagnostics.sorted();
  }

  private static void assertRefused(String text, int line, int column, String what) {
    List<Diagnostic> found = read(text);
    assertEquals(1, found.size(), found.toString());
    Diagnostic diagnostic = found.get(0);
    assertEquals(line, diagnostic.location().line(), diagnostic.headline());
    assertEquals(column, diagnostic.location().column(), diagnostic.headline());
    assertTrue(diagnostic.message().contains(what), diagnostic.message());
    assertFalse(diagnostic.quoteSource(), "the line must not be quoted");
    assertFalse(diagnostic.format().contains("S3cr3t"), diagnostic.format());
  }

  @Test
  void aSecretInACommentIsFound() {
    assertRefused("name: A\n# staging password: S3cr3tPa55\n", 2, 11, "looks like a password");
  }

  @Test
  void aSecretInYamlThatDoesNotParseIsFoundBeforeTheSyntaxError() {
    assertRefused(
        "name: A\ndescription: \"eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJTM2NyM3QifQ.S3cr3t\nx: [\n",
        2,
        14,
        "signed token (JWT)");
  }

  @Test
  void aSecretKeyInAFlowMappingIsFoundOnceParsed() {
    Diagnostics diagnostics = new Diagnostics();
    YamlNode root =
        YamlReader.read(FILE, "name: A\noauth: {flow: jwt-bearer, apiKey: S3cr3t}\n", diagnostics)
            .orElseThrow();
    assertTrue(Secrets.scan(root, diagnostics));
    assertTrue(diagnostics.sorted().get(0).message().contains("key 'apiKey' names a secret"));
  }

  @Test
  void keysAreJudgedByHowTheyEnd() {
    assertRefused("name: A\nconsumer_secret: S3cr3t\n", 2, 1, "key 'consumer_secret'");
    assertRefused("name: A\nrefreshToken: S3cr3t\n", 2, 1, "key 'refreshToken'");
    for (String name : List.of("ManagePasswordPolicies", "ResetPasswords", "Token__c")) {
      assertEquals(List.of(), read("levels:\n  " + name + ": high\n"), name);
    }
  }

  @Test
  void pathsAndLongNamesAreNotGeneratedSecrets() {
    assertEquals(
        List.of(),
        read("name: A\n# from /tmp/junit-3484160461735073346/in/Invoice_Sync.permissionset\n"));
    assertEquals(
        List.of(), read("name: A\nflows: [Order_Post_Processing_For_Every_Region_Of_EMEA]\n"));
  }

  @Test
  void aRandomKeyIsAGeneratedSecret() {
    assertRefused(
        "name: A\nticket: Zk8Qw3Rt6Yp1Lm4Nb7Vc2Xs5Df9Gh0Jk3Pq8S3cr3t\n", 2, 9, "generated secret");
  }

  /** A megabyte of letters on one line: scanned in linear time, not refused. */
  @Test
  void aHugeRunOfLettersIsScannedAndAccepted() {
    String huge = "a".repeat(1_000_000);
    List<Diagnostic> found = read("name: A\ndescription: " + huge + "\n");
    assertTrue(found.stream().noneMatch(d -> d.message().contains("secret")), found.toString());
    List<Diagnostic> mixed = read("name: A\n# " + "aB3".repeat(300_000) + "\n");
    assertEquals(1, mixed.size(), "one refusal for the line, however long");
  }

  /** Every shape of secret, as a value and in a comment: the quick screen lets each through. */
  @Test
  void everyShapeIsFoundAsAValueAndInAComment() {
    List<List<String>> shapes =
        List.of(
            List.of("-----BEGIN RSA PRIVATE KEY-----", "a private key"),
            List.of("PassPhrase=S3cr3tPa55", "a password"),
            List.of("3MVG9" + "A1b2C3d4E5".repeat(4), "an OAuth consumer key"),
            List.of("00D5e000000AbCd!" + "AQ4AQ.S3cr3t_x".repeat(2), "a Salesforce access token"),
            List.of("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJ.S3cr3t", "a signed token (JWT)"),
            List.of("AKIA" + "ABCD2345EFGH6789", "an AWS access key"),
            List.of("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b", "a consumer secret or hash key"),
            List.of("Zk8Qw3Rt6Yp1Lm4Nb7Vc2Xs5Df9Gh0Jk3Pq8S3cr3t", "a generated secret"));
    for (List<String> shape : shapes) {
      assertRefused("name: A\ndescription: \"" + shape.get(0) + "\"\n", 2, 14, shape.get(1));
      assertRefused("name: A\n# was: " + shape.get(0) + "\n", 2, 8, shape.get(1));
    }
  }
}
