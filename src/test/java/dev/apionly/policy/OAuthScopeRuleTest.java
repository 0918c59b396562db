package dev.apionly.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apionly.Cli;
import dev.apionly.TestFiles;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broad OAuth scopes are reported as warnings, with their rule ids; generate still succeeds. */
class OAuthScopeRuleTest {

  private static Cli.Run generate(Path project, String flow, String scopes) {
    TestFiles.sfdxProject(project);
    TestFiles.write(
        project.resolve("specs/app.yaml"),
        "name: Billing_Sync\n"
            + "owner: billing@acme.example\n"
            + "user:\n"
            + "  username: billing@acme.example.integration\n"
            + "  email: billing@acme.example\n"
            + "oauth:\n"
            + "  flow: "
            + flow
            + "\n"
            + "  scopes: "
            + scopes
            + "\n");
    return Cli.run("generate", project.resolve("specs").toString(), "--out", project.toString());
  }

  @Test
  void fullAndRefreshTokenOnClientCredentialsAreReported(@TempDir Path project) {
    Cli.Run run = generate(project, "client-credentials", "[api, full, refresh_token]");
    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(
        run.err()
            .contains(
                "app.yaml:8:17: warning: scope 'full' gives the app everything the integration"),
        run.err());
    assertTrue(run.err().contains("[" + Rule.OAUTH_FULL_SCOPE.id() + "]"), run.err());
    assertTrue(
        run.err().contains("app.yaml:8:23: warning: scope 'refresh_token' is never used"),
        run.err());
    assertTrue(
        run.err().contains("[" + Rule.OAUTH_REFRESH_TOKEN_CLIENT_CREDENTIALS.id() + "]"),
        run.err());
  }

  @Test
  void apiAloneIsQuiet(@TempDir Path project) {
    Cli.Run run = generate(project, "client-credentials", "[api]");
    assertEquals(0, run.exitCode(), run.toString());
    assertFalse(run.err().contains("warning"), run.err());
  }
}
