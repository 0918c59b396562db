package dev.apionly.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apionly.Cli;
import dev.apionly.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** {@code --templates DIR}: a user's copy of the templates, still held to the spec. */
class CustomTemplatesTest {

  private static final String TEMPLATE = "permissionset-meta.xml.vm";

  /** A spec whose integration logs in through OAuth: it renders the External Client App files. */
  private static final String OAUTH_SPEC =
      "name: Alpha_Sync\nowner: o@acme.example\nobjects:\n  Account:\n    access: [read]\n"
          + "user:\n  username: alpha@acme.example.integration\n  email: o@acme.example\n"
          + "oauth:\n  flow: client-credentials\n  scopes: [api]\n";

  @TempDir Path project;
  Path templates;

  @BeforeEach
  void setUp() {
    TestFiles.sfdxProject(project);
    TestFiles.write(
        project.resolve("specs/a.yaml"),
        "name: Alpha_Sync\nowner: o@acme.example\nobjects:\n  Account:\n    access: [read, edit]\n");
    templates = project.resolve("my-templates");
    TestFiles.copy(TestFiles.repository().resolve("templates"), templates);
  }

  private Cli.Run generate() {
    return Cli.run(
        "generate",
        project.resolve("specs").toString(),
        "--out",
        project.toString(),
        "--templates",
        templates.toString());
  }

  private void edit(String from, String to) {
    breakTemplate(TEMPLATE, from, to);
  }

  @Test
  void aUsersTemplateIsUsed() {
    edit(
        "<PermissionSet xmlns=\"http://soap.sforce.com/2006/04/metadata\">",
        "<PermissionSet xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n    <!-- reviewed by platform -->");
    Cli.Run run = generate();
    assertEquals(0, run.exitCode(), run.toString());
    String written =
        TestFiles.read(
            project.resolve(
                "force-app/main/default/permissionsets/Alpha_Sync.permissionset-meta.xml"));
    assertTrue(written.contains("<!-- reviewed by platform -->"), written);
  }

  @Test
  void aTemplateThatGrantsSomethingElseIsRefused() {
    edit("<allowDelete>$object.allowDelete()</allowDelete>", "<allowDelete>true</allowDelete>");
    Cli.Run run = generate();
    assertEquals(2, run.exitCode(), run.toString());
    assertTrue(run.err().contains("rendered output does not match the spec"), run.err());
    assertTrue(run.err().contains("check the templates in --templates"), run.err());
    // the grant is named, not two records
    assertTrue(run.err().contains("grants beyond the spec: object Account.delete"), run.err());
    assertFalse(run.err().contains("PermissionSet["), run.err());
    assertFalse(Files.exists(project.resolve("force-app")));
  }

  /**
   * Edits that reach further than the spec in files other than the permission set: who a user
   * access policy selects, what the user definition assigns, how far an OAuth token reaches, what a
   * manifest deploys. Each is refused (exit 2) with nothing written.
   */
  static Stream<Arguments> editsThatReachFurther() {
    String policy = "useraccesspolicy-meta.xml.vm";
    String user = "user-def.json.vm";
    String oauth = "ecaOauthPlcy-meta.xml.vm";
    String manifest = "package.xml.vm";
    return Stream.of(
        Arguments.of(
            policy,
            "<booleanFilter>1 AND 2</booleanFilter>",
            "<booleanFilter>1 OR 2</booleanFilter>",
            "policy filter logic"),
        Arguments.of(
            policy,
            "<operation>equals</operation>\n        <sortOrder>1</sortOrder>",
            "<operation>notEquals</operation>\n        <sortOrder>1</sortOrder>",
            "policy filters"),
        Arguments.of(
            user,
            "\"profileName\"",
            "\"permsets\": [\"Full_Admin\"],\n  \"profileName\"",
            "sets permsets"),
        Arguments.of(
            user,
            "\"profileName\"",
            "\"UserPermissionsMarketingUser\": true,\n  \"profileName\"",
            "sets UserPermissionsMarketingUser"),
        Arguments.of(user, "\n}", "\n}\n{\"extra\": 1}", "is not valid JSON"),
        Arguments.of(
            oauth,
            "<ipRelaxationPolicyType>Enforce</ipRelaxationPolicyType>",
            "<ipRelaxationPolicyType>BypassUsingVerificationCode</ipRelaxationPolicyType>",
            "IP relaxation"),
        Arguments.of(
            oauth,
            "<isTokenExchangeFlowEnabled>false</isTokenExchangeFlowEnabled>",
            "<isTokenExchangeFlowEnabled>true</isTokenExchangeFlowEnabled>",
            "token exchange flow"),
        Arguments.of(manifest, "<members>$member</members>", "", "does not list"),
        Arguments.of(
            manifest,
            "<members>$member</members>",
            "<members>$member</members><members>Admin</members>",
            "lists PermissionSet Admin"));
  }

  @ParameterizedTest(name = "{0}: {3}")
  @MethodSource("editsThatReachFurther")
  void anEditThatReachesFurtherThanTheSpecIsRefused(
      String template, String from, String to, String named) {
    TestFiles.write(project.resolve("specs/a.yaml"), OAUTH_SPEC);
    Path file = templates.resolve(template);
    String text = TestFiles.read(file);
    assertTrue(text.contains(from), from);
    TestFiles.write(file, text.replace(from, to));
    Cli.Run run = generate();
    assertEquals(2, run.exitCode(), run.toString());
    assertTrue(run.err().contains(named), run.err());
    assertFalse(run.err().contains("\tat "), run.err());
    assertFalse(Files.exists(project.resolve("force-app")), "nothing is written");
  }

  /** Same grants, but in an order Salesforce would refuse to deploy: the schema finds it. */
  @Test
  void aTemplateThatBreaksTheMetadataSchemaIsRefused() {
    edit("    <label>$v.set().label()</label>\n", "");
    edit(
        "<PermissionSet xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n",
        "<PermissionSet xmlns=\"http://soap.sforce.com/2006/04/metadata\">\n"
            + "    <label>$v.set().label()</label>\n");
    Cli.Run run = generate();
    assertEquals(2, run.exitCode(), run.toString());
    assertTrue(run.err().contains("Alpha_Sync.permissionset-meta.xml:"), run.err());
    assertTrue(run.err().contains("not valid against the Metadata API schema 66.0"), run.err());
    assertFalse(Files.exists(project.resolve("force-app")));
  }

  @Test
  void anUnknownReferenceIsAnErrorInStrictMode() {
    edit("<label>$v.set().label()</label>", "<label>$v.set().lable()</label>");
    Cli.Run run = generate();
    assertEquals(2, run.exitCode(), run.toString());
    assertTrue(run.err().contains("template " + TEMPLATE + " failed"), run.err());
    assertFalse(run.err().contains("\tat "), run.err());
    assertFalse(Files.exists(project.resolve("force-app")));
  }

  /**
   * A template that fails for every spec fails on whichever core gets there first, yet the error
   * names the same spec on every run: the first by file.
   */
  @Test
  void aTemplateThatFailsForManySpecsNamesTheFirstOnEveryRun() {
    for (char c = 'b'; c <= 'h'; c++) {
      TestFiles.write(
          project.resolve("specs/" + c + ".yaml"),
          "name: Sync_"
              + c
              + "\nowner: o@acme.example\nobjects:\n  Account:\n    access: [read]\n");
    }
    edit("<label>$v.set().label()</label>", "<label>$v.set().lable()</label>");
    Cli.Run first = generate();
    assertEquals(2, first.exitCode(), first.toString());
    assertTrue(first.err().contains("a.yaml"), first.err());
    assertEquals(1, first.err().split("template " + TEMPLATE + " failed", -1).length - 1);
    for (int run = 0; run < 10; run++) {
      assertEquals(first.err(), generate().err());
    }
  }

  /**
   * Several broken templates are all named by one run, each once, in the same order every run: a
   * syntax error, an unknown reference and another unknown reference in the files of one user.
   */
  @Test
  void everyBrokenTemplateIsNamedInOneRun() {
    TestFiles.write(
        project.resolve("specs/a.yaml"),
        "name: Alpha_Sync\nowner: o@acme.example\nobjects:\n  Account:\n    access: [read]\n"
            + "user:\n  username: alpha@acme.example.integration\n  email: o@acme.example\n");
    TestFiles.write(
        project.resolve("specs/b.yaml"),
        "name: Beta_Sync\nowner: o@acme.example\nobjects:\n  Account:\n    access: [read]\n");
    edit("<PermissionSet", "#if(<PermissionSet");
    breakTemplate("permissionsetgroup-meta.xml.vm", "$v.group().label()", "$v.group().lable()");
    breakTemplate("user-def.json.vm", "$v.user().email()", "$v.user().emial()");
    Cli.Run first = generate();
    assertEquals(2, first.exitCode(), first.toString());
    for (String message :
        new String[] {
          "template " + TEMPLATE + " has a syntax error",
          "template permissionsetgroup-meta.xml.vm failed",
          "template user-def.json.vm failed"
        }) {
      assertEquals(
          1,
          first.err().split(java.util.regex.Pattern.quote(message), -1).length - 1,
          message + " once in:\n" + first.err());
    }
    // the user's template fails only for the spec with a user: that spec is named
    assertTrue(
        first.err().contains("user-def.json.vm failed")
            && first.err().lines().anyMatch(l -> l.contains("user-def") && l.contains("a.yaml")),
        first.err());
    assertFalse(Files.exists(project.resolve("force-app")), "nothing is written");
    assertFalse(Files.exists(project.resolve(".apionly")), "nothing is written");
    for (int run = 0; run < 5; run++) {
      assertEquals(first.err(), generate().err());
    }
  }

  private void breakTemplate(String name, String from, String to) {
    Path file = templates.resolve(name);
    String text = TestFiles.read(file);
    assertTrue(text.contains(from), from);
    TestFiles.write(file, text.replace(from, to));
  }

  @Test
  void aMissingTemplateIsNamed() throws IOException {
    Files.delete(templates.resolve(TEMPLATE));
    Cli.Run run = generate();
    assertEquals(2, run.exitCode(), run.toString());
    assertTrue(run.err().contains("template " + TEMPLATE + " not found"), run.err());
  }

  @Test
  void aMissingDirectoryIsNamed() {
    templates = project.resolve("nope");
    Cli.Run run = generate();
    assertEquals(2, run.exitCode(), run.toString());
    assertTrue(run.err().contains("does not exist"), run.err());
  }

  /** Templates load ahead of rendering; a broken one is still reported by name, nothing written. */
  @Test
  void aTemplateWithASyntaxErrorIsNamed() {
    edit("<PermissionSet", "#if(<PermissionSet");
    Cli.Run run = generate();
    assertEquals(2, run.exitCode(), run.toString());
    assertTrue(run.err().contains("template " + TEMPLATE + " has a syntax error"), run.err());
    assertFalse(Files.exists(project.resolve(".apionly")), "nothing is written");
  }

  /**
   * Lint runs beside rendering, yet its errors still come first: a spec that breaks the policy is
   * named (exit 1) whether the templates fail to parse or render something else.
   */
  @Test
  void aLintErrorComesBeforeAnyErrorOfTheTemplates() {
    TestFiles.write(
        project.resolve("specs/a.yaml"),
        "name: Alpha_Sync\nowner: o@acme.example\nobjects:\n  Account:\n"
            + "    access: [read, delete]\n");
    edit("<allowDelete>$object.allowDelete()</allowDelete>", "<allowDelete>false</allowDelete>");
    Cli.Run mismatch = generate();
    assertEquals(1, mismatch.exitCode(), mismatch.toString());
    assertTrue(mismatch.err().contains("justification"), mismatch.err());
    assertFalse(mismatch.err().contains("does not match the spec"), mismatch.err());

    edit("<PermissionSet", "#if(<PermissionSet");
    Cli.Run syntax = generate();
    assertEquals(1, syntax.exitCode(), syntax.toString());
    assertTrue(syntax.err().contains("justification"), syntax.err());
    assertFalse(syntax.err().contains("syntax error"), syntax.err());
    assertFalse(Files.exists(project.resolve(".apionly")), "nothing is written");
  }

  /** {@code file}'s text with directives nested far deeper than any template needs. */
  private static void nestDeeply(Path file) {
    int depth = 50_000;
    TestFiles.write(
        file, TestFiles.read(file) + "#if(true)".repeat(depth) + "x" + "#end".repeat(depth) + "\n");
  }

  /**
   * Velocity reads nested directives by recursion: a template nested too deeply for the stack is
   * bad input named by its file (exit 2), not a crash, whether it is parsed ahead or when first
   * rendered; nothing is written.
   */
  @Test
  void aTemplateNestedTooDeeplyIsNamed() {
    nestDeeply(templates.resolve(TEMPLATE));
    Cli.Run ahead = generate();
    assertEquals(2, ahead.exitCode(), ahead.toString());
    assertTrue(
        ahead.err().contains("template " + TEMPLATE + " nests its directives too deeply"),
        ahead.err());
    assertFalse(ahead.err().contains("\tat "), ahead.err());

    TestFiles.copy(TestFiles.repository().resolve("templates"), templates);
    nestDeeply(templates.resolve("eca-meta.xml.vm"));
    TestFiles.write(project.resolve("specs/a.yaml"), OAUTH_SPEC);
    Cli.Run firstUse = generate();
    assertEquals(2, firstUse.exitCode(), firstUse.toString());
    assertTrue(
        firstUse.err().contains("template eca-meta.xml.vm nests its directives too deeply"),
        firstUse.err());
    assertFalse(firstUse.err().contains("\tat "), firstUse.err());
    assertFalse(Files.exists(project.resolve(".apionly")), "nothing is written");

    // and lint's errors still come first
    TestFiles.write(
        project.resolve("specs/a.yaml"),
        OAUTH_SPEC.replace("access: [read]", "access: [read, delete]"));
    Cli.Run lint = generate();
    assertEquals(1, lint.exitCode(), lint.toString());
    assertTrue(lint.err().contains("justification"), lint.err());
  }

  /**
   * A template's error points into the template, at the line and column Velocity names, with the
   * first line of Velocity's message (not its list of what it expected).
   */
  @Test
  void aTemplatesErrorPointsIntoTheTemplate() {
    edit("<label>$v.set().label()</label>", "<label>$v.set().lable()</label>");
    Cli.Run reference = generate();
    assertEquals(2, reference.exitCode(), reference.toString());
    assertTrue(
        java.util.regex.Pattern.compile(
                "my-templates/" + TEMPLATE.replace(".", "\\.") + ":\\d+:\\d+: error: template")
            .matcher(reference.err())
            .find(),
        reference.err());

    edit("<label>$v.set().lable()</label>", "<label>#foreach( <x></label>");
    Cli.Run syntax = generate();
    assertEquals(2, syntax.exitCode(), syntax.toString());
    assertTrue(
        java.util.regex.Pattern.compile(
                "my-templates/"
                    + TEMPLATE.replace(".", "\\.")
                    + ":\\d+:\\d+: error: template "
                    + TEMPLATE.replace(".", "\\.")
                    + " has a syntax error: Encountered")
            .matcher(syntax.err())
            .find(),
        syntax.err());
    assertFalse(syntax.err().contains("Was expecting"), syntax.err());
  }

  @Test
  void templatesThatIsAFileIsNamedAsNotADirectory() {
    templates = project.resolve("templates.txt");
    TestFiles.write(templates, "not a directory\n");
    Cli.Run run = generate();
    assertEquals(2, run.exitCode(), run.toString());
    assertTrue(run.err().contains("is not a directory"), run.err());
  }

  /** What generate loads ahead are built-in templates, and the manifest among them. */
  @Test
  void preloadedTemplatesAreBuiltInOnes() {
    for (String name : Vars.PRELOADED) {
      assertTrue(
          Files.isRegularFile(TestFiles.repository().resolve("templates").resolve(name)), name);
    }
    assertTrue(Vars.PRELOADED.contains("package.xml.vm"));
  }

  /**
   * A template parsed when first rendered rather than ahead (the External Client App's) is named as
   * one loaded ahead is when it does not parse; a run that renders none does not read it.
   */
  @Test
  void aTemplateParsedOnFirstUseIsNamedWhenItDoesNotParse() {
    String eca = "eca-meta.xml.vm";
    assertFalse(Vars.PRELOADED.contains(eca));
    Path file = templates.resolve(eca);
    TestFiles.write(file, TestFiles.read(file).replace("<ExternalClientApplication", "#if(<E"));
    Cli.Run without = generate();
    assertEquals(0, without.exitCode(), without.toString());

    TestFiles.write(project.resolve("specs/a.yaml"), OAUTH_SPEC);
    Cli.Run with = generate();
    assertEquals(2, with.exitCode(), with.toString());
    assertTrue(with.err().contains("template " + eca + " has a syntax error"), with.err());
    assertFalse(
        Files.exists(project.resolve("force-app/main/default/externalClientApps")),
        "nothing more is written");
  }
}
