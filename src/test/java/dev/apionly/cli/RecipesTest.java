package dev.apionly.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.apionly.Cli;
import dev.apionly.TestFiles;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CI and pre-commit recipes in examples/ use the commands as they are, and stay out of the
 * specs.
 */
class RecipesTest {

  private static final Path EXAMPLES = TestFiles.repository().resolve("examples");

  @Test
  void theWorkflowRunsEveryGateWithTheDocumentedFlags() throws Exception {
    Path workflow = EXAMPLES.resolve(".github/workflows/apionly.yml");
    JsonNode steps =
        new ObjectMapper(new YAMLFactory())
            .readTree(workflow.toFile())
            .path("jobs")
            .path("apionly")
            .path("steps");
    String runs = steps.findValuesAsText("run").toString();
    String uses = steps.findValuesAsText("uses").toString();
    assertTrue(runs.contains("generate --check"), runs);
    assertTrue(runs.contains("lint \"$SPECS\" --format sarif"), runs);
    assertTrue(runs.contains("review --base \"origin/${{ github.base_ref }}\""), runs);
    assertTrue(runs.contains("--format markdown"), runs);
    assertTrue(runs.contains("gh pr comment"), runs);
    assertTrue(uses.contains("actions/setup-java"), uses);
    assertTrue(uses.contains("github/codeql-action/upload-sarif"), uses);
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
