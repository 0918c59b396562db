package dev.apionly;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.apionly.diagnostic.Diagnostics;
import dev.apionly.spec.ObjectSpec;
import dev.apionly.spec.Ref;
import dev.apionly.spec.SpecLoader;
import dev.apionly.spec.SpecSet;
import dev.apionly.usage.EventLogs;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every shell block of README.md runs as a reader would paste it, in bash, in a temporary SFDX
 * project: apionly on the PATH, a stand-in for the Salesforce CLI that answers as an org would and
 * checks the files each command names. The blocks that build or test apionly itself (Maven, the
 * distribution archive) are run by {@code .ci/run}, verbatim: this test checks they are there.
 */
class ReadmeTest {

  /** A fenced {@code sh} block, at any indentation, with the line its first command is on. */
  record Block(int line, String script) {
    @Override
    public String toString() {
      return "README.md:" + line + ": " + script.lines().findFirst().orElse("");
    }
  }

  private static final Pattern FENCE =
      Pattern.compile("(?m)^( *)```sh\\n(.*?)^\\1```$", Pattern.DOTALL);

  /** The user who answers the usage example's logs: ERP_Order_Sync's integration user. */
  private static final String USER_ID = "005000000000001AAA";

  @TempDir Path project;

  static Stream<Block> blocks() throws IOException {
    String readme = Files.readString(TestFiles.repository().resolve("README.md"));
    List<Block> blocks = new ArrayList<>();
    Matcher fence = FENCE.matcher(readme);
    while (fence.find()) {
      String indent = fence.group(1);
      String script = fence.group(2).replaceAll("(?m)^" + indent, "");
      int line = (int) readme.substring(0, fence.start(2)).chars().filter(c -> c == '\n').count();
      blocks.add(new Block(line + 1, script));
    }
    assertTrue(blocks.size() >= 10, "shell blocks in README.md: " + blocks.size());
    return blocks.stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("blocks")
  void runs(Block block) throws Exception {
    if (block.script().startsWith("mvn ") || block.script().startsWith("tar xzf target/")) {
      String ci = Files.readString(TestFiles.repository().resolve(".ci/run"));
      for (String command : block.script().strip().split("\n")) {
        assertTrue(
            ci.contains(command.strip()),
            block + ": builds apionly itself, so .ci/run must run it as written: " + command);
      }
      return;
    }
    boolean importing = block.script().contains("apionly import ");
    if (importing) {
      existingRepository();
    } else {
      generatedProject();
    }
    org();
    String script =
        block
            .script()
            .replace("java -jar target/apionly.jar", "apionly")
            .replace("java -cp target/apionly.jar", "java -cp \"$APIONLY_CLASSPATH\"");
    Path log = project.resolve(".readme.log");
    ProcessBuilder bash =
        new ProcessBuilder("bash", "-euo", "pipefail", "-c", script)
            .directory(project.toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
    Map<String, String> env = bash.environment();
    env.put("HOME", project.resolve(".home").toString());
    env.put("PATH", project.resolve(".bin") + File.pathSeparator + env.get("PATH"));
    env.put("APIONLY_ORG", project.resolve(".org").toString());
    env.put("APIONLY_CLASSPATH", System.getProperty("java.class.path"));
    Process process = bash.start();
    if (!process.waitFor(3, TimeUnit.MINUTES)) {
      process.destroyForcibly();
    }
    assertEquals(0, process.exitValue(), block + "\n" + Files.readString(log));
  }

  /** A project holding the examples as its specs, generated, with a removal still to deploy. */
  private void generatedProject() throws IOException {
    TestFiles.sfdxProject(project);
    Files.createDirectories(project.resolve("force-app"));
    TestFiles.copy(TestFiles.repository().resolve("examples"), project.resolve("examples"));
    TestFiles.copy(TestFiles.repository().resolve("examples"), project.resolve("specs"));
    Path retired = project.resolve("specs/retired.yaml");
    TestFiles.write(retired, "name: Retired_Feed\nowner: o@acme.example\n");
    generate();
    Files.delete(retired);
    generate();
    tools();
  }

  /** A repository with permission sets of its own and nothing of apionly's yet. */
  private void existingRepository() throws IOException {
    TestFiles.sfdxProject(project);
    Path sets = project.resolve("force-app/main/default/permissionsets");
    for (Path fixture : TestFiles.metadataFiles(TestFiles.fixtures().resolve("source"))) {
      String name = fixture.getFileName().toString();
      if (name.startsWith("Canonical_") && name.endsWith(".permissionset-meta.xml")) {
        TestFiles.write(sets.resolve(name), TestFiles.read(fixture));
      }
    }
    tools();
  }

  private void generate() {
    Cli.Run run =
        Cli.run("generate", project.resolve("specs").toString(), "--out", project.toString());
    assertEquals(0, run.exitCode(), run.toString());
  }

  /** apionly and the stand-in sf on the PATH; Metadata WSDLs where the examples name them. */
  private void tools() throws IOException {
    Path bin = Files.createDirectories(project.resolve(".bin"));
    TestFiles.write(
        bin.resolve("apionly"),
        "#!/bin/sh\nexec "
            + String.join(
                " ", Cli.java("dev.apionly.cli.Main").stream().map(ReadmeTest::quoted).toList())
            + " \"$@\"\n");
    TestFiles.write(
        bin.resolve("sf"),
        TestFiles.read(TestFiles.repository().resolve("src/test/resources/readme/sf")));
    for (Path tool : List.of(bin.resolve("apionly"), bin.resolve("sf"))) {
      Files.setPosixFilePermissions(tool, PosixFilePermissions.fromString("rwxr-xr-x"));
    }
    Files.createDirectories(project.resolve(".home"));
    Path wsdl = TestFiles.wsdlOfBundledSchema(project.resolve("metadata.wsdl"));
    String text = TestFiles.read(wsdl);
    TestFiles.write(
        project.resolve("path/to/metadata.wsdl"),
        text.replaceFirst("\\?>\\n", "?>\n<!--\nSalesforce.com Metadata API version 66.0\n-->\n"));
  }

  private static String quoted(String word) {
    return "'" + word.replace("'", "'\\''") + "'";
  }

  /**
   * What the org answers: the event log files of a month and one log, the users, and a describe of
   * every object the specs name with every field and record type they name.
   */
  private void org() throws IOException {
    Path org = Files.createDirectories(project.resolve(".org"));
    TestFiles.write(
        org.resolve("eventlogfiles.csv"),
        "Id,EventType,LogDate,Interval\n0AT000000000001AAA,API,2026-11-30T00:00:00.000+0000,Daily\n");
    TestFiles.write(
        org.resolve("users.csv"),
        "Id,Username\n" + USER_ID + ",erp-sync@acme.example.integration\n");
    try (EventLogs.Log log = EventLogs.file(org.resolve("logs/0AT000000000001AAA.csv"), "API")) {
      log.row(
          USER_ID, "2026-11-30T09:00:00.000Z", "METHOD_NAME", "query", "ENTITY_NAME", "Account");
    }
    Path specs = project.resolve("specs");
    if (!Files.isDirectory(specs)) {
      return;
    }
    SpecSet loaded = SpecLoader.load(List.of(specs), new Diagnostics());
    Map<String, TreeSet<String>> fields = new TreeMap<>();
    Map<String, TreeSet<String>> recordTypes = new TreeMap<>();
    for (SpecSet.LoadedSpec spec : loaded.specs()) {
      for (ObjectSpec object : spec.spec().objects()) {
        String name = object.object().value();
        TreeSet<String> named = fields.computeIfAbsent(name, o -> new TreeSet<>());
        object.readFields().stream().map(Ref::value).forEach(named::add);
        object.editFields().stream().map(Ref::value).forEach(named::add);
        TreeSet<String> types = recordTypes.computeIfAbsent(name, o -> new TreeSet<>());
        object.recordTypes().stream().map(Ref::value).forEach(types::add);
      }
    }
    ObjectMapper json = new ObjectMapper();
    for (String object : fields.keySet()) {
      ObjectNode result = json.createObjectNode();
      result.put("name", object);
      for (String verb : List.of("queryable", "createable", "updateable", "deletable")) {
        result.put(verb, true);
      }
      ArrayNode list = result.putArray("fields");
      for (String field : fields.get(object)) {
        ObjectNode entry = list.addObject();
        entry.put("name", field);
        entry.put("type", "string");
        entry.put("nillable", true);
        entry.put("createable", true);
        entry.put("updateable", true);
        entry.put("defaultedOnCreate", false);
        entry.put("permissionable", true);
      }
      ArrayNode types = result.putArray("recordTypeInfos");
      for (String type : recordTypes.get(object)) {
        ObjectNode entry = types.addObject();
        entry.put("developerName", type);
        entry.put("name", type);
        entry.put("active", true);
      }
      ObjectNode describe = json.createObjectNode();
      describe.put("status", 0);
      describe.set("result", result);
      TestFiles.write(
          org.resolve("describe/" + object + ".json"), json.writeValueAsString(describe));
    }
  }
}
