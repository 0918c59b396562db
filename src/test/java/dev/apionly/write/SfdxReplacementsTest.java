package dev.apionly.write;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apionly.diagnostic.ApionlyException;
import dev.apionly.diagnostic.Diagnostic;
import dev.apionly.diagnostic.Diagnostics;
import dev.apionly.diagnostic.ExitCode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * apionly's entries in {@code sfdx-project.json}: added, replaced and removed without changing a
 * byte of anything else the file holds; a user's entry that reaches a generated file, and a
 * malformed list, refused with their position.
 */
class SfdxReplacementsTest {

  private static final Path FILE = Path.of("/project/sfdx-project.json");
  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String USERS_ENTRY =
      """
          {
              "glob": "force-app/main/default/classes/*.cls",
              "stringToReplace": "https://erp.acme.example",
              "replaceWithEnv":   "ERP_URL"
          }""";

  private static final String WITH_USERS_ENTRY =
      """
      {
          "packageDirectories": [ { "path": "force-app", "default": true } ],
          "replacements": [
      %s
          ],
          "sourceApiVersion":"66.0"
      }
      """
          .formatted(USERS_ENTRY);

  private static SfdxReplacements.Entry entry(String environment, String integration) {
    return new SfdxReplacements.Entry(
        "force-app/main/default/useraccesspolicies/" + integration + ".useraccesspolicy-meta.xml",
        integration.toLowerCase() + "@acme.example.integration",
        ".apionly/environments/" + environment + "/" + integration + ".username",
        "APIONLY_ENV",
        environment);
  }

  @Test
  void addsTheKeyWhenAbsentAndRemovesItWhenNothingIsLeft() throws Exception {
    String original =
        "{\n  \"packageDirectories\": [{\"path\": \"force-app\", \"default\": true}],\n"
            + "  \"name\": \"acme\",\n  \"sourceApiVersion\": \"66.0\"\n}\n";
    String added =
        SfdxReplacements.parse(FILE, original).withOurs(List.of(entry("uat", "Ledger_Push")));
    assertEquals(
        "{\n  \"packageDirectories\": [{\"path\": \"force-app\", \"default\": true}],\n"
            + "  \"name\": \"acme\",\n  \"sourceApiVersion\": \"66.0\",\n"
            + "  \"replacements\": [\n"
            + "    {\n"
            + "      \"filename\":"
            + " \"force-app/main/default/useraccesspolicies/Ledger_Push.useraccesspolicy-meta.xml\",\n"
            + "      \"stringToReplace\": \"ledger_push@acme.example.integration\",\n"
            + "      \"replaceWithFile\": \".apionly/environments/uat/Ledger_Push.username\",\n"
            + "      \"replaceWhenEnv\": [{ \"env\": \"APIONLY_ENV\", \"value\": \"uat\" }]\n"
            + "    }\n"
            + "  ]\n}\n",
        added);
    SfdxReplacements again = SfdxReplacements.parse(FILE, added);
    assertEquals(List.of(entry("uat", "Ledger_Push")), again.ours());
    assertEquals(added, again.withOurs(List.of(entry("uat", "Ledger_Push"))), "stable");
    assertEquals(original, again.withOurs(List.of()), "the key goes with the last entry");
  }

  @Test
  void keepsTheUsersEntriesAndEveryOtherByteAsWritten() throws Exception {
    SfdxReplacements file = SfdxReplacements.parse(FILE, WITH_USERS_ENTRY);
    String ours =
        file.withOurs(List.of(entry("uat", "B_Sync"), entry("qa", "A_Sync"), entry("uat", "A")));
    assertTrue(ours.startsWith(WITH_USERS_ENTRY.substring(0, WITH_USERS_ENTRY.indexOf('}') + 1)));
    assertTrue(ours.contains(USERS_ENTRY + ",\n        {\n"), ours);
    assertTrue(ours.endsWith("        }\n    ],\n    \"sourceApiVersion\":\"66.0\"\n}\n"), ours);
    JsonNode parsed = JSON.readTree(ours);
    assertEquals(4, parsed.get("replacements").size());
    assertEquals(
        ".apionly/environments/qa/A_Sync.username",
        parsed.get("replacements").get(1).get("replaceWithFile").asText(),
        "apionly's entries follow the user's, in the order of their value files");
    assertEquals(
        WITH_USERS_ENTRY,
        SfdxReplacements.parse(FILE, ours).withOurs(List.of()),
        "removing apionly's entries gives back the file as the user wrote it");
    assertEquals(WITH_USERS_ENTRY, file.withOurs(List.of()), "nothing of apionly's: unchanged");
  }

  @Test
  void anEntryOfApionlysMovedAmongTheUsersIsReplacedWhereTheListEnds() throws Exception {
    String text =
        """
        {
          "packageDirectories": [{ "path": "force-app", "default": true }],
          "replacements": [
            { "filename": "x.cls", "stringToReplace": "a", "replaceWithFile": ".apionly/environments/uat/Old.username" },
            { "filename": "y.cls", "stringToReplace": "b", "replaceWithEnv": "B" }
          ]
        }
        """;
    String out = SfdxReplacements.parse(FILE, text).withOurs(List.of());
    assertEquals(
        text.replace(
            "{ \"filename\": \"x.cls\", \"stringToReplace\": \"a\", \"replaceWithFile\":"
                + " \".apionly/environments/uat/Old.username\" },\n    ",
            ""),
        out);
  }

  @Test
  void keepsWindowsLineEnds() {
    String text = "{\r\n\t\"packageDirectories\": [],\r\n\t\"sourceApiVersion\": \"66.0\"\r\n}\r\n";
    String out = SfdxReplacements.parse(FILE, text).withOurs(List.of(entry("uat", "A")));
    assertFalse(out.replace("\r\n", "").contains("\n"), "only CRLF line ends: " + out);
    assertTrue(out.contains("\r\n\t\"replacements\": [\r\n\t\t{\r\n\t\t\t\"filename\""), out);
    assertEquals(text, SfdxReplacements.parse(FILE, out).withOurs(List.of()));
  }

  @Test
  void refusesAUsersEntryThatReachesAGeneratedFile() {
    String text =
        """
        {
          "replacements": [
            { "filename": "classes/Endpoints.cls", "stringToReplace": "a", "replaceWithEnv": "A" },
            { "filename": "useraccesspolicies/Ledger_Push.useraccesspolicy-meta.xml",
              "stringToReplace": "ledger", "replaceWithEnv": "B" },
            { "glob": "**/permissionsets/*", "stringToReplace": "x", "replaceWithEnv": "C" }
          ]
        }
        """;
    Diagnostics problems = new Diagnostics();
    SfdxReplacements.parse(FILE, text)
        .checkNoClash(
            List.of(
                "force-app/main/default/permissionsets/Ledger_Push.permissionset-meta.xml",
                "force-app/main/default/useraccesspolicies/Ledger_Push.useraccesspolicy-meta.xml"),
            problems);
    List<Diagnostic> errors = problems.sorted();
    assertEquals(2, errors.size(), errors.toString());
    assertEquals(4, errors.get(0).location().line());
    assertTrue(
        errors
            .get(0)
            .message()
            .contains(
                "'replacements[1]' (filename) targets"
                    + " force-app/main/default/useraccesspolicies/Ledger_Push.useraccesspolicy-meta.xml,"
                    + " a file apionly generates"),
        errors.get(0).message());
    assertEquals(6, errors.get(1).location().line());
    assertTrue(errors.get(1).message().startsWith("'replacements[2]' (glob) targets"));
  }

  @Test
  void refusesAMalformedListWithItsPosition() {
    ApionlyException notAList =
        assertThrows(
            ApionlyException.class,
            () -> SfdxReplacements.parse(FILE, "{\n  \"replacements\": {\"a\": 1}\n}\n"));
    assertEquals(ExitCode.BAD_INPUT, notAList.exitCode());
    Diagnostic error = notAList.diagnostics().get(0);
    assertEquals(2, error.location().line());
    assertEquals(19, error.location().column());
    assertTrue(error.message().contains("must be a list of entries"), error.message());
    assertTrue(error.message().contains("found a mapping"), error.message());

    ApionlyException notAnEntry =
        assertThrows(
            ApionlyException.class,
            () -> SfdxReplacements.parse(FILE, "{\"replacements\": [{}, \"uat\"]}"));
    assertTrue(
        notAnEntry.diagnostics().get(0).message().startsWith("'replacements[1]' must be a mapping"),
        notAnEntry.diagnostics().get(0).message());

    ApionlyException comment =
        assertThrows(
            ApionlyException.class,
            () -> SfdxReplacements.parse(FILE, "{\n  // the CLI reads JSON only\n  \"a\": 1\n}"));
    assertEquals(2, comment.diagnostics().get(0).location().line());
    assertTrue(comment.diagnostics().get(0).message().contains("not valid JSON"));

    ApionlyException twice =
        assertThrows(
            ApionlyException.class,
            () -> SfdxReplacements.parse(FILE, "{\"replacements\": [], \"replacements\": []}"));
    assertTrue(twice.diagnostics().get(0).message().contains("second 'replacements'"));
  }
}
