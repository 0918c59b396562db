package dev.apionly.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apionly.Cli;
import dev.apionly.TestFiles;
import dev.apionly.metadata.MetadataRoot;
import dev.apionly.metadata.MetadataXml;
import dev.apionly.metadata.xml.PackageXml;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Salesforce CLI accepts what apionly writes: {@code sf project generate manifest} lists
 * every generated component and {@code sf project convert source} converts every file. The CLI is
 * installed from npm by {@code tools/sf-cli.sh} into a cache outside the repository.
 */
class SalesforceCliTest {

  private static Path sf;

  @BeforeAll
  static void installCli() throws Exception {
    Process install =
        new ProcessBuilder("bash", TestFiles.repository().resolve("tools/sf-cli.sh").toString())
            .redirectError(ProcessBuilder.Redirect.INHERIT)
            .start();
    String out =
        new String(install.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
    assertTrue(install.waitFor(15, TimeUnit.MINUTES), "sf CLI install timed out");
    assertEquals(0, install.exitValue(), "tools/sf-cli.sh failed: " + out);
    sf = Path.of(out.lines().reduce((a, b) -> b).orElseThrow());
  }

  @Test
  void cliListsAndConvertsEveryGeneratedComponent(@TempDir Path project) throws Exception {
    TestFiles.copy(TestFiles.repository().resolve("examples"), project.resolve("specs"));
    TestFiles.sfdxProject(project);
    Cli.Run run =
        Cli.run("generate", project.resolve("specs").toString(), "--out", project.toString());
    assertEquals(0, run.exitCode(), run.toString());
    Map<String, TreeSet<String>> ours = members(project.resolve("manifest/package.xml"));
    assertTrue(
        ours.keySet()
            .containsAll(
                List.of(
                    "PermissionSet",
                    "PermissionSetGroup",
                    "MutingPermissionSet",
                    "UserAccessPolicy",
                    "ExternalClientApplication",
                    "ExtlClntAppOauthSettings",
                    "ExtlClntAppGlobalOauthSettings",
                    "ExtlClntAppOauthConfigurablePolicies")),
        ours.toString());

    Path manifestDir = project.resolve("sf-manifest");
    sf(
        project,
        "project",
        "generate",
        "manifest",
        "--source-dir",
        "force-app",
        "--output-dir",
        manifestDir.toString(),
        "--json");
    Map<String, TreeSet<String>> theirs = members(manifestDir.resolve("package.xml"));
    assertEquals(ours, theirs, "sf lists other components than apionly's manifest");

    Path converted = project.resolve("converted");
    sf(
        project,
        "project",
        "convert",
        "source",
        "--source-dir",
        "force-app",
        "--output-dir",
        converted.toString(),
        "--json");
    long sourceFiles;
    try (Stream<Path> walk = Files.walk(project.resolve("force-app"))) {
      sourceFiles = walk.filter(Files::isRegularFile).count();
    }
    long convertedFiles;
    try (Stream<Path> walk = Files.walk(converted)) {
      convertedFiles =
          walk.filter(Files::isRegularFile).filter(p -> !p.endsWith("package.xml")).count();
    }
    assertEquals(sourceFiles, convertedFiles, "every source file converts to one metadata file");
    assertEquals(ours, members(converted.resolve("package.xml")));
  }

  /**
   * The sf CLI's own replacements, applied offline by {@code sf project convert source} with {@code
   * SF_APPLY_REPLACEMENTS_ON_CONVERT}, deploy each environment's usernames: production's without
   * {@code APIONLY_ENV}, the sandbox suffix for uat, a custom suffix for qa and the written
   * username for ci, in the user access policy and the client-credentials run-as user, byte for
   * byte the generated file with only the username changed, whatever it holds.
   */
  @Test
  void replacementsDeployEachEnvironmentsUsernames(@TempDir Path project) throws Exception {
    TestFiles.sfdxProject(project);
    String production = "o'brien+$&1@acme.example.integration";
    TestFiles.write(
        project.resolve("specs/apionly.yaml"),
        "environments:\n  uat:\n  qa: { usernameSuffix: .qa-1 }\n  ci:\n");
    TestFiles.write(
        project.resolve("specs/ledger.yaml"),
        """
        name: Ledger_Push
        owner: finsys@acme.example
        user:
          username: "o'brien+$&1@acme.example.integration"
          email: finsys@acme.example
          environments:
            ci: { username: ledger-ci@acme.example }
        objects:
          Invoice__c: { access: read }
        oauth: { flow: client-credentials, scopes: api }
        """);
    Cli.Run run =
        Cli.run("generate", project.resolve("specs").toString(), "--out", project.toString());
    assertEquals(0, run.exitCode(), run.toString());
    String policy = "useraccesspolicies/Ledger_Push.useraccesspolicy-meta.xml";
    String runAs = "extlClntAppOauthPolicies/Ledger_Push_oauthPlcy.ecaOauthPlcy-meta.xml";
    Map<String, String> expected =
        Map.of(
            "",
            production,
            "uat",
            production + ".uat",
            "qa",
            production + ".qa-1",
            "ci",
            "ledger-ci@acme.example",
            "staging",
            production); // not an environment: production's, as without APIONLY_ENV
    String escaped = xml(production);
    for (Map.Entry<String, String> environment : expected.entrySet()) {
      Path out = project.resolve("converted-" + environment.getKey());
      sfWithEnvironment(
          project,
          environment.getKey(),
          "project",
          "convert",
          "source",
          "--source-dir",
          "force-app",
          "--output-dir",
          out.toString(),
          "--json");
      for (String file : List.of(policy, runAs)) {
        String source = TestFiles.read(project.resolve("force-app/main/default/" + file));
        assertTrue(source.contains(escaped), source);
        String deployed = TestFiles.read(out.resolve(file.replace("-meta.xml", "")));
        assertEquals(
            source.replace(escaped, xml(environment.getValue())),
            deployed,
            file + " with APIONLY_ENV=" + environment.getKey());
      }
    }
  }

  private static String xml(String text) {
    return text.replace("&", "&amp;").replace("'", "&apos;");
  }

  private static void sfWithEnvironment(Path project, String environment, String... args)
      throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of(sf.toString()));
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true);
    builder.environment().put("SF_APPLY_REPLACEMENTS_ON_CONVERT", "true");
    builder.environment().remove("APIONLY_ENV");
    if (!environment.isEmpty()) {
      builder.environment().put("APIONLY_ENV", environment);
    }
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(5, TimeUnit.MINUTES), "sf timed out");
    assertEquals(0, process.exitValue(), "sf " + String.join(" ", args) + " failed:\n" + output);
  }

  private static void sf(Path project, String... args) throws IOException, InterruptedException {
    List<String> command = new java.util.ArrayList<>(List.of(sf.toString()));
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command).directory(project.toFile()).redirectErrorStream(true).start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(process.waitFor(5, TimeUnit.MINUTES), "sf timed out");
    assertEquals(0, process.exitValue(), "sf " + String.join(" ", args) + " failed:\n" + output);
  }

  private static Map<String, TreeSet<String>> members(Path manifest) throws Exception {
    PackageXml xml = MetadataXml.parse(TestFiles.read(manifest), MetadataRoot.PACKAGE);
    Map<String, TreeSet<String>> out = new TreeMap<>();
    xml.getTypes()
        .forEach(
            t ->
                out.put(
                    t.getName().strip(),
                    new TreeSet<>(t.getMembers().stream().map(String::strip).toList())));
    return out;
  }
}
