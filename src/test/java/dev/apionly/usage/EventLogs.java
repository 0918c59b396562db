package dev.apionly.usage;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Event Monitoring log files made to the column sets Salesforce documents for each event type
 * (docs/event-monitoring.md), every value quoted as Salesforce serves them: small ones row by row
 * for tests, large random ones for the scale test and the benchmark.
 */
public final class EventLogs {

  private static final List<String> COMMON =
      List.of("EVENT_TYPE", "TIMESTAMP", "REQUEST_ID", "ORGANIZATION_ID", "USER_ID");

  /** The documented columns of each event type, common ones first, derived ones last. */
  public static final Map<String, List<String>> COLUMNS = new LinkedHashMap<>();

  static {
    COLUMNS.put(
        "ApiTotalUsage",
        columns(
            List.of(
                "API_FAMILY",
                "API_RESOURCE",
                "API_VERSION",
                "CLIENT_IP",
                "CLIENT_NAME",
                "CONNECTED_APP_ID",
                "CONNECTED_APP_NAME",
                "COUNTS_AGAINST_API_LIMIT",
                "ENTITY_NAME",
                "HTTP_METHOD",
                "STATUS_CODE"),
            List.of("TIMESTAMP_DERIVED", "USER_ID_DERIVED")));
    COLUMNS.put(
        "API",
        columns(
            List.of(
                "RUN_TIME",
                "CPU_TIME",
                "URI",
                "SESSION_KEY",
                "LOGIN_KEY",
                "CLIENT_NAME",
                "API_TYPE",
                "API_VERSION",
                "METHOD_NAME",
                "ENTITY_NAME",
                "ROWS_PROCESSED",
                "REQUEST_SIZE",
                "RESPONSE_SIZE",
                "REQUEST_STATUS",
                "DB_TOTAL_TIME",
                "DB_BLOCKS",
                "DB_CPU_TIME",
                "CLIENT_IP",
                "QUERY_ID",
                "USER_AGENT"),
            List.of("TIMESTAMP_DERIVED", "USER_ID_DERIVED", "URI_ID_DERIVED")));
    COLUMNS.put(
        "RestApi",
        columns(
            List.of(
                "RUN_TIME",
                "CPU_TIME",
                "URI",
                "SESSION_KEY",
                "LOGIN_KEY",
                "CLIENT_NAME",
                "CONNECTED_APP_ID",
                "METHOD",
                "STATUS_CODE",
                "ENTITY_NAME",
                "MEDIA_TYPE",
                "NUMBER_FIELDS",
                "ROWS_PROCESSED",
                "REQUEST_SIZE",
                "RESPONSE_SIZE",
                "REQUEST_STATUS",
                "DB_TOTAL_TIME",
                "DB_BLOCKS",
                "DB_CPU_TIME",
                "EXCEPTION_MESSAGE",
                "CLIENT_IP",
                "USER_AGENT"),
            List.of("TIMESTAMP_DERIVED", "USER_ID_DERIVED", "URI_ID_DERIVED")));
    COLUMNS.put(
        "BulkApi",
        columns(
            List.of(
                "RUN_TIME",
                "CPU_TIME",
                "SESSION_KEY",
                "LOGIN_KEY",
                "JOB_ID",
                "BATCH_ID",
                "ENTITY_TYPE",
                "OPERATION_TYPE",
                "ROWS_PROCESSED",
                "NUMBER_FAILURES",
                "SUCCESS",
                "MESSAGE",
                "CLIENT_IP"),
            List.of("TIMESTAMP_DERIVED", "USER_ID_DERIVED")));
    COLUMNS.put(
        "BulkApi2",
        columns(
            List.of(
                "RUN_TIME",
                "CPU_TIME",
                "SESSION_KEY",
                "LOGIN_KEY",
                "JOB_ID",
                "JOB_STATUS",
                "ENTITY_TYPE",
                "OPERATION_TYPE",
                "RECORDS_PROCESSED",
                "RECORDS_FAILED",
                "RESULT_SIZE_MB",
                "URI",
                "CLIENT_IP"),
            List.of("TIMESTAMP_DERIVED", "USER_ID_DERIVED", "URI_ID_DERIVED")));
  }

  private EventLogs() {}

  private static List<String> columns(List<String> own, List<String> derived) {
    List<String> all = new ArrayList<>(COMMON);
    all.addAll(own);
    all.addAll(derived);
    return List.copyOf(all);
  }

  /** A log file of {@code eventType} being written; every row gets the common columns filled. */
  public static Log file(Path file, String eventType) {
    return new Log(file, eventType, COLUMNS.get(eventType));
  }

  /** One log file, built row by row. */
  public static final class Log implements AutoCloseable {
    private final String eventType;
    private final List<String> columns;
    private final BufferedWriter out;
    private long rows;

    Log(Path file, String eventType, List<String> columns) {
      this.eventType = eventType;
      this.columns = columns;
      try {
        Files.createDirectories(file.toAbsolutePath().getParent());
        this.out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
        line(columns);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /**
     * A row by {@code userId} (18 characters: USER_ID gets its first 15) at {@code time} (ISO
     * 8601), with {@code fields} as name, value pairs.
     */
    public Log row(String userId, String time, String... fields) {
      Map<String, String> values = new HashMap<>();
      values.put("EVENT_TYPE", eventType);
      values.put("TIMESTAMP", compact(time));
      values.put("TIMESTAMP_DERIVED", time);
      values.put("REQUEST_ID", "4ZxXw" + Long.toString(rows, 36));
      values.put("ORGANIZATION_ID", "00D000000000123");
      values.put("USER_ID", userId.length() > 15 ? userId.substring(0, 15) : userId);
      values.put("USER_ID_DERIVED", userId);
      for (int i = 0; i + 1 < fields.length; i += 2) {
        values.put(fields[i], fields[i + 1]);
      }
      List<String> row = new ArrayList<>(columns.size());
      for (String column : columns) {
        row.add(values.getOrDefault(column, ""));
      }
      line(row);
      rows++;
      return this;
    }

    private void line(List<String> values) {
      try {
        for (int i = 0; i < values.size(); i++) {
          if (i > 0) {
            out.write(',');
          }
          out.write('"');
          out.write(values.get(i).replace("\"", "\"\""));
          out.write('"');
        }
        out.write('\n');
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    @Override
    public void close() {
      try {
        out.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** {@code 2026-03-01T12:00:00.000Z} as TIMESTAMP writes it: {@code 20260301120000.000}. */
  static String compact(String iso) {
    return iso.substring(0, 4)
        + iso.substring(5, 7)
        + iso.substring(8, 10)
        + iso.substring(11, 13)
        + iso.substring(14, 16)
        + iso.substring(17, 19)
        + iso.substring(19, Math.min(iso.length(), 23));
  }

  /** An 18-character user id made from a number, as the user map and the logs both write it. */
  public static String userId(int n) {
    return String.format("005%09dAAQ", n) + "AAA";
  }

  /** What {@link #generate} wrote, to check a reading against. */
  public record Generated(long rows, long integrationRows, long otherRows, long bytes) {}

  /**
   * About {@code bytes} of random logs into {@code directory}, spread over the five event types, by
   * {@code users} users of whom the first {@code integrationUsers} are integrations' (the rest
   * others), over March 2026; and the user map {@code users.csv} beside them.
   */
  public static Generated generate(
      Path directory, long bytes, int users, int integrationUsers, long seed) throws IOException {
    Files.createDirectories(directory.resolve("logs"));
    try (BufferedWriter map =
        Files.newBufferedWriter(directory.resolve("users.csv"), StandardCharsets.UTF_8)) {
      map.write("Id,Username\n");
      for (int i = 0; i < users; i++) {
        map.write(userId(i) + "," + username(i) + "\n");
      }
    }
    Random random = new Random(seed);
    String[] objects = {"Account", "Contact", "Order", "Invoice__c", "Case", "Opportunity"};
    String[] soap = {
      "query", "create", "update", "upsert", "delete", "retrieve", "describeSObject"
    };
    String[] methods = {"GET", "POST", "PATCH", "DELETE"};
    String[] bulk = {"insert", "update", "upsert", "delete", "query"};
    List<String> types = new ArrayList<>(COLUMNS.keySet());
    long rows = 0;
    long integration = 0;
    long other = 0;
    long written = 0;
    for (String type : types) {
      Path file = directory.resolve("logs").resolve(type + ".csv");
      try (Log log = file(file, type)) {
        while (Files.size(file) < bytes / types.size() || log.rows == 0) {
          for (int batch = 0; batch < 2000; batch++) {
            int user = random.nextInt(users);
            String time =
                String.format(
                    "2026-03-%02dT%02d:%02d:%02d.%03dZ",
                    1 + random.nextInt(31),
                    random.nextInt(24),
                    random.nextInt(60),
                    random.nextInt(60),
                    random.nextInt(1000));
            String object = objects[random.nextInt(objects.length)];
            String[] fields =
                switch (type) {
                  case "API" ->
                      new String[] {
                        "METHOD_NAME", soap[random.nextInt(soap.length)],
                        "ENTITY_NAME", object,
                        "API_TYPE", "P",
                        "REQUEST_STATUS", "S",
                        "URI", "/services/Soap/u/62.0",
                        "ROWS_PROCESSED", Integer.toString(random.nextInt(2000)),
                        "USER_AGENT", "Java/17 erp-sync"
                      };
                  case "RestApi" ->
                      new String[] {
                        "METHOD",
                        methods[random.nextInt(methods.length)],
                        "URI",
                        "/services/data/v62.0/sobjects/" + object + "/001Hn00001ABCDeIAQ",
                        "ENTITY_NAME",
                        object,
                        "STATUS_CODE",
                        random.nextInt(50) == 0 ? "403" : "200",
                        "MEDIA_TYPE",
                        "application/json",
                        "USER_AGENT",
                        "python-requests/2.31"
                      };
                  case "BulkApi", "BulkApi2" ->
                      new String[] {
                        "OPERATION_TYPE",
                        bulk[random.nextInt(bulk.length)],
                        "ENTITY_TYPE",
                        object,
                        "JOB_ID",
                        "7506g00000" + random.nextInt(99999),
                        "SUCCESS",
                        "true",
                        "JOB_STATUS",
                        "JobComplete"
                      };
                  default ->
                      new String[] {
                        "API_FAMILY",
                        random.nextBoolean() ? "REST" : "SOAP",
                        "API_RESOURCE",
                        "/v62.0/sobjects/" + object,
                        "HTTP_METHOD",
                        "GET",
                        "ENTITY_NAME",
                        object,
                        "STATUS_CODE",
                        "200"
                      };
                };
            log.row(userId(user), time, fields);
            rows++;
            if (user < integrationUsers) {
              integration++;
            } else {
              other++;
            }
          }
          log.out.flush();
        }
      }
      written += Files.size(file);
    }
    return new Generated(rows, integration, other, written);
  }

  /** The username of generated user {@code n}. */
  public static String username(int n) {
    return "user" + n + "@acme.example.integration";
  }

  /** {@code DIR MEGABYTES}: writes logs and a user map for the benchmark. */
  public static void main(String[] args) throws IOException {
    Path directory = Path.of(args[0]);
    long megabytes = Long.parseLong(args[1]);
    Generated generated = generate(directory, megabytes * 1024 * 1024, 200, 4, 18);
    System.out.println(
        "wrote "
            + generated.rows()
            + " rows, "
            + generated.bytes() / (1024 * 1024)
            + " MiB, into "
            + directory.resolve("logs"));
  }
}
