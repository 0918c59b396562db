package dev.apionly.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.apionly.Cli;
import dev.apionly.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The GitHub Action, the workflow that uses it and the pre-commit recipes use the commands as they
 * are, and stay out of the specs.
 */
class RecipesTest {

  private static final Path EXAMPLES = TestFiles.repository().resolve("examples");

  private static final Path ACTION = TestFiles.repository().resolve("action.yml");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  /**
   * action.yml as GitHub reads a composite action: its keys, inputs referred to only when declared,
   * step outputs only of steps that exist, a shell for every run step, pinned actions, and scripts
   * that exist.
   */
  @Test
  void theActionIsAWellFormedCompositeAction() throws Exception {
    String text = TestFiles.read(ACTION);
    JsonNode action = YAML.readTree(text);
    for (String key : List.of("name", "description", "inputs", "outputs", "runs")) {
      assertTrue(action.has(key), "action.yml has no '" + key + "'");
    }
    assertEquals("composite", action.path("runs").path("using").asText());
    Set<String> inputs = new TreeSet<>();
    action.path("inputs").fieldNames().forEachRemaining(inputs::add);
    action
        .path("inputs")
        .fields()
        .forEachRemaining(
            e -> assertFalse(e.getValue().path("description").asText().isBlank(), e.getKey()));
    Matcher used = Pattern.compile("\\$\\{\\{[^}]*\\binputs\\.([A-Za-z0-9_-]+)").matcher(text);
    Set<String> referred = new TreeSet<>();
    while (used.find()) {
      referred.add(used.group(1));
    }
    Matcher bare = Pattern.compile("\\binputs\\.([A-Za-z0-9_-]+)").matcher(text);
    while (bare.find()) {
      referred.add(bare.group(1));
    }
    assertTrue(inputs.containsAll(referred), "undeclared inputs: " + referred + " vs " + inputs);
    assertTrue(referred.containsAll(inputs), "inputs never used: " + inputs + " vs " + referred);

    JsonNode steps = action.path("runs").path("steps");
    assertTrue(steps.size() >= 4, steps.toString());
    Set<String> ids = new TreeSet<>();
    steps.forEach(step -> ids.add(step.path("id").asText()));
    Matcher outputs = Pattern.compile("steps\\.([A-Za-z0-9_-]+)\\.outputs").matcher(text);
    while (outputs.find()) {
      assertTrue(ids.contains(outputs.group(1)), "no step with id " + outputs.group(1));
    }
    List<String> scripts = new ArrayList<>();
    for (JsonNode step : steps) {
      assertTrue(step.has("run") != step.has("uses"), "a step runs or uses: " + step);
      if (step.has("run")) {
        assertEquals("bash", step.path("shell").asText(), "run steps need a shell: " + step);
        assertFalse(
            step.path("run").asText().contains("${{"),
            "inputs reach scripts through env, never spliced into the script: " + step);
        Matcher script =
            Pattern.compile("\"\\$GITHUB_ACTION_PATH/(action/[a-z-]+\\.sh)\"")
                .matcher(step.path("run").asText());
        assertTrue(script.find(), step.toString());
        scripts.add(script.group(1));
      } else {
        assertTrue(
            step.path("uses").asText().matches("[\\w.-]+/[\\w./-]+@v\\d+"),
            "pinned to a major version: " + step);
      }
    }
    for (String script : scripts) {
      Path file = TestFiles.repository().resolve(script);
      assertTrue(Files.isExecutable(file), file + " exists and is executable");
      assertTrue(TestFiles.read(file).startsWith("#!/usr/bin/env bash\n"), file.toString());
    }
    assertEquals(
        List.of("action/install.sh", "action/gates.sh", "action/comment.sh", "action/verdict.sh"),
        scripts);
    String uses = steps.findValuesAsText("uses").toString();
    assertTrue(uses.contains("github/codeql-action/upload-sarif@v3"), uses);
  }

  /** The gates run the commands the README documents, with their flags. */
  @Test
  void theActionsScriptsRunTheDocumentedCommands() {
    String gates = TestFiles.read(TestFiles.repository().resolve("action/gates.sh"));
    assertTrue(gates.contains("apionly generate --check \"$SPECS\""), gates);
    assertTrue(gates.contains("apionly lint \"$specs\" --format sarif"), gates);
    assertTrue(gates.contains("--include-notes"), gates);
    assertTrue(gates.contains("apionly review --base \"origin/$BASE_REF\""), gates);
    assertTrue(gates.contains("--format markdown"), gates);
    assertTrue(gates.contains("--fail-on \"$FAIL_ON\""), gates);
    String comment = TestFiles.read(TestFiles.repository().resolve("action/comment.sh"));
    assertTrue(comment.contains("--method PATCH"), "one comment per pull request, edited");
  }

  /** The documented workflow uses the action with the permissions its steps need. */
  @Test
  void theWorkflowUsesTheAction() throws Exception {
    JsonNode workflow = YAML.readTree(EXAMPLES.resolve(".github/workflows/apionly.yml").toFile());
    JsonNode permissions = workflow.path("permissions");
    assertEquals("write", permissions.path("security-events").asText());
    assertEquals("write", permissions.path("pull-requests").asText());
    assertEquals("read", permissions.path("contents").asText());
    JsonNode steps = workflow.path("jobs").path("apionly").path("steps");
    String uses = steps.findValuesAsText("uses").toString();
    assertTrue(uses.contains("actions/checkout@v4"), uses);
    assertTrue(uses.contains("/apionly@"), uses);
    Set<String> inputs = new TreeSet<>();
    YAML.readTree(ACTION.toFile()).path("inputs").fieldNames().forEachRemaining(inputs::add);
    for (JsonNode step : steps) {
      step.path("with").fieldNames().forEachRemaining(k -> assertTrue(inputs.contains(k), k));
    }
  }

  @Test
  void recipesInExamplesAreNotReadAsSpecs(@TempDir Path dir) {
    // the workflow is YAML under examples/: only its hidden directory keeps the loader off it
    TestFiles.sfdxProject(dir);
    TestFiles.copy(EXAMPLES, dir.resolve("specs"));
    Cli.Run run = Cli.run("generate", dir.resolve("specs").toString(), "--out", dir.toString());
    assertEquals(0, run.exitCode(), run.toString());
    assertTrue(run.out().startsWith("create "), run.out());
  }

  @Test
  void thePreCommitHookChecksQuietly() {
    String hook = TestFiles.read(EXAMPLES.resolve("pre-commit"));
    assertTrue(hook.startsWith("#!/bin/sh\n"), hook);
    assertTrue(hook.contains("generate --check --quiet"), hook);
    String hooks = TestFiles.read(TestFiles.repository().resolve(".pre-commit-hooks.yaml"));
    assertTrue(hooks.contains("entry: apionly generate --check --quiet"), hooks);
  }
}
