package dev.apionly.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import dev.apionly.TestFiles;
import dev.apionly.diagnostic.Diagnostic;
import dev.apionly.diagnostic.Diagnostics;
import dev.apionly.model.GrantType;
import dev.apionly.model.OAuthFlow;
import dev.apionly.model.OAuthScope;
import dev.apionly.model.ObjectVerb;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The published schema and the loader agree: every example and golden spec passes both, every bad
 * spec the loader rejects for a reason a schema can express is rejected by the schema too.
 */
class SpecSchemaTest {

  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final JsonSchemaFactory FACTORY =
      JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);
  private static final JsonSchema SCHEMA = FACTORY.getSchema(SpecSchema.v1().text());

  /**
   * Loader messages for problems the schema expresses too (keys, types, enumerations, names,
   * lengths, duplicates). Others (time zones, secrets, policy, YAML syntax) are beyond a schema.
   */
  private static final List<String> STRUCTURAL =
      List.of(
          "unknown key '",
          " is read as ",
          "missing required key '",
          " must be a ",
          "unknown access '",
          "unknown OAuth flow '",
          "unknown OAuth scope '",
          "has no edit access",
          "is not a valid API name",
          "is not a user permission API name",
          "has too many '__' separators",
          "characters long",
          "holds a control character",
          "is blank",
          "has a dot",
          "is not in the form of an email address",
          "is not a valid email address",
          "is not a Salesforce locale or language key",
          "email encoding");

  @Test
  void theSchemaIsAValidDraft202012Schema() throws IOException {
    JsonSchema meta =
        FACTORY.getSchema(SchemaLocation.of("https://json-schema.org/draft/2020-12/schema"));
    JsonNode schema = JSON.readTree(SpecSchema.v1().text());
    assertEquals(Set.of(), meta.validate(schema));
    assertEquals("https://json-schema.org/draft/2020-12/schema", schema.path("$schema").asText());
  }

  @ParameterizedTest
  @MethodSource("goodSpecs")
  void everyExampleAndGoldenSpecPassesTheSchemaAndTheLoader(Path spec) {
    assertEquals(Set.of(), validate(TestFiles.read(spec)), spec.toString());
    assertEquals(List.of(), load(spec, TestFiles.read(spec)), spec.toString());
  }

  static Stream<Path> goodSpecs() {
    Path repository = TestFiles.repository();
    Stream<Path> golden =
        yamlFiles(repository.resolve("src/test/resources/golden"))
            .filter(p -> p.toString().contains("/input/specs/"));
    List<Path> all =
        Stream.concat(yamlFiles(repository.resolve("examples")), golden)
            .filter(p -> !p.getFileName().toString().equals(ProjectConfig.FILE_NAME))
            .toList();
    assertTrue(all.size() >= 10, "examples and golden specs found: " + all);
    return all.stream();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "label: no name or owner\n",
        "name: A\nowner: o\nlable: typo\n",
        "name: A\nowner: o\nuser:\n  username: a@b.co\n",
        "name: A\nowner: o\nuser:\n  username: not-an-email\n  email: a@b.co\n",
        "name: A\nowner: o\nuser:\n  username: a@b.co\n  email: a@b.co\n  emailEncoding: UTF8\n",
        "name: A\nowner: o\nuser:\n  username: a@b.co\n  email: a@b.co\n  alias: muchtoolong\n",
        "name: A\nowner: o\nuser:\n  username: a@b.co\n  email: a@b.co\n  locale: English\n",
        "name: A\nowner: o\nobjects:\n  Account:\n    fields: {read: [Name]}\n",
        "name: A\nowner: o\nobjects:\n  Account:\n    access: rad\n",
        "name: A\nowner: o\nobjects:\n  Account:\n    access: [read, read]\n",
        "name: A\nowner: o\nobjects:\n  Log__b:\n    access: [read, edit]\n",
        "name: A\nowner: o\nobjects:\n  Account:\n    access: read\n    fields: {read: [A.Name]}\n",
        "name: A\nowner: o\nobjects:\n  Account:\n    access: read\n    fields: {write: [Name]}\n",
        "name: A\nowner: o\nobjects:\n  Bad Name:\n    access: read\n",
        "name: A\nowner: o\nobjects: [Account]\n",
        "name: A\nowner: o\nobjects:\n",
        "name: A\nowner: o\napexPages:\n",
        "name: A\nowner: o\nmute:\n  objects:\n    Account:\n      access: edit\n"
            + "      justification: muting needs none\n",
        "name: 1A\nowner: o\n",
        "name: A__B\nowner: o\n",
        "name: A_\nowner: o\n",
        "name: A\nowner: '   '\n",
        "name: A\nowner: o\nlabel: \"tab\\there\"\n",
        "name: A\nowner: o\napexClasses: [a__b__c__d]\n",
        "name: A\nowner: o\nflows: [Sync, Sync]\n",
        "name: A\nowner: o\nexternalCredentialPrincipals: [Cred-]\n",
        "name: A\nowner: o\nuserPermissions: [View Setup]\n",
        "name: A\nowner: o\nuserPermissions:\n  - justification: no name\n",
        "name: A\nowner: o\nuserPermissions:\n  - name: ViewSetup\n    reason: x\n",
        "name: A\nowner: o\noauth:\n  scopes: [api]\n",
        "name: A\nowner: o\noauth:\n  flow: password\n",
        "name: A\nowner: o\noauth:\n  flow: jwt-bearer\n  clientSecret: s3cr3t\n",
        "name: A\nowner: o\noauth:\n  flow: jwt-bearer\n",
        "name: A\nowner: o\noauth:\n  flow: jwt-bearer\n  scopes: [apii]\n",
        "name: A\nowner: o\noauth:\n  flow: jwt-bearer\n  scopes: [api]\n  certificate: /etc/x.crt\n",
      })
  void structuralMistakesAreRejectedByBoth(String yaml) {
    Path file = Path.of("specs/bad.yaml");
    assertFalse(load(file, yaml).isEmpty(), "the loader accepted:\n" + yaml);
    assertFalse(validate(yaml).isEmpty(), "the schema accepted:\n" + yaml);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "name: A\nowner: o\nticket: 1234\n",
        "name: A\nowner: o\napexClasses: OneClass\nflows: []\nobjects: {}\n",
        "name: A\nowner: o\nobjects:\n  ns__Log__b:\n    access: [read, create, delete]\n"
            + "    justification: Old entries are purged.\n",
        "name: A\nowner: o\nuserPermissions: RunFlow\n",
        "name: A\nowner: o\ndescription: |\n  Two lines,\n  \twith a tab.\n",
        "name: A\nowner: o\nexternalCredentialPrincipals: [ns__Cred-Named_Principal]\n",
        "name: A\nowner: o\nuser:\n  username: a@b.co\n  email: a@b.co\n"
            + "oauth:\n  flow: client-credentials\n  scopes: api\n",
      })
  void validVariantsPassBoth(String yaml) {
    assertEquals(List.of(), load(Path.of("specs/ok.yaml"), yaml), yaml);
    assertEquals(Set.of(), validate(yaml), yaml);
  }

  @Test
  void theStarterSpecPassesBoth() {
    for (StarterSpec starter :
        List.of(new StarterSpec("Starter", null), new StarterSpec("Starter", "s@acme.example"))) {
      assertEquals(List.of(), load(Path.of("specs/Starter.yaml"), starter.text()));
      assertEquals(Set.of(), validate(starter.text()), starter.text());
    }
  }

  /**
   * Whatever bad specs the test resources hold (any directory whose name says bad or invalid): each
   * the loader rejects for a structural reason, the schema rejects too.
   */
  @ParameterizedTest
  @MethodSource("badSpecFiles")
  void everyStructurallyBadSpecFileIsRejectedByTheSchema(Path spec) {
    assertTrue(Files.isRegularFile(spec), spec + " is a bad-spec file");
    List<Diagnostic> errors = load(spec, TestFiles.read(spec));
    assertFalse(errors.isEmpty(), spec + " is in a bad-spec directory but loads cleanly");
    Optional<Diagnostic> structural =
        errors.stream()
            .filter(d -> STRUCTURAL.stream().anyMatch(d.message()::contains))
            .findFirst();
    if (structural.isPresent() && readsAsYaml(spec)) {
      assertFalse(
          validate(TestFiles.read(spec)).isEmpty(),
          spec + ": the schema accepts a spec the loader rejects with: " + structural.get());
    }
  }

  static Stream<Path> badSpecFiles() {
    Pattern bad = Pattern.compile("(?i).*(bad|invalid|broken).*");
    Path resources = TestFiles.repository().resolve("src/test/resources");
    List<Path> found =
        yamlFiles(resources)
            .filter(
                p -> {
                  for (Path part :
                      resources.relativize(p).getParent() == null
                          ? List.<Path>of()
                          : resources.relativize(p).getParent()) {
                    if (bad.matcher(part.toString()).matches()) {
                      return true;
                    }
                  }
                  return false;
                })
            .filter(p -> !p.getFileName().toString().equals(ProjectConfig.FILE_NAME))
            .toList();
    // an empty source fails a parameterized test: one skipped case says there is none yet
    return found.isEmpty() ? Stream.of(resources.resolve("no-bad-specs")) : found.stream();
  }

  @Test
  void theLoaderKnowsEveryKeyAndVerbTheSchemaPublishes() {
    SpecSchema schema = SpecSchema.v1();
    assertTrue(
        schema
            .shape(SpecSchema.SPEC)
            .keys()
            .containsAll(GrantType.lists().stream().map(GrantType::specKey).toList()));
    assertEquals(ObjectVerb.keys(), schema.enumeration("objectVerb"));
    assertEquals(OAuthFlow.keys(), schema.enumeration("oauthFlow"));
    assertEquals(OAuthScope.keys(), schema.enumeration("oauthScope"));
    assertEquals(List.of("name", "owner"), schema.shape(SpecSchema.SPEC).required());
    assertEquals(List.of("username", "email"), schema.shape("user").required());
    assertEquals("name: ERP_Order_Sync", schema.shape(SpecSchema.SPEC).example("name"));
  }

  @Property(tries = 400)
  void apiNamePatternAgreesWithTheLoader(@ForAll("names") String name) {
    assertEquals(
        Names.apiNameProblem(name) == null,
        matches("apiName", name),
        () -> "'" + name + "': loader and schema disagree");
  }

  @Property(tries = 400)
  void referencePatternAgreesWithTheLoader(@ForAll("names") String name) {
    assertEquals(
        Names.referenceProblem(name, Names.Reference.SINGLE) == null,
        matches("reference", name),
        () -> "'" + name + "': loader and schema disagree");
  }

  @Property(tries = 400)
  void principalPatternAgreesWithTheLoader(@ForAll("names") String name) {
    assertEquals(
        Names.referenceProblem(name, Names.Reference.JOINED) == null,
        matches("principal", name),
        () -> "'" + name + "': loader and schema disagree");
  }

  @Provide
  Arbitrary<String> names() {
    return Arbitraries.strings().withChars("aZ9_-. ").ofMinLength(1).ofMaxLength(12);
  }

  private static boolean matches(String definition, String value) {
    try {
      JsonNode def = JSON.readTree(SpecSchema.v1().text()).path("$defs").path(definition);
      return Pattern.compile(def.path("pattern").asText()).matcher(value).find()
          && value.length() <= def.path("maxLength").asInt(Integer.MAX_VALUE);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Set<ValidationMessage> validate(String yaml) {
    try {
      return SCHEMA.validate(YAML.readTree(yaml));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean readsAsYaml(Path spec) {
    try {
      YAML.readTree(TestFiles.read(spec));
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** The loader's errors for one spec: YAML reading, then binding. */
  private static List<Diagnostic> load(Path file, String yaml) {
    Diagnostics diagnostics = new Diagnostics();
    YamlReader.read(file, yaml, diagnostics)
        .ifPresent(root -> SpecParser.parse(file, root, diagnostics));
    return diagnostics.sorted().stream().filter(Diagnostic::isError).toList();
  }

  private static Stream<Path> yamlFiles(Path root) {
    if (!Files.isDirectory(root)) {
      return Stream.empty();
    }
    try (Stream<Path> walk = Files.walk(root)) {
      return walk
          .filter(Files::isRegularFile)
          .filter(p -> p.toString().endsWith(".yaml") || p.toString().endsWith(".yml"))
          .filter(p -> !hidden(root.relativize(p)))
          .sorted()
          .toList()
          .stream();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean hidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }
}
