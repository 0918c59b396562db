package dev.apionly.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apionly.Cli;
import dev.apionly.TestFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * Log files and user maps that cannot be used: each is exit 2 with the file and line, what was
 * found and what is accepted, no stack trace, and nothing written (an existing report is kept).
 */
class UsageBadInputTest extends UsageFixture {

  Cli.Run fails(String expected) {
    Path out = dir.resolve("usage.md");
    TestFiles.write(out, "the last good report\n");
    Cli.Run run = usage("--out", out.toString(), "--suggest", dir.resolve("tight").toString());
    assertEquals(2, run.exitCode(), run.toString());
    assertTrue(run.err().contains(expected), run.err());
    assertFalse(run.err().contains("\tat "), "no stack trace: " + run.err());
    assertTrue(run.err().contains("nothing was written"), run.err());
    assertEquals("the last good report\n", TestFiles.read(out), "the report is kept");
    assertFalse(Files.exists(dir.resolve("tight")), "no suggestion is written");
    return run;
  }

  @Test
  void anEventTypeItDoesNotRead() {
    try (EventLogs.Log log = EventLogs.file(logs.resolve("api.csv"), "API")) {
      log.row(ERP, "2026-03-02T10:00:00.000Z", "EVENT_TYPE", "Login");
    }
    fails(
        "api.csv:2:1: error: event type 'Login' does not record API access; accepted:"
            + " ApiTotalUsage, API, RestApi, BulkApi, BulkApi2");
  }

  @Test
  void aFileThatIsNoEventLog() {
    TestFiles.write(logs.resolve("accounts.csv"), "\"Id\",\"Name\"\n\"001\",\"Acme\"\n");
    fails("accounts.csv:1:1: error: the header has no EVENT_TYPE column");
  }

  @Test
  void aColumnTheTypeNeedsIsMissing() {
    TestFiles.write(
        logs.resolve("rest.csv"),
        "\"EVENT_TYPE\",\"USER_ID\",\"TIMESTAMP_DERIVED\",\"URI\"\n"
            + "\"RestApi\",\"005000000000001\",\"2026-03-02T10:00:00.000Z\",\"/x\"\n");
    fails("rest.csv:1:1: error: a RestApi log needs the columns METHOD, ENTITY_NAME");
  }

  @Test
  void aFileCutInsideAValue() {
    typicalLogs();
    Path file = logs.resolve("rest.csv");
    String text = TestFiles.read(file);
    TestFiles.write(file, text.substring(0, text.indexOf("/services/data/v62.0/query")));
    fails("rest.csv:3:");
    Cli.Run run = usage();
    assertTrue(run.err().contains("the file ends inside a quoted value"), run.err());
  }

  @Test
  void aFileCutBetweenValues() {
    typicalLogs();
    Path file = logs.resolve("api.csv");
    String text = TestFiles.read(file);
    int cut = text.indexOf("\"query\",\"Lead\"");
    TestFiles.write(file, text.substring(0, cut) + "\n");
    fails("api.csv:6:1: error: this row has");
  }

  @Test
  void aUserNotInTheMap() {
    typicalLogs();
    try (EventLogs.Log log = EventLogs.file(logs.resolve("zz.csv"), "BulkApi")) {
      log.row(EventLogs.userId(99), "2026-03-02T10:00:00.000Z", "OPERATION_TYPE", "insert");
    }
    Cli.Run run = fails("zz.csv:2:");
    assertTrue(run.err().contains("user 005000000099AAQ is not in the user map"), run.err());
  }

  @Test
  void aWindowWithNoData() {
    typicalLogs();
    Path out = dir.resolve("usage.md");
    TestFiles.write(out, "the last good report\n");
    Cli.Run run = usage("--since", "2027-01-01", "--out", out.toString());
    assertEquals(2, run.exitCode(), run.toString());
    assertTrue(run.err().contains("no call on or after --since 2027-01-01"), run.err());
    assertTrue(run.err().contains("logs: error:"), run.err());
    assertEquals("the last good report\n", TestFiles.read(out));
  }

  @Test
  void logsWithoutRows() {
    TestFiles.write(logs.resolve("api.csv"), String.join(",", EventLogs.COLUMNS.get("API")) + "\n");
    fails("the log files here hold no call");
  }

  @Test
  void aTimeThatIsNone() {
    try (EventLogs.Log log = EventLogs.file(logs.resolve("api.csv"), "API")) {
      log.row(ERP, "2026-03-02T10:00:00.000Z", "TIMESTAMP_DERIVED", "yesterday");
    }
    fails("api.csv:2:");
  }

  @Test
  void aUserMapWithoutUsernames() {
    typicalLogs();
    TestFiles.write(users, "Id,Name\n" + ERP + ",ERP\n");
    fails("users.csv:1:1: error: the user map has no Username column");
  }

  @Test
  void aUserMapWithABadId() {
    typicalLogs();
    TestFiles.write(users, "Id,Username\nnot-an-id,x@y.example\n");
    fails("users.csv:2:1: error: this Id is not a Salesforce id");
  }

  @Test
  void noLogFile() {
    TestFiles.write(logs.resolve("readme.txt"), "nothing here\n");
    fails("no log file (*.csv) here");
  }
}
