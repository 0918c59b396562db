package dev.apionly.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.core.util.Separators;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The layout of every JSON report apionly writes for scripts (review, usage, lint's JSON and
 * SARIF): two-space indents, one value a line, {@code "key": value}, {@code []} and {@code {}} when
 * empty, a final newline.
 */
public final class JsonText {

  private static final ObjectMapper JSON = new ObjectMapper();

  private static final DefaultPrettyPrinter LAYOUT =
      new DefaultPrettyPrinter()
          .withObjectIndenter(new DefaultIndenter("  ", "\n"))
          .withArrayIndenter(new DefaultIndenter("  ", "\n"))
          .withSeparators(
              Separators.createDefaultInstance()
                  .withObjectFieldValueSpacing(Separators.Spacing.AFTER)
                  .withArrayEmptySeparator("")
                  .withObjectEmptySeparator(""));

  private JsonText() {}

  /** A new, empty object to build a report in. */
  public static ObjectNode object() {
    return JSON.createObjectNode();
  }

  /** {@code root} laid out as above. */
  public static String of(ObjectNode root) {
    try {
      return JSON.writer(LAYOUT).writeValueAsString(root) + "\n";
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("a JSON tree always serializes", e);
    }
  }
}
