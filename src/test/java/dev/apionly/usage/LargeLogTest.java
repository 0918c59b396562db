package dev.apionly.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.apionly.Cli;
import dev.apionly.TestFiles;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Tens of megabytes of generated logs, streamed: every row is accounted for, by integration users
 * or by others, whatever the file's size. (The 300 MB case is tools/usage-benchmark.sh's.)
 */
class LargeLogTest {

  @TempDir Path dir;

  @Test
  void everyRowOfALargeLogIsCounted() throws Exception {
    EventLogs.Generated generated = EventLogs.generate(dir, 24L * 1024 * 1024, 50, 3, 7);
    assertTrue(generated.bytes() > 24L * 1024 * 1024, "at least 24 MiB of logs");
    for (int i = 0; i < 3; i++) {
      TestFiles.write(
          dir.resolve("specs/i" + i + ".yaml"),
          "name: Integration_"
              + i
              + "\nowner: x@acme.example\nuser:\n  username: "
              + EventLogs.username(i)
              + "\n  email: x@acme.example\nobjects:\n  Account:\n    access: read\n"
              + "  Contact:\n    access: [read, create, edit]\n  Lead:\n    access: read\n");
    }
    Cli.Run run =
        Cli.run(
            "usage",
            dir.resolve("specs").toString(),
            "--logs",
            dir.resolve("logs").toString(),
            "--users",
            dir.resolve("users.csv").toString(),
            "--format",
            "json");
    assertEquals(0, run.exitCode(), run.err());
    JsonNode root = new ObjectMapper().readTree(run.out());
    assertEquals(generated.rows(), root.at("/counts/rows").asLong());
    assertEquals(generated.otherRows(), root.at("/counts/otherUserCalls").asLong());
    assertEquals(47, root.at("/counts/otherUsers").asInt());
    long integrationRows =
        root.at("/counts/integrationCalls").asLong() + root.at("/counts/coveredElsewhere").asLong();
    assertEquals(generated.integrationRows(), integrationRows);
    JsonNode first = root.at("/integrations/0");
    assertEquals("Integration_0", first.get("name").asText());
    // Lead is never called by the generated logs; Order and others are called without a grant
    assertEquals("Lead", first.at("/unused/0/object").asText());
    assertTrue(first.get("ungranted").toString().contains("\"Order\""), first.toString());
  }
}
