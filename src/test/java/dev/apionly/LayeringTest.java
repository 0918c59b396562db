package dev.apionly;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.dependencies.SlicesRuleDefinition.slices;
import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The package dependencies of docs/design.md, kept one way: a table of what each package may use,
 * checked against the compiled classes, so a shortcut across stages fails the build naming the
 * class and what it reached.
 */
class LayeringTest {

  private static final String ROOT = "dev.apionly";

  private static final JavaClasses CLASSES =
      new ClassFileImporter()
          .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
          .importPackages(ROOT);

  private static final String PICOCLI = "picocli..";
  private static final String VELOCITY = "org.apache.velocity..";
  private static final String JACKSON = "com.fasterxml.jackson..";
  private static final String SNAKEYAML = "org.yaml.snakeyaml..";
  private static final String JAXB = "jakarta.xml.bind..";
  private static final String JAXB_RUNTIME = "org.glassfish.jaxb..";
  private static final String WOODSTOX = "com.ctc.wstx..";
  private static final String JDK_XML = "javax.xml..";
  private static final String DOM = "org.w3c.dom..";
  private static final String SAX = "org.xml.sax..";
  private static final String DIFF_UTILS = "com.github.difflib..";
  private static final String JAXB_CLASSES = "metadata.xml";
  // where xjc puts the adapters of the generated classes
  private static final String XJC_ADAPTERS = "org.w3._2001.xmlschema..";

  /**
   * What each package may use beside itself and {@code java.*}: apionly packages by their name
   * under {@code dev.apionly}, libraries by their package. Every package has a row, so a new one is
   * placed deliberately. The order is the build-up: each row names only rows above it.
   */
  private static final Map<String, List<String>> ALLOWED =
      ordered(
          entry("diagnostic", List.of()),
          entry("model", List.of("diagnostic")),
          entry("json", List.of(JACKSON)),
          entry("write", List.of("diagnostic", "json", JACKSON, DIFF_UTILS)),
          entry(JAXB_CLASSES, List.of(JAXB, XJC_ADAPTERS, JDK_XML)),
          entry(
              "metadata",
              List.of(
                  "diagnostic",
                  "model",
                  JAXB_CLASSES,
                  JAXB,
                  JAXB_RUNTIME,
                  WOODSTOX,
                  JDK_XML,
                  DOM,
                  SAX)),
          entry("render", List.of("diagnostic", "model", VELOCITY)),
          entry("spec", List.of("diagnostic", "model", "json", JACKSON, SNAKEYAML)),
          entry("resolve", List.of("diagnostic", "model", "metadata", "spec")),
          entry(
              "policy",
              List.of("diagnostic", "model", "json", "metadata", "spec", "resolve", JACKSON)),
          entry(
              "validate",
              List.of(
                  "diagnostic",
                  "model",
                  "json",
                  "write",
                  "metadata",
                  "render",
                  "spec",
                  JACKSON,
                  JDK_XML)),
          entry(
              "importer",
              List.of("diagnostic", "model", "write", "metadata", "spec", "resolve", "policy")),
          entry(
              "report",
              List.of("diagnostic", "model", "metadata", "render", "spec", "resolve", "policy")),
          entry(
              "workspace",
              List.of("diagnostic", "model", "write", "metadata", "spec", "resolve", "report")),
          entry(
              "review",
              List.of(
                  "diagnostic",
                  "model",
                  "json",
                  "write",
                  "metadata",
                  "spec",
                  "resolve",
                  "policy",
                  "workspace",
                  JACKSON)),
          entry(
              "usage",
              List.of(
                  "diagnostic",
                  "model",
                  "json",
                  "write",
                  "render",
                  "spec",
                  "resolve",
                  "report",
                  JACKSON)),
          entry(
              "generate",
              List.of(
                  "diagnostic",
                  "model",
                  "json",
                  "write",
                  "metadata",
                  "render",
                  "spec",
                  "resolve",
                  "policy",
                  "validate",
                  "importer",
                  "workspace",
                  JACKSON)),
          entry(
              "cli",
              List.of(
                  "diagnostic",
                  "model",
                  "write",
                  "metadata",
                  "render",
                  "spec",
                  "resolve",
                  "policy",
                  "validate",
                  "importer",
                  "report",
                  "workspace",
                  "review",
                  "usage",
                  "generate",
                  PICOCLI)));

  @SafeVarargs
  private static Map<String, List<String>> ordered(Map.Entry<String, List<String>>... rows) {
    Map<String, List<String>> table = new LinkedHashMap<>();
    for (Map.Entry<String, List<String>> row : rows) {
      table.put(row.getKey(), row.getValue());
    }
    return table;
  }

  static Stream<String> packages() {
    return ALLOWED.keySet().stream();
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("packages")
  void usesOnlyWhatItsRowAllows(String name) {
    List<String> allowed = new ArrayList<>(List.of(ROOT + "." + name, "java.."));
    for (String use : ALLOWED.get(name)) {
      allowed.add(use.contains("..") ? use : ROOT + "." + use);
    }
    classes()
        .that()
        .resideInAPackage(ROOT + "." + name)
        .should()
        .onlyDependOnClassesThat()
        .resideInAnyPackage(allowed.toArray(String[]::new))
        .because("docs/design.md: " + name + " may use only " + ALLOWED.get(name))
        .check(CLASSES);
  }

  @Test
  void everyPackageHasARow() {
    Set<String> unplaced = new TreeSet<>();
    for (JavaClass type : CLASSES) {
      String name =
          type.getPackageName()
              .substring(Math.min(type.getPackageName().length(), ROOT.length() + 1));
      if (!ALLOWED.containsKey(name)) {
        unplaced.add(type.getPackageName());
      }
    }
    assertEquals(Set.of(), unplaced, "packages missing from the table in LayeringTest");
  }

  @Test
  void theTableBuildsUpWithoutCycles() {
    Set<String> above = new HashSet<>();
    for (Map.Entry<String, List<String>> row : ALLOWED.entrySet()) {
      for (String use : row.getValue()) {
        assertTrue(
            use.contains("..") || above.contains(use),
            row.getKey() + " may use " + use + ", which is not above it in the table");
      }
      above.add(row.getKey());
    }
  }

  @Test
  void noCyclesBetweenPackages() {
    slices().matching(ROOT + ".(*)..").should().beFreeOfCycles().check(CLASSES);
  }

  @Test
  void onlyTheCommandLineUsesPicocli() {
    noClasses()
        .that()
        .resideOutsideOfPackage(ROOT + ".cli")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(PICOCLI)
        .check(CLASSES);
  }

  @Test
  void onlyRenderUsesVelocity() {
    noClasses()
        .that()
        .resideOutsideOfPackage(ROOT + ".render")
        .should()
        .dependOnClassesThat()
        .resideInAPackage(VELOCITY)
        .check(CLASSES);
  }

  @Test
  void onlyMetadataUsesJaxbAndItsGeneratedClasses() {
    noClasses()
        .that()
        .resideOutsideOfPackages(ROOT + ".metadata", ROOT + "." + JAXB_CLASSES)
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(JAXB, JAXB_RUNTIME, ROOT + "." + JAXB_CLASSES)
        .check(CLASSES);
  }

  @Test
  void theModelUsesNoLibrary() {
    noClasses()
        .that()
        .resideInAPackage(ROOT + ".model")
        .should()
        .dependOnClassesThat()
        .resideInAnyPackage(JACKSON, SNAKEYAML, JAXB, JAXB_RUNTIME, PICOCLI, VELOCITY, JDK_XML)
        .check(CLASSES);
  }
}
