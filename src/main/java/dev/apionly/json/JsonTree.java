package dev.apionly.json;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.MissingNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Reads JSON into Jackson's tree the way {@code ObjectMapper.readTree} does (a later duplicate key
 * wins, integers as small a node as holds them, decimals as doubles, no text {@link MissingNode}),
 * straight off the streaming parser. An {@code ObjectMapper} is not made for it: building the first
 * one loads date formats and locale data, a good part of a cold start that reads {@code
 * sfdx-project.json} and nothing else in JSON. Parse errors are Jackson's own {@link
 * com.fasterxml.jackson.core.JsonProcessingException}, with their location.
 */
public final class JsonTree {

  /** Thread-safe once made; a parser is made per text. */
  private static final JsonFactory FACTORY = new JsonFactory();

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private JsonTree() {}

  /** A streaming parser over {@code text}, for a caller that walks part of it token by token. */
  public static JsonParser parser(String text) throws IOException {
    return FACTORY.createParser(text);
  }

  /** The value {@code text} holds. */
  public static JsonNode read(String text) throws IOException {
    try (JsonParser parser = parser(text)) {
      return document(parser);
    }
  }

  /** The value {@code bytes} (UTF-8, or as Jackson detects from them) hold. */
  public static JsonNode read(byte[] bytes) throws IOException {
    try (JsonParser parser = FACTORY.createParser(bytes)) {
      return document(parser);
    }
  }

  /**
   * The value {@code bytes} hold and nothing after it but white space, as a file written to be one
   * JSON document must be; more after it is a parse error at where it starts.
   */
  public static JsonNode readWhole(byte[] bytes) throws IOException {
    try (JsonParser parser = FACTORY.createParser(bytes)) {
      JsonNode value = document(parser);
      if (parser.nextToken() != null) {
        throw new JsonParseException(parser, "more after the JSON value, where the text must end");
      }
      return value;
    }
  }

  /** The value {@code file} holds. */
  public static JsonNode read(Path file) throws IOException {
    try (JsonParser parser = FACTORY.createParser(file.toFile())) {
      return document(parser);
    }
  }

  /**
   * The value that starts at {@code parser}'s current token (or its next, when it has none yet),
   * leaving the parser on the value's last token; {@code null} at the end of the input.
   */
  public static JsonNode read(JsonParser parser) throws IOException {
    JsonToken token = parser.hasCurrentToken() ? parser.currentToken() : parser.nextToken();
    return token == null ? null : value(parser, token);
  }

  private static JsonNode document(JsonParser parser) throws IOException {
    JsonToken token = parser.nextToken();
    return token == null ? MissingNode.getInstance() : value(parser, token);
  }

  private static JsonNode value(JsonParser parser, JsonToken token) throws IOException {
    switch (token) {
      case START_OBJECT:
        ObjectNode object = NODES.objectNode();
        for (JsonToken next = parser.nextToken();
            next != JsonToken.END_OBJECT;
            next = parser.nextToken()) {
          String key = parser.currentName();
          object.replace(key, value(parser, parser.nextToken()));
        }
        return object;
      case START_ARRAY:
        ArrayNode array = NODES.arrayNode();
        for (JsonToken next = parser.nextToken();
            next != JsonToken.END_ARRAY;
            next = parser.nextToken()) {
          array.add(value(parser, next));
        }
        return array;
      case VALUE_STRING:
        return NODES.textNode(parser.getText());
      case VALUE_NUMBER_INT:
        switch (parser.getNumberType()) {
          case INT:
            return NODES.numberNode(parser.getIntValue());
          case LONG:
            return NODES.numberNode(parser.getLongValue());
          default:
            return NODES.numberNode(parser.getBigIntegerValue());
        }
      case VALUE_NUMBER_FLOAT:
        return NODES.numberNode(parser.getDoubleValue());
      case VALUE_TRUE:
        return NODES.booleanNode(true);
      case VALUE_FALSE:
        return NODES.booleanNode(false);
      case VALUE_NULL:
        return NODES.nullNode();
      default:
        throw new IllegalStateException("a JSON text parser gave " + token);
    }
  }
}
