package dev.apionly.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apionly.Cli;
import dev.apionly.TestFiles;
import dev.apionly.metadata.MetadataXml;
import dev.apionly.model.Grant;
import dev.apionly.model.GrantType;
import dev.apionly.model.Grants;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.SortedSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One spec granting one of every {@link GrantType}, through every stage that knows grant types: the
 * published spec schema, the parser and the render stage (the generated permission set holds every
 * type, in its element and name element), import's spec writer (the imported spec generates the
 * same grants), review (an area per type, spelt as its schema says) and the report (every type
 * named). A type one stage forgets fails here.
 */
class EveryStageCoversEveryGrantTypeTest {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final String SPEC =
      """
      name: Every_Grant
      owner: platform@acme.example
      objects:
        Account:
          access: read
          fields:
            read: [Name]
          recordTypes: [Business]
      apexClasses: [OrderService]
      apexPages: [OrderPage]
      flows: [Order_Flow]
      customPermissions: [Order_Admin]
      customMetadataTypes: [Order_Config__mdt]
      customSettings: [Order_Limits__c]
      externalCredentialPrincipals: [Orders-Service]
      userPermissions: [ApiEnabled]
      """;

  @TempDir Path work;

  @Test
  void theSpecSchemaHasAKeyForEveryType() throws IOException {
    JsonNode schema = resource("/dev/apionly/spec/spec-v1.schema.json");
    JsonNode top = schema.path("properties");
    JsonNode object = schema.path("$defs").path("objectGrant").path("properties");
    for (GrantType type : GrantType.values()) {
      JsonNode keys = type.shape() == GrantType.Shape.OBJECT_PART ? object : top;
      assertTrue(keys.has(type.specKey()), type + ": no '" + type.specKey() + "' in the schema");
    }
  }

  @Test
  void reviewSpellsEveryTypeAsItsSchemaSays() throws IOException {
    JsonNode areas =
        resource("/dev/apionly/review/review.schema.json")
            .path("$defs")
            .path("change")
            .path("properties")
            .path("area")
            .path("enum");
    List<String> spelt = new ArrayList<>();
    areas.forEach(a -> spelt.add(a.asText()));
    assertEquals(
        Arrays.stream(GrantType.values()).map(GrantType::reviewKey).toList(),
        spelt.subList(0, GrantType.values().length),
        "the grant areas come first, in the registry's order");
  }

  @Test
  void everyStageCarriesEveryType() throws IOException {
    Path project = work.resolve("project");
    TestFiles.sfdxProject(project);
    TestFiles.write(project.resolve("specs/every-grant.yaml"), SPEC);
    SortedSet<Grant> generated = generate(project);
    assertEquals(EnumSet.allOf(GrantType.class), types(generated), "parser and render");
    String xml = Files.readString(permissionSet(project));
    for (GrantType type : GrantType.values()) {
      Matcher element =
          Pattern.compile("<" + type.element() + ">(.*?)</" + type.element() + ">", Pattern.DOTALL)
              .matcher(xml);
      assertTrue(element.find(), type + ": no " + type.element() + " in\n" + xml);
      assertTrue(element.group(1).contains("<" + type.nameElement() + ">"), type.nameElement());
    }

    Path imported = work.resolve("imported");
    Cli.Run importing =
        Cli.run(
            "import",
            permissionSet(project).toString(),
            "--out",
            imported.resolve("specs").toString());
    assertEquals(0, importing.exitCode(), importing.toString());
    TestFiles.sfdxProject(imported);
    assertEquals(generated, generate(imported), "import's spec writer");

    Path specs = project.resolve("specs");
    IntegrationReview review =
        AccessDiff.of(
                Snapshot.empty("base"),
                Snapshot.load("head", java.util.Optional.empty(), List.of(specs), specs),
                "Every_Grant")
            .orElseThrow();
    Set<String> areas =
        review.changes().stream().map(c -> c.area().key()).collect(Collectors.toSet());
    for (GrantType type : GrantType.values()) {
      assertTrue(areas.contains(type.reviewKey()), type + " in review: " + areas);
    }

    Path report = work.resolve("report.html");
    Cli.Run reporting = Cli.run("report", specs.toString(), "--out", report.toString());
    assertEquals(0, reporting.exitCode(), reporting.toString());
    String text = Files.readString(report);
    for (Grant grant : generated) {
      String target = grant.target();
      String member =
          grant.kind().shape() == GrantType.Shape.OBJECT_PART
              ? target.substring(target.indexOf('.') + 1)
              : target;
      String shown =
          grant.kind().shape() == GrantType.Shape.OBJECT_VERBS
              ? "title=\"" + grant.verb() + ", " // the verb's cell under its object
              : "<code>" + member + "</code>";
      assertTrue(text.contains(shown), grant + " in the report");
      if (grant.kind().shape() == GrantType.Shape.NAME_LIST) {
        assertTrue(text.contains("<td>" + grant.kind().noun() + "</td>"), grant + "'s noun");
      }
    }
  }

  private static SortedSet<Grant> generate(Path project) throws IOException {
    Path specs = project.resolve("specs");
    Cli.Run run = Cli.run("generate", specs.toString(), "--out", project.toString());
    assertEquals(0, run.exitCode(), run.toString());
    try {
      return Grants.of(
          MetadataXml.permissionSet("Every_Grant", Files.readAllBytes(permissionSet(project))));
    } catch (dev.apionly.metadata.MetadataException e) {
      throw new AssertionError(e);
    }
  }

  private static Path permissionSet(Path project) {
    return project.resolve(
        "force-app/main/default/permissionsets/Every_Grant.permissionset-meta.xml");
  }

  private static Set<GrantType> types(SortedSet<Grant> grants) {
    Set<GrantType> out = EnumSet.noneOf(GrantType.class);
    grants.forEach(g -> out.add(g.kind()));
    return out;
  }

  private static JsonNode resource(String name) throws IOException {
    try (InputStream in = EveryStageCoversEveryGrantTypeTest.class.getResourceAsStream(name)) {
      return JSON.readTree(in);
    }
  }
}
