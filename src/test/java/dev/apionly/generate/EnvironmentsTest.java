package dev.apionly.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apionly.Cli;
import dev.apionly.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Environments from the command line: bad {@code environments:} and {@code user.environments}
 * refused at their position with nothing written; apionly's entries in {@code sfdx-project.json}
 * kept in step with the environments, the user's entries and formatting untouched, a clashing one
 * refused, and drift reported by {@code --check}.
 */
class EnvironmentsTest {

  private static final String PROJECT =
      """
      {
        "packageDirectories": [
          { "path": "force-app", "default": true }
        ],
        "replacements": [
          { "filename": "force-app/main/default/classes/Endpoints.cls",
            "stringToReplace": "https://erp.acme.example", "replaceWithEnv": "ERP_URL" }
        ],
        "sourceApiVersion": "66.0"
      }
      """;

  private static final String SPEC =
      """
      name: Ledger_Push
      owner: finsys@acme.example
      user:
        username: ledger-push@acme.example.integration
        email: finsys@acme.example
      objects:
        Invoice__c: { access: read }
      """;

  private static Path project(Path root, String config, String spec) {
    TestFiles.write(root.resolve("sfdx-project.json"), PROJECT);
    TestFiles.write(root.resolve("specs/apionly.yaml"), config);
    TestFiles.write(root.resolve("specs/ledger.yaml"), spec);
    return root;
  }

  private static Cli.Run generate(Path project, String... more) {
    String[] args = new String[3 + more.length];
    args[0] = "generate";
    args[1] = project.resolve("specs").toString();
    args[2] = "--out=" + project;
    System.arraycopy(more, 0, args, 3, more.length);
    return Cli.run(args);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          unknown key     | environments:\\n  uat:\\n    usernameSufix: .u\\n | 3:5 | unknown key 'usernameSufix' in environment 'uat' (did you mean 'usernameSuffix'?)
          bad name        | environments:\\n  'u a t':\\n                   | 2:3 | environment name 'u a t' is not accepted; accepted: letters, digits
          production      | environments:\\n  Production:\\n                | 2:3 | is not accepted: production is the org deployed without APIONLY_ENV
          case duplicate  | environments:\\n  uat:\\n  UAT:\\n              | 3:3 | duplicate key 'UAT' (first at 2:3 as 'uat')
          bad suffix      | environments:\\n  uat: { usernameSuffix: '@uat' }\\n | 2:26 | usernameSuffix '@uat' is not accepted; accepted: a dot followed by
          not a mapping   | environments: [uat, qa]\\n                       | 1:15 | 'environments' must be a mapping of environment names to settings
          """)
  void refusesABadEnvironmentWithItsPosition(
      String what, String config, String position, String message, @TempDir Path root) {
    Path project = project(root, config.replace("\\n", "\n"), SPEC);
    Map<String, String> before = TestFiles.tree(project);
    Cli.Run run = generate(project);
    assertEquals(2, run.exitCode(), run.toString());
    assertTrue(run.err().contains("apionly.yaml:" + position + ": error: "), run.err());
    assertTrue(run.err().contains(message), run.err());
    assertFalse(run.err().contains("Exception"), run.err());
    assertEquals(before, TestFiles.tree(project), what + ": nothing written");
  }

  private static String withEnvironments(String spec, String environments) {
    return spec.replace(
        "  email: finsys@acme.example\n",
        "  email: finsys@acme.example\n  environments:\n" + environments);
  }

  @Test
  void refusesAnEnvironmentTheConfigDoesNotName(@TempDir Path root) {
    Path project =
        project(
            root,
            "environments:\n  uat:\n  qa:\n",
            withEnvironments(
                SPEC,
                "    QA: { username: ledger-qa@acme.example }\n"
                    + "    uatt: { username: ledger@acme.example }\n"));
    Cli.Run run = generate(project);
    assertEquals(2, run.exitCode(), run.toString());
    assertTrue(
        run.err().contains("ledger.yaml:8:5: error: environment 'uatt' is not in "), run.err());
    assertTrue(
        run.err().contains("apionly.yaml (did you mean 'uat'?); accepted: uat, qa"), run.err());
  }

  @Test
  void refusesUsernamesThatBreakSalesforcesRules(@TempDir Path root) {
    String longName = "a".repeat(55) + "@acme.example.integration"; // 80, 84 with '.uat'
    Path project =
        project(
            root,
            "environments:\n  uat:\n  qa:\n",
            withEnvironments(
                SPEC.replace("ledger-push@acme.example.integration", longName),
                "    qa: { username: " + longName.toUpperCase() + " }\n"));
    Cli.Run run = generate(project);
    assertEquals(2, run.exitCode(), run.toString());
    assertTrue(
        run.err()
            .contains(
                "ledger.yaml:4:13: error: username in environment 'uat' (.uat appended,"
                    + " Salesforce's sandbox suffix) is 84 characters long; Salesforce accepts at"
                    + " most 80"),
        run.err());
    assertTrue(
        run.err().contains("in environment 'qa' is also the username in production"), run.err());
  }

  @Test
  void keepsItsEntriesInStepAndTheUsersAsWritten(@TempDir Path root) throws Exception {
    Path project = project(root, "environments:\n  uat:\n  qa: { usernameSuffix: .qa-1 }\n", SPEC);
    Cli.Run run = generate(project);
    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(run.out().contains("update sfdx-project.json"), run.out());
    String edited = TestFiles.read(project.resolve("sfdx-project.json"));
    assertTrue(edited.startsWith(PROJECT.substring(0, PROJECT.indexOf("}\n  ],") + 2)), edited);
    assertTrue(edited.contains("\".apionly/environments/qa/Ledger_Push.username\""), edited);
    assertEquals(
        "ledger-push@acme.example.integration.qa-1\n",
        TestFiles.read(project.resolve(".apionly/environments/qa/Ledger_Push.username")));
    String state = TestFiles.read(project.resolve(".apionly/generated.tsv"));
    assertFalse(state.contains("sfdx-project.json"), "never recorded as apionly's own: " + state);
    assertTrue(state.contains(".apionly/environments/uat/Ledger_Push.username\t"), state);

    // a hand edit of apionly's entries is drift, shown as a diff
    TestFiles.write(project.resolve("sfdx-project.json"), PROJECT);
    Cli.Run check = generate(project, "--check");
    assertEquals(1, check.exitCode(), check.toString());
    assertTrue(check.out().contains("would update sfdx-project.json"), check.out());
    assertTrue(check.out().contains("+    {"), check.out());
    assertEquals(0, generate(project).exitCode());
    assertEquals(0, generate(project, "--check").exitCode());

    // environments removed: the entries, the values and their folders go; the file is as written
    TestFiles.write(project.resolve("specs/apionly.yaml"), "policy:\n  forbid: [AuthorApex]\n");
    Cli.Run removed = generate(project);
    assertEquals(0, removed.exitCode(), removed.toString());
    assertEquals(PROJECT, TestFiles.read(project.resolve("sfdx-project.json")));
    assertFalse(Files.exists(project.resolve(".apionly/environments")), "values removed");
  }

  @Test
  void refusesAUsersEntryThatReachesAGeneratedFile(@TempDir Path root) {
    Path project = project(root, "environments:\n  uat:\n", SPEC);
    String clashing =
        PROJECT.replace(
            "force-app/main/default/classes/Endpoints.cls",
            "useraccesspolicies/Ledger_Push.useraccesspolicy-meta.xml");
    TestFiles.write(project.resolve("sfdx-project.json"), clashing);
    Map<String, String> before = TestFiles.tree(project);
    Cli.Run run = generate(project);
    assertEquals(2, run.exitCode(), run.toString());
    assertTrue(
        run.err()
            .contains(
                "sfdx-project.json:6:5: error: 'replacements[0]' (filename) targets"
                    + " force-app/main/default/useraccesspolicies/Ledger_Push.useraccesspolicy-meta.xml,"
                    + " a file apionly generates"),
        run.err());
    assertEquals(before, TestFiles.tree(project), "nothing written");
  }

  @Test
  void anEntryDressedAsApionlysCannotPointOneIntegrationsPolicyAtAnothersUser(@TempDir Path root) {
    Path project = project(root, "environments:\n  uat:\n", SPEC);
    TestFiles.write(project.resolve("other/apionly.yaml"), "environments:\n  uat:\n");
    TestFiles.write(
        project.resolve("other/erp.yaml"),
        SPEC.replace("Ledger_Push", "Erp_Pull").replace("ledger-push@", "erp-pull@"));
    Cli.Run both =
        Cli.run(
            "generate",
            project.resolve("specs").toString(),
            project.resolve("other").toString(),
            "--out=" + project);
    assertEquals(0, both.exitCode(), both.toString());
    String forged =
        "    {\n"
            + "      \"filename\": \"force-app/main/default/useraccesspolicies/"
            + "Ledger_Push.useraccesspolicy-meta.xml\",\n"
            + "      \"stringToReplace\": \"ledger-push@acme.example.integration\",\n"
            + "      \"replaceWithFile\": \".apionly/environments/uat/Erp_Pull.username\",\n"
            + "      \"replaceWhenEnv\": [{ \"env\": \"APIONLY_ENV\", \"value\": \"uat\" }]\n"
            + "    },\n";
    Path file = project.resolve("sfdx-project.json");
    String text = TestFiles.read(file);
    int ours = text.indexOf("    {\n      \"filename\"");
    TestFiles.write(file, text.substring(0, ours) + forged + text.substring(ours));

    Cli.Run run = generate(project);

    assertEquals(0, run.exitCode(), run.toString());
    assertEquals(text, TestFiles.read(file), "the forged entry is not kept");
  }

  @Test
  void refusesAMalformedReplacementsValue(@TempDir Path root) {
    Path project = project(root, "environments:\n  uat:\n", SPEC);
    TestFiles.write(
        project.resolve("sfdx-project.json"),
        PROJECT.replaceAll("(?s)\"replacements\": \\[.*?\\n  \\]", "\"replacements\": \"uat\""));
    Map<String, String> before = TestFiles.tree(project);
    Cli.Run run = generate(project);
    assertEquals(2, run.exitCode(), run.toString());
    assertTrue(
        run.err()
            .contains("sfdx-project.json:5:19: error: 'replacements' must be a list of entries"),
        run.err());
    assertTrue(run.err().contains("found a string"), run.err());
    assertEquals(before, TestFiles.tree(project), "nothing written");
  }
}
