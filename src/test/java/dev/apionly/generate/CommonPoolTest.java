package dev.apionly.generate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.apionly.Cli;
import dev.apionly.TestFiles;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * generate runs work beside its stages (lint while rendering) and both use parallel streams. With a
 * common pool that has no thread of its own ({@code common.parallelism=0}), two threads' streams at
 * once can wait on each other for ever: generate then runs everything in turn, and writes what it
 * writes with the pool.
 */
class CommonPoolTest {

  private static final int SPECS = 60;

  @Test
  void aPoolWithoutThreadsOfItsOwnWritesWhatTheDefaultPoolWrites(@TempDir Path dir) {
    Path usual = project(dir.resolve("usual"));
    Path alone = project(dir.resolve("alone"));

    Cli.Run expected = Cli.runIn(usual, "generate", "specs", "-q");
    assertEquals(0, expected.exitCode(), expected.toString());
    for (int run = 0; run < 3; run++) {
      TestFiles.deleteTree(alone);
      project(alone);
      Cli.Run actual =
          Cli.runIn(
              alone,
              List.of("-Djava.util.concurrent.ForkJoinPool.common.parallelism=0"),
              "generate",
              "specs",
              "-q");
      assertEquals(0, actual.exitCode(), actual.toString());
      assertEquals(TestFiles.tree(usual), TestFiles.tree(alone));
    }
  }

  /** A project of many integrations that mute a shared set and log in through OAuth. */
  private static Path project(Path root) {
    TestFiles.sfdxProject(root);
    TestFiles.write(
        root.resolve("specs/api-baseline.yaml"),
        TestFiles.read(TestFiles.repository().resolve("examples/api-baseline.yaml")));
    for (int i = 1; i <= SPECS; i++) {
      String name = String.format("Sync_%02d", i);
      TestFiles.write(
          root.resolve("specs/" + name.toLowerCase(java.util.Locale.ROOT) + ".yaml"),
          "name: "
              + name
              + "\nowner: o@acme.example\n"
              + "user:\n  username: sync"
              + i
              + "@acme.example.integration\n  email: o@acme.example\n"
              + "objects:\n  WorkOrder:\n    access: [read, edit]\n"
              + "    fields:\n      edit: [Status, StartDate]\n"
              + "include: [Api_Baseline]\n"
              + "mute:\n  objects:\n    PricebookEntry:\n      access: [read]\n"
              + "      fields:\n        read: [UnitPrice]\n"
              + "oauth:\n  flow: client-credentials\n  scopes: [api]\n");
    }
    return root;
  }
}
