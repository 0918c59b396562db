package dev.apionly.metadata;

/**
 * The {@code xsd:boolean} values of metadata files, strictly: the classes xjc generates convert
 * through it, so a value Salesforce would refuse is an error, not a quiet false.
 */
public final class XmlBoolean {

  private XmlBoolean() {}

  /** {@code true}, {@code false}, {@code 1} or {@code 0}, with any whitespace around. */
  public static Boolean parse(String text) {
    return switch (text.strip()) {
      case "true", "1" -> Boolean.TRUE;
      case "false", "0" -> Boolean.FALSE;
      default ->
          throw new IllegalArgumentException(
              "'" + text.strip() + "' is not a boolean; accepted: true, false, 1, 0");
    };
  }

  /** The value as Salesforce writes it. */
  public static String print(Boolean value) {
    return value == null ? null : value.toString();
  }
}
