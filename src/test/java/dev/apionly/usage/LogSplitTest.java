package dev.apionly.usage;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.apionly.Cli;
import dev.apionly.TestFiles;
import dev.apionly.diagnostic.ApionlyException;
import dev.apionly.diagnostic.Diagnostic;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Log files read in parts by several threads: the same tally as one reading from the start, even
 * where quoted values hold line breaks and lines that look like rows, and bad input at its line.
 */
class LogSplitTest {

  private static final int USERS = 40;
  private static final int INTEGRATIONS = 3;

  /** Small parts, so that files of a few hundred kilobytes split many times. */
  private static final long PART = 8 * 1024;

  @TempDir Path dir;

  @Test
  void partsAddUpToOneReading() {
    Path logs = logs(3000, row -> row % 7 == 0 ? "Java/17\nerp-sync\n\n(second line)" : "curl");
    LogScan split = scan().partSize(PART);
    CallTally parts = split.scan(LogScan.logFiles(logs)).tally();
    CallTally whole = scan().partSize(Long.MAX_VALUE).scan(LogScan.logFiles(logs)).tally();
    assertEquals(6000, whole.rows);
    assertEquals(describe(whole), describe(parts));
    assertEquals(0, split.filesReadAgain(), "every split was at a row's start");
  }

  @Test
  void aSplitInsideAQuotedValueIsFoundAndTheFileIsReadAgain() {
    // a quoted value whose second line starts with a (doubled) quote, as a row does
    Path logs = logs(3000, row -> "agent\n\"quoted\", \"on a line\"\nof its own");
    LogScan split = scan().partSize(PART);
    CallTally parts = split.scan(LogScan.logFiles(logs)).tally();
    CallTally whole = scan().partSize(Long.MAX_VALUE).scan(LogScan.logFiles(logs)).tally();
    assertEquals(6000, whole.rows);
    assertEquals(describe(whole), describe(parts));
    assertTrue(split.filesReadAgain() > 0, "a split inside a value is never taken");
  }

  @Test
  void aSplitBeforeALineThatReadsAsARowIsFound() {
    // the last value of every row holds a line that reads as a whole row of its own, up to the end
    // of the row that holds it: read from there, a part would count one call too many
    List<String> columns = EventLogs.COLUMNS.get("API");
    Map<String, String> values =
        Map.of(
            "TIMESTAMP", "20260301000000.000",
            "TIMESTAMP_DERIVED", "2026-03-01T00:00:00.000Z",
            "USER_ID", EventLogs.userId(1).substring(0, 15),
            "METHOD_NAME", "delete",
            "ENTITY_NAME", "Account",
            // not empty: the quote that closes the real value follows, and must not open one
            "URI_ID_DERIVED", "x");
    StringBuilder line = new StringBuilder("\n\"API");
    for (String column : columns.subList(1, columns.size())) {
      line.append(',').append(values.getOrDefault(column, ""));
    }
    assertEquals("URI_ID_DERIVED", columns.get(columns.size() - 1));
    Path logs = dir.resolve("logs");
    try (EventLogs.Log log = EventLogs.file(logs.resolve("api.csv"), "API")) {
      for (int row = 0; row < 3000; row++) {
        log.row(
            EventLogs.userId(row % USERS),
            time(row),
            fields(row, "URI_ID_DERIVED", line.toString()));
      }
    }
    LogScan split = scan().partSize(PART);
    CallTally parts = split.scan(LogScan.logFiles(logs)).tally();
    CallTally whole = scan().partSize(Long.MAX_VALUE).scan(LogScan.logFiles(logs)).tally();
    assertEquals(3000, whole.rows);
    assertEquals(describe(whole), describe(parts));
    assertTrue(split.filesReadAgain() > 0, "a split inside a value is never taken");
  }

  @Test
  void badInputInALaterPartIsReportedAtItsLine() {
    Path logs = dir.resolve("logs");
    try (EventLogs.Log log = EventLogs.file(logs.resolve("api.csv"), "API")) {
      for (int row = 0; row < 3000; row++) {
        String[] fields =
            row == 2500
                ? fields(row, "TIMESTAMP_DERIVED", "late\nand\nlong")
                : fields(row, "USER_AGENT", "early\nline");
        log.row(EventLogs.userId(row % USERS), time(row), fields);
      }
    }
    String text = TestFiles.read(logs.resolve("api.csv"));
    int line = lineOf(text, "\"late\nand\nlong\"");
    assertTrue(line > 5000, "line breaks inside values count: " + line);
    List<Diagnostic> split = failures(scan().partSize(PART), logs);
    assertEquals(failures(scan().partSize(Long.MAX_VALUE), logs), split);
    assertEquals(line, split.get(0).location().line(), split.toString());
    assertTrue(
        split.get(0).message().startsWith("TIMESTAMP_DERIVED here is not a time"),
        split.toString());
  }

  @Test
  void usersNotInTheMapInALaterPartAreReportedAtTheirFirstLines() {
    Path logs = dir.resolve("logs");
    try (EventLogs.Log log = EventLogs.file(logs.resolve("api.csv"), "API")) {
      for (int row = 0; row < 3000; row++) {
        int user = row >= 2000 && row % 100 == 0 ? USERS + row / 500 : row % USERS;
        log.row(EventLogs.userId(user), time(row), fields(row, "USER_AGENT", "a\nb"));
      }
    }
    String text = TestFiles.read(logs.resolve("api.csv"));
    List<Diagnostic> split = failures(scan().partSize(PART), logs);
    assertEquals(failures(scan().partSize(Long.MAX_VALUE), logs), split);
    assertEquals(2, split.size(), split.toString());
    for (int i = 0; i < 2; i++) {
      String id = EventLogs.userId(USERS + 4 + i).substring(0, 15);
      assertEquals(lineOf(text, "\"" + id + "\""), split.get(i).location().line(), id);
    }
  }

  @Test
  void aDamagedRowInALargeFileIsReportedAtItsLine() {
    // large enough for the command's own split, whatever the cores
    Path logs = dir.resolve("logs");
    Path file = logs.resolve("api.csv");
    try (EventLogs.Log log = EventLogs.file(file, "API")) {
      for (int row = 0; row < 50_000; row++) {
        String[] fields =
            row == 40_000
                ? new String[] {"METHOD_NAME", "cut-here", "USER_AGENT", "marker"}
                : fields(row, "USER_AGENT", "x\ny");
        log.row(EventLogs.userId(row % USERS), time(row), fields);
      }
    }
    String text = TestFiles.read(file).replace("\"cut-here\",", "");
    assertTrue(text.length() > 9 << 20, "more than two parts: " + text.length());
    TestFiles.write(file, text);
    TestFiles.write(dir.resolve("users.csv"), userMap());
    TestFiles.write(
        dir.resolve("specs/i.yaml"),
        "name: Integration_0\nowner: x@acme.example\nuser:\n  username: "
            + EventLogs.username(0)
            + "\n  email: x@acme.example\nobjects:\n  Account:\n    access: read\n");
    Cli.Run run =
        Cli.run(
            "usage",
            dir.resolve("specs").toString(),
            "--logs",
            logs.toString(),
            "--users",
            dir.resolve("users.csv").toString());
    assertEquals(2, run.exitCode(), run.err());
    String expected = "api.csv:" + lineOf(text, "\"marker\"") + ":1: error: this row has";
    assertTrue(run.err().contains(expected), expected + " in " + run.err());
  }

  /** Two files of {@code rows} rows, with {@code agent} as the USER_AGENT of each row. */
  private Path logs(int rows, IntFunction<String> agent) {
    Path logs = dir.resolve("logs");
    try (EventLogs.Log api = EventLogs.file(logs.resolve("api.csv"), "API");
        EventLogs.Log rest = EventLogs.file(logs.resolve("rest.csv"), "RestApi")) {
      for (int row = 0; row < rows; row++) {
        String user = EventLogs.userId(row % USERS);
        api.row(user, time(row), fields(row, "USER_AGENT", agent.apply(row)));
        rest.row(
            user,
            time(row),
            "METHOD",
            row % 3 == 0 ? "POST" : "GET",
            "URI",
            "/services/data/v62.0/sobjects/Contact",
            "ENTITY_NAME",
            "Contact",
            "STATUS_CODE",
            row % 13 == 0 ? "403" : "200",
            "USER_AGENT",
            agent.apply(row));
      }
    }
    return logs;
  }

  private static String[] fields(int row, String column, String value) {
    String[] methods = {"query", "create", "update", "describeSObject", "merge", "sendEmail"};
    String[] objects = {"Account", "account", "Order", "Invoice__c", "Case, Lead"};
    return new String[] {
      "METHOD_NAME",
      methods[row % methods.length],
      "ENTITY_NAME",
      objects[row % objects.length],
      "REQUEST_STATUS",
      row % 17 == 0 ? "A" : "S",
      column,
      value
    };
  }

  private static String time(int row) {
    return String.format("2026-03-%02dT%02d:%02d:00.000Z", 1 + row % 28, row % 24, row % 60);
  }

  private static LogScan scan() {
    Map<String, Integer> integrationOfUser = new HashMap<>();
    for (int i = 0; i < USERS; i++) {
      integrationOfUser.put(UserMap.key(EventLogs.userId(i)), i < INTEGRATIONS ? i : -1);
    }
    List<Map<String, Integer>> granted = new ArrayList<>();
    for (int i = 0; i < INTEGRATIONS; i++) {
      granted.add(Map.of("account", Operation.READ, "order", Operation.CREATE | Operation.EDIT));
    }
    return new LogScan(integrationOfUser, granted, LogScan.NO_START, Path.of("users.csv"));
  }

  private static String userMap() {
    StringBuilder map = new StringBuilder("Id,Username\n");
    for (int i = 0; i < USERS; i++) {
      map.append(EventLogs.userId(i)).append(',').append(EventLogs.username(i)).append('\n');
    }
    return map.toString();
  }

  private static List<Diagnostic> failures(LogScan scan, Path logs) {
    return assertThrows(ApionlyException.class, () -> scan.scan(LogScan.logFiles(logs)))
        .diagnostics();
  }

  /** The 1-based line of {@code text} on which the row holding {@code value} starts. */
  private static int lineOf(String text, String value) {
    int at = text.indexOf(value);
    int rowStart = text.lastIndexOf("\n\"API\",", at) + 1;
    return (int) text.substring(0, rowStart).chars().filter(c -> c == '\n').count() + 1;
  }

  /** Everything a tally holds, in a stable order. */
  private static String describe(CallTally tally) {
    StringBuilder text = new StringBuilder();
    text.append(tally.rows)
        .append(' ')
        .append(tally.outsideWindow)
        .append(' ')
        .append(tally.otherUserCalls)
        .append(' ')
        .append(tally.otherUsers)
        .append(' ')
        .append(tally.coveredElsewhere)
        .append(' ')
        .append(tally.first)
        .append(' ')
        .append(tally.last)
        .append(' ')
        .append(tally.unknownUsers.keySet())
        .append('\n');
    for (CallTally.IntegrationTally calls : tally.integrations) {
      text.append(calls.calls)
          .append(' ')
          .append(calls.withoutObject)
          .append(' ')
          .append(calls.unmapped)
          .append(' ')
          .append(calls.unmappedNames)
          .append('\n');
      new TreeMap<>(calls.objects)
          .forEach(
              (key, object) ->
                  text.append("  ")
                      .append(key)
                      .append(' ')
                      .append(object.name)
                      .append(' ')
                      .append(object.calls)
                      .append(' ')
                      .append(object.used)
                      .append(' ')
                      .append(object.ungranted)
                      .append(' ')
                      .append(object.ungrantedCalls)
                      .append(' ')
                      .append(object.denied)
                      .append(' ')
                      .append(object.lastUngranted)
                      .append('\n'));
    }
    return text.toString();
  }
}
