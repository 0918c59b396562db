package dev.apionly.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.apionly.Cli;
import dev.apionly.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report page of {@code examples/} in a real browser (headless Chromium): the matrix after the
 * page's script ran, checked against the specs themselves, the filters, and a screenshot.
 */
class BrowserTest {

  /** Debian's headless-capable Chromium, or the browser named by {@code CHROMIUM}. */
  private static final Path CHROMIUM =
      Path.of(System.getenv().getOrDefault("CHROMIUM", "/usr/bin/chromium"));

  private static final List<String> LEVELS = List.of("low", "medium", "high", "critical");

  private static Path out;
  private static Path page;

  @TempDir static Path profile;

  @BeforeAll
  static void report() {
    if (!Files.isExecutable(CHROMIUM)) {
      fail(
          CHROMIUM
              + " is missing: the report's browser test needs Chromium (apt-get install chromium,"
              + " or CHROMIUM=/path/to/chromium); see the README's Quick start");
    }
    out = TestFiles.repository().resolve("target/browser");
    page = out.resolve("access.html");
    Cli.Run run = Cli.run("report", examples().toString(), "--out", page.toString());
    assertEquals(0, run.exitCode(), run.toString());
  }

  private static Path examples() {
    return TestFiles.repository().resolve("examples");
  }

  @Test
  void matrixCellsMatchTheSpecs() throws Exception {
    Document dom = dumpDom(page, "");
    assertEquals("ready", dom.selectFirst("html").attr("data-filters"), "the script ran");
    Map<String, Map<String, Object>> specs = specs();
    List<Element> rows = dom.select("#matrix tbody tr");
    assertEquals(
        specs.keySet(),
        rows.stream().map(r -> r.attr("data-integration")).collect(Collectors.toSet()));
    Set<String> columns =
        new TreeSet<>(dom.select("#matrix thead th[data-object]").eachAttr("data-object"));
    Set<String> specObjects = new TreeSet<>();
    specs.values().forEach(s -> specObjects.addAll(objects(s).keySet()));
    assertEquals(specObjects, columns);

    int checked = 0;
    for (Element row : rows) {
      String name = row.attr("data-integration");
      assertFalse(row.hasAttr("hidden"), name + " is shown without filters");
      for (String object : columns) {
        Element cell = row.selectFirst("td[data-object=" + object + "]");
        Set<String> held = words(cell.attr("data-verbs"));
        Set<String> muted = words(cell.attr("data-muted"));
        Set<String> implied = words(cell.attr("data-implied"));
        Set<String> explicit = explicitVerbs(specs, name, object);
        Set<String> all = new TreeSet<>(held);
        all.addAll(muted);
        String where = name + " × " + object;
        assertEquals(
            explicit.isEmpty(), all.isEmpty(), where + ": access only where a spec grants it");
        assertTrue(all.containsAll(explicit), where + ": every verb the specs name is shown");
        Set<String> notNamed = new TreeSet<>(held);
        notNamed.removeAll(explicit);
        assertEquals(notNamed, implied, where + ": exactly the verbs no spec names are implied");
        Set<String> mutedBySpec = mutedVerbs(specs.get(name), object);
        mutedBySpec.retainAll(all);
        assertTrue(muted.containsAll(mutedBySpec), where + ": muted verbs are shown as muted");
        assertTrue(held.stream().noneMatch(mutedBySpec::contains), where + ": muted is not held");
        assertTrue(cell.hasClass("risk-" + cell.attr("data-risk")), where + ": coloured by risk");
        assertEquals(held.size() + muted.size(), cell.select("abbr.verb").size(), where);
        checked += all.isEmpty() ? 0 : 1;
      }
    }
    assertTrue(checked > 10, "the examples fill the matrix");
  }

  @Test
  void riskFilterFromTheAddressHidesLowerRisk() throws Exception {
    Document dom = dumpDom(page, "#risk=high");
    int shown = 0;
    int hidden = 0;
    for (Element row : dom.select("#matrix tbody tr")) {
      boolean atLeastHigh = LEVELS.indexOf(row.attr("data-risk")) >= LEVELS.indexOf("high");
      assertEquals(!atLeastHigh, row.hasAttr("hidden"), row.attr("data-integration"));
      if (atLeastHigh) {
        shown++;
        for (Element cell : row.select("td[data-object]")) {
          boolean below = LEVELS.indexOf(cell.attr("data-risk")) < LEVELS.indexOf("high");
          assertEquals(
              below,
              cell.hasClass("below"),
              row.attr("data-integration") + " " + cell.attr("data-object"));
        }
      } else {
        hidden++;
      }
    }
    assertTrue(shown > 0 && hidden > 0, "the examples have both");
    assertEquals(
        shown + " of " + (shown + hidden) + " integrations shown.",
        dom.getElementById("shown").text());
  }

  @Test
  void objectFilterShowsOnlyTheIntegrationsWithAccessToIt() throws Exception {
    Document dom = dumpDom(page, "#object=Account");
    Map<String, Map<String, Object>> specs = specs();
    Set<String> expected = new TreeSet<>();
    specs.keySet().stream()
        .filter(n -> !explicitVerbs(specs, n, "Account").isEmpty())
        .forEach(expected::add);
    Set<String> shown = new TreeSet<>();
    dom.select("#matrix tbody tr:not([hidden])")
        .forEach(r -> shown.add(r.attr("data-integration")));
    assertEquals(expected, shown);
    assertEquals(
        List.of("Account"),
        dom.select("#matrix thead th[data-object]:not([hidden])").eachAttr("data-object"));
  }

  @Test
  void hostileSpecTextDoesNotRunInTheBrowser(@TempDir Path dir) throws Exception {
    TestFiles.write(
        dir.resolve("specs/hostile.yaml"),
        """
        name: Hostile
        label: "<script>document.body.dataset.pwned='label'</script>"
        description: "\\"><img src=x onerror=\\"document.body.dataset.pwned='img'\\">"
        owner: "' autofocus onfocus='document.body.dataset.pwned=1' x='"
        objects:
          Account: { access: read }
        """);
    Path hostile = dir.resolve("hostile.html");
    assertEquals(
        0,
        Cli.run("report", dir.resolve("specs").toString(), "--out", hostile.toString()).exitCode());
    Document dom = dumpDom(hostile, "");
    assertEquals("ready", dom.selectFirst("html").attr("data-filters"));
    assertFalse(dom.body().hasAttr("data-pwned"), dom.body().attributes().toString());
    assertEquals(1, dom.select("script").size());
    assertTrue(dom.select("img").isEmpty());
    assertEquals(
        "<script>document.body.dataset.pwned='label'</script>",
        dom.selectFirst("#integration-Hostile h2").ownText());
  }

  @Test
  void screenshot() throws Exception {
    Path png = out.resolve("access-report.png");
    Files.deleteIfExists(png);
    chromium(
        "--screenshot=" + png,
        "--window-size=1400,900",
        "--hide-scrollbars",
        page.toUri().toString());
    byte[] header = Arrays.copyOf(Files.readAllBytes(png), 8);
    assertArrayEquals(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'}, header);
  }

  private static Document dumpDom(Path file, String fragment) throws Exception {
    return Jsoup.parse(chromium("--dump-dom", file.toUri() + fragment));
  }

  private static String chromium(String... args) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                CHROMIUM.toString(),
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--user-data-dir=" + profile));
    command.addAll(List.of(args));
    Path stdout = Files.createTempFile(profile, "stdout", ".html");
    Path stderr = Files.createTempFile(profile, "stderr", ".txt");
    Process process =
        new ProcessBuilder(command)
            .redirectOutput(stdout.toFile())
            .redirectError(stderr.toFile())
            .redirectInput(ProcessBuilder.Redirect.from(Path.of("/dev/null").toFile()))
            .start();
    // a guard against a hung browser, not a measure of speed
    if (!process.waitFor(3, TimeUnit.MINUTES)) {
      process.destroyForcibly();
      fail("chromium did not finish: " + Files.readString(stderr));
    }
    assertEquals(0, process.exitValue(), Files.readString(stderr));
    return Files.readString(stdout);
  }

  /** Every spec of examples/ by name, as plain YAML maps. */
  private static Map<String, Map<String, Object>> specs() throws IOException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory());
    Map<String, Map<String, Object>> specs = new TreeMap<>();
    try (Stream<Path> files = Files.list(examples())) {
      for (Path file :
          files
              .filter(f -> f.toString().endsWith(".yaml") && !f.endsWith("apionly.yaml"))
              .toList()) {
        @SuppressWarnings("unchecked")
        Map<String, Object> spec = yaml.readValue(file.toFile(), Map.class);
        specs.put((String) spec.get("name"), spec);
      }
    }
    return specs;
  }

  /** The verbs a spec and the specs it includes name for {@code object}. */
  private static Set<String> explicitVerbs(
      Map<String, Map<String, Object>> specs, String name, String object) {
    Map<String, Object> spec = specs.get(name);
    Set<String> verbs = new TreeSet<>(access(objects(spec).get(object)));
    for (Object included : list(spec.get("include"))) {
      Map<String, Object> other = specs.get(included);
      if (other != null) {
        verbs.addAll(access(objects(other).get(object)));
      }
    }
    return verbs;
  }

  private static Set<String> mutedVerbs(Map<String, Object> spec, String object) {
    Object mute = spec.get("mute");
    if (!(mute instanceof Map<?, ?> muteMap)) {
      return new TreeSet<>();
    }
    Object objects = muteMap.get("objects");
    return objects instanceof Map<?, ?> map
        ? new TreeSet<>(access(map.get(object)))
        : new TreeSet<>();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> objects(Map<String, Object> spec) {
    Object objects = spec.get("objects");
    return objects == null ? Map.of() : (Map<String, Object>) objects;
  }

  private static Set<String> access(Object grant) {
    if (!(grant instanceof Map<?, ?> map)) {
      return Set.of();
    }
    return list(map.get("access")).stream()
        .map(Object::toString)
        .collect(Collectors.toCollection(TreeSet::new));
  }

  private static List<?> list(Object value) {
    return value == null ? List.of() : value instanceof List<?> l ? l : List.of(value);
  }

  private static Set<String> words(String text) {
    return text.isBlank() ? Set.of() : new LinkedHashSet<>(Arrays.asList(text.trim().split(" +")));
  }
}
