package dev.apionly.usage;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The Event Monitoring event types that record API access, each with the columns apionly reads from
 * its log file (docs/event-monitoring.md says why each one).
 */
public enum EventType {
  API_TOTAL_USAGE(
      "ApiTotalUsage",
      List.of("API_FAMILY", "API_RESOURCE", "HTTP_METHOD", "ENTITY_NAME"),
      List.of("STATUS_CODE")),
  SOAP("API", List.of("METHOD_NAME", "ENTITY_NAME"), List.of("REQUEST_STATUS")),
  REST(
      "RestApi",
      List.of("METHOD", "URI", "ENTITY_NAME"),
      List.of("STATUS_CODE", "REQUEST_STATUS", "EXCEPTION_MESSAGE")),
  BULK("BulkApi", List.of("OPERATION_TYPE", "ENTITY_TYPE"), List.of("MESSAGE")),
  BULK2("BulkApi2", List.of("OPERATION_TYPE", "ENTITY_TYPE"), List.of("ERROR_MESSAGE"));

  /** The column every log file has, whose value names its event type. */
  public static final String EVENT_TYPE = "EVENT_TYPE";

  /** Who made the call: the 15-character id, or the 18-character one, at least one of them. */
  public static final List<String> USER_COLUMNS = List.of("USER_ID", "USER_ID_DERIVED");

  /** When: the ISO 8601 time, or Salesforce's compact one, at least one of them. */
  public static final List<String> TIME_COLUMNS = List.of("TIMESTAMP_DERIVED", "TIMESTAMP");

  private final String key;
  private final List<String> required;
  private final List<String> optional;

  EventType(String key, List<String> required, List<String> optional) {
    this.key = key;
    this.required = required;
    this.optional = optional;
  }

  /** The value of {@code EVENT_TYPE} (and of EventLogFile's {@code EventType}) for this type. */
  public String key() {
    return key;
  }

  /** Columns without which the type's calls cannot be mapped to objects and verbs. */
  public List<String> required() {
    return required;
  }

  /** Columns read when present: they tell a denied call from a granted one. */
  public List<String> optional() {
    return optional;
  }

  /** The type whose {@code EVENT_TYPE} value is {@code value}, compared as Salesforce writes it. */
  public static Optional<EventType> ofKey(String value) {
    return Arrays.stream(values()).filter(t -> t.key.equals(value)).findFirst();
  }

  /** Every accepted {@code EVENT_TYPE} value, for messages. */
  public static List<String> keys() {
    return Arrays.stream(values()).map(EventType::key).toList();
  }

  @Override
  public String toString() {
    return key;
  }
}
