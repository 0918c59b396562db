package dev.apionly.workspace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apionly.TestFiles;
import dev.apionly.diagnostic.ApionlyException;
import dev.apionly.diagnostic.Diagnostics;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One workspace per run: specs found by name in any letter case, resolved and rated once. */
class WorkspaceTest {

  @TempDir Path dir;

  private Workspace load(String... specs) {
    for (int i = 0; i < specs.length; i++) {
      TestFiles.write(dir.resolve("spec" + i + ".yaml"), specs[i]);
    }
    return Workspace.load(Optional.empty(), List.of(dir), dir, new Diagnostics());
  }

  @Test
  void aNameIsFoundInAnyLetterCase() {
    Workspace workspace =
        load("name: Sales_Sync\nowner: o@acme.example\nobjects:\n  Account: { access: read }\n");
    assertEquals("Sales_Sync", workspace.find("SALES_SYNC").orElseThrow().name());
    assertEquals("Sales_Sync", workspace.permissionSet("sales_sync").orElseThrow().name());
    assertTrue(workspace.find("Sales_Sync2").isEmpty());
  }

  @Test
  void resolvingAndEffectiveAccessHappenOnceAndOnlyWhenAsked() {
    // two specs of one name: loading passes, resolving refuses
    Workspace clash =
        load(
            "name: Twice\nowner: o@acme.example\nobjects:\n  Account: { access: read }\n",
            "name: TWICE\nowner: o@acme.example\nobjects:\n  Contact: { access: read }\n");
    assertEquals(2, clash.loaded().specs().size(), "loading alone does not resolve");
    ApionlyException refused = assertThrows(ApionlyException.class, clash::specs);
    assertEquals(2, refused.exitCode());

    TestFiles.write(
        dir.resolve("spec1.yaml"),
        "name: Other\nowner: o@acme.example\nobjects:\n  Contact: { access: read }\n");
    Workspace workspace = Workspace.load(Optional.empty(), List.of(dir), dir, new Diagnostics());
    assertSame(workspace.specs(), workspace.specs());
    assertSame(workspace.access(), workspace.access());
    assertEquals(2, workspace.access().integrations().size());
  }
}
