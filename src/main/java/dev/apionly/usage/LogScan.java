package dev.apionly.usage;

import dev.apionly.diagnostic.ApionlyException;
import dev.apionly.diagnostic.Diagnostic;
import dev.apionly.diagnostic.Diagnostics;
import dev.apionly.diagnostic.ExitCode;
import dev.apionly.diagnostic.Location;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

/**
 * Streams every log file of a directory, on every core, into one {@link CallTally}: who called,
 * when, which object, which verbs, and whether Salesforce refused the call.
 */
final class LogScan {

  /** Where no --since is given: every row is in the window. */
  static final String NO_START = "";

  /** Every column any known event type is read for, in one order: the indexes below. */
  private static final List<String> COLUMNS =
      List.of(
          EventType.EVENT_TYPE,
          "USER_ID",
          "USER_ID_DERIVED",
          "TIMESTAMP_DERIVED",
          "TIMESTAMP",
          "ENTITY_NAME",
          "ENTITY_TYPE",
          "METHOD_NAME",
          "METHOD",
          "HTTP_METHOD",
          "URI",
          "API_RESOURCE",
          "API_FAMILY",
          "OPERATION_TYPE",
          "STATUS_CODE",
          "REQUEST_STATUS",
          "EXCEPTION_MESSAGE",
          "MESSAGE",
          "ERROR_MESSAGE");

  private static final int TYPE = 0;
  private static final int USER_ID = 1;
  private static final int USER_ID_DERIVED = 2;
  private static final int TIMESTAMP_DERIVED = 3;
  private static final int TIMESTAMP = 4;
  private static final int ENTITY_NAME = 5;
  private static final int ENTITY_TYPE = 6;
  private static final int METHOD_NAME = 7;
  private static final int METHOD = 8;
  private static final int HTTP_METHOD = 9;
  private static final int URI = 10;
  private static final int API_RESOURCE = 11;
  private static final int API_FAMILY = 12;
  private static final int OPERATION_TYPE = 13;
  private static final int STATUS_CODE = 14;
  private static final int REQUEST_STATUS = 15;
  private static final int EXCEPTION_MESSAGE = 16;
  private static final int MESSAGE = 17;
  private static final int ERROR_MESSAGE = 18;

  /** Salesforce's error code for a call the user's permissions do not allow. */
  private static final String INSUFFICIENT_ACCESS = "INSUFFICIENT_ACCESS";

  /** A log file and the event type its rows record (empty when it has no row). */
  record LogFile(Path path, EventType type) {}

  /** What the scan found: the files by type, and the tally. */
  record Result(List<LogFile> files, CallTally tally) {}

  private final Map<String, Integer> integrationOfUser;
  private final List<Map<String, Integer>> granted;
  private final String since;
  private final Path userMap;

  /**
   * {@code integrationOfUser}: 15-character user id to the integration's index, -1 for a user that
   * is none; {@code granted}: per integration, lower-case object to its granted verbs.
   */
  LogScan(
      Map<String, Integer> integrationOfUser,
      List<Map<String, Integer>> granted,
      String since,
      Path userMap) {
    this.integrationOfUser = integrationOfUser;
    this.granted = granted;
    this.since = since;
    this.userMap = userMap;
  }

  /** Every {@code *.csv} under {@code directory}, not in hidden directories, in path order. */
  static List<Path> logFiles(Path directory) {
    if (!Files.isDirectory(directory)) {
      throw ApionlyException.of(
          ExitCode.BAD_INPUT,
          Location.of(directory),
          "--logs is not a directory; accepted: a directory holding EventLogFile CSV files");
    }
    try (Stream<Path> walk = Files.walk(directory)) {
      List<Path> files =
          walk.filter(Files::isRegularFile)
              .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".csv"))
              .filter(p -> !hidden(directory.relativize(p)))
              .sorted()
              .toList();
      if (files.isEmpty()) {
        throw ApionlyException.of(
            ExitCode.BAD_INPUT,
            Location.of(directory),
            "no log file (*.csv) here; accepted: a directory holding EventLogFile CSV files of"
                + " the event types "
                + String.join(", ", EventType.keys()));
      }
      return files;
    } catch (IOException e) {
      throw ApionlyException.of(
          ExitCode.BAD_INPUT, Location.of(directory), "cannot list the logs: " + e.getMessage());
    }
  }

  private static boolean hidden(Path relative) {
    for (Path part : relative) {
      if (part.toString().startsWith(".")) {
        return true;
      }
    }
    return false;
  }

  /** Identifies every file, then reads them all; bad input in any file stops the run. */
  Result scan(List<Path> paths) {
    List<LogFile> files = new ArrayList<>();
    Diagnostics problems = new Diagnostics();
    for (Path path : paths) {
      try {
        files.add(identify(path));
      } catch (ApionlyException e) {
        e.diagnostics().forEach(problems::add);
      }
    }
    problems.throwIfErrors(ExitCode.BAD_INPUT);
    Set<EventType> present = EnumSet.noneOf(EventType.class);
    files.stream().filter(f -> f.type() != null).forEach(f -> present.add(f.type()));
    int threads = Math.max(1, Math.min(files.size(), Runtime.getRuntime().availableProcessors()));
    ExecutorService pool = Executors.newFixedThreadPool(threads);
    try {
      List<Future<CallTally>> futures = new ArrayList<>();
      for (LogFile file : files) {
        futures.add(pool.submit(() -> read(file, present)));
      }
      CallTally total = new CallTally(granted.size());
      for (Future<CallTally> future : futures) {
        try {
          total.merge(future.get());
        } catch (ExecutionException e) {
          if (e.getCause() instanceof ApionlyException failure) {
            failure.diagnostics().forEach(problems::add);
          } else if (e.getCause() instanceof RuntimeException runtime) {
            throw runtime;
          } else {
            throw new IllegalStateException(e.getCause());
          }
        }
      }
      problems.throwIfErrors(ExitCode.BAD_INPUT);
      if (!total.unknownUsers.isEmpty()) {
        throw new ApionlyException(
            ExitCode.BAD_INPUT, new ArrayList<>(total.unknownUsers.values()));
      }
      return new Result(files, total);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while reading the logs", e);
    } finally {
      pool.shutdownNow();
    }
  }

  /** The event type of {@code path}, from its first row, with the columns that type needs. */
  static LogFile identify(Path path) {
    try (LogTable table = LogTable.open(path)) {
      if (!table.has(EventType.EVENT_TYPE)) {
        throw LogTable.bad(
            new Location(path, 1, 1),
            "the header has no "
                + EventType.EVENT_TYPE
                + " column: not an Event Monitoring log file; accepted: the LogFile of an"
                + " EventLogFile of the event types "
                + String.join(", ", EventType.keys()));
      }
      table.select(List.of(EventType.EVENT_TYPE));
      if (!table.next()) {
        return new LogFile(path, null);
      }
      String value = table.value(0);
      EventType type =
          EventType.ofKey(value)
              .orElseThrow(
                  () ->
                      LogTable.bad(
                          table.locate(table.line(), EventType.EVENT_TYPE),
                          "event type "
                              + (CallTally.isPlainName(value) ? "'" + value + "'" : "(not shown)")
                              + " does not record API access; accepted: "
                              + String.join(", ", EventType.keys())));
      List<String> missing = new ArrayList<>();
      for (String column : type.required()) {
        if (!table.has(column)) {
          missing.add(column);
        }
      }
      if (EventType.USER_COLUMNS.stream().noneMatch(table::has)) {
        missing.add(String.join(" or ", EventType.USER_COLUMNS));
      }
      if (EventType.TIME_COLUMNS.stream().noneMatch(table::has)) {
        missing.add(String.join(" or ", EventType.TIME_COLUMNS));
      }
      if (!missing.isEmpty()) {
        throw LogTable.bad(
            new Location(path, 1, 1),
            "a "
                + type.key()
                + " log needs the column"
                + (missing.size() == 1 ? " " : "s ")
                + String.join(", ", missing)
                + ", which the header lacks; accepted: the columns Salesforce documents for"
                + " the "
                + type.key()
                + " event type");
      }
      return new LogFile(path, type);
    }
  }

  private CallTally read(LogFile file, Set<EventType> present) {
    CallTally tally = new CallTally(granted.size());
    if (file.type() == null) {
      return tally;
    }
    boolean soapCovered = present.contains(EventType.SOAP);
    boolean restCovered = present.contains(EventType.REST);
    EventType type = file.type();
    Map<String, String> lowerCase = new HashMap<>();
    try (LogTable table = LogTable.open(file.path())) {
      table.select(COLUMNS);
      while (table.next()) {
        tally.rows++;
        if (!table.value(TYPE).equals(type.key())) {
          throw LogTable.bad(
              table.locate(table.line(), EventType.EVENT_TYPE),
              "this row's event type differs from the file's first row ("
                  + type.key()
                  + "); accepted: one event type per file, as Salesforce serves them");
        }
        String time = time(table);
        if (time.compareTo(since) < 0) {
          tally.outsideWindow++;
          continue;
        }
        tally.seen(time);
        String user = table.value(USER_ID);
        String column = "USER_ID";
        if (user.isEmpty()) {
          user = table.value(USER_ID_DERIVED);
          column = "USER_ID_DERIVED";
        }
        String key = UserMap.key(user);
        Integer integration = integrationOfUser.get(key);
        if (integration == null) {
          unknownUser(tally, table, key, column);
          continue;
        }
        if (integration < 0) {
          tally.otherUserCalls++;
          tally.otherUsers.add(key);
          continue;
        }
        CallTally.IntegrationTally calls = tally.integrations[integration];
        calls.calls++;
        int verbs;
        String operation;
        String object;
        switch (type) {
          case SOAP -> {
            operation = table.value(METHOD_NAME);
            verbs = Operation.soap(operation);
            object = table.value(ENTITY_NAME);
          }
          case REST -> {
            operation = table.value(METHOD);
            verbs = Operation.rest(operation, table.value(URI));
            object = table.value(ENTITY_NAME);
          }
          case BULK, BULK2 -> {
            operation = table.value(OPERATION_TYPE);
            verbs = Operation.bulk(operation);
            object = table.value(ENTITY_TYPE);
          }
          case API_TOTAL_USAGE -> {
            String family = table.value(API_FAMILY);
            object = table.value(ENTITY_NAME);
            if (family.equalsIgnoreCase("SOAP")) {
              if (soapCovered) {
                calls.calls--;
                tally.coveredElsewhere++;
                continue;
              }
              operation = table.value(API_RESOURCE);
              verbs = Operation.soap(operation);
            } else if (family.equalsIgnoreCase("REST")) {
              if (restCovered) {
                calls.calls--;
                tally.coveredElsewhere++;
                continue;
              }
              operation = table.value(HTTP_METHOD);
              verbs = Operation.rest(operation, table.value(API_RESOURCE));
            } else {
              operation = family + " API";
              verbs = Operation.UNMAPPED;
            }
          }
          default -> throw new IllegalStateException("no reading for " + type);
        }
        if (verbs == Operation.UNMAPPED) {
          calls.unmapped(operation.replace(' ', '_'));
          continue;
        }
        if (verbs == Operation.NONE || object.isBlank()) {
          calls.withoutObject++;
          continue;
        }
        boolean denied = denied(table);
        Map<String, Integer> grants = granted.get(integration);
        for (String name : objects(object)) {
          String lower = lowerCase.computeIfAbsent(name, n -> n.toLowerCase(Locale.ROOT));
          calls
              .objects
              .computeIfAbsent(lower, k -> new CallTally.ObjectTally())
              .add(name, verbs, grants.getOrDefault(lower, 0), denied, time);
        }
      }
    }
    return tally;
  }

  private void unknownUser(CallTally tally, LogTable table, String key, String column) {
    if (tally.unknownUsers.containsKey(key)
        || tally.unknownUsers.size() >= CallTally.MAX_UNKNOWN_USERS) {
      return;
    }
    Location at = table.locate(table.line(), column);
    String shown = Operation.isRecordId(table.value(LogScan.USER_ID)) ? key : null;
    tally.unknownUsers.put(
        key,
        Diagnostic.error(
            at,
            (key.isEmpty()
                    ? "this row has no user id"
                    : "user "
                        + (shown == null ? "(an id that is not a Salesforce id)" : shown)
                        + " is not in the user map "
                        + dev.apionly.diagnostic.Paths.display(userMap))
                + "; accepted: the users of the org the logs come from, as sf data query"
                + " --query \"SELECT Id, Username FROM User\" --result-format csv lists them"));
  }

  /**
   * The row's time in ISO 8601 (UTC), from TIMESTAMP_DERIVED or else TIMESTAMP ({@code
   * 20130715233322.670}); anything else is bad input at its line.
   */
  private static String time(LogTable table) {
    String derived = table.value(TIMESTAMP_DERIVED);
    if (!derived.isEmpty()) {
      if (isIsoStart(derived)) {
        return derived;
      }
      throw badTime(table, "TIMESTAMP_DERIVED");
    }
    String compact = table.value(TIMESTAMP);
    if (compact.length() >= 14 && digits(compact, 0, 14)) {
      return compact.substring(0, 4)
          + '-'
          + compact.substring(4, 6)
          + '-'
          + compact.substring(6, 8)
          + 'T'
          + compact.substring(8, 10)
          + ':'
          + compact.substring(10, 12)
          + ':'
          + compact.substring(12, 14)
          + (compact.length() > 14 ? compact.substring(14) : "")
          + 'Z';
    }
    throw badTime(table, "TIMESTAMP");
  }

  private static ApionlyException badTime(LogTable table, String column) {
    return LogTable.bad(
        table.locate(table.line(), column),
        column
            + " here is not a time; accepted: 2026-03-01T12:00:00.000Z in TIMESTAMP_DERIVED,"
            + " or 20260301120000.000 in TIMESTAMP");
  }

  private static boolean isIsoStart(String text) {
    return text.length() >= 10
        && digits(text, 0, 4)
        && text.charAt(4) == '-'
        && digits(text, 5, 7)
        && text.charAt(7) == '-'
        && digits(text, 8, 10);
  }

  private static boolean digits(String text, int from, int to) {
    for (int i = from; i < to; i++) {
      char c = text.charAt(i);
      if (c < '0' || c > '9') {
        return false;
      }
    }
    return true;
  }

  /**
   * Whether Salesforce refused the call for want of access: HTTP 401 or 403, request status A
   * (authorisation error), or an INSUFFICIENT_ACCESS error code in the message.
   */
  private static boolean denied(LogTable table) {
    String status = table.value(STATUS_CODE);
    if (status.equals("401") || status.equals("403")) {
      return true;
    }
    if (table.value(REQUEST_STATUS).equals("A")) {
      return true;
    }
    return table.value(EXCEPTION_MESSAGE).contains(INSUFFICIENT_ACCESS)
        || table.value(MESSAGE).contains(INSUFFICIENT_ACCESS)
        || table.value(ERROR_MESSAGE).contains(INSUFFICIENT_ACCESS);
  }

  /**
   * The objects of an ENTITY_NAME, which Salesforce types as a set: usually one name, several
   * separated by commas or semicolons.
   */
  static List<String> objects(String entity) {
    if (entity.indexOf(',') < 0 && entity.indexOf(';') < 0) {
      return List.of(entity.strip());
    }
    List<String> names = new ArrayList<>();
    for (String part : entity.split("[,;]")) {
      String name = part.strip();
      if (!name.isEmpty() && !names.contains(name)) {
        names.add(name);
      }
    }
    return names;
  }
}
