package dev.apionly.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apionly.diagnostic.Diagnostic;
import dev.apionly.diagnostic.Diagnostics;
import dev.apionly.model.GrantType;
import dev.apionly.model.ObjectVerb;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Specs written inline: each error asserted with its message and position. */
class SpecParserTest {

  private static final Path FILE = Path.of("specs/test.yaml");

  private static Optional<IntegrationSpec> parse(String yaml, Diagnostics diagnostics) {
    return YamlReader.read(FILE, yaml, diagnostics)
        .flatMap(root -> SpecParser.parse(FILE, root, diagnostics));
  }

  private static List<Diagnostic> errors(String yaml) {
    Diagnostics diagnostics = new Diagnostics();
    parse(yaml, diagnostics);
    return diagnostics.sorted();
  }

  private static void assertError(String yaml, int line, int column, String message) {
    List<Diagnostic> errors = errors(yaml);
    assertTrue(
        errors.stream()
            .anyMatch(
                d ->
                    d.location().line() == line
                        && d.location().column() == column
                        && d.message().contains(message)),
        () -> "expected " + line + ":" + column + " '" + message + "' in " + errors);
  }

  @Test
  void bindsEveryKey() {
    Diagnostics diagnostics = new Diagnostics();
    IntegrationSpec spec =
        parse(
                """
                name: ERP_Sync
                label: ERP Sync
                description: Orders.
                owner: erp@acme.example
                ticket: 1234
                user:
                  username: erp@acme.example.integration
                  email: erp@acme.example
                objects:
                  Order:
                    access: [create, edit]
                    fields:
                      read: [OrderNumber]
                      edit: [Status]
                    recordTypes: [Retail]
                apexClasses: [ns__Sync]
                externalCredentialPrincipals: [SAP-Named]
                userPermissions:
                  - RunFlow
                  - name: ViewSetup
                    justification: Reads limits.
                include: [Api_Baseline]
                mute:
                  userPermissions: [ViewSetup]
                """,
                diagnostics)
            .orElseThrow();
    assertEquals(List.of(), diagnostics.sorted());
    assertEquals("ERP_Sync", spec.name().value());
    assertEquals("1234", spec.ticket().value());
    assertEquals(5, spec.ticket().location().line());
    ObjectSpec order = spec.objects().get(0);
    assertEquals(List.of(ObjectVerb.CREATE, ObjectVerb.EDIT), List.copyOf(order.access().keySet()));
    assertEquals(11, order.access().get(ObjectVerb.EDIT).location().line());
    assertEquals(22, order.access().get(ObjectVerb.EDIT).location().column());
    assertEquals("ns__Sync", spec.list(GrantType.APEX_CLASS).get(0).value());
    assertEquals("Reads limits.", spec.userPermissions().get(1).justification().value());
    assertEquals(
        List.of("ViewSetup"), spec.mute().userPermissions().stream().map(Ref::value).toList());
  }

  @Test
  void unknownKeySuggestsTheNearest() {
    assertError(
        "name: A\nowner: o\nlable: x\n",
        3,
        1,
        "unknown key 'lable' in the spec (did you mean 'label'?)");
  }

  @Test
  void unknownKeyInsideAnObject() {
    assertError(
        "name: A\nowner: o\nobjects:\n  Account:\n    access: read\n    feilds: {}\n",
        6,
        5,
        "did you mean 'fields'?");
  }

  @Test
  void missingRequiredKeys() {
    List<Diagnostic> errors = errors("label: x\n");
    assertTrue(errors.stream().anyMatch(d -> d.message().contains("missing required key 'name'")));
    assertTrue(errors.stream().anyMatch(d -> d.message().contains("missing required key 'owner'")));
  }

  @Test
  void missingAccessPointsAtTheObject() {
    assertError(
        "name: A\nowner: o\nobjects:\n  Order:\n    fields: {read: [Name]}\n",
        4,
        3,
        "missing required key 'access' in object 'Order'");
  }

  @Test
  void wrongTypes() {
    assertError("name: A\nowner: o\nobjects: [Account]\n", 3, 10, "'objects' must be a mapping");
    assertError("name: A\nowner: o\nuser: someone\n", 3, 7, "'user' must be a mapping");
    assertError("name: [A]\nowner: o\n", 1, 7, "'name' must be a single value, found a list");
    assertError(
        "name: A\nowner: o\napexClasses: {a: b}\n", 3, 14, "must be a list, found a mapping");
  }

  @Test
  void unknownVerbSuggestsTheNearest() {
    assertError(
        "name: A\nowner: o\nobjects:\n  Account:\n    access: [read, viewall]\n",
        5,
        20,
        "unknown access 'viewall' (did you mean 'viewAll'?)");
  }

  @Test
  void bigObjectsHaveNoEdit() {
    assertError(
        "name: A\nowner: o\nobjects:\n  Log__b:\n    access: [read, edit]\n",
        5,
        20,
        "big object Log__b has no edit");
  }

  @Test
  void namesFollowSalesforceRules() {
    assertError("name: 1abc\nowner: o\n", 1, 7, "is not a valid API name");
    assertError("name: a__b\nowner: o\n", 1, 7, "is not a valid API name");
    assertError("name: ab_\nowner: o\n", 1, 7, "is not a valid API name");
    assertError(
        "name: " + "A".repeat(81) + "\nowner: o\n", 1, 7, "is 81 characters long; at most 80");
    assertError("name: ../../etc\nowner: o\n", 1, 7, "is not a valid API name");
    assertError(
        "name: A\nowner: o\nobjects:\n  <script>:\n    access: read\n",
        4,
        3,
        "is not a valid API name");
    assertError("name: A\nowner: o\nflows: [a/b]\n", 3, 9, "flow 'a/b' is not a valid API name");
  }

  @Test
  void referencesMayCarryNamespaceAndSuffix() {
    Diagnostics diagnostics = new Diagnostics();
    parse(
        "name: A\nowner: o\nobjects:\n  pse__Proj__c:\n    access: read\n    fields: {read: [ns__Amount__c]}\ncustomMetadataTypes: [Sync__mdt]\n",
        diagnostics);
    assertEquals(List.of(), diagnostics.sorted());
  }

  @Test
  void limitsOnLabelAndDescription() {
    assertError(
        "name: A\nowner: o\nlabel: " + "x".repeat(81) + "\n",
        3,
        8,
        "is 81 characters long; Salesforce accepts at most 80");
    assertError("name: A\nowner: o\ndescription: " + "x".repeat(256) + "\n", 3, 14, "at most 255");
  }

  @Test
  void controlCharactersAreRefused() {
    assertError("name: A\nowner: o\nlabel: \"a\\u0007b\"\n", 3, 9, "holds U+0007 BEL");
    assertError(
        "name: A\nowner: o\nlabel: a\u202Eb\n",
        3,
        9,
        "holds U+202E RIGHT-TO-LEFT OVERRIDE at column 9");
  }

  @Test
  void duplicatesAreReportedWithTheFirstPosition() {
    assertError(
        "name: A\nowner: o\napexClasses: [X, Y, X]\n",
        3,
        21,
        "Apex class 'X' is listed twice (first at 3:15)");
    assertError(
        "name: A\nowner: o\nobjects:\n  Account:\n    access: read\n    fields:\n      read: [Name]\n      edit: [Name]\n",
        7,
        14,
        "under both read and edit");
  }

  @Test
  void userChecks() {
    assertError(
        "name: A\nowner: o\nuser:\n  username: nope\n  email: a@b.co\n",
        4,
        13,
        "not in the form of an email address");
    assertError(
        "name: A\nowner: o\nuser:\n  username: a@b.co\n  email: a@b.co\n  timeZone: Europe/Berln\n",
        6,
        13,
        "did you mean 'Europe/Berlin'?");
    assertError(
        "name: A\nowner: o\nuser:\n  username: a@b.co\n  email: a@b.co\n  emailEncoding: utf8\n",
        6,
        18,
        "accepted: UTF-8");
    assertError(
        "name: A\nowner: o\nuser:\n  username: a@b.co\n  email: a@b.co\n  alias: toolongalias\n",
        6,
        10,
        "at most 8");
  }

  @Test
  void fieldNamesTakeNoObjectPrefix() {
    assertError(
        "name: A\nowner: o\nobjects:\n  Account:\n    access: read\n    fields: {read: [Account.Name]}\n",
        6,
        21,
        "write the field name without its object");
  }

  @Test
  void everyProblemOfAFileIsReportedAtOnce() {
    List<Diagnostic> errors = errors("name: 1x\nlable: x\nobjects:\n  Account:\n    access: rd\n");
    assertTrue(errors.size() >= 4, errors.toString());
    assertFalse(
        errors.stream().anyMatch(d -> d.location().line() == 0 && d.location().file() == null));
  }

  /** The indentation hint only where the key belongs in the block before it. */
  @Test
  void indentationHintsDoNotReplaceOtherMessages() {
    String head = "name: A\nowner: o@acme.example\nobjects:\n  Account: {access: read}\n";
    // a near spelling of a key of the spec is a typo, not an object out of place
    assertError(
        head + "lable: x\n", 5, 1, "unknown key 'lable' in the spec (did you mean 'label'?)");
    // a key of the spec after the block is where it belongs
    assertEquals(List.of(), errors(head + "apexClasses: [A]\n"));
    // a list at the column of its key is valid YAML, and lists are not blocks of keys
    assertEquals(
        List.of(),
        errors("name: A\nowner: o@acme.example\nobjects:\n  Account:\n    access:\n    - read\n"));
    // a key of another block than the one before it gets no hint
    assertError(
        "name: A\nowner: o@acme.example\nuser:\n  username: a@acme.example.integration\n"
            + "  email: a@acme.example\nflow: client-credentials\n",
        6,
        1,
        "unknown key 'flow' in the spec");
  }
}
