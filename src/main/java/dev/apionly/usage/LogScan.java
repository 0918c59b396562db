package dev.apionly.usage;

import dev.apionly.diagnostic.ApionlyException;
import dev.apionly.diagnostic.Diagnostic;
import dev.apionly.diagnostic.Diagnostics;
import dev.apionly.diagnostic.ExitCode;
import dev.apionly.diagnostic.Location;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
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

  /** A part of a file smaller than this is not worth a thread of its own. */
  private static final long MIN_PART = 4L << 20;

  /** Parts of at most this size, so that a thread that falls behind holds the others up little. */
  private static final long MAX_PART = 64L << 20;

  /** How far past a planned split point a row's start is looked for. */
  private static final int SPLIT_SEARCH = 1 << 16;

  private final UserIndex users;
  private final List<Map<String, Integer>> granted;
  private final String since;
  private final byte[] sinceBytes;
  private final Path userMap;

  /** The size of the parts files are split into; 0: from the logs' size and the cores. */
  private long partSize;

  /** Files read in parts that had to be read again whole. */
  private int readAgain;

  /**
   * {@code integrationOfUser}: 15-character user id to the integration's index, -1 for a user that
   * is none; {@code granted}: per integration, lower-case object to its granted verbs.
   */
  LogScan(
      Map<String, Integer> integrationOfUser,
      List<Map<String, Integer>> granted,
      String since,
      Path userMap) {
    this.users = new UserIndex(integrationOfUser);
    this.granted = granted;
    this.since = since;
    this.sinceBytes = since.getBytes(StandardCharsets.UTF_8);
    this.userMap = userMap;
  }

  /** Splits the files into parts of about {@code bytes}, whatever their size: for tests. */
  LogScan partSize(long bytes) {
    this.partSize = bytes;
    return this;
  }

  /** How many files read in parts had to be read again whole: for tests. */
  int filesReadAgain() {
    return readAgain;
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

  /** The rows of a file that start in {@code [from, to)}; from 0: every row after the header. */
  private record Part(long from, long to) {}

  /**
   * What reading a part found, and where it stopped: at the next part's start when the split was at
   * a row's start; no tally when a row needs the whole file read to be reported at its line.
   */
  private record Reading(CallTally tally, long stoppedAt) {}

  /**
   * Identifies every file, then reads them all, large files in parts, so that every core has work
   * until the end; bad input in any file stops the run.
   */
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
    int cores = Runtime.getRuntime().availableProcessors();
    List<List<Part>> plan = plan(files, cores);
    int parts = plan.stream().mapToInt(List::size).sum();
    ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, Math.min(parts, cores)));
    try {
      List<List<Future<Reading>>> readings = new ArrayList<>();
      for (int i = 0; i < files.size(); i++) {
        LogFile file = files.get(i);
        List<Part> fileParts = plan.get(i);
        boolean whole = fileParts.size() == 1;
        List<Future<Reading>> futures = new ArrayList<>();
        for (Part part : fileParts) {
          futures.add(pool.submit(() -> read(file, present, part, whole)));
        }
        readings.add(futures);
      }
      CallTally total = new CallTally(granted.size());
      for (int i = 0; i < files.size(); i++) {
        try {
          total.merge(join(files.get(i), present, plan.get(i), readings.get(i)));
        } catch (ApionlyException failure) {
          failure.diagnostics().forEach(problems::add);
        }
        readings.set(i, null);
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

  /**
   * One file's tally from its parts' readings, in order. A part counts only when the part before it
   * stopped exactly where it starts: then its start is a row's start, whatever the quoted values
   * before it hold. Otherwise, or when a part failed or met a row only a reading from the file's
   * start can place (bad input is reported at its line), the file is read again whole: the answer,
   * and any error, are then those of one sequential reading.
   */
  private CallTally join(
      LogFile file, Set<EventType> present, List<Part> parts, List<Future<Reading>> readings)
      throws InterruptedException {
    CallTally tally = new CallTally(granted.size());
    for (int k = 0; k < parts.size(); k++) {
      Reading reading;
      try {
        reading = readings.get(k).get();
      } catch (ExecutionException e) {
        if (parts.size() > 1) {
          return wholeAgain(file, present, readings);
        }
        throw rethrown(e);
      }
      boolean joins = k + 1 == parts.size() || reading.stoppedAt() == parts.get(k + 1).from();
      if (reading.tally() == null || !joins) {
        return wholeAgain(file, present, readings);
      }
      tally.merge(reading.tally());
    }
    return tally;
  }

  private CallTally wholeAgain(
      LogFile file, Set<EventType> present, List<Future<Reading>> readings) {
    readings.forEach(f -> f.cancel(false));
    readAgain++;
    return read(file, present, new Part(0, Long.MAX_VALUE), true).tally();
  }

  private static RuntimeException rethrown(ExecutionException e) {
    if (e.getCause() instanceof RuntimeException runtime) {
      return runtime;
    }
    if (e.getCause() instanceof Error error) {
      throw error;
    }
    return new IllegalStateException(e.getCause());
  }

  /**
   * Each file's parts: about {@code size} bytes each (from the logs' total, several per core,
   * unless set), split just before a line that starts with a quote (where every Salesforce row
   * starts). Such a line may also be inside a quoted value: {@link #join} finds that out.
   */
  private List<List<Part>> plan(List<LogFile> files, int cores) {
    long total = 0;
    for (LogFile file : files) {
      total += file.type() == null ? 0 : size(file.path());
    }
    long size =
        partSize > 0 ? partSize : Math.max(MIN_PART, Math.min(MAX_PART, total / (cores * 8L)));
    List<List<Part>> plan = new ArrayList<>();
    for (LogFile file : files) {
      long bytes = file.type() == null ? 0 : size(file.path());
      long count = bytes / size;
      List<Long> starts = new ArrayList<>();
      if (count > 1) {
        try (FileChannel channel = FileChannel.open(file.path(), StandardOpenOption.READ)) {
          ByteBuffer window = ByteBuffer.allocate(SPLIT_SEARCH);
          for (long k = 1; k < count; k++) {
            long start = rowStartAfter(channel, window, bytes * k / count);
            if (start > 0 && (starts.isEmpty() || start > starts.get(starts.size() - 1))) {
              starts.add(start);
            }
          }
        } catch (IOException e) {
          starts.clear();
        }
      }
      List<Part> parts = new ArrayList<>();
      long from = 0;
      for (long start : starts) {
        parts.add(new Part(from, start));
        from = start;
      }
      parts.add(new Part(from, Long.MAX_VALUE));
      plan.add(parts);
    }
    return plan;
  }

  private static long size(Path path) {
    try {
      return Files.size(path);
    } catch (IOException e) {
      return 0;
    }
  }

  /** The first offset after {@code near} that follows a line break and holds a quote; -1: none. */
  private static long rowStartAfter(FileChannel channel, ByteBuffer window, long near)
      throws IOException {
    window.clear();
    while (window.hasRemaining()) {
      if (channel.read(window, near + window.position()) < 0) {
        break;
      }
    }
    byte[] bytes = window.array();
    for (int i = 0; i + 1 < window.position(); i++) {
      if (bytes[i] == '\n' && bytes[i + 1] == '"') {
        return near + i + 1;
      }
    }
    return -1;
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

  /**
   * Reads the rows of {@code part}. Most rows are calls of users who are no integration's: they are
   * judged on the bytes of three values, without a string. Read as a part of the file ({@code
   * whole} false), a user not in the map ends the reading without a tally, and bad input is thrown
   * as it is met: {@link #join} reads the file again for either, so that what is reported, and in
   * which order, is what one reading from the start reports.
   */
  private Reading read(LogFile file, Set<EventType> present, Part part, boolean whole) {
    CallTally tally = new CallTally(granted.size());
    if (file.type() == null) {
      return new Reading(tally, 0);
    }
    boolean soapCovered = present.contains(EventType.SOAP);
    boolean restCovered = present.contains(EventType.REST);
    EventType type = file.type();
    byte[] typeKey = type.key().getBytes(StandardCharsets.UTF_8);
    Map<String, String> lowerCase = new HashMap<>();
    TimeRange seen = new TimeRange();
    try (LogTable table = LogTable.open(file.path())) {
      table.select(COLUMNS);
      table.range(part.from() == 0 ? table.offset() : part.from(), part.to());
      while (table.next()) {
        tally.rows++;
        if (!table.is(TYPE, typeKey)) {
          throw LogTable.bad(
              table.locate(table.line(), EventType.EVENT_TYPE),
              "this row's event type differs from the file's first row ("
                  + type.key()
                  + "); accepted: one event type per file, as Salesforce serves them");
        }
        String time = null;
        byte[] bytes = table.bytes(TIMESTAMP_DERIVED);
        int start = table.start(TIMESTAMP_DERIVED);
        int length = table.length(TIMESTAMP_DERIVED);
        if (isAsciiIsoStart(bytes, start, length)) {
          if (compare(bytes, start, length, sinceBytes) < 0) {
            tally.outsideWindow++;
            continue;
          }
          seen.add(bytes, start, length);
        } else {
          time = time(table);
          if (time.compareTo(since) < 0) {
            tally.outsideWindow++;
            continue;
          }
          tally.seen(time);
        }
        int column = table.length(USER_ID) > 0 ? USER_ID : USER_ID_DERIVED;
        int user = users.number(table.bytes(column), table.start(column), table.length(column));
        if (user < 0) {
          String key = UserMap.key(table.value(column));
          user = users.number(key);
          if (user < 0) {
            if (!whole) {
              return new Reading(null, table.offset());
            }
            unknownUser(tally, table, key, COLUMNS.get(column));
            continue;
          }
        }
        int integration = users.integration(user);
        if (integration < 0) {
          tally.otherUserCalls++;
          tally.otherUsers.set(user);
          continue;
        }
        if (time == null) {
          time = table.value(TIMESTAMP_DERIVED);
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
      seen.into(tally);
      return new Reading(tally, table.offset());
    }
  }

  /** The least and the greatest ASCII time of a part's rows, kept as bytes until it ends. */
  private static final class TimeRange {
    private byte[] first;
    private byte[] last;

    void add(byte[] bytes, int start, int length) {
      if (first == null || compare(bytes, start, length, first) < 0) {
        first = Arrays.copyOfRange(bytes, start, start + length);
      }
      if (last == null || compare(bytes, start, length, last) > 0) {
        last = Arrays.copyOfRange(bytes, start, start + length);
      }
    }

    void into(CallTally tally) {
      if (first != null) {
        tally.seen(new String(first, StandardCharsets.US_ASCII));
        tally.seen(new String(last, StandardCharsets.US_ASCII));
      }
    }
  }

  /**
   * {@code length} bytes from {@code start} against {@code other}, as {@link String#compareTo}
   * compares them when both are ASCII.
   */
  private static int compare(byte[] bytes, int start, int length, byte[] other) {
    int common = Math.min(length, other.length);
    for (int i = 0; i < common; i++) {
      int difference = (bytes[start + i] & 0xFF) - (other[i] & 0xFF);
      if (difference != 0) {
        return difference;
      }
    }
    return length - other.length;
  }

  /** An ASCII value that starts as a date does: such a time compares the same as bytes. */
  private static boolean isAsciiIsoStart(byte[] bytes, int start, int length) {
    if (length < 10
        || bytes[start + 4] != '-'
        || bytes[start + 7] != '-'
        || !digits(bytes, start, 4)
        || !digits(bytes, start + 5, 2)
        || !digits(bytes, start + 8, 2)) {
      return false;
    }
    for (int i = start + 10; i < start + length; i++) {
      if (bytes[i] < 0) {
        return false;
      }
    }
    return true;
  }

  private static boolean digits(byte[] bytes, int start, int count) {
    for (int i = start; i < start + count; i++) {
      if (bytes[i] < '0' || bytes[i] > '9') {
        return false;
      }
    }
    return true;
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
